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
