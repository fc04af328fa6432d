"""The register as an agenda book: one line per number given, on screen, as CSV or as XLSX.

What the register holds was typed by people (a subject, a name, a reason for cancelling) and is
printed as text, never obeyed: control characters are written out (register.tampak), and a cell
that a spreadsheet would take for a formula (starting with = + - @, or a tab or carriage return
before one) is a text cell in the XLSX and starts with an apostrophe in the CSV, as the OWASP
guidance on CSV injection says. The export is never written over the register itself.
"""

from __future__ import annotations

import csv
import datetime
import io
import os
import re
from pathlib import Path

from kpu_docs.nomor.register import BATAL, DIAMBIL, DITULIS, GAGAL, Entri, RegisterError, tampak

SQLITE_HEADER = b"SQLite format 3\x00"
_RUMUS = re.compile(r"[\t\r]*[=+\-@]")
"""The start of a cell a spreadsheet program may read as a formula (OWASP: = + - @, tab, CR)."""
_KENDALI_SEL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""What a cell may not hold raw: control characters but tab and line feed, and direction overrides."""


def tujuan_aman(output: str | Path, register: str | Path) -> None:
    """RegisterError when writing an export to `output` would destroy a register: `output` is
    the register itself (by any name, link or case), its journal, or any SQLite database."""
    output, register = Path(output), Path(register)
    names = [register, *(register.with_name(register.name + end) for end in ("-journal", "-wal", "-shm"))]
    for name in names:
        try:
            same = os.path.samefile(output, name)
        except OSError:  # one of them does not exist
            same = output.resolve() == name.resolve()
        if same:
            raise RegisterError(f"-o {output}: itu register nomor {register} sendiri; daftar tidak ditulis di atas "
                                "register (pilih nama lain, misalnya agenda.xlsx); register tidak diubah")
    try:
        with open(output, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError:
        return  # nothing there (or a folder, which write_atomic refuses)
    if head == SQLITE_HEADER:
        raise RegisterError(f"-o {output}: berkas itu basis data SQLite (mungkin register lain); daftar tidak "
                            f"ditulis di atasnya (pilih nama lain, misalnya agenda.xlsx)")


def sel(value: object, csv: bool = False) -> object:
    """A value for a spreadsheet cell: text with its control characters written out; in a CSV,
    an apostrophe before a text that would start a formula (the XLSX stores it as a text cell)."""
    if not isinstance(value, str):
        return value
    text = _KENDALI_SEL.sub(lambda m: tampak(m.group()), value)
    return "'" + text if csv and _RUMUS.match(text) else text


KOLOM = ("No.", "Nomor", "Tanggal", "Tentang", "Berkas", "Diambil oleh", "Diambil pada", "Status", "Keterangan")
STATUS = {
    DIAMBIL: "diambil, berkas belum ditulis",
    DITULIS: "ditulis",
    GAGAL: "gagal ditulis",
    BATAL: "BATAL",
}


def keterangan(entri: Entri) -> str:
    """Why a number is not in use, in words: cancelled by whom and why, or why it was not written."""
    if entri.status == BATAL:
        when = (entri.diubah_pada or "")[:10]
        text = f"dibatalkan oleh {entri.dibatalkan_oleh} {when}".rstrip()
        return f"{text}: {entri.keterangan}" if entri.keterangan else text
    return entri.keterangan or ""


def baris(entries: list[Entri]) -> list[list]:
    """The agenda's rows (numbered from 1); dates as dates, for a spreadsheet to sort."""
    return [
        [i, e.nomor, datetime.date.fromisoformat(e.tanggal) if e.tanggal else None, e.tentang or "", e.berkas or "",
         e.oleh, e.diambil_pada, STATUS.get(e.status, e.status), keterangan(e)]
        for i, e in enumerate(entries, start=1)
    ]


def as_text(entries: list[Entri]) -> str:
    """For the screen: number, date and status in columns, then the subject, file and taker
    (the full columns are in the CSV and XLSX)."""
    if not entries:
        return "Register masih kosong.\n"
    rows = [["No.", "Nomor", "Tanggal", "Status", "Tentang (berkas, diambil oleh)"]]
    for i, e in enumerate(entries, start=1):
        berkas = e.berkas.replace("\\", "/").rsplit("/", 1)[-1] if e.berkas else "-"
        rest = f"{e.tentang or '-'} ({berkas}, {e.oleh})"
        if keterangan(e):
            rest += f"; {keterangan(e)}"
        rows.append([str(i), *(tampak(v) for v in (e.nomor, e.tanggal or "", STATUS.get(e.status, e.status), rest))])
    widths = [max(len(row[c]) for row in rows) for c in range(4)]
    return "".join("  ".join([*(v.ljust(w) for v, w in zip(row, widths)), row[4]]) + "\n" for row in rows)


def as_csv(entries: list[Entri]) -> bytes:
    """UTF-8 with a byte order mark, so a spreadsheet program reads the letters right."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(KOLOM)
    writer.writerows([[v.isoformat() if isinstance(v, datetime.date) else sel(v, csv=True) for v in row] for row in baris(entries)])
    return out.getvalue().encode("utf-8-sig")


def as_xlsx(entries: list[Entri], judul: str = "Register Nomor") -> bytes:
    """One sheet, the header bold and frozen, dates as date cells, every text a text cell (openpyxl
    would store a text starting with = as a formula, and #N/A as an error)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.worksheets[0]  # a new workbook's one sheet, the active one
    sheet.title = judul[:31]
    sheet.append(list(KOLOM))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in baris(entries):
        sheet.append([sel(v) for v in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
        sheet.cell(sheet.max_row, 3).number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGHI", (5, 34, 12, 50, 40, 16, 26, 26, 40)):
        sheet.column_dimensions[letter].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
