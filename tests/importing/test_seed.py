"""The OCR text of the signed reference decree imports close to the reference data.

tests/importing/data/ocr-keputusan-11-2025.txt is a copy of the seed
(/work/shared/seeds/000_01e3163722905c13.txt). Its OCR typos stay in the imported text (that is
the source); the scrambled rows of the action-plan table near page breaks are reported, not guessed.
"""

from __future__ import annotations

import datetime
import difflib
from pathlib import Path

import pytest

import kpu_docs
from kpu_docs import plaintext
from kpu_docs.importing import import_file

SEED = Path(__file__).parent / "data" / "ocr-keputusan-11-2025.txt"


@pytest.fixture(scope="module")
def seed():
    return import_file(SEED)


@pytest.fixture(scope="module")
def seed_keputusan(seed):
    return kpu_docs.from_data(seed.data)


def test_title_and_konsiderans(seed_keputusan, reference):
    k = seed_keputusan
    assert (k.instansi, k.nomor, k.tahun) == (reference.instansi, "11", 2025)
    assert k.tentang.upper() == reference.tentang.upper()
    assert k.jabatan_penetap == reference.jabatan_penetap
    assert len(k.menimbang) == 2
    assert k.menimbang_penutup.startswith("bahwa berdasarkan pertimbangan sebagaimana dimaksud pada huruf a")
    assert k.menimbang_penutup.endswith("Kota Mataram Tahun 2025")  # joined across the page break
    assert len(k.mengingat) == 8
    structured = [m for m in k.mengingat if not isinstance(m, str)]
    assert len(structured) >= 7
    # numbers, years and publications as in the reference, typos normalised ("tahun", "Republi", "Tamabahan")
    for got, want in zip(k.mengingat, reference.mengingat):
        if not isinstance(got, str):
            assert (got.jenis, got.nomor, got.tahun) == (want.jenis, want.nomor, want.tahun)
    assert k.mengingat[0].diundangkan == reference.mengingat[0].diundangkan
    assert k.mengingat[6].beberapa_kali  # "beberapa diubah"
    assert k.menetapkan == reference.menetapkan


def test_diktum_and_closing(seed_keputusan, reference):
    k = seed_keputusan
    assert k.diktum == reference.diktum
    assert k.penutup.tempat == "Mataram"
    assert k.penutup.tanggal == datetime.date(2025, 9, 3)
    assert k.penutup.penandatangan == reference.penutup.penandatangan
    assert k.pengaturan.tanda_tangan == "ttd"
    assert k.salinan.unit == reference.salinan.unit
    assert k.salinan.nama == reference.salinan.nama
    assert k.salinan.jabatan == "Kepala Subbagjan Teknis Penyelenggara Pemilu, Partisipas dan Humas"  # OCR as is


def test_lampiran(seed_keputusan, reference):
    (lampiran,) = seed_keputusan.lampiran
    assert lampiran.judul == reference.lampiran[0].judul
    assert lampiran.tanda_tangan
    kinds = [type(b).__name__ for b in lampiran.isi]
    assert kinds == [type(b).__name__ if type(b).__name__ != "DaftarMengingat" else "Daftar" for b in reference.lampiran[0].isi]
    bagian = [b.bagian for b in lampiran.isi if type(b).__name__ == "Bagian"]
    assert bagian[:4] == ["Latar Belakang", "Dasar Hukum", "Tujuan dan Sasaran", "Pengertian Umum"]
    assert len(bagian) == 6
    judul = [b.judul for b in lampiran.isi if type(b).__name__ == "Judul"]
    assert judul[0].startswith("PROGRAM KERJA") and judul[0].endswith("(WBBM)")
    # "1. Komponen Pengungkit" holds its paragraph and the lettered list a. to f.
    komponen = [b for b in lampiran.isi if type(b).__name__ == "Daftar"][-1]
    pengungkit = komponen.daftar[0]
    assert [type(b).__name__ for b in pengungkit.isi] == ["Paragraf", "Daftar"]
    assert len(pengungkit.isi[1].daftar) == 6


def test_action_plan_table(seed, seed_keputusan, reference):
    table = seed_keputusan.lampiran[0].isi[-1].tabel_kelompok
    want = reference.lampiran[0].isi[-1].tabel_kelompok
    assert table.kolom == want.kolom
    assert len(table.kelompok) == 6
    rows = sum(len(g.baris) for g in table.kelompok)
    assert rows >= 22 and rows <= sum(len(g.baris) for g in want.kelompok)
    assert table.kelompok[0] == want.kelompok[0]  # wrapped cells rejoined
    # the scrambled parts near page breaks are reported with their line numbers
    table_notes = [n for n in seed.tidak_terbaca if "tabel" in n]
    assert table_notes
    assert any("1171-1-41- D1- 1" in n for n in table_notes)
    assert any("Informasi pe" in n for n in table_notes)


def test_renders_close_to_the_reference(seed_keputusan, reference_document):
    lines = plaintext.lines(kpu_docs.render_docx(seed_keputusan))
    want = plaintext.lines(reference_document)
    assert difflib.SequenceMatcher(None, want, lines).ratio() > 0.8
    assert lines[:4] == want[1:5]  # the title block (the OCR text has no SALINAN mark)
    assert "MEMUTUSKAN:" in lines and "Ditetapkan di Mataram" in lines and "pada tanggal 3 September 2025" in lines
