"""Page furniture found in a decree's lines, and what stays: a form's blanks, short content lines."""

from __future__ import annotations

from kpu_docs.importing.furniture import find


def kinds(texts: list[str]) -> list[tuple[int, str, str, str]]:
    return [(f.line, f.kind, f.text, f.rest) for f in find(texts)]


def test_page_numbers_in_their_forms():
    texts = ["teks", "-2-", "- 3 -", "4", "Halaman 5 dari 9", "Anda di halaman 1dari 17", "2 -2- (Lembaran Negara"]
    assert kinds(texts) == [
        (1, "nomor halaman", "-2-", ""),
        (2, "nomor halaman", "- 3 -", ""),
        (3, "nomor halaman", "4", ""),
        (4, "nomor halaman", "Halaman 5 dari 9", ""),
        (5, "nomor halaman", "Anda di halaman 1dari 17", ""),
        (6, "nomor halaman", "2 -2-", "(Lembaran Negara"),
    ]


def test_catchword_repeats_the_next_page_and_a_form_blank_does_not():
    texts = [
        "Republik Indonesia Nomor 4846);", "3. Undang-Undang ...", "BP", "", "3. Undang-Undang Nomor 21 Tahun 2013",
        "KESATU ...", "-3-", "KESATU : Menunjuk", "DESA ..........", "Alamat", "DESA ........ KECAMATAN",
    ]
    found = kinds(texts)
    assert (1, "kata penghubung halaman", "3. Undang-Undang ...", "") in found
    assert (2, "sisa pindaian", "BP", "") in found  # OCR debris just after the page's foot
    assert (5, "kata penghubung halaman", "KESATU ...", "") in found
    assert not [f for f in found if f[0] in (8, 10)]


def test_esign_footer_web_addresses_marks_and_initials():
    texts = [
        "KEDUA : teks",
        "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik",
        "yang diterbitkan Balai Besar Sertifikasi Elektronik (BBSrE). Token : VouIE9Uq",
        "jdih.kpu.go.", "", "id", "^", "|||", "-wh-", "Nomor 984); Lebih lengkap KLIK DI SINI",
        "(PPID) :", "2008;",
    ]
    assert kinds(texts) == [
        (1, "kaki halaman tanda tangan elektronik", texts[1], ""),
        (2, "kaki halaman tanda tangan elektronik", texts[2], ""),
        (3, "alamat situs", "jdih.kpu.go.", ""),
        (5, "alamat situs", "id", ""),
        (6, "tanda bekas gambar", "^", ""),
        (7, "tanda bekas gambar", "|||", ""),
        (8, "paraf pengetik", "-wh-", ""),
        (9, "tautan situs", "Lebih lengkap KLIK DI SINI", "Nomor 984);"),
    ]


def test_column_number_row_of_a_table():
    assert kinds(["NO NAMA DESA KECAMATAN", "1 2 3", "I. Desa Sidomulyo", "1 3"]) == [(1, "nomor kolom tabel", "1 2 3", "")]


def test_header_a_later_page_repeats_and_a_lampiran_heading_that_stays():
    texts = [
        "KEPUTUSAN", "KETUA LEMBAGA PENERBANGAN DAN ANTARIKSA NASIONAL", "NOMOR :  KEP/046/IV/1997", "TENTANG",
        "tetapkan.", "/ Memperhatikan .....", "2 KEPUTUSAN KETUA LAPAN", "NOMOR : KEP/046/IV/1997",
        "TANGGAL : 24 APRIL 1997", "Memperhatikan : 1. Surat", "LAMPIRAN", "KEPUTUSAN KETUA LAPAN",
        "NOMOR : KEP/046/IV/1997", "TANGGAL : 24 APRIL 1997",
    ]
    assert [f for f in kinds(texts) if f[1] == "kepala halaman"] == [
        (6, "kepala halaman", "2 KEPUTUSAN KETUA LAPAN", ""),
        (7, "kepala halaman", "NOMOR : KEP/046/IV/1997", ""),
        (8, "kepala halaman", "TANGGAL : 24 APRIL 1997", ""),
    ]
