"""The reviewer's diff: what changed, part by part, as printed."""

import copy
import datetime
import json

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

import kpu_docs

from kpu_docs.cli import app
from kpu_docs.diff import beda
from kpu_docs.models import Keputusan
from tests.conftest import EXAMPLE, minimal_data

EXAMPLES = EXAMPLE.parent


def k(**changes) -> Keputusan:
    return Keputusan.model_validate(minimal_data(**changes))


def test_same_decree_has_no_differences(reference):
    assert beda(reference, reference) == []


def test_changed_added_and_removed_items_by_part():
    old = k(lampiran=[{"isi": [{"tabel_kelompok": {"kolom": ["NO", "KOMPONEN", "INDIKATOR", "TARGET"], "kelompok": [
        {"nama": "SDM", "baris": [["Pola Mutasi", "September 2025"], ["Disiplin", "Oktober 2025"]]}]}}]}])
    new = k(
        diktum=["Membentuk Tim Kerja Tahun 2026.", "Keputusan ini mulai berlaku pada tanggal ditetapkan."],
        mengingat=minimal_data()["mengingat"] + ["Keputusan Komisi Pemilihan Umum Nomor 1 Tahun 2026 tentang Contoh"],
        lampiran=[{"isi": [{"tabel_kelompok": {"kolom": ["NO", "KOMPONEN", "INDIKATOR", "TARGET"], "kelompok": [
            {"nama": "SDM", "baris": [["Pola Mutasi", "September 2026"]]}]}}]}],
    )
    found = beda(old, new)
    assert [(d.bagian, d.jenis) for d in found] == [
        ("mengingat", "+"), ("diktum", "~"), ("lampiran 1", "~"), ("lampiran 1", "-")]
    assert found[1].lama == "KESATU: Membentuk Tim Kerja." and found[1].baru == "KESATU: Membentuk Tim Kerja Tahun 2026."
    assert (found[2].letak, found[2].lama, found[2].baru) == (
        "tabel 1, kelompok 1, baris 1, kolom TARGET", "September 2025", "September 2026")
    assert found[3].lama == "SDM | Disiplin | Oktober 2025"


def test_label_value_lines_are_compared():
    nilai = [{"label": "Peringkat Akreditasi", "nilai": "Baik Sekali"}, {"label": "Nilai", "nilai": 308}]
    diktum = [{"isi": "Menetapkan hasil akreditasi:", "rincian_nilai": nilai}, "Berlaku."]
    old = k(diktum=diktum, lampiran=[{"isi": [{"rincian_nilai": nilai}]}])
    changed = [nilai[0], {"label": "Nilai", "nilai": 309}]
    new = k(diktum=[{**diktum[0], "rincian_nilai": changed}, "Berlaku."], lampiran=[{"isi": [{"rincian_nilai": changed}]}])
    found = beda(old, new)
    assert [(d.bagian, d.jenis, d.lama, d.baru) for d in found] == [
        ("diktum", "~", "    Nilai : 308", "    Nilai : 309"), ("lampiran 1", "~", "Nilai : 308", "Nilai : 309")]


def test_cli_diff_same_files(tmp_path):
    result = CliRunner().invoke(app, ["diff", str(EXAMPLE), str(EXAMPLE)])
    assert result.exit_code == 0 and "Tidak ada perbedaan." in result.output


def test_cli_diff_exits_1_and_speaks_json(tmp_path):
    changed = tmp_path / "baru.yaml"
    changed.write_text(EXAMPLE.read_text(encoding="utf-8").replace("tempat: Mataram", "tempat: Lombok"), encoding="utf-8")
    result = CliRunner().invoke(app, ["diff", str(EXAMPLE), str(changed)])
    assert result.exit_code == 1
    assert "[penutup] ~ Ditetapkan di [-Mataram-]{+Lombok+}" in result.output  # the changed word marked
    result = CliRunner().invoke(app, ["diff", "--json", str(EXAMPLE), str(changed)])
    assert result.exit_code == 1
    assert json.loads(result.output) == [{"bagian": "penutup", "jenis": "~", "lama": "Ditetapkan di Mataram",
                                          "baru": "Ditetapkan di Lombok", "letak": None}]


def test_table_cells_by_column_and_spans_as_form():
    tabel = {"kolom": ["NO", "NAMA", "JABATAN"], "nomor_urut": True,
             "baris": [["Ani", "Ketua"], ["Budi", "Anggota"], ["Citra", "Anggota"]]}
    old = k(lampiran=[{"isi": [{"tabel": tabel}]}])
    rows = [["Ani", "Ketua"], ["Budi", "Sekretaris"], [{"teks": "Citra", "gabung_kolom": 2}]]
    new = k(lampiran=[{"isi": [{"tabel": {**tabel, "baris": rows, "lebar": [1.5, 6, 6]}}]}])
    assert [str(d) for d in beda(old, new)] == [
        "[lampiran 1] ~ tabel 1, baris 2, kolom JABATAN: Anggota → Sekretaris",
        "[lampiran 1] ~ Citra | Anggota\n             → Citra",
        "[lampiran 1] ~ lampiran[1].isi[1].tabel.lebar: (tidak ada) → [1.5, 6.0, 6.0]",
    ]


def test_forms_that_print_no_text_of_their_own():
    old = k(lampiran=[{"isi": [{"daftar": ["Satu.", "Dua."]}]}])
    new = k(lampiran=[{"isi": [{"daftar": ["Satu.", "Dua."], "penomoran": "a)"}]}],
            pengaturan={"kertas": "A4", "nomor_halaman": "bawah", "abaikan_periksa": ["tanggal-libur"]},
            pola_nomor="{urut}")
    assert [str(d) for d in beda(old, new)] == [
        "[judul] ~ pola_nomor: (tidak ada) → {urut}",
        "[lampiran 1] ~ lampiran[1].isi[1].penomoran: (tidak ada) → a)",
        "[pengaturan] ~ pengaturan.kertas: (tidak ada) → A4",
        "[pengaturan] ~ pengaturan.nomor_halaman: (tidak ada) → bawah",
        '[pengaturan] ~ pengaturan.abaikan_periksa: [] → ["tanggal-libur"]',
    ]


def test_an_inserted_block_does_not_shift_the_forms_after_it():
    daftar = {"daftar": ["Satu.", "Dua."], "penomoran": "a)"}
    old = k(lampiran=[{"isi": ["Pembuka.", daftar]}])
    new = k(lampiran=[{"isi": ["Pembuka.", {"daftar": ["Baru."], "penomoran": "1)"}, daftar]}])
    assert [str(d) for d in beda(old, new)] == ["[lampiran 1] + - Baru."]


def test_signature_forms_kop_and_salinan_print_in_their_parts(reference):
    data = reference.model_dump(mode="json")
    signer = {**data["penutup"]["penandatangan"], "atas_nama": "Ketua Komisi Pemilihan Umum", "status": "Plh."}
    new = Keputusan.model_validate({
        **data, "penutup": {**data["penutup"], "penandatangan": signer},
        "kop": {"baris": ["KOMISI PEMILIHAN UMUM KOTA MATARAM"], "pos_el": "kpu@example.go.id"},
        "salinan": {**data["salinan"], "nama": "Nama Lain"} if data.get("salinan") else None,
    })
    found = [str(d) for d in beda(reference, new)]
    assert "[kop] + KOMISI PEMILIHAN UMUM KOTA MATARAM" in found
    assert "[kop] + Pos-el kpu@example.go.id" in found
    assert "[penutup] + a.n. KETUA KOMISI PEMILIHAN UMUM," in found
    assert any(line.startswith("[penutup] ~ KETUA") and "Plh. KETUA" in line for line in found)


def _mutations(value, path=()):
    """(path, changed value) for every leaf of a dumped decree: text gains a letter, a flag
    flips, a number or date moves on."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _mutations(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _mutations(item, (*path, i))
    elif isinstance(value, bool):
        yield path, not value
    elif isinstance(value, (int, float)):
        yield path, value + 1
    elif isinstance(value, str):
        try:
            yield path, (datetime.date.fromisoformat(value) + datetime.timedelta(days=1)).isoformat()
        except ValueError:
            yield path, value + "X"


def _with(data, path, new):
    data = copy.deepcopy(data)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = new
    return data


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")) + [EXAMPLES / "pps" / "keputusan-pps.yaml"],
                         ids=lambda p: p.stem)
def test_no_field_changes_unseen(example):
    """Change every field of every example in turn: each change that validates is a difference."""
    decree = kpu_docs.load(example)
    data = decree.model_dump(mode="json", exclude_none=True)
    assert beda(decree, Keputusan.model_validate(data)) == []
    unseen = []
    for path, new in _mutations(data):
        try:
            changed = Keputusan.model_validate(_with(data, path, new))
        except ValidationError:
            continue  # a choice, or a value the model refuses: not a change a file can make
        if not beda(decree, changed):
            unseen.append(path)
    assert unseen == []


def test_cli_diff_marks_the_changed_words_and_cuts_long_sentences(tmp_path):
    from kpu_docs.next_year import next_year

    draft = tmp_path / "draf.yaml"
    next_year(EXAMPLE, draft)
    result = CliRunner().invoke(app, ["diff", str(EXAMPLE), str(draft)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "[judul] ~ NOMOR [-11-]{+[ISI NOMOR]+} TAHUN [-2025-]{+2026+}" in lines
    assert "[penutup] ~ pada tanggal 3 September [-2025-]{+2026+}" in lines
    # a long Menimbang shows once, cut to the words around its change
    menimbang = [line for line in lines if line.startswith("[menimbang]")]
    assert len(menimbang) == 2 and all(len(line) < 120 and line.startswith("[menimbang] ~ …") for line in menimbang)
    assert menimbang[1].endswith("Kota Mataram Tahun [-2025-]{+2026+}")
    # 25 table cells whose year changed: one line
    assert "[lampiran 1] ~ tabel 1, kolom TARGET WAKTU: 25 baris tabel: [-2025-]{+2026+}" in lines
    assert not [line for line in lines if "baris 23" in line]
    assert lines[-1] == "33 perbedaan."  # the count is still of every difference


def test_table_cells_group_only_when_they_change_the_same_way():
    from kpu_docs.diff import Kelompok, dikelompokkan

    table = {"kolom": ["NO", "NAMA", "TARGET"], "nomor_urut": True,
             "baris": [["Ani", "Mei 2025"], ["Budi", "Juni 2025"], ["Citra", "Juli 2025"]]}
    changed = {**table, "baris": [["Ani", "Mei 2026"], ["Budi", "Juni 2026"], ["Citra", "Agustus 2025"]]}
    found = dikelompokkan(beda(k(lampiran=[{"isi": [{"tabel": table}]}]), k(lampiran=[{"isi": [{"tabel": changed}]}])))
    assert [str(d) for d in found] == [
        "[lampiran 1] ~ tabel 1, kolom TARGET: 2 baris tabel: 2025 → 2026",
        "[lampiran 1] ~ tabel 1, baris 3, kolom TARGET: Juli 2025 → Agustus 2025",
    ]
    assert isinstance(found[0], Kelompok) and found[0].baris == 2
