"""Rows of a CSV file or an XLSX sheet, read one at a time, every cell as stripped text.

Streaming keeps memory flat however long the sheet is. Cells become the text a person typed:
an XLSX number 11 is "11" (not "11.0"), a date cell is its ISO date, an empty cell is "".
"""

from __future__ import annotations

import csv
import datetime
import zipfile
from collections.abc import Generator, Iterator
from pathlib import Path

from kpu_docs.batch.errors import BatchError

EXCEL_SUFFIXES = (".xlsx", ".xlsm")


def cell_text(value: object) -> str:
    """A cell as the text its author meant (spreadsheets store numbers and dates as values)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value).strip()


class Source:
    """A table of rows in a file: `data.csv`, `data.xlsx` (first sheet) or `data.xlsx#Lembar`.

    `header` is the first row; `rows()` yields (row number, cells) for the rows after it,
    numbered from 1 as a person counts data rows, blank rows skipped but counted.
    """

    def __init__(self, spec: str | Path):
        self.label = str(spec)
        self.path, self.sheet = _split_sheet(self.label)
        if not self.path.is_file():
            raise BatchError(f"{self.path}: berkas tidak ditemukan")
        suffix = self.path.suffix.lower()
        if suffix not in (".csv", ".tsv", ".txt", *EXCEL_SUFFIXES):
            raise BatchError(f"{self.label}: hanya berkas .csv atau .xlsx yang dapat dibaca")
        self.excel = suffix in EXCEL_SUFFIXES
        if self.sheet is not None and not self.excel:
            raise BatchError(f"{self.label}: #{self.sheet} memilih lembar, dan hanya berkas .xlsx yang punya lembar")
        raw = self._raw()
        try:
            first = next(raw, None)
        finally:
            raw.close()
        if first is None or not any(first):
            raise BatchError(f"{self.label}: baris pertama harus berisi judul kolom")
        self.header = _header(first, self.label)

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(number, cells) for each non-blank data row; cells padded to the header's width.

        A row with more filled cells than the header has keeps them, so callers can refuse it.
        """
        raw = self._raw()
        try:
            next(raw, None)
            width = len(self.header)
            for number, cells in enumerate(raw, start=1):
                while len(cells) > width and not cells[-1]:
                    cells.pop()
                if any(cells):
                    yield number, cells + [""] * (width - len(cells))
        finally:
            raw.close()

    def count(self) -> tuple[int, int]:
        """(data rows, number of the last one): one streaming pass, nothing kept."""
        rows = last = 0
        for last, _ in self.rows():
            rows += 1
        return rows, last

    def _raw(self) -> Generator[list[str], None, None]:
        return self._excel_rows() if self.excel else self._csv_rows()

    def _csv_rows(self) -> Generator[list[str], None, None]:
        try:
            with open(self.path, encoding="utf-8-sig", newline="") as handle:
                delimiter = _delimiter(handle.readline())
                handle.seek(0)
                reader = csv.reader(handle, delimiter=delimiter)
                try:
                    for cells in reader:
                        yield [cell.strip() for cell in cells]
                except csv.Error as exc:
                    raise BatchError(f"{self.label} baris {reader.line_num}: CSV tidak sah: {exc}") from None
        except UnicodeDecodeError:
            raise BatchError(f"{self.label}: berkas bukan teks UTF-8 (simpan sebagai \"CSV UTF-8\")") from None

    def _excel_rows(self) -> Generator[list[str], None, None]:
        import openpyxl

        try:
            book = openpyxl.load_workbook(self.path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
            raise BatchError(f"{self.path}: bukan berkas .xlsx yang sah ({exc})") from None
        try:
            if self.sheet is None:
                sheet = book.worksheets[0]
            elif self.sheet in book.sheetnames:
                sheet = book[self.sheet]
            else:
                raise BatchError(
                    f"{self.path}: lembar {self.sheet!r} tidak ada (yang ada: {', '.join(book.sheetnames)})"
                )
            sheet.reset_dimensions()  # some writers record a wrong size; read every row there is
            for values in sheet.iter_rows(values_only=True):
                yield [cell_text(value) for value in values]
        finally:
            book.close()


def _split_sheet(spec: str) -> tuple[Path, str | None]:
    """`data.xlsx#Anggota` -> (data.xlsx, "Anggota"); a file whose own name has # is kept whole."""
    if "#" in spec and not Path(spec).is_file():
        path, sheet = spec.rsplit("#", 1)
        return Path(path), sheet
    return Path(spec), None


def _delimiter(first_line: str) -> str:
    """Comma, semicolon (Excel in Indonesian locale) or tab: whichever the header row uses most."""
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _header(cells: list[str], label: str) -> list[str]:
    while cells and not cells[-1]:
        cells = cells[:-1]
    seen: set[str] = set()
    for position, name in enumerate(cells, start=1):
        if not name:
            raise BatchError(f"{label}: kolom ke-{position} tidak berjudul")
        if name in seen:
            raise BatchError(f"{label}: kolom {name} muncul dua kali")
        seen.add(name)
    return list(cells)
