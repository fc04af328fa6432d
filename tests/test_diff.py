"""The reviewer's diff: what changed, part by part, as printed."""

from typer.testing import CliRunner

from kpu_docs.cli import app
from kpu_docs.diff import beda
from kpu_docs.models import Keputusan
from tests.conftest import EXAMPLE, minimal_data


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
    assert found[2].baru == "SDM | Pola Mutasi | September 2026"
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


def test_cli_diff(tmp_path):
    result = CliRunner().invoke(app, ["diff", str(EXAMPLE), str(EXAMPLE)])
    assert result.exit_code == 0 and "Tidak ada perbedaan." in result.output
