"""Rows of a CSV file, an XLSX sheet or data in memory, one at a time, every cell as stripped text.

Streaming keeps memory flat however long the sheet is. Cells become the text a person typed:
an XLSX number 11 is "11" (not "11.0"), a date cell is its ISO date, an empty cell is "".
Each source says where a row is (`where`) as its reader finds it: a file's row as Excel and
LibreOffice Calc number it (the header is row 1), a list's index as Python writes it.
"""

from __future__ import annotations

import csv
import datetime
import zipfile
from collections.abc import Generator, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol

from kpu_docs.batch.errors import BatchError

EXCEL_SUFFIXES = (".xlsx", ".xlsm")


class Rows(Protocol):
    """What a batch reads rows from: a file (`Source`) or data in memory (`MemoryRows`)."""

    label: str
    header: list[str]

    def rows(self) -> Iterator[tuple[int, list[Any]]]: ...

    def where(self, number: int) -> str: ...

    def where_all(self, numbers: list[int]) -> str: ...

    def row(self, number: int) -> str: ...


def cell_text(value: object) -> str:
    """A cell as the text its author meant (spreadsheets store numbers and dates as values)."""
    if value is None:
        return ""
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:  # a numpy scalar (from a DataFrame): the Python value it holds
            value = value.item()
        except (TypeError, ValueError):
            pass
    if isinstance(value, float) and value != value:  # NaN: pandas' empty cell
        return ""
    if value.__class__.__name__ == "NaTType":  # pandas' empty date cell
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
    numbered from 1 as a person counts data rows, blank rows skipped but counted; `where(n)`
    names data row n as a spreadsheet does (the header is row 1, so data row 1 is row 2).
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
        self.sheet_name: str | None = None
        """The sheet read (the first one unless #Sheet named another), once the header is read."""
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

    def where(self, number: int) -> str:
        """`desa.csv baris 2`, `desa.xlsx lembar Desa baris 2`: data row `number` as Calc shows it."""
        sheet = f" lembar {self.sheet_name}" if self.sheet_name else ""
        return f"{self.path}{sheet} baris {number + 1}"

    def row(self, number: int) -> str:
        """`baris 2`: the row within this file, for a message that named the file already."""
        return f"baris {number + 1}"

    def where_all(self, numbers: list[int]) -> str:
        """`anggota.csv baris 2, 5, 6`: several rows of this source (the first few of many)."""
        sheet = f" lembar {self.sheet_name}" if self.sheet_name else ""
        return f"{self.path}{sheet} baris {_few([str(n + 1) for n in numbers])}"

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
                    raise BatchError(f"{self.path} baris {reader.line_num}: CSV tidak sah: {exc}") from None
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
            self.sheet_name = sheet.title
            sheet.reset_dimensions()  # some writers record a wrong size; read every row there is
            for values in sheet.iter_rows(values_only=True):
                yield [cell_text(value) for value in values]
        finally:
            book.close()


class MemoryRows:
    """Rows held by a program: an iterable of mappings (column -> value) or a pandas DataFrame.

    Read once into a list (they are in memory already), so the batch can pass over them as
    often as over a file. The header is every column in order of first appearance; values are
    cells as a spreadsheet's (`cell_text`), except lists and mappings, which set a whole field.
    pandas is not imported: a DataFrame is anything with `to_dict("records")` and `columns`.
    """

    def __init__(self, data: Any, label: str = "data"):
        self.label = label
        self._frame = hasattr(data, "to_dict") and hasattr(data, "columns")
        if self._frame:
            header = [str(name) for name in data.columns]
            records: Iterable[Any] = data.to_dict("records")
        elif isinstance(data, (str, bytes, Mapping)) or not isinstance(data, Iterable):
            raise BatchError(f"{label}: harus berupa daftar pemetaan (kolom: nilai) atau DataFrame, "
                             f"bukan {type(data).__name__}")
        else:
            header, records = [], data
        self._rows: list[list[Any]] = []
        seen = set(header)
        mappings: list[Mapping] = []
        for index, record in enumerate(records):
            if not isinstance(record, Mapping):
                raise BatchError(f"{self.where(index + 1)}: harus berupa pemetaan kolom: nilai, "
                                 f"bukan {type(record).__name__}")
            for name in record:
                if str(name) not in seen:
                    seen.add(str(name))
                    header.append(str(name))
            mappings.append(record)
        if not header:
            raise BatchError(f"{label}: tidak ada kolom")
        self.header = header
        for record in mappings:
            values = {str(name): value for name, value in record.items()}
            self._rows.append([_memory_cell(values.get(name)) for name in header])

    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        for number, cells in enumerate(self._rows, start=1):
            if any(cells):
                yield number, list(cells)

    def where(self, number: int) -> str:
        """`data[0]`: the row as the program indexes it (`data.iloc[0]` for a DataFrame)."""
        return f"{self.label}{'.iloc' if self._frame else ''}[{number - 1}]"

    def row(self, number: int) -> str:
        return self.where(number)

    def where_all(self, numbers: list[int]) -> str:
        return _few([self.where(n) for n in numbers])

    def count(self) -> tuple[int, int]:
        rows = last = 0
        for last, _ in self.rows():
            rows += 1
        return rows, last


SHOWN = 8
"""How many rows a message names before it says how many more there are."""


def _few(places: list[str]) -> str:
    more = f" dan {len(places) - SHOWN} lainnya" if len(places) > SHOWN else ""
    return ", ".join(places[:SHOWN]) + more


def _memory_cell(value: Any) -> Any:
    """A value from a program: lists and mappings as they are (a whole field), else its text."""
    if isinstance(value, (list, tuple, Mapping)):
        return value
    return cell_text(value)


def open_rows(data: Any, label: str) -> Source | MemoryRows:
    """A file (path, `file.xlsx#Sheet`) or rows in memory, read the same way."""
    if isinstance(data, (str, Path)):
        return Source(data)
    return MemoryRows(data, label)


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
