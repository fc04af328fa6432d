"""The rendered reference decree read back as printed text, checked against the source decree.

Expected values are written by hand from the OCR text of the signed copy
(/work/shared/seeds/000_01e3163722905c13.txt), with the OCR errors listed in the drafting notes
corrected and the data file's deliberate decisions applied (Mengingat 5 in the Berita Negara,
the Lampiran's "B. Dasar Hukum" repeating the Mengingat list, the action-plan table rebuilt).
They are deliberately NOT copied from the renderer's output: the point is to catch content that
is lost, duplicated or reordered on the way to Word.
"""

from __future__ import annotations

import re
import zipfile

from docx.oxml.ns import qn
from lxml import etree

from kpu_docs import plaintext
from kpu_docs.plaintext import Line, TableBlock

# ---------------------------------------------------------------------------------------------
# 1. Order and completeness
# ---------------------------------------------------------------------------------------------

# Phrases as they must print, in the order of the source decree. A leading "\n" means the phrase
# must start a printed line (a heading, a list item with its label, a paragraph's first words).
ORDERED_PHRASES = [
    # --- Keputusan: certified-copy mark and title
    "\nSALINAN\n",
    "\nKEPUTUSAN KOMISI PEMILIHAN UMUM KOTA MATARAM\n",
    "\nNOMOR 11 TAHUN 2025\n",
    "\nTENTANG\n",
    "\nPENETAPAN RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS MENUJU WILAYAH BEBAS KORUPSI DAN "
    "WILAYAH BIROKRASI BERSIH MELAYANI DI LINGKUNGAN KOMISI PEMILIHAN UMUM KOTA MATARAM TAHUN 2025\n",
    "\nKETUA KOMISI PEMILIHAN UMUM KOTA MATARAM,\n",
    # --- Menimbang
    "\nMenimbang",
    "\na. bahwa berdasarkan ketentuan Peraturan Menteri Pendayagunaan Aparatur Negara dan "
    "Reformasi Birokrasi Nomor 10 Tahun 2019",
    "Nomor 52 Tahun 2014 tentang Pedoman Pembangunan Zona Integritas",
    "\nb. bahwa Untuk Melaksanakan Tugas Dan Tanggung Jawab Tim Pembangunan Zona Integritas",
    "\nc. bahwa berdasarkan pertimbangan sebagaimana dimaksud pada huruf a, perlu menetapkan",
    # --- Mengingat
    "\nMengingat",
    "\n1. Undang-Undang Nomor 30 Tahun 2002",
    "(Lembaran Negara Republik Indonesia Tahun 2002 Nomor 137, Tambahan Lembaran Negara "
    "Republik Indonesia Nomor 4250)",
    "sebagaimana telah diubah dengan Undang-Undang Nomor 19 Tahun 2019 tentang Perubahan Kedua",
    "Tambahan Lembaran Negara Republik Indonesia Nomor 6409);",
    "\n2. Undang-Undang Nomor 28 Tahun 1999",
    "(Lembaran Negara Republik Indonesia Tahun 1999 Nomor 75, Tambahan Lembaran Negara "
    "Republik Indonesia Nomor 3851);",
    "\n3. Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara",
    "Tambahan Lembaran Negara Republik Indonesia Nomor 5494);",
    "\n4. Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 25 Tahun 2020",
    "Road Map Reformasi Birokrasi 2020-2024 (Berita Negara Republik Indonesia Tahun 2020 Nomor 411);",
    "\n5. Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Republik "
    "Indonesia Nomor 90 Tahun 2021",
    "Pembangunan dan Evaluasi Zona Integritas",
    "(Berita Negara Republik Indonesia Tahun 2021 Nomor 1571);",
    "\n6. Peraturan Komisi Pemilihan Umum Nomor 8 Tahun 2019",
    "(Berita Negara Republik Indonesia Tahun 2019 Nomor 320) sebagaimana telah beberapa kali "
    "diubah terakhir dengan Peraturan Komisi Pemilihan Umum Nomor 12 Tahun 2023 tentang "
    "Perubahan Kelima",
    "(Berita Negara Republik Indonesia Tahun 2023 Nomor 377);",
    "\n7. Peraturan Komisi Pemilihan Umum Nomor 14 Tahun 2020",
    "(Berita Negara Republik Indonesia Tahun 2020 Nomor 1236)",
    "diubah terakhir dengan Peraturan Komisi Pemilihan Umum Nomor 21 Tahun 2023 tentang "
    "Perubahan Kedua",
    "(Berita Negara Republik Indonesia Tahun 2023 Nomor 826);",
    "\n8. Keputusan Komisi Pemilihan Umum Nomor 314/ORT.07-Kpt/01/KPU/V/2021",
    "Petunjuk Teknis Pelaksanaan Reformasi Birokrasi di Lingkungan Komisi Pemilihan Umum",
    # --- Diktum
    "\nMEMUTUSKAN:\n",
    "\nMenetapkan",
    "\nKEPUTUSAN KOMISI PEMILIHAN UMUM KOTA MATARAM TENTANG PENETAPAN RENCANA KERJA PEMBANGUNAN "
    "ZONA INTEGRITAS MENUJU WILAYAH BEBAS DARI KORUPSI",
    "KOMISI PEMILIHAN UMUM KOTA MATARAM TAHUN 2025.\n",
    "\nKESATU",
    "\nMenetapkan Rencana Kerja Pembangunan Zona Integritas Menuju Wilayah Bebas dari Korupsi",
    "sebagaimana tercantum dalam Lampiran Keputusan yang merupakan bagian yang tidak terpisahkan "
    "dari Keputusan ini.",
    "\nKEDUA",
    "\nKeputusan ini mulai berlaku pada tanggal ditetapkan.",
    # --- Penutup and certification
    "\nDitetapkan di Mataram",
    "\npada tanggal 3 September 2025",
    "\nKETUA KOMISI PEMILIHAN UMUM KOTA MATARAM,\n",
    "\nttd\n",
    "\nEDY PUTRAWAN\n",
    "\nSalinan sesuai dengan aslinya",
    "SEKRETARIAT KOMISI PEMILIHAN UMUM",
    "KOTA MATARAM",
    "Kepala Subbagian Teknis Penyelenggara Pemilu, Partisipasi dan Humas",
    "\nMoch. Wanyurridho",
    # --- Lampiran heading block (the seed abbreviates the subject here; both forms pass)
    "\nLAMPIRAN\n",
    "\nKEPUTUSAN KOMISI PEMILIHAN UMUM KOTA MATARAM\n",
    "\nNOMOR 11 TAHUN 2025\n",
    "\nTENTANG\n",
    "\nPENETAPAN RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS",
    "KOMISI PEMILIHAN UMUM KOTA MATARAM TAHUN 2025\n",
    "\nRENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS KPU KOTA MATARAM",
    # --- A. Latar Belakang
    "\nA. Latar Belakang",
    "\nKomisi Pemilihan Umum (KPU) merupakan lembaga penyelenggara Pemilihan Umum",
    "\nMeningkatnya tuntutan masyarakat terhadap kualitas tata kelola pemilu",
    "\nSejalan dengan arah kebijakan Reformasi Birokrasi",
    "\nNamun, upaya mewujudkan birokrasi bersih tidak lepas dari berbagai tantangan",
    "\nSebagai tindak lanjut, Kementerian PANRB menerbitkan Peraturan Menteri Nomor 52 Tahun 2014",
    "\nDengan demikian, Zona Integritas menjadi simbol komitmen pemerintah",
    "\nUntuk mempercepat pencapaian target, pengembangan pilot project Integritas",
    # --- B. Dasar Hukum (the Mengingat list again)
    "\nB. Dasar Hukum",
    "\n1. Undang-Undang Nomor 30 Tahun 2002",
    "\n2. Undang-Undang Nomor 28 Tahun 1999",
    "\n5. Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Republik "
    "Indonesia Nomor 90 Tahun 2021",
    "\n8. Keputusan Komisi Pemilihan Umum Nomor 314/ORT.07-Kpt/01/KPU/V/2021",
    # --- C. Tujuan dan Sasaran
    "\nC. Tujuan dan Sasaran",
    "\nTujuan penyusunan Roadmap Rencana Kerja Pembangunan Zona Integritas adalah sebagai berikut:",
    "\n1. Menjadi pedoman dalam menentukan arah kebijakan",
    "\n2. Menjadi acuan dalam pelaksanaan pembangunan Zona Integritas di KPU Kota Mataram",
    "\n3. Memastikan rencana kerja pembangunan Zona Integritas berorientasi pada partisipasi",
    "\nSasaran dari rencana kerja Zona Integritas adalah terwujudnya pemerintahan yang bersih",
    # --- D. Pengertian Umum
    "\nD. Pengertian Umum",
    "\n1. Zona Integritas (ZI) adalah predikat",
    "\n2. Menuju Wilayah Bebas dari Korupsi (Menuju WBK) adalah predikat",
    "\n3. Menuju Wilayah Birokrasi Bersih dan Melayani (Menuju WBBM) adalah predikat",
    "\n4. Instansi Pemerintah adalah instansi pusat maupun daerah.",
    "\n5. Unit Kerja adalah unit atau satuan kerja pada instansi pemerintah",
    "\n6. Menteri adalah Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi.",
    "\n7. Tim Penilai Internal (TPI) adalah tim",
    "\n8. Unit kerja yang diusulkan sebagai Zona Integritas menuju WBK/WBBM",
    # --- Program kerja
    "\nPROGRAM KERJA PEMBANGUNAN ZONA INTEGRITAS MENUJU WILAYAH BEBAS KORUPSI (WBK)",
    "WILAYAH BIROKRASI BERSIH DAN MELAYANI (WBBM)\n",
    "\nA. Pencanangan",
    "\nPencanangan pembangunan Zona Integritas menuju Wilayah Bebas dari Korupsi (WBK)",
    "\n1. Deklarasi Pencanangan",
    "pernyataan resmi dari pimpinan KPU Kota Mataram",
    "\n2. Penandatanganan Pakta Integritas",
    "melalui penandatanganan Dokumen Pakta Integritas",
    "\n3. Publikasi Terbuka",
    "dilaksanakan secara terbuka dan dipublikasikan secara luas",
    "\n4. Kehadiran Saksi Eksternal",
    "Ombudsman Republik Indonesia (ORI)",
    "\nB. Proses Pembangunan Zona Integritas",
    "\nProses pembangunan Zona Integritas merupakan tindak lanjut dari pencanangan",
    "\nDalam pelaksanaannya, pimpinan instansi pemerintah menetapkan",
    "\n1. Merupakan unit kerja yang penting dan strategis",
    "\n2. Mengelola sumber daya yang cukup besar; dan",
    "\n3. Memiliki tingkat keberhasilan Reformasi Birokrasi yang relatif tinggi.",
    "\nProses pemilihan unit kerja berpotensi menuju WBK/WBBM",
    "\nSelanjutnya, dilakukan penilaian mandiri (self-assessment)",
    "\nSetelah unit kerja ditetapkan sebagai Zona Integritas menuju WBK/WBBM",
    "\n1. Komponen Pengungkit",
    "\nKomponen ini merupakan faktor penentu",
    "\na. Manajemen Perubahan\n",
    "\nb. Penataan Tatalaksana\n",
    "\nc. Penataan Manajemen SDM\n",
    "\nd. Penguatan Akuntabilitas Kinerja\n",
    "\ne. Penguatan Pengawasan\n",
    "\nf. Peningkatan Kualitas Pelayanan Publik\n",
    "\n2. Komponen Hasil",
    "\nKomponen ini menggambarkan capaian nyata",
    # --- Action plan table (rows print as "cell | cell | ...")
    "\nNO | KOMPONEN | INDIKATOR/PROGRAM | RENCANA AKSI | TARGET WAKTU\n",
    "\n1 | Manajemen Perubahan | Penyusunan Tim Kerja |",
    "| Perubahan Pola Pikir dan Budaya Kerja |",
    "\n2 | Penataan Tatalaksana | SOP |",
    "\n3 | Penataan Sistem Manajemen SDM | Perencanaan Kebutuhan Pegawai |",
    "\n4 | Penguatan Akuntabilitas Kinerja | Keterlibatan Pimpinan |",
    "\n5 | Penguatan Pengawasan | Pengendalian Gratifikasi |",
    "\n6 | Peningkatan Kualitas Pelayanan Publik | Standar Pelayanan |",
    "Pemanfaatan Teknologi Informasi",
    # --- Lampiran closing signature
    "\nKETUA KOMISI PEMILIHAN UMUM KOTA MATARAM,\n",
    "\nttd\n",
    "\nEDY PUTRAWAN\n",
    # --- the certified copy's block again, on the Lampiran's last page as in the seed
    "\nSalinan sesuai dengan aslinya\n",
    "\nSEKRETARIAT KOMISI PEMILIHAN UMUM KOTA MATARAM\n",
    "\nKepala Subbagian Teknis Penyelenggara Pemilu, Partisipasi dan Humas\n",
    "\nMoch. Wanyurridho\n",
]


def _printed(document) -> str:
    # A leading and trailing newline let "\n..." and "...\n" anchor the first and last lines.
    return "\n" + plaintext.text(document) + "\n"


def test_every_part_prints_in_the_source_order(reference_document):
    text = _printed(reference_document)
    position = 0
    previous = "(start of document)"
    for phrase in ORDERED_PHRASES:
        found = text.find(phrase, position)
        if found < 0:
            elsewhere = text.find(phrase)
            where = (
                f"it only occurs earlier, at offset {elsewhere} (reordered)"
                if elsewhere >= 0
                else "it does not occur at all (missing)"
            )
            raise AssertionError(
                f"expected {phrase.strip()!r} after {previous.strip()!r} (offset {position}), "
                f"but {where}"
            )
        # the next phrase may share the newline that anchors this one
        position = found + len(phrase.rstrip("\n"))
        previous = phrase


def test_decree_proper_has_a_single_title_and_one_signature_before_the_lampiran(reference_document):
    text = _printed(reference_document)
    head, _, lampiran = text.partition("\nLAMPIRAN\n")
    assert lampiran, "no LAMPIRAN heading line"
    assert head.count("\nMEMUTUSKAN:\n") == 1
    assert head.count("\nEDY PUTRAWAN\n") == 1
    assert lampiran.count("\nEDY PUTRAWAN\n") == 1
    assert "MEMUTUSKAN" not in lampiran
    assert "\nKESATU" not in lampiran


# ---------------------------------------------------------------------------------------------
# 2. List labels
# ---------------------------------------------------------------------------------------------


def _lines(document) -> list[Line]:
    return [b for b in plaintext.blocks(document) if isinstance(b, Line)]


def _split_at_lampiran(document) -> tuple[list[Line], list[Line]]:
    lines = _lines(document)
    starts = [i for i, line in enumerate(lines) if not line.label and line.text.strip() == "LAMPIRAN"]
    assert len(starts) == 1, f"expected one LAMPIRAN heading line, found {len(starts)}"
    return lines[: starts[0]], lines[starts[0] :]


def _labelled(lines: list[Line]) -> list[tuple[str, str]]:
    return [(line.label, line.text) for line in lines if line.label]


def _check_labels(actual: list[tuple[str, str]], expected: list[tuple[str, str]], where: str):
    got = [(label, text[:60]) for label, text in actual]
    assert len(actual) == len(expected), f"{where}: {len(actual)} labelled lines, expected {len(expected)}: {got}"
    for i, ((label, text), (want_label, want_start)) in enumerate(zip(actual, expected)):
        assert label == want_label and text.startswith(want_start), (
            f"{where}, labelled line {i + 1}: got {label!r} {text[:70]!r}, "
            f"expected {want_label!r} {want_start!r}"
        )


MENIMBANG = [
    ("a.", "bahwa berdasarkan ketentuan Peraturan Menteri"),
    ("b.", "bahwa Untuk Melaksanakan Tugas"),
    ("c.", "bahwa berdasarkan pertimbangan sebagaimana dimaksud pada huruf a"),
]

MENGINGAT = [
    ("1.", "Undang-Undang Nomor 30 Tahun 2002"),
    ("2.", "Undang-Undang Nomor 28 Tahun 1999"),
    ("3.", "Undang-Undang Nomor 5 Tahun 2014"),
    ("4.", "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 25 Tahun 2020"),
    ("5.", "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Republik Indonesia Nomor 90 Tahun 2021"),
    ("6.", "Peraturan Komisi Pemilihan Umum Nomor 8 Tahun 2019"),
    ("7.", "Peraturan Komisi Pemilihan Umum Nomor 14 Tahun 2020"),
    ("8.", "Keputusan Komisi Pemilihan Umum Nomor 314/ORT.07-Kpt/01/KPU/V/2021"),
]

LAMPIRAN_LABELS = (
    [("A.", "Latar Belakang"), ("B.", "Dasar Hukum")]
    + MENGINGAT
    + [
        ("C.", "Tujuan dan Sasaran"),
        ("1.", "Menjadi pedoman"),
        ("2.", "Menjadi acuan"),
        ("3.", "Memastikan rencana kerja"),
        ("D.", "Pengertian Umum"),
        ("1.", "Zona Integritas (ZI)"),
        ("2.", "Menuju Wilayah Bebas dari Korupsi"),
        ("3.", "Menuju Wilayah Birokrasi Bersih dan Melayani"),
        ("4.", "Instansi Pemerintah"),
        ("5.", "Unit Kerja adalah"),
        ("6.", "Menteri adalah"),
        ("7.", "Tim Penilai Internal"),
        ("8.", "Unit kerja yang diusulkan"),
        # -- after the PROGRAM KERJA title the section letters restart
        ("A.", "Pencanangan"),
        ("1.", "Deklarasi Pencanangan"),
        ("2.", "Penandatanganan Pakta Integritas"),
        ("3.", "Publikasi Terbuka"),
        ("4.", "Kehadiran Saksi Eksternal"),
        ("B.", "Proses Pembangunan Zona Integritas"),
        ("1.", "Merupakan unit kerja"),
        ("2.", "Mengelola sumber daya"),
        ("3.", "Memiliki tingkat keberhasilan"),
        ("1.", "Komponen Pengungkit"),
        ("a.", "Manajemen Perubahan"),
        ("b.", "Penataan Tatalaksana"),
        ("c.", "Penataan Manajemen SDM"),
        ("d.", "Penguatan Akuntabilitas Kinerja"),
        ("e.", "Penguatan Pengawasan"),
        ("f.", "Peningkatan Kualitas Pelayanan Publik"),
        ("2.", "Komponen Hasil"),
    ]
)


def test_decree_labels_menimbang_a_to_c_and_mengingat_1_to_8(reference_document):
    decree, _ = _split_at_lampiran(reference_document)
    _check_labels(_labelled(decree), MENIMBANG + MENGINGAT, "Keputusan")


def test_lampiran_labels_restart_for_every_list(reference_document):
    _, lampiran = _split_at_lampiran(reference_document)
    _check_labels(_labelled(lampiran), LAMPIRAN_LABELS, "Lampiran")


def test_section_letters_restart_after_the_program_kerja_title(reference_document):
    _, lampiran = _split_at_lampiran(reference_document)
    titles = [
        i for i, line in enumerate(lampiran)
        if not line.label and line.text.startswith("PROGRAM KERJA PEMBANGUNAN ZONA INTEGRITAS")
    ]
    assert len(titles) == 1, "the PROGRAM KERJA title should print once, unlabelled"
    before = [line.label for line in lampiran[: titles[0]] if re.fullmatch(r"[A-Z]\.", line.label)]
    after = [line.label for line in lampiran[titles[0] :] if re.fullmatch(r"[A-Z]\.", line.label)]
    assert before == ["A.", "B.", "C.", "D."]
    assert after == ["A.", "B."]


def test_list_items_end_with_semicolons_and_the_last_with_a_full_stop(reference_document):
    decree, lampiran = _split_at_lampiran(reference_document)
    decree_items = [line.text for line in decree if line.label]
    lampiran_items = [line.text for line in lampiran if line.label]
    menimbang, mengingat = decree_items[:3], decree_items[3:11]
    dasar_hukum = lampiran_items[2:10]  # after "A. Latar Belakang", "B. Dasar Hukum"
    assert all(t.endswith(";") for t in menimbang), [t[-40:] for t in menimbang]
    for where, items in (("Mengingat", mengingat), ("Lampiran B. Dasar Hukum", dasar_hukum)):
        for text in items[:-1]:
            assert text.endswith(";"), f"{where}: {text[-60:]!r} should end with ';'"
        assert items[-1].endswith("Kabupaten/Kota."), f"{where}: last item ends {items[-1][-60:]!r}"
    assert dasar_hukum == mengingat, "the Lampiran's Dasar Hukum should repeat the Mengingat list word for word"


# ---------------------------------------------------------------------------------------------
# 3. The action-plan table
# ---------------------------------------------------------------------------------------------

HEADER = ["NO", "KOMPONEN", "INDIKATOR/PROGRAM", "RENCANA AKSI", "TARGET WAKTU"]

KOMPONEN = [
    ("1", "Manajemen Perubahan", 4),
    ("2", "Penataan Tatalaksana", 3),
    ("3", "Penataan Sistem Manajemen SDM", 6),
    ("4", "Penguatan Akuntabilitas Kinerja", 2),
    ("5", "Penguatan Pengawasan", 5),
    ("6", "Peningkatan Kualitas Pelayanan Publik", 5),
]

S_D = "September s/d Desember 2025"

# (indikator/program, target waktu) of every body row, from the seed's table.
INDIKATOR_TARGET = [
    ("Penyusunan Tim Kerja", "September 2025"),
    ("Rencana Pembangunan ZI", "September 2025"),
    ("Pemantauan dan Evaluasi", S_D),
    ("Perubahan Pola Pikir dan Budaya Kerja", S_D),
    ("SOP", S_D),
    ("SPBE", S_D),
    ("Keterbukaan Informasi Publik", S_D),
    ("Perencanaan Kebutuhan Pegawai", S_D),
    ("Pola Mutasi Internal", S_D),
    ("Pengembangan Pegawai Berbasis Kompetensi", S_D),
    ("Penetapan Kinerja Individu", S_D),
    ("Penegakan Disiplin/Kode Etik", S_D),
    ("Sistem Informasi Kepegawaian", S_D),
    ("Keterlibatan Pimpinan", S_D),
    ("Pengelolaan Akuntabilitas Kinerja", S_D),
    ("Pengendalian Gratifikasi", S_D),
    ("SPIP", S_D),
    ("Pengaduan Masyarakat", S_D),
    ("Whistle Blowing System", S_D),
    ("Penanganan Benturan Kepentingan", S_D),
    ("Standar Pelayanan", S_D),
    ("Budaya Pelayanan Prima", S_D),
    ("Pengelolaan Pengaduan", S_D),
    ("Penilaian Kepuasan Masyarakat", "Agustus s/d Desember 2025"),
    ("Pemanfaatan Teknologi Informasi", S_D),
]

# A sample of RENCANA AKSI cells by body-row index (0-based), exact text.
RENCANA_AKSI = {
    0: "Membentuk Tim ZI menuju WBK/WBBM melalui SK Ketua KPU Kota Mataram",
    4: "Penyusunan, penerapan, serta reviu/perbaikan SOP sesuai peta bisnis KPU",
    9: "Training Need Analysis, rencana pengembangan kompetensi, serta pelatihan",
    15: "Public campaign dan implementasi pengendalian gratifikasi",
    18: "Menerapkan, monitoring, evaluasi, dan tindak lanjut WBS",
    22: "Menyediakan media pengaduan terintegrasi dengan SP4N-Lapor, evaluasi keluhan",
    24: "Penerapan TI dalam pelayanan, database pelayanan terintegrasi, perbaikan berkala",
}


def _norm(cell: str | None) -> str | None:
    return None if cell is None else " ".join(cell.split())


def _action_plan(document) -> list[list[str | None]]:
    found = [
        b for b in plaintext.blocks(document)
        if isinstance(b, TableBlock) and b.rows and (b.rows[0][0] or "").strip().startswith("NO")
    ]
    assert len(found) == 1, f"expected one data table headed NO, found {len(found)}"
    return [[_norm(c) for c in row] for row in found[0].rows]


def test_action_plan_header_and_row_count(reference_document):
    rows = _action_plan(reference_document)
    assert rows[0] == HEADER
    assert len(rows) - 1 == 25, f"{len(rows) - 1} body rows"
    assert all(len(row) == 5 for row in rows), [len(r) for r in rows]


def test_action_plan_komponen_are_numbered_once_and_merged_below(reference_document):
    body = _action_plan(reference_document)[1:]
    i = 0
    for nomor, nama, count in KOMPONEN:
        first = body[i]
        assert first[0] == nomor and first[1] == nama, f"row {i + 1}: {first[:2]}, expected {nomor} {nama}"
        for j in range(i + 1, i + count):
            assert body[j][0] is None and body[j][1] is None, (
                f"row {j + 1} ({body[j][2]}) should continue the merged cells of komponen {nomor}, got {body[j][:2]}"
            )
        i += count
    assert i == len(body)
    numbers = [row[0] for row in body if row[0] is not None]
    assert numbers == [n for n, _, _ in KOMPONEN]
    names = [row[1] for row in body if row[1] is not None]
    assert names == [n for _, n, _ in KOMPONEN]


def test_action_plan_indikator_and_target_waktu_in_order(reference_document):
    body = _action_plan(reference_document)[1:]
    got = [(row[2], row[4]) for row in body]
    for n, (actual, expected) in enumerate(zip(got, INDIKATOR_TARGET), start=1):
        assert actual == expected, f"body row {n}: got {actual}, expected {expected}"
    assert len(got) == len(INDIKATOR_TARGET), f"{len(got)} body rows, expected {len(INDIKATOR_TARGET)}"


def test_action_plan_rencana_aksi_samples(reference_document):
    body = _action_plan(reference_document)[1:]
    for index, text in RENCANA_AKSI.items():
        assert body[index][3] == text, f"row {index + 1} ({body[index][2]})"
    assert all(row[2] and row[3] and row[4] for row in body), "an indikator row has an empty cell"


def _action_plan_tbl(document):
    found = [t for t in document.tables if t.rows and t.rows[0].cells[0].text.strip() == "NO"]
    assert len(found) == 1
    return found[0]._tbl


def _vmerge(tc) -> str | None:
    """'restart', 'continue' or None (not merged) for a w:tc."""
    tcpr = tc.find(qn("w:tcPr"))
    vmerge = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
    if vmerge is None:
        return None
    return vmerge.get(qn("w:val"), "continue")


def _on(element) -> bool:
    return element is not None and element.get(qn("w:val"), "true") not in ("false", "0", "off")


def test_action_plan_xml_merges_no_and_komponen_vertically(reference_document):
    trs = _action_plan_tbl(reference_document).findall(qn("w:tr"))
    body = trs[1:]
    assert len(body) == 25
    expected: list[str] = []
    for _, _, count in KOMPONEN:
        expected += ["restart"] + ["continue"] * (count - 1)
    for column, name in ((0, "NO"), (1, "KOMPONEN")):
        got = [_vmerge(tr.findall(qn("w:tc"))[column]) for tr in body]
        assert got == expected, f"{name} column vMerge: {got}"
    for column in (2, 3, 4):
        got = [_vmerge(tr.findall(qn("w:tc"))[column]) for tr in body]
        assert got == [None] * 25, f"column {column} should not be merged: {got}"
    assert all(_vmerge(tc) is None for tc in trs[0].findall(qn("w:tc"))), "header cells merged"


def test_action_plan_xml_header_repeats_and_rows_do_not_split(reference_document):
    trs = _action_plan_tbl(reference_document).findall(qn("w:tr"))

    def trpr(tr, tag):
        pr = tr.find(qn("w:trPr"))
        return pr.find(qn(tag)) if pr is not None else None

    assert _on(trpr(trs[0], "w:tblHeader")), "header row lacks w:tblHeader"
    for n, tr in enumerate(trs[1:], start=1):
        assert _on(trpr(tr, "w:cantSplit")), f"body row {n} lacks w:cantSplit"
        assert not _on(trpr(tr, "w:tblHeader")), f"body row {n} is marked as a header row"


# ---------------------------------------------------------------------------------------------
# 4. No OCR errors
# ---------------------------------------------------------------------------------------------

# From the drafting notes' list of the seed's extraction errors (case-insensitive).
OCR_TYPOS = [
    r"Melavani",
    r"Apartur",
    r"Tnna",
    r"Republi\b",
    r"Tamabahan",
    r"Lingkungart",
    r"PEMDANGUNAN",
    r"DEBAS",
    r"Pelyanan",
    r"Subbagjan",
    r"Partisipas\b",
    r"Undangundang",
]


def _all_xml_text(path) -> str:
    """Text of every paragraph in the body, headers and footers, read from the package itself."""
    out = []
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if re.fullmatch(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml", name):
                root = etree.fromstring(package.read(name))
                for p in root.iter(qn("w:p")):
                    out.append("".join(t.text or "" for t in p.iter(qn("w:t"))))
    return "\n".join(out)


def test_no_ocr_typo_in_the_output(reference_document, reference_docx):
    for source, text in (
        ("printed text", plaintext.text(reference_document)),
        ("document XML", _all_xml_text(reference_docx)),
    ):
        found = [(p, m.group(0)) for p in OCR_TYPOS for m in [re.search(p, text, re.IGNORECASE)] if m]
        assert not found, f"OCR errors in the {source}: {found}"
