"""Lampiran tables as people type them in a .txt: cells between bars (with or without a Markdown
header rule, outer bars optional), cells between tabs, and cells laid out with spaces whose second
lines leave the column to their left empty. Each is a real decree's table from the import corpus
(named in corpus/sources.yaml) re-typed, put in place of the table of a real decree's text, and
read cell for cell."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpu_docs.importing import import_text

CORPUS = Path(__file__).parent / "corpus"
HOST = CORPUS / "kulonprogo-153-2010.txt"
"""Keputusan Bupati Kulon Progo 153/2010: its Lampiran's table (DAFTAR DESA BINAAN) is replaced."""

DESA_HEADER = ["NO", "NAMA DESA", "KECAMATAN"]
DESA = [  # kulonprogo-153-2010, Lampiran: the table as the decree prints it
    ["I.", "Desa Sidomulyo", "Kecamatan Pengasih"],
    ["II.", "Desa Pagerharjo", "Kecamatan Samigaluh"],
    ["III.", "Desa Donomulyo", "Kecamatan Nanggulan"],
    ["IV.", "Desa Cerme", "Kecamatan Panjatan"],
    ["V.", "Desa Jatimulyo", "Kecamatan Girimulyo"],
    ["VI.", "Desa Sidoharjo", "Kecamatan Samigaluh"],
    ["VII.", "Desa Ngentakrejo", "Kecamatan Lendah"],
]


def _in_host(table: list[str]) -> str:
    """The host decree's text with its Lampiran table (header, column numbers, rows) replaced."""
    lines = HOST.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("NO             NAMA DESA"))
    end = next(i for i, line in enumerate(lines) if "Desa Ngentakrejo" in line) + 1
    return "\n".join([*lines[:start], *table, *lines[end:]]) + "\n"


def _table(text: str) -> dict:
    result = import_text(text)
    (lampiran,) = result.data["lampiran"]
    (block,) = [b for b in lampiran["isi"] if "tabel" in b or "tabel_kelompok" in b]
    assert not [n for n in result.tidak_terbaca if "tabel" in n], result.tidak_terbaca
    return block


def test_the_host_reads_its_own_table():
    block = _table(HOST.read_text(encoding="utf-8"))
    assert block["tabel"]["baris"] == DESA


@pytest.mark.parametrize("typed", [
    # Markdown, with the header rule and outer bars
    ["| NO | NAMA DESA | KECAMATAN |", "|---|---|---|", *[f"| {a} | {b} | {c} |" for a, b, c in DESA]],
    # Markdown with aligned colons in its rule, cells padded
    ["| NO   | NAMA DESA        | KECAMATAN           |", "|:----:|:-----------------|:--------------------|",
     *[f"| {a:<4} | {b:<16} | {c:<19} |" for a, b, c in DESA]],
    # Markdown with the decree's column-number row under its header
    ["| NO | NAMA DESA | KECAMATAN |", "|---|---|---|", "| 1 | 2 | 3 |", *[f"| {a} | {b} | {c} |" for a, b, c in DESA]],
    # bars without a header rule, as pasted from a web page
    ["| NO | NAMA DESA | KECAMATAN |", *[f"| {a} | {b} | {c} |" for a, b, c in DESA]],
    # bars between cells only
    ["NO | NAMA DESA | KECAMATAN", *[f"{a} | {b} | {c}" for a, b, c in DESA]],
    # tabs
    ["NO\tNAMA DESA\tKECAMATAN", *["\t".join(row) for row in DESA]],
], ids=["markdown", "markdown-aligned", "column-numbers", "bars-no-rule", "inner-bars", "tabs"])
def test_a_typed_table_reads_cell_for_cell(typed):
    block = _table(_in_host(typed))
    assert block == {"tabel": {"kolom": DESA_HEADER, "baris": DESA}}


RENCANA = [  # kpu-mataram-11-2025, Lampiran: the first group of its Rencana Aksi table, cells wrapped
    "| NO | KOMPONEN | INDIKATOR/PROGRAM | RENCANA AKSI | TARGET |",
    "|    |          |                   |              | WAKTU  |",
    "|----|----------|-------------------|--------------|--------|",
    "| 1 | Manajemen | Penyusunan Tim Kerja | Membentuk Tim ZI | September |",
    "|   | Perubahan |  | menuju WBK/WBBM melalui SK Ketua KPU Kota Mataram | 2025 |",
    "|   |  | Rencana Pembangunan ZI | Menyusun dokumen rencana pembangunan ZI, memuat target prioritas, serta sosialisasi internal/eksternal | September 2025 |",
    "|   |  | Pemantauan dan Evaluasi | Monitoring dan evaluasi berkala pembangunan ZI, tindak lanjut hasil evaluasi | September s/d Desember 2025 |",
    "| 2 | Penataan Tatalaksana | SOP | Penyusunan, penerapan, serta reviu/perbaikan SOP sesuai peta bisnis KPU | September s/d Desember 2025 |",
    "|   |  | SPBE | Penguatan TI untuk kinerja, manajemen SDM, dan layanan publik | September s/d Desember 2025 |",
]


def test_a_grouped_table_typed_with_bars_and_wrapped_cells():
    block = _table(_in_host(RENCANA))
    assert block == {"tabel_kelompok": {
        "kolom": ["NO", "KOMPONEN", "INDIKATOR/PROGRAM", "RENCANA AKSI", "TARGET WAKTU"],
        "kelompok": [
            {"nama": "Manajemen Perubahan", "baris": [
                ["Penyusunan Tim Kerja", "Membentuk Tim ZI menuju WBK/WBBM melalui SK Ketua KPU Kota Mataram", "September 2025"],
                ["Rencana Pembangunan ZI",
                 "Menyusun dokumen rencana pembangunan ZI, memuat target prioritas, serta sosialisasi internal/eksternal",
                 "September 2025"],
                ["Pemantauan dan Evaluasi", "Monitoring dan evaluasi berkala pembangunan ZI, tindak lanjut hasil evaluasi",
                 "September s/d Desember 2025"],
            ]},
            {"nama": "Penataan Tatalaksana", "baris": [
                ["SOP", "Penyusunan, penerapan, serta reviu/perbaikan SOP sesuai peta bisnis KPU", "September s/d Desember 2025"],
                ["SPBE", "Penguatan TI untuk kinerja, manajemen SDM, dan layanan publik", "September s/d Desember 2025"],
            ]},
        ],
    }}


PPID = [  # kulonprogo-215-2013, Lampiran: its table's first rows, re-typed with both headings centred
    # over their columns: the middle of the gap between them (41) is right of where the third
    # column's text starts (37)
    "NO          JABATAN DALAM TIM                        JABATAN DALAM DINAS",
    " I.   Atasan Langsung PPID           Sekretaris Daerah Kabupaten Kulon Progo",
    "IV.   PPID Pembantu :                1. Kepala Bagian Umum Sekretariat Dewan",
    "                                     Perwakilan Rakyat Daerah Kabupaten Kulon",
    "                                     Progo",
    "                                     2. Sekretaris Inspektorat Daerah Kabupaten",
    "                                     Kulon Progo",
]


def test_a_space_aligned_cell_continued_under_an_empty_column_stays_in_its_column():
    """"Progo" on a line of its own starts where the third column's text starts: it ends that
    column's cell, as the same table read from the decree's PDF has it, not the second's."""
    block = _table(_in_host(PPID))
    assert block == {"tabel": {"kolom": ["NO", "JABATAN DALAM TIM", "JABATAN DALAM DINAS"], "baris": [
        ["I.", "Atasan Langsung PPID", "Sekretaris Daerah Kabupaten Kulon Progo"],
        ["IV.", "PPID Pembantu :",  # the cell's own list: an item a paragraph, as in a Word cell
         "1. Kepala Bagian Umum Sekretariat Dewan Perwakilan Rakyat Daerah Kabupaten Kulon Progo\n"
         "2. Sekretaris Inspektorat Daerah Kabupaten Kulon Progo"],
    ]}}


def test_running_text_under_a_space_aligned_table_moves_no_column():
    """A line of running text after the table starts at the left margin and runs into the third
    column: it does not say where the third column starts."""
    note = "Catatan: susunan ini berlaku sampai dengan ditetapkannya keputusan yang baru oleh Bupati"
    block = _table(_in_host([*PPID, note]))
    rows = block["tabel"]["baris"]
    assert rows[0] == ["I.", "Atasan Langsung PPID", "Sekretaris Daerah Kabupaten Kulon Progo"]
    assert rows[1][:2] == ["IV.", "PPID Pembantu :"]


def test_a_line_with_a_bar_in_prose_is_no_table():
    text = _in_host(["NO\tNAMA DESA\tKECAMATAN", *["\t".join(row) for row in DESA]])
    text = text.replace("DAFTAR DESA BINAAN", "DAFTAR DESA BINAAN | TAHUN 2010")
    result = import_text(text)
    (lampiran,) = result.data["lampiran"]
    assert [b for b in lampiran["isi"] if "tabel" in b] == [{"tabel": {"kolom": DESA_HEADER, "baris": DESA}}]


def test_a_cells_own_list_keeps_an_item_a_paragraph():
    # LAPAN Kep/110/V/2004's Lampiran (tests/importing/corpus/lapan-110-2004.txt), space-aligned:
    # each Keterangan cell is a numbered list of its own, wrapped over several lines
    data = import_text((CORPUS / "lapan-110-2004.txt").read_text(encoding="utf-8")).data
    table = next(block["tabel"] for block in data["lampiran"][0]["isi"] if "tabel" in block)
    assert table["baris"][0][2] == (
        "1. Diproduksi/ buatan luar negeri, sistem penjualan dengan keagenan tunggal.\n"
        "2. Pengguna di Indonesia sangat terbatas, salah satunya LAPAN (Pusfatsatklim).\n"
        "3. Peralatan tersebut sangat diperlukan oleh Pusfatsatklim.")
    assert table["baris"][4][1] == "Alat Pengamatan Ionosfer Berupa Ionosonda"  # no list: one paragraph


def test_a_number_that_only_looks_like_a_label_stays_in_its_paragraph():
    from kpu_docs.importing.tables import _joined

    # a wrapped line that begins with a number, in a cell that is no list of its own
    assert _joined(["sebagaimana dimaksud pada angka", "2. dan seterusnya"]) == \
        "sebagaimana dimaksud pada angka 2. dan seterusnya"
    # a label out of sequence ends no item: "3." after "1." continues it
    assert _joined(["1. Kepala Bagian", "3. Umum", "2. Sekretaris"]) == "1. Kepala Bagian 3. Umum\n2. Sekretaris"
    assert _joined(["a. Ketua", "b. Sekretaris", "", "c. Anggota"]) == "a. Ketua\nb. Sekretaris\nc. Anggota"
