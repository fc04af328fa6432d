"""Our own .docx imports exactly: the data it was rendered from comes back (the data it keeps,
tests/importing/test_round_trip_property.py), and its printed text alone, read by style, gives data
that renders the same document (most tests here: use_kept=False)."""

from __future__ import annotations

import datetime

import pytest
from docx import Document

import kpu_docs
from kpu_docs import plaintext
from kpu_docs.importing import import_docx, import_file
from kpu_docs.plaintext import TableBlock
from tests.conftest import minimal_data


def round_trip(document):
    """Import the printed text, render the data, import again: (first data, second data, first doc
    lines, second doc lines, result)."""
    first = import_docx(document, use_kept=False)
    rendered = kpu_docs.render_docx(kpu_docs.from_data(first.data))
    second = import_docx(rendered, use_kept=False)
    return first, second, plaintext.lines(document), plaintext.lines(rendered), rendered


def tables(document) -> list[list[list[str | None]]]:
    return [b.rows for b in plaintext.blocks(document) if isinstance(b, TableBlock)]


def test_reference_round_trip(reference, reference_docx, reference_document):
    first, second, before, after, rendered = round_trip(reference_document)
    assert after == before
    assert second.data == first.data
    assert tables(rendered) == tables(reference_document)
    assert len(tables(reference_document)[0]) == 26  # header and the 25 action-plan rows
    # everything but the subject's capitalisation (printed only in capitals) comes back as written
    imported = kpu_docs.from_data(first.data)
    assert imported.model_copy(update={"tentang": reference.tentang}) == reference
    assert imported.tentang == reference.tentang.upper()
    assert first.tidak_terbaca == [
        "catatan: tentang hanya tertulis dalam huruf kapital; periksa huruf besar-kecilnya: " + reference.tentang.upper()
    ]
    # the whole import: the data the document keeps, the subject's case included, and no notes
    kept = import_file(reference_docx)
    assert kpu_docs.from_data(kept.data) == reference
    assert kept.tidak_terbaca == []


def test_reference_imports_generated_parts_as_generated(reference_document):
    data = import_docx(reference_document, use_kept=False).data
    assert data["lampiran"][0]["isi"][9] == {"daftar_mengingat": True}
    assert "menimbang_penutup" in data  # the decree's own closing formula differs from the generated one
    assert data["pengaturan"] == {"tanda_tangan": "ttd"}
    assert data["penutup"]["tanggal"] == datetime.date(2025, 9, 3)


VARIANT = minimal_data(
    instansi="Bupati Lombok Barat",
    nomor="188.45/123/BPBD/2024",
    tahun=2024,
    tentang="Pembentukan Tim Reaksi Cepat Penanggulangan Bencana di Kabupaten Lombok Barat",
    pembukaan="DENGAN RAHMAT TUHAN YANG MAHA ESA",
    jabatan_penetap="Bupati Lombok Barat",
    kop={"baris": ["PEMERINTAH KABUPATEN LOMBOK BARAT"], "alamat": "Jalan Soekarno-Hatta Nomor 1 Gerung"},
    menimbang=["bahwa bencana perlu ditangani dengan cepat", "bahwa tim reaksi cepat perlu dibentuk", "bahwa perlu dasar hukum"],
    memperhatikan=[
        "Surat Kepala Pelaksana BPBD Nomor 360/45/BPBD/2024 tanggal 2 Januari 2024 perihal Usulan Tim",
        {
            "jenis": "Peraturan Daerah Kabupaten Lombok Barat", "nomor": "3", "tahun": 2020, "tentang": "Penanggulangan Bencana",
            "diundangkan": {"dalam": "lembaran_daerah", "wilayah": "Kabupaten Lombok Barat", "tahun": 2020, "nomor": "3", "tambahan": "45"},
        },
    ],
    diktum=[
        {"isi": "Membentuk Tim dengan susunan:", "rincian": ["Ketua;", "Sekretaris; dan", "Anggota."]},
        {"isi": "Tim bertugas:", "rincian": ["menyusun rencana;", "melaporkan hasil."], "penomoran": "1."},
        "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
    ],
    penutup={
        "tempat": "Gerung",
        "tanggal": datetime.date(2024, 1, 15),
        "penandatangan": {"jabatan": "Sekretaris Daerah", "nama": "H. Ilham", "nip": "19700101 199003 1 001", "atas_nama": "Bupati Lombok Barat"},
    },
    salinan={"unit": "Bagian Hukum Sekretariat Daerah Kabupaten Lombok Barat", "jabatan": "Kepala Bagian Hukum", "nama": "Lalu Ahmad, S.H.", "nip": "19800202 200501 1 002"},
    tembusan=["Gubernur Nusa Tenggara Barat di Mataram;", "Ketua DPRD Kabupaten Lombok Barat di Gerung."],
    lampiran=[
        {
            "judul": "SUSUNAN TIM",
            "tanggal_di_kepala": True,
            "isi": [
                {"tabel": {"kolom": ["NO", "JABATAN DALAM TIM", "UNSUR", "KET"], "baris": [
                    ["1", "Ketua", "Sekretaris Daerah", ""],
                    ["2", {"teks": "Anggota", "gabung_baris": 2}, "Dinas Sosial", "-"],
                    ["3", "Dinas Kesehatan", "-"],
                    [{"teks": "Jumlah: tiga unsur", "gabung_kolom": 3}, "x"],
                ]}},
                {"paragraf": "Susunan di atas dapat diubah."},
            ],
        },
        {
            "isi": [
                {"bagian": "Tugas"},
                {"daftar": ["menyusun rencana;", {"butir": "melaksanakan:", "isi": [
                    {"daftar": ["evakuasi;", {"butir": "logistik.", "isi": [
                        {"paragraf": "Logistik meliputi pangan."},
                        {"daftar": ["beras", "air"], "penomoran": "a)"},
                    ]}]},
                    {"paragraf": "Pelaksanaan dilaporkan."},
                ]}], "penomoran": "a."},
                {"bagian": "Dasar Hukum"},
                {"daftar_mengingat": True},
                {"judul": "BAGAN"},
                {"paragraf": "Sebelum tabel."},
                {"tabel": {"kolom": ["A", "B"], "baris": [["1", "2"]], "lanskap": True}},
                {"paragraf": "Sesudah tabel."},
            ],
            "tanda_tangan": False,
        },
    ],
    pengaturan={"gaya_diktum": "pertama", "tanda_tangan": "dto.", "kertas": "A4", "huruf": "Bookman Old Style", "ukuran_huruf": 11},
)


def test_variant_round_trip():
    original = kpu_docs.from_data(VARIANT)
    document = kpu_docs.render_docx(original)
    first, second, before, after, rendered = round_trip(document)
    assert after == before
    assert second.data == first.data
    assert tables(rendered) == tables(document)
    assert first.tidak_terbaca == []
    # every variant comes back as data, not only as the same print
    assert kpu_docs.from_data(first.data) == original


def test_variant_fields():
    data = import_docx(kpu_docs.render_docx(kpu_docs.from_data(VARIANT)), use_kept=False).data
    assert data["nomor"] == "188.45/123/BPBD/2024" and data["tahun"] == 2024
    assert data["kop"] == VARIANT["kop"]
    assert data["pembukaan"] == "DENGAN RAHMAT TUHAN YANG MAHA ESA"
    assert "menimbang_penutup" not in data  # the generated formula, recognised
    assert "menetapkan" not in data
    assert data["penutup"]["penandatangan"]["atas_nama"] == "Bupati Lombok Barat"
    assert data["pengaturan"]["gaya_diktum"] == "pertama"
    assert data["pengaturan"]["tanda_tangan"] == "dto."
    assert data["memperhatikan"][1]["diundangkan"]["dalam"] == "lembaran_daerah"
    table = data["lampiran"][0]["isi"][0]["tabel"]
    assert table["baris"][3][0] == {"teks": "Jumlah: tiga unsur", "gabung_kolom": 3}
    assert data["lampiran"][1]["isi"][6]["tabel"]["lanskap"] is True


def test_small_variants_round_trip():
    data = minimal_data(
        tentang=None,
        menimbang=["bahwa perlu"],
        menimbang_penutup="",
        mengingat=["Undang-Undang Dasar Negara Republik Indonesia Tahun 1945"],
        memperhatikan=["Berita Acara Rapat Pleno tanggal 1 Mei 2025"],
        menetapkan="",
        tembusan=["Komisi Pemilihan Umum Provinsi Nusa Tenggara Barat"],
        salinan={"tanda": False, "unit": "Sekretariat KPU Kota Mataram", "jabatan": "Sekretaris", "nama": "Ahmad"},
        lampiran=[{"isi": [
            {"judul": "Daftar"},
            {"daftar": [{"butir": "Satu", "isi": [{"paragraf": "Isi butir satu."}]}, "Dua"]},
            {"daftar": ["Tiga"], "penomoran": "A."},
            {"paragraf": "Penutup lampiran."},
            {"tabel_kelompok": {"kolom": ["NO", "KELOMPOK", "ISI"], "kelompok": [
                {"nama": "G1", "baris": [["a"], ["b"]]}, {"nama": "G2", "baris": [["c"]]},
            ]}},
        ]}],
    )
    document = kpu_docs.render_docx(kpu_docs.from_data(data))
    first, second, before, after, _ = round_trip(document)
    assert after == before
    assert second.data == first.data
    assert first.data["menimbang"] == ["bahwa perlu"] and first.data["menimbang_penutup"] == ""
    assert first.data["menetapkan"] == ""
    assert first.data["tembusan"] == ["Komisi Pemilihan Umum Provinsi Nusa Tenggara Barat"]
    assert first.data["salinan"]["tanda"] is False
    assert "tentang" not in first.data


def test_saved_file_imports_like_the_document(tmp_path):
    path = tmp_path / "varian.docx"
    kpu_docs.render(kpu_docs.from_data(VARIANT), path)
    assert import_file(path).data == import_docx(Document(str(path))).data


@pytest.mark.parametrize("field", ["instansi", "jabatan_penetap"])
def test_capitals_recovered_from_running_text(field, reference_document):
    data = import_docx(reference_document, use_kept=False).data
    assert data[field] != data[field].upper()
