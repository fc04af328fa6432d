"""The register as an agenda book: one line per number given, on screen, as CSV or as XLSX."""

from __future__ import annotations

import csv
import datetime
import io

from kpu_docs.nomor.register import BATAL, DIAMBIL, DITULIS, GAGAL, Entri

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
        rows.append([str(i), e.nomor, e.tanggal or "", STATUS.get(e.status, e.status), rest])
    widths = [max(len(row[c]) for row in rows) for c in range(4)]
    return "".join("  ".join([*(v.ljust(w) for v, w in zip(row, widths)), row[4]]) + "\n" for row in rows)


def as_csv(entries: list[Entri]) -> bytes:
    """UTF-8 with a byte order mark, so a spreadsheet program reads the letters right."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(KOLOM)
    writer.writerows([[v.isoformat() if isinstance(v, datetime.date) else v for v in row] for row in baris(entries)])
    return out.getvalue().encode("utf-8-sig")


def as_xlsx(entries: list[Entri], judul: str = "Register Nomor") -> bytes:
    """One sheet, the header bold and frozen, dates as date cells."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.worksheets[0]  # a new workbook's one sheet, the active one
    sheet.title = judul[:31]
    sheet.append(list(KOLOM))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in baris(entries):
        sheet.append(row)
        sheet.cell(sheet.max_row, 3).number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGHI", (5, 34, 12, 50, 40, 16, 26, 26, 40)):
        sheet.column_dimensions[letter].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
