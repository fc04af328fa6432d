"""Rows of an .xlsx sheet, bounded before they are parsed and read as a person sees them.

The workbook's zip directory is checked first by archive.check_zip with the spreadsheet limits
(bounds.SHEET_*): parts, inflated sizes, compression ratio. The sheet is then parsed once, as a
stream (lxml iterparse, each row dropped once read), with huge text nodes, entities and the
network off, so memory does not grow with its length. Each cell is the value Excel or Calc
shows: a shared or inline text, a number without a spurious ".0", a date as its ISO date.

What a person sees but a value-only reader would miss is an error naming the cell, never an
empty cell that silently lets the base decree's value through:
- a formula without a cached value (openpyxl, pandas and scripts write formulas without one):
  the workbook must be saved again in Excel or LibreOffice, which computes it;
- a formula whose value is an error (#DIV/0!, #REF!);
- a merged range: its value shows in every cell of the range but is stored only in the first,
  so it is refused with its range (split it and fill each row) rather than guessed at;
- a cell longer than Excel allows, a sheet with more rows than Excel allows.
openpyxl is not used for reading: it reports a formula without a value as an empty cell, and it
does not give merged ranges in its streaming mode. Its number-format helpers decide dates.
"""

from __future__ import annotations

import datetime
import posixpath
import zlib
from collections.abc import Iterator
from pathlib import Path
from zipfile import BadZipFile, ZipFile

from lxml import etree

from kpu_docs import bounds
from kpu_docs.archive import XLSX, ArchiveRefused, check_zip, parse_xml
from kpu_docs.batch.errors import BatchError
from kpu_docs.bounds import FileRefused

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_ROW, _CELL, _MERGE = f"{_MAIN}row", f"{_MAIN}c", f"{_MAIN}mergeCell"
_F, _V, _IS, _T = f"{_MAIN}f", f"{_MAIN}v", f"{_MAIN}is", f"{_MAIN}t"
_RESAVE = "simpan ulang di Excel/LibreOffice agar nilainya dihitung dan disimpan"


class Workbook:
    """An .xlsx file, its directory checked; sheets by name, rows of one sheet streamed."""

    def __init__(self, path: Path):
        self.path = Path(path)
        label = str(path)
        try:
            size = self.path.stat().st_size
            if size > bounds.SHEET_FILE_MAX:
                raise bounds.FileTooLarge(f"{label}: berkas .xlsx terlalu besar ({bounds.size_text(size)}; "
                                          f"batas {bounds.size_text(bounds.SHEET_FILE_MAX)})")
            self.archive: ZipFile = check_zip(self.path, label, XLSX)
        except FileRefused as exc:
            raise BatchError(str(exc)) from None
        try:
            self.sheets = self._sheets()
            self.date1904 = self._date1904
            self._dates = self._date_styles()
            self._strings: list[str] | None = None
        except BaseException:
            self.archive.close()
            raise

    def close(self) -> None:
        self.archive.close()

    def _xml(self, name: str) -> etree._Element | None:
        """A small part (workbook, relationships, styles) parsed strictly; None if absent."""
        try:
            data = self.archive.read(name)
        except KeyError:
            return None
        except (BadZipFile, EOFError, zlib.error, NotImplementedError, ValueError) as exc:
            raise BatchError(f"{self.path}: arsip rusak, bagian {name} tidak dapat dibaca ({exc})") from None
        try:
            return parse_xml(data, name, str(self.path))
        except ArchiveRefused as exc:
            raise BatchError(str(exc)) from None

    def _sheets(self) -> list[tuple[str, str]]:
        """(name, part) of each worksheet, in the workbook's order (chart sheets left out)."""
        book_part = "xl/workbook.xml"
        root_rels = self._xml("_rels/.rels")
        if root_rels is not None:
            for rel in root_rels.iter(f"{_PACKAGE_REL}Relationship"):
                if (rel.get("Type") or "").endswith("/officeDocument"):
                    book_part = (rel.get("Target") or book_part).lstrip("/")
        book = self._xml(book_part)
        if book is None:
            raise BatchError(f"{self.path}: bukan berkas Excel (.xlsx) yang sah: tidak ada {book_part}")
        self._book = book
        folder = posixpath.dirname(book_part)
        rels = self._xml(posixpath.join(folder, "_rels", posixpath.basename(book_part) + ".rels"))
        targets: dict[str, str] = {}
        for rel in (rels.iter(f"{_PACKAGE_REL}Relationship") if rels is not None else ()):
            if (rel.get("Type") or "").endswith("/worksheet"):
                target = rel.get("Target") or ""
                part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
                targets[rel.get("Id") or ""] = part
        sheets = [(sheet.get("name") or "", targets[sheet.get(f"{_REL}id") or ""])
                  for sheet in book.iter(f"{_MAIN}sheet") if sheet.get(f"{_REL}id") in targets]
        if not sheets:
            raise BatchError(f"{self.path}: buku kerja tidak punya lembar kerja")
        self._folder = folder
        return sheets

    @property
    def _date1904(self) -> bool:
        properties = self._book.find(f"{_MAIN}workbookPr")
        return properties is not None and properties.get("date1904") in ("1", "true")

    def _date_styles(self) -> set[int]:
        """Indexes of the cell styles whose number format shows a date or time."""
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

        styles = self._xml(posixpath.join(self._folder, "styles.xml"))
        if styles is None:
            return set()
        formats: dict[int, str] = dict(BUILTIN_FORMATS)
        for fmt in styles.iter(f"{_MAIN}numFmt"):
            try:
                formats[int(fmt.get("numFmtId") or "")] = fmt.get("formatCode") or ""
            except ValueError:
                continue
        found = set()
        cell_xfs = styles.find(f"{_MAIN}cellXfs")
        for index, xf in enumerate(cell_xfs if cell_xfs is not None else ()):
            try:
                code = formats.get(int(xf.get("numFmtId") or "0"), "")
            except ValueError:
                continue
            if code and is_date_format(code):
                found.add(index)
        return found

    def _shared_strings(self) -> list[str]:
        """Every shared text of the workbook (bounded by SHEET_STRINGS_MAX, checked with the zip)."""
        if self._strings is None:
            self._strings = []
            name = posixpath.join(self._folder, "sharedStrings.xml")
            if name in self.archive.NameToInfo:
                for _, item in self._iterparse(name, f"{_MAIN}si"):
                    self._strings.append(_text(item))
                    _drop(item)
        return self._strings

    def _iterparse(self, name: str, tag: str) -> Iterator[tuple[str, etree._Element]]:
        try:
            with self.archive.open(name) as stream:
                yield from etree.iterparse(stream, events=("end",), tag=tag, huge_tree=False,
                                           resolve_entities=False, no_network=True, load_dtd=False)
        except etree.XMLSyntaxError as exc:
            raise BatchError(f"{self.path}: {name} bukan XML yang sah ({exc}); "
                             f"sel yang lebih dari {bounds.CELL_CHARS_MAX} karakter juga ditolak") from None
        except (BadZipFile, EOFError, zlib.error, NotImplementedError, ValueError) as exc:
            raise BatchError(f"{self.path}: arsip rusak, bagian {name} tidak dapat dibaca ({exc})") from None

    def sheet(self, name: str | None) -> tuple[str, str]:
        """(name, part) of the sheet named `name`, or of the first one."""
        if name is None:
            return self.sheets[0]
        for found in self.sheets:
            if found[0] == name:
                return found
        raise BatchError(f"{self.path}: lembar {name!r} tidak ada (yang ada: {', '.join(n for n, _ in self.sheets)})")

    def rows(self, sheet: str, part: str) -> Iterator[tuple[int, list[object]]]:
        """(row number as Excel shows it, cell values) of each row the sheet stores; empty cells
        between are None. After the last row, BatchError if the sheet has merged ranges."""
        strings = self._shared_strings()
        where = f"{self.path} lembar {sheet}"
        merges: list[str] = []
        expected = 0
        for _, element in self._iterparse(part, (_ROW, _MERGE)):  # type: ignore[arg-type]
            if element.tag == _MERGE:
                merges.append(element.get("ref") or "?")
                if len(merges) > bounds.SHEET_MERGES_MAX:
                    break
                continue
            number = _int(element.get("r")) or expected + 1
            if number > bounds.SHEET_ROWS_MAX:
                raise BatchError(f"{where} baris {number}: lebih dari {bounds.SHEET_ROWS_MAX:_} baris "
                                 "(batas Excel dan LibreOffice Calc)".replace("_", "."))
            expected = number
            cells: list[object] = []
            for cell in element.iterchildren(_CELL):
                ref = cell.get("r") or ""
                column = _column(ref) if ref else len(cells)
                if column < len(cells) or column > 16_384:
                    raise BatchError(f"{where} sel {ref}: letak sel tidak sah")
                cells.extend([None] * (column - len(cells)))
                cells.append(self._value(cell, f"{where} sel {ref or _name(number, column)}", strings))
            _drop(element)
            yield number, cells
        if merges:
            shown = ", ".join(merges[:8]) + (f" dan {len(merges) - 8} lainnya" if len(merges) > 8 else "")
            raise BatchError(
                f"{where}: ada sel gabungan ({shown}); nilainya hanya tersimpan di sel pertama, jadi baris lain "
                "akan memakai nilai keputusan dasar. Pisahkan gabungannya (Unmerge Cells) dan isi setiap sel"
            )

    def _value(self, cell: etree._Element, where: str, strings: list[str]) -> object:
        kind = cell.get("t") or "n"
        formula = v = inline = None
        for child in cell:  # one pass over the cell's few children, not a search for each
            tag = child.tag
            if tag == _V:
                v = child
            elif tag == _F:
                formula = child
            elif tag == _IS:
                inline = child
        raw = None if v is None else (v.text or "")
        # An empty <v/> is a computed empty text only when typed as a text result (t="str", as
        # Excel writes =""); openpyxl writes every formula with an empty, untyped <v/>.
        if formula is not None and (raw is None or (raw == "" and kind != "str")):
            text = f" ={formula.text}" if formula.text else ""
            raise BatchError(f"{where}: rumus{text} tanpa nilai tersimpan; {_RESAVE}")
        if kind == "inlineStr":
            value: object = _text(inline) if inline is not None else ""
        elif raw is None:
            return None
        elif kind == "s":
            index = _int(raw)
            if index is None or not 0 <= index < len(strings):
                raise BatchError(f"{where}: merujuk teks bersama nomor {raw} yang tidak ada")
            value = strings[index]
        elif kind == "e":
            raise BatchError(f"{where}: rumus bernilai galat {raw}; perbaiki rumusnya lalu {_RESAVE}")
        elif kind == "b":
            value = raw.strip() in ("1", "true")
        elif kind in ("str", "d"):
            value = raw
            if kind == "d":
                value = raw.split("T")[0]
        else:
            value = self._number(raw, cell, where)
        if isinstance(value, str) and len(value) > bounds.CELL_CHARS_MAX:
            raise BatchError(f"{where}: {len(value):,} karakter; batas satu sel {bounds.CELL_CHARS_MAX:,} "
                             f"karakter (batas Excel)".replace(",", "."))
        return value

    def _number(self, raw: str, cell: etree._Element, where: str) -> object:
        try:
            number = float(raw)
        except ValueError:
            raise BatchError(f"{where}: {raw[:40]!r} bukan angka") from None
        value: float | int = int(number) if number.is_integer() and abs(number) < 2**53 else number
        if _int(cell.get("s")) in self._dates:
            from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

            try:
                day = from_excel(value, CALENDAR_MAC_1904 if self.date1904 else CALENDAR_WINDOWS_1900)
            except (OverflowError, ValueError):
                raise BatchError(f"{where}: {raw} bukan tanggal yang sah") from None
            if isinstance(day, datetime.timedelta):
                return str(day)
            return day
        return value


def _text(element: etree._Element) -> str:
    """The text of a shared or inline string: its runs, without phonetic guides (rPh)."""
    if len(element) == 1 and element[0].tag == _T:  # plain text, no runs: most cells
        return element[0].text or ""
    return "".join(t.text or "" for t in element.iter(f"{_MAIN}t") if _parent_tag(t) != f"{_MAIN}rPh")


def _parent_tag(element: etree._Element) -> str:
    parent = element.getparent()
    return str(parent.tag) if parent is not None else ""


def _drop(element: etree._Element) -> None:
    """Free a parsed element and the siblings before it: memory stays flat."""
    element.clear()
    while element.getprevious() is not None:
        parent = element.getparent()
        if parent is None:
            break
        del parent[0]


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def _column(ref: str) -> int:
    """The 0-based column of a cell reference (`C5` -> 2)."""
    column = 0
    for char in ref:
        if "A" <= char <= "Z":
            column = column * 26 + ord(char) - 64
        elif "a" <= char <= "z":
            column = column * 26 + ord(char) - 96
        else:
            break
    return column - 1


def _name(row: int, column: int) -> str:
    """`C5` for row 5, 0-based column 2."""
    from openpyxl.utils.cell import get_column_letter

    return f"{get_column_letter(column + 1)}{row}"
