"""The title block: a number broken by OCR spacing, and the year where the NOMOR line has none."""

from __future__ import annotations

from kpu_docs.importing import import_text

BODY = """
KETUA KOMISI PEMILIHAN UMUM,

Menimbang : a. bahwa perlu menetapkan jadwal;
Mengingat : 1. Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum;
MEMUTUSKAN:
Menetapkan : KEPUTUSAN TENTANG JADWAL.
KESATU : Menetapkan jadwal.
"""


def test_number_broken_by_spacing_is_joined_and_noted():
    result = import_text("KEPUTUSAN KOMISI PEMILIHAN UMUM\nNOMOR -4 / PL.03.4-Kpt/ 12/Prov/III/2018\nTENTANG\nJADWAL KAMPANYE" + BODY)
    assert result.data["nomor"] == "-4/PL.03.4-Kpt/12/Prov/III/2018"
    assert result.data["tahun"] == 2018  # the year the number ends with
    assert result.data["tentang"].upper() == "JADWAL KAMPANYE"
    assert any("nomor tertulis berspasi" in n and "-4 / PL.03.4-Kpt/ 12/Prov/III/2018" in n for n in result.tidak_terbaca)


def test_year_from_the_title_is_a_noted_guess():
    result = import_text("KEPUTUSAN KOMISI PEMILIHAN UMUM\nNOMOR 12\nTENTANG\nJADWAL KAMPANYE PEMILIHAN UMUM TAHUN 2024" + BODY)
    assert result.data["tahun"] == 2024
    assert "catatan: tahun ditebak dari judul: 2024" in result.tidak_terbaca


def test_layout_table_cells_and_labels_on_their_own_lines():
    # a web page rendering the decree's layout table: "|" borders, list labels on lines of their own
    text = (
        "KEPUTUSAN MENTERI KEUANGAN\nNOMOR 25/KMK.05/1997\nTENTANG\nTATALAKSANA\nMENTERI KEUANGAN,\n"
        "Menimbang |\n|||\nbahwa perlu mengatur tatalaksana;\n|\nMengingat |\n|||\n1.\n|\n"
        "Undang-Undang Nomor 10 Tahun 1995 tentang Kepabeanan;\n||\n2.\n|\nUndang-Undang Nomor 11 Tahun 1995 tentang Cukai;\n"
        "MEMUTUSKAN:\nKESATU : Menetapkan tatalaksana.\n"
    )
    d = import_text(text).data
    assert d["menimbang"] == ["bahwa perlu mengatur tatalaksana"]
    assert [m["nomor"] for m in d["mengingat"]] == ["10", "11"]


def test_a_second_menimbang_label_before_the_laws_is_read_as_mengingat():
    text = (
        "KEPUTUSAN PANITIA PEMUNGUTAN SUARA\nNOMOR 1\nTENTANG\nPETUGAS\nKETUA PANITIA PEMUNGUTAN SUARA,\n"
        "Menimbang : a. bahwa perlu mengangkat petugas;\n"
        "Menimbang : 1. Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum;\nMEMUTUSKAN:\nKESATU : Mengangkat petugas.\n"
    )
    result = import_text(text)
    assert result.data["menimbang"] == ["bahwa perlu mengangkat petugas"]
    assert result.data["mengingat"][0]["jenis"] == "Undang-Undang"
    assert any("berlabel Menimbang (baris 7) dibaca sebagai Mengingat" in n for n in result.tidak_terbaca)


def test_a_blank_line_inside_the_subject_leaves_the_jabatan_its_own_line():
    # OCR spacing: blank lines between the subject's lines, none before the jabatan
    text = (
        "KEPUTUSAN BUPATI DONGGALA\nNOMOR : 188.45/057A/BKPSDM/2025\nTENTANG\n\n"
        "PENETAPAN TIM PENILAI SELEKSI UJI KOMPETENSI JABATAN PIMPINAN\n\nTINGGI PRATAMA TAHUN 2025\nBUPATI DONGGALA,\n\n"
        "Menimbang : a. bahwa perlu menetapkan tim;\nMEMUTUSKAN:\nKESATU : Menetapkan tim.\n"
    )
    d = import_text(text).data
    assert d["tentang"].upper() == "PENETAPAN TIM PENILAI SELEKSI UJI KOMPETENSI JABATAN PIMPINAN TINGGI PRATAMA TAHUN 2025"
    assert d["jabatan_penetap"] == "Bupati Donggala"
