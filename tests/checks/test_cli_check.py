"""`kpu-docs check`: the rule id with each warning, --json for scripts, --abaikan and the file's
own pengaturan.abaikan_periksa."""

from __future__ import annotations

import json

from ruamel.yaml import YAML
from typer.testing import CliRunner

from kpu_docs.checks import ATURAN
from kpu_docs.cli import app
from kpu_docs.nomor.ambil import ambil_nomor
from tests.conftest import EXAMPLE
from tests.nomor.conftest import decree_file

runner = CliRunner()


def _check(*args) -> object:
    return runner.invoke(app, ["check", *map(str, args)])


def _with_settings(tmp_path, **pengaturan):
    data = YAML(typ="safe").load(EXAMPLE)
    data.setdefault("pengaturan", {}).update(pengaturan)
    path = tmp_path / "keputusan.json"
    path.write_text(json.dumps(data, default=str), encoding="utf-8")
    return path


def test_each_warning_names_its_rule():
    result = _check(EXAMPLE)
    assert result.exit_code == 0
    assert "[judul-seragam]" in result.output and "[menimbang-huruf]" in result.output
    assert "Data sah; 3 peringatan." in result.output


def test_json_for_scripts():
    result = _check(EXAMPLE, "--json")
    assert result.exit_code == 0  # warnings are not errors
    found = json.loads(result.stdout)
    assert [f["aturan"] for f in found] == ["menimbang-huruf", "judul-seragam", "urutan-kronologis"]
    assert all(set(f) == {"aturan", "lokasi", "pesan", "alasan"} for f in found)
    assert found[0]["lokasi"] == "menimbang_penutup" and found[0]["alasan"] == ATURAN["menimbang-huruf"].alasan


def test_json_of_clean_data_is_an_empty_list(tmp_path):
    path = _with_settings(tmp_path, abaikan_periksa=["judul-seragam", "menimbang-huruf", "urutan-kronologis"])
    result = _check(path, "--json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_json_of_invalid_data_exits_2_and_prints_nothing(tmp_path):
    bad = tmp_path / "rusak.yaml"
    bad.write_text("instansi: KPU\ntahun: dua ribu\n", encoding="utf-8")
    result = _check(bad, "--json")
    assert result.exit_code == 2 and result.stdout == ""
    assert "tahun: harus berupa bilangan bulat" in result.output


def test_silenced_in_the_file_and_on_the_command_line(tmp_path):
    path = _with_settings(tmp_path, abaikan_periksa=["judul-seragam"])
    result = _check(path, "--abaikan", "menimbang-huruf")
    assert result.exit_code == 0
    assert "[judul-seragam]" not in result.output and "[menimbang-huruf]" not in result.output
    assert "Data sah; 1 peringatan." in result.output


def test_an_unknown_id_in_the_file_is_a_warning_on_the_command_line_an_error(tmp_path):
    path = _with_settings(tmp_path, abaikan_periksa=["judul-seragam", "judul-seragan"])
    result = _check(path)
    assert result.exit_code == 0
    assert 'pengaturan.abaikan_periksa[2]: aturan "judul-seragan" tidak dikenal' in result.output
    result = _check(EXAMPLE, "--abaikan", "judul-seragan")
    assert result.exit_code == 2 and "--abaikan: aturan tidak dikenal: judul-seragan" in result.output


def test_the_register_finding_has_its_rule_and_can_be_silenced(tmp_path):
    register = tmp_path / "register.sqlite"
    own = decree_file(tmp_path, "[ISI NOMOR]/PP.04.1-Kpt/5201/2026", "2026-02-10", name="asli.yaml")
    ambil_nomor(own, register)
    copy = tmp_path / "salinan.yaml"
    copy.write_bytes(own.read_bytes())
    found = json.loads(_check(copy, "--register", register, "--json").stdout)
    assert [(f["aturan"], f["lokasi"]) for f in found] == [("nomor-register", "nomor")]
    assert found[0]["pesan"].startswith("1/PP.04.1-Kpt/5201/2026 sudah diambil di register")
    assert json.loads(_check(copy, "--register", register, "--json", "--abaikan", "nomor-register").stdout) == []


def test_what_a_reviewer_sees(tmp_path):
    """Issue 15: each reviewer's catch is a warning with its rule and field path, none missed."""
    from tests.conftest import minimal_data

    data = minimal_data(
        mengingat=[
            "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945",
            {"jenis": "Undang-Undang", "nomor": "7", "tahun": 2017, "tentang": "Pemilihan Umum",
             "diundangkan": {"dalam": "lembaran_negara", "tahun": 2017, "nomor": "182", "tambahan": "6109"}},
            {"jenis": "Peraturan Komisi Pemilihan Umum", "nomor": "[ISI NOMOR]", "tahun": 2019, "tentang": "Tata Kerja",
             "diundangkan": {"dalam": "berita_negara", "tahun": 2018, "nomor": "320"}},
        ],
        diktum=["Membentuk Tim Kerja sebagaimana tercantum dalam Lampiran Keputusan ini;.",
                "Tim sebagaimana dimaksud dalam Diktum KEEMPAT bertugas menyusun rencana.",
                "Keputusan ini mulai berlaku pada tanggal ditetapkan."],
        lampiran=[{"isi": [{"tabel": {"kolom": ["NO", "NAMA"], "baris": [["1", "[ISI NAMA]"]]}}]}],
    )
    path = tmp_path / "keputusan.json"
    path.write_text(json.dumps(data, default=str), encoding="utf-8")
    result = _check(path)
    assert result.exit_code == 0
    lines = [" ".join(line.split()) for line in result.output.splitlines()]
    for expected in [
        "mengingat[3]: Berita Negara Tahun 2018 lebih awal daripada tahun peraturannya sendiri "
        "(Peraturan Komisi Pemilihan Umum Nomor [ISI NOMOR] Tahun 2019); periksa tahun Berita Negara atau "
        "tahun peraturannya [pengundangan-tahun]",
        'diktum[2].isi: merujuk "Diktum KEEMPAT", padahal keputusan ini hanya memiliki 3 diktum [rujukan-diktum]',
        'mengingat[3].nomor: masih ada tempat isian "[ISI NOMOR]"; isi sebelum keputusan ditandatangani [tempat-isian]',
        'lampiran[1].isi[1].tabel.baris[1][2]: masih ada tempat isian "[ISI NAMA]"; isi sebelum keputusan '
        "ditandatangani [tempat-isian]",
        'diktum[1].isi: tanda baca ganda: "Keputusan ini;."; hapus salah satunya [tanda-baca-ganda]',
    ]:
        assert any(line.endswith(expected) for line in lines), (expected, result.output)
    assert "Data sah; 5 peringatan." in result.output
