"""A decree on one line (a web page's transcript, a JDIH text extraction) broken into its lines."""

from __future__ import annotations

from kpu_docs.importing.reflow import is_flat, split

FLAT = (
    "1 - 1 - KOMISI PEMILIHAN UMUM KOTA PONTIANAK KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA PONTIANAK NOMOR 37 TAHUN 2014 "
    "TENTANG PENETAPAN CALON TERPILIH PEMILIHAN UMUM TAHUN 2014 KETUA KOMISI PEMILIHAN UMUM KOTA PONTIANAK, "
    "Menimbang : a. bahwa perlu menetapkan calon terpilih; b. bahwa berdasarkan pertimbangan sebagaimana dimaksud "
    "dalam huruf a, perlu menetapkan Keputusan; Mengingat : 1. Undang-Undang Nomor 8 Tahun 2012; 2. Peraturan Komisi "
    "Pemilihan Umum Nomor 29 Tahun 2013; MEMUTUSKAN Menetapkan : KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA PONTIANAK "
    "TENTANG PENETAPAN CALON TERPILIH. KESATU : Menetapkan calon terpilih. KEDUA : Keputusan ini mulai berlaku pada "
    "tanggal ditetapkan. Ditetapkan di Pontianak pada tanggal 12 Mei 2014 KETUA, ^ NAMA KETUA"
)


def test_a_long_line_naming_several_parts_is_flat():
    assert is_flat(FLAT)
    assert not is_flat("Menimbang : a. bahwa perlu menetapkan calon terpilih;")


def test_broken_where_the_parts_begin():
    assert split(FLAT) == [
        "1 - 1 - KOMISI PEMILIHAN UMUM KOTA PONTIANAK",
        "KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA PONTIANAK",
        "NOMOR 37 TAHUN 2014",
        "TENTANG PENETAPAN CALON TERPILIH PEMILIHAN UMUM TAHUN 2014",
        "KETUA KOMISI PEMILIHAN UMUM KOTA PONTIANAK,",
        "Menimbang :",
        "a. bahwa perlu menetapkan calon terpilih;",
        "b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan;",
        "Mengingat :",
        "1. Undang-Undang Nomor 8 Tahun 2012;",
        "2. Peraturan Komisi Pemilihan Umum Nomor 29 Tahun 2013;",
        "MEMUTUSKAN",
        "Menetapkan : KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA PONTIANAK TENTANG PENETAPAN CALON TERPILIH.",
        "KESATU : Menetapkan calon terpilih.",
        "KEDUA : Keputusan ini mulai berlaku pada tanggal ditetapkan.",
        "Ditetapkan di Pontianak",
        "pada tanggal 12 Mei 2014",
        "KETUA,",
        "^",
        "NAMA KETUA",
    ]


def test_every_long_page_of_a_flat_transcript_is_broken_and_its_catchword_dropped():
    from kpu_docs.importing.lines import prepare

    page2 = (
        "2 -2- (Lembaran Negara Republik Indonesia Tahun 2011 Nomor 82, Tambahan Lembaran Negara Republik Indonesia "
        "Nomor 5234); 3. Undang-Undang Nomor 1 Tahun 2015 tentang Penetapan Peraturan Pemerintah Pengganti Undang-Undang "
        "Nomor 1 Tahun 2014 tentang Pemilihan Gubernur, Bupati dan Walikota menjadi Undang-Undang (Lembaran Negara "
        "Republik Indonesia Tahun 2015 Nomor 23)"
    )
    page1 = FLAT.split(" MEMUTUSKAN")[0].replace("Nomor 29 Tahun 2013;", "Nomor 29 Tahun 2013 (Lembaran")
    assert not is_flat(page2)  # it names no part of the decree: flat because its document is
    dropped: list[str] = []
    texts = [s.text for s in prepare([page1, "", page2], dropped)]
    assert "2. Peraturan Komisi Pemilihan Umum Nomor 29 Tahun 2013" in texts
    assert texts[-2:] == [
        "(Lembaran Negara Republik Indonesia Tahun 2011 Nomor 82, Tambahan Lembaran Negara Republik Indonesia Nomor 5234);",
        page2[page2.index("3. Undang"):],
    ]
    assert dropped[1:] == ["baris 1 (kata penghubung halaman): (Lembaran", "baris 3 (nomor halaman): 2 -2-"]
