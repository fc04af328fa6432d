"""A Lampiran table laid out with spaces, as `pdftotext -layout` gives it, read by its columns."""

from __future__ import annotations

from pathlib import Path

from kpu_docs.importing import import_file
from kpu_docs.importing.tables import aligned_header, aligned_rows, text_table

CORPUS = Path(__file__).parent / "corpus"


def test_header_of_capitals_spaced_apart():
    assert aligned_header("NO             NAMA DESA                    KECAMATAN")
    assert not aligned_header("informasi     publik     di     lingkungan")


def test_words_go_to_the_column_their_first_letter_stands_in():
    header = "NO            JABATAN DALAM TIM                          JABATAN DALAM DINAS"
    rows = aligned_rows(header, [
        (1, " I.     Atasan Langsung PPID                Sekretaris Daerah Kabupaten Kulon Progo"),
        (2, "II.     Tim    Pertimbangan     Pelayanan   1. Asisten Perekonomian Pembangunan dan"),
        (3, "        Informasi (TP2I) :                      Sumber      Daya   Alam"),
        (4, ""),
    ])
    assert rows == [
        (1, "I.\tAtasan Langsung PPID\tSekretaris Daerah Kabupaten Kulon Progo"),
        (2, "II.\tTim Pertimbangan Pelayanan\t1. Asisten Perekonomian Pembangunan dan"),
        (3, "\tInformasi (TP2I) :\tSumber Daya Alam"),
        (4, ""),
    ]


def test_layout_text_lampiran_table_and_its_closing():
    result = import_file(CORPUS / "kulonprogo-153-2010.txt")
    (lampiran,) = result.data["lampiran"]
    (block,) = [b for b in lampiran["isi"] if "tabel" in b]
    assert block["tabel"]["baris"][-1] == ["VII.", "Desa Ngentakrejo", "Kecamatan Lendah"]  # "Wates, 14 Mei 2010" is the closing
    assert not [n for n in result.tidak_terbaca if "Wates" in n or "Cap/ttd" in n]


def test_no_header_cells_flush_left_under_centred_headings_and_a_wrapped_cell():
    header = "  No               N A M A                  KEDUDUKAN DALAM TIM        KET"
    assert aligned_header(header)
    lines = [
        (1, "   1   Rachman Yape, S.Psi, M.Psi,Psikologi   Kepala Unit PelaksanaTeknis"),
        (2, "                                              Penilaian Kompetensi Pegawai"),
        (3, "   2   Fahima, S.STP.,M.Si                        Ketua Tim Assesor"),
    ]
    rows = aligned_rows(header, lines)
    assert rows[0] == (1, "1\tRachman Yape, S.Psi, M.Psi,Psikologi\tKepala Unit PelaksanaTeknis\t")
    table, reports = text_table([(0, "\t".join(["No", "N A M A", "KEDUDUKAN DALAM TIM", "KET"])), *rows])
    assert reports == []
    assert table["tabel"]["baris"] == [
        ["1", "Rachman Yape, S.Psi, M.Psi,Psikologi", "Kepala Unit PelaksanaTeknis Penilaian Kompetensi Pegawai", ""],
        ["2", "Fahima, S.STP.,M.Si", "Ketua Tim Assesor", ""],
    ]  # the wrapped cell continues its row: no group of a grouped table


def test_a_later_page_sets_the_columns_anew_by_its_column_number_row():
    header = "NO            JABATAN DALAM TIM                          JABATAN DALAM DINAS"
    rows = aligned_rows(header, [
        (1, " 1                       2                                            3"),  # under the header: the header rules
        (2, "III.    Pejabat   Pengelola   Dokumentasi   Kepala      Bagian     Teknologi"),
        (3, "IV.     PPID Pembantu :                     1. Kepala Bagian Umum Sekretariat Dewan"),
        (4, "1   2                                3"),  # the next page: the empty columns narrowed
        (5, "         9. Sekretaris       Dinas       Kependudukan       dan"),
        (6, "              Catatan Sipil Kabupaten Kulon Progo"),
    ])
    assert rows == [
        (1, ""),
        (2, "III.\tPejabat Pengelola Dokumentasi\tKepala Bagian Teknologi"),
        (3, "IV.\tPPID Pembantu :\t1. Kepala Bagian Umum Sekretariat Dewan"),
        (4, ""),
        (5, "\t\t9. Sekretaris Dinas Kependudukan dan"),
        (6, "\t\tCatatan Sipil Kabupaten Kulon Progo"),
    ]


def test_a_table_over_pages_in_layout_text_reads_as_its_pdf():
    text = import_file(CORPUS / "kulonprogo-215-2013.txt").data["lampiran"]
    pdf = import_file(CORPUS / "kulonprogo-215-2013.pdf").data["lampiran"]
    assert text == pdf
