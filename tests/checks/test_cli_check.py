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
