"""Rows of a CSV file, an XLSX sheet or data in memory, one at a time, every cell as stripped text.

Streaming keeps memory flat however long the sheet is. Cells become the text a person typed:
an XLSX number 11 is "11" (not "11.0"), a date cell is its ISO date, an empty cell is "".
Each source says where a row is (`where`) as its reader finds it: a file's row as Excel and
LibreOffice Calc number it (the header is row 1), a list's index as Python writes it.
"""

from __future__ import annotations

import csv
import datetime
import json
import sqlite3
import tempfile
from collections.abc import Generator, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol

from kpu_docs import bounds
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
    return _stripped(str(value))


FORMULA_START = ("=", "+", "-", "@")
"""What makes a spreadsheet read a cell as a formula."""


def _stripped(text: str) -> str:
    """The text without surrounding spaces; but a text that a tab or line break keeps from
    starting a formula (`\t=1+1`, how a cell is defused against formula injection) stays as
    typed, so nothing this batch passes on (to a decree, to the register) becomes a formula."""
    stripped = text.strip()
    if stripped != text and stripped.startswith(FORMULA_START) and text[:1] in ("\t", "\r", "\n"):
        return text
    return stripped


class Source:
    """A table of rows in a file: `data.csv`, `data.xlsx` (first sheet) or `data.xlsx#Lembar`.

    The file is parsed once, strictly, when the source is opened: the header is the first row,
    and every data row goes to a spool on disk (a temporary SQLite file), so the batch's passes
    over the rows (the audit, the run) read the spool, memory stays flat, and whatever is wrong
    with the file (an unclosed quote, a formula without a value, a merged cell, a limit) stops
    the batch before anything renders. `rows()` yields (row number, cells) for the rows after
    the header, numbered from 1 as a person counts data rows, blank rows skipped but counted;
    `where(n)` names data row n as a spreadsheet does (the header is row 1, so data row 1 is row 2).
    """

    def __init__(self, spec: str | Path, spool: bool = True):
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
        """The sheet read (the first one unless #Sheet named another)."""
        self._spool = _Spool() if spool else None
        self._once: Iterator[tuple[int, list[str]]] | None = None
        self._raw: Generator[tuple[int, list[str]], None, None] | None = None
        try:
            self.header = self._read()
        except BaseException:
            self.close()
            raise

    def _read(self) -> list[str]:
        """Parse the file: its header returned, its data rows into the spool (or, without one,
        left to the one pass of `rows()`)."""
        raw = self._excel_rows() if self.excel else self._csv_rows()
        try:
            first = next(raw, None)
            if first is None or first[0] != 1 or not any(first[1]):
                raise BatchError(f"{self.label}: baris pertama harus berisi judul kolom")
            header = _header(first[1], self.label)
            if self._spool is None:
                self._raw, self._once = raw, self._data_rows(raw, len(header))
                return header
            self._spool.add(self._data_rows(raw, len(header)))
        except BaseException:
            raw.close()
            raise
        raw.close()
        return header

    def _data_rows(self, raw: Iterator[tuple[int, list[str]]], width: int) -> Iterator[tuple[int, list[str]]]:
        """Non-blank data rows, cells padded to the header's width. A row with more filled cells
        than the header has keeps them, so callers can refuse it."""
        for line, cells in raw:
            if line > bounds.SHEET_ROWS_MAX:
                raise BatchError(f"{self._where_line(line)}: lebih dari {bounds.SHEET_ROWS_MAX:,} baris "
                                 f"(batas Excel dan LibreOffice Calc)".replace(",", "."))
            while len(cells) > width and not cells[-1]:
                cells.pop()
            if any(cells):
                yield line - 1, cells + [""] * (width - len(cells))

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(number, cells) for each non-blank data row, from the spool; a source opened without
        one (a --tabel file, copied once into its own index) gives them once, as it parses."""
        if self._spool is not None:
            return self._spool.rows()
        once, self._once = self._once, None
        if once is None:
            raise RuntimeError(f"{self.label}: rows() of a source without a spool is read once")
        return once

    def _where_line(self, line: int) -> str:
        sheet = f" lembar {self.sheet_name}" if self.sheet_name else ""
        return f"{self.path}{sheet} baris {line}"

    def where(self, number: int) -> str:
        """`desa.csv baris 2`, `desa.xlsx lembar Desa baris 2`: data row `number` as Calc shows it."""
        return self._where_line(number + 1)

    def row(self, number: int) -> str:
        """`baris 2`: the row within this file, for a message that named the file already."""
        return f"baris {number + 1}"

    def where_all(self, numbers: list[int]) -> str:
        """`anggota.csv baris 2, 5, 6`: several rows of this source (the first few of many)."""
        sheet = f" lembar {self.sheet_name}" if self.sheet_name else ""
        return f"{self.path}{sheet} baris {_few([str(n + 1) for n in numbers])}"

    def count(self) -> tuple[int, int]:
        """(data rows, number of the last one)."""
        if self._spool is None:
            raise RuntimeError(f"{self.label}: count() needs a spool")
        return self._spool.count()

    def close(self) -> None:
        """Remove the spool, or end the parse."""
        if self._spool is not None:
            self._spool.close()
        if self._raw is not None:
            self._raw.close()
            self._raw = self._once = None

    def _csv_rows(self) -> Generator[tuple[int, list[str]], None, None]:
        """(row as Calc numbers it, cells) of each record. Strict: a quote left open (which
        would swallow every later row into one cell) is an error naming the row it opens in."""
        size = self.path.stat().st_size
        if size > bounds.CSV_FILE_MAX:
            raise BatchError(f"{self.path}: berkas CSV terlalu besar ({bounds.size_text(size)}; "
                             f"batas {bounds.size_text(bounds.CSV_FILE_MAX)})")
        try:
            with open(self.path, encoding="utf-8-sig", newline="") as handle:
                delimiter = _delimiter(handle.readline(bounds.CELL_CHARS_MAX))
                handle.seek(0)
                reader = csv.reader(_lines(handle, self.path), delimiter=delimiter, strict=True)
                record = 0
                while True:
                    line = reader.line_num + 1
                    try:
                        cells = next(reader)
                    except StopIteration:
                        return
                    except csv.Error as exc:
                        where = f"{self.path} baris {record + 1} (baris teks {line})"
                        if "unexpected end of data" in str(exc):
                            raise BatchError(
                                f"{where}: tanda kutip \" dibuka tetapi tidak pernah ditutup, sehingga semua baris "
                                "sesudahnya akan tertelan ke satu sel; tutup kutipnya atau hapus"
                            ) from None
                        why = _CSV_ERRORS.get(str(exc).split(" (")[0], str(exc))
                        raise BatchError(f"{where}: CSV tidak sah: {why}") from None
                    record += 1
                    if cells and max(map(len, cells)) > bounds.CELL_CHARS_MAX:
                        position, cell = next((i, c) for i, c in enumerate(cells) if len(c) > bounds.CELL_CHARS_MAX)
                        raise BatchError(
                            f"{self.path} baris {record} kolom ke-{position + 1}: {len(cell):,} karakter; "
                            f"batas satu sel {bounds.CELL_CHARS_MAX:,} karakter".replace(",", "."))
                    yield record, [_stripped(cell) for cell in cells]
        except UnicodeDecodeError:
            raise BatchError(f"{self.label}: berkas bukan teks UTF-8 (simpan sebagai \"CSV UTF-8\")") from None

    def _excel_rows(self) -> Generator[tuple[int, list[str]], None, None]:
        from kpu_docs.batch.xlsx import Workbook

        book = Workbook(self.path)
        try:
            name, part = book.sheet(self.sheet)
            self.sheet_name = name
            for line, values in book.rows(name, part):
                yield line, [cell_text(value) for value in values]
        finally:
            book.close()


_CSV_ERRORS = {
    "line contains NUL": "berisi karakter NUL, jadi bukan teks (simpan sebagai \"CSV UTF-8\")",
    "field larger than field limit": f"sel lebih dari {bounds.CELL_CHARS_MAX:_} karakter".replace("_", "."),
}
"""Python's csv messages, in Indonesian."""


def _lines(handle: Any, path: Path) -> Iterator[str]:
    """The lines of a text file, each read with a bound (CSV_LINE_MAX): a file of one endless
    line is refused as it is read, never held whole in memory."""
    number = 0
    while True:
        line = handle.readline(bounds.CSV_LINE_MAX + 1)
        if not line:
            return
        number += 1
        if len(line) > bounds.CSV_LINE_MAX:
            raise BatchError(f"{path} baris teks {number}: lebih dari {bounds.CSV_LINE_MAX:_} karakter dalam satu "
                             "baris; ini bukan berkas CSV biasa".replace("_", "."))
        yield line


class _Spool:
    """Data rows parsed once, kept on disk for every later pass: a temporary SQLite file."""

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="kpu-docs-baris-")
        self._db = sqlite3.connect(Path(self._folder.name) / "baris.sqlite")
        self._db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                               "CREATE TABLE baris (nomor INTEGER PRIMARY KEY, isian TEXT NOT NULL);")

    def add(self, rows: Iterable[tuple[int, list[str]]]) -> None:
        self._db.executemany("INSERT INTO baris VALUES (?, ?)",
                             ((number, json.dumps(cells, ensure_ascii=False)) for number, cells in rows))
        self._db.commit()

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        for number, cells in self._db.execute("SELECT nomor, isian FROM baris ORDER BY nomor"):
            yield number, json.loads(cells)

    def count(self) -> tuple[int, int]:
        rows, last = self._db.execute("SELECT count(*), coalesce(max(nomor), 0) FROM baris").fetchone()
        return rows, last

    def close(self) -> None:
        self._db.close()
        self._folder.cleanup()


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


def open_rows(data: Any, label: str, spool: bool = True) -> Source | MemoryRows:
    """A file (path, `file.xlsx#Sheet`) or rows in memory, read the same way. `spool=False`
    for a file read in one pass (a table copied into its own index)."""
    if isinstance(data, (str, Path)):
        return Source(data, spool)
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
