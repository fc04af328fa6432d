"""The lines of a PDF's text layer, page by page, for the reader of hand-written decrees.

A decree published as a PDF is either born digital (its text layer holds the words) or a scan
(pages that are images only). A scan has no text layer to read: rather than an empty decree, the
reader raises ScanError naming the pages without text, and the import reads the scan by OCR
(importing.scan).

A ruled table (a Lampiran's member list) is read by its cells, not as running lines, and given
as tab-separated lines, one per line of its cells' text, as a typed table is: the table reader
joins the wrapped lines of a row (a line whose first cell is empty continues the row above).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from kpu_docs import bounds
from kpu_docs.bounds import FileRefused
from kpu_docs.importing import pdf_streams

PAGE_BREAK = "\f"
"""The line put between two pages: the layout reader treats it as a blank line and a page end."""


class ScanError(FileRefused):
    """Pages that are images without a text layer (a scan): import_pdf reads them by OCR instead."""

    def __init__(self, path: Path, pages: list[int]):
        self.pages = pages
        listed = ", ".join(map(str, pages))
        super().__init__(
            f"{path}: halaman {listed} tidak memiliki lapisan teks (hasil pindaian); "
            "bacalah dengan OCR (kpu-docs import membacanya sendiri)"
        )


def lines(path: str | Path) -> list[str]:
    """The text lines of every page, a PAGE_BREAK line between pages.

    A page without text but with an image is a scan and raises ScanError naming every such page;
    a page with neither (a blank page) adds no lines.
    """
    import pdfplumber  # imported here: only `import FILE.pdf` needs it
    from pdfplumber.utils.exceptions import PdfminerException

    path = Path(path)
    raw = bounds.read_bytes(path, bounds.PDF_FILE_MAX, "berkas PDF")
    with pdf_streams.bounded(str(path)):  # every stream decoded within bounds (a PDF bomb)
        try:
            pdf = pdfplumber.open(io.BytesIO(raw))
        except PdfminerException as exc:
            raise _refusal(path, exc) from None
        objects = pdf_streams.object_count(pdf.doc)
        if objects > bounds.PDF_OBJECTS_MAX:
            pdf.close()
            raise FileRefused(f"{path}: {objects} objek PDF, lebih dari {bounds.PDF_OBJECTS_MAX} (batas); "
                              "bukan PDF sebuah keputusan")
        if len(pdf.pages) > bounds.PDF_PAGES_MAX:
            pdf.close()
            raise FileRefused(f"{path}: {len(pdf.pages)} halaman, lebih dari {bounds.PDF_PAGES_MAX} halaman sebuah keputusan")
        try:
            return _lines(pdf, path)
        except PdfminerException as exc:
            raise _refusal(path, exc) from None


def _refusal(path: Path, exc: Exception) -> FileRefused:
    """pdfplumber wraps what went wrong inside pdfminer: a bound that was reached is said as such."""
    inner = exc.args[0] if exc.args else None
    if isinstance(inner, FileRefused):
        return inner
    return FileRefused(f"{path}: bukan berkas PDF yang dapat dibaca ({exc})")


def _lines(pdf, path: Path) -> list[str]:
    out: list[str] = []
    scans: list[int] = []
    with pdf:
        for number, page in enumerate(pdf.pages, start=1):
            lines = _page_lines(page)
            if not any(line.strip() for line in lines):
                if page.images:
                    scans.append(number)
                continue
            if out:
                out.append(PAGE_BREAK)
            out.extend(lines)
    if scans:
        raise ScanError(path, scans)
    return out


def _page_lines(page) -> list[str]:
    """The page's lines top to bottom: running text as extracted, each ruled table by its cells."""
    tables = sorted(page.find_tables(), key=lambda t: t.bbox[1])
    if not tables:
        return (page.extract_text() or "").splitlines()
    x0, top, x1, bottom = page.bbox
    out: list[str] = []
    for table in tables:
        if table.bbox[1] > top:
            out += (page.crop((x0, top, x1, table.bbox[1])).extract_text() or "").splitlines()
        out += _table_lines(page, table)
        top = max(top, table.bbox[3])
    if top < bottom:
        out += (page.crop((x0, top, x1, bottom)).extract_text() or "").splitlines()
    return out


def _table_lines(page, table) -> list[str]:
    """The table's lines. A row drawn without rules between its rows ("I.", "II." one under
    another in one cell) is cut apart where the lines of its first cell begin."""
    rows: list[list[str | None]] = []
    for row in table.rows:
        cells = [page.filter(_centred_in(bbox)).extract_text_lines() if bbox else [] for bbox in row.cells]
        starts = [line["top"] for line in cells[0]] if cells else []
        if len(starts) < 2:
            rows.append(["\n".join(line["text"] for line in cell) for cell in cells])
            continue
        for k, start in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else float("inf")
            rows.append(["\n".join(line["text"] for line in cell if start - 2 <= line["top"] < end - 2) for cell in cells])
    return table_lines(rows)


def _centred_in(bbox):
    """Objects whose centre lies in the box: a character printed across a cell's rule (the "1" of
    "10." in a narrow column) belongs to the cell its middle is in."""
    x0, top, x1, bottom = bbox

    def test(obj) -> bool:
        return x0 <= (obj["x0"] + obj["x1"]) / 2 < x1 and top <= (obj["top"] + obj["bottom"]) / 2 < bottom

    return test


def table_lines(rows: Sequence[Sequence[str | None]]) -> list[str]:
    """A table's rows as tab-separated lines, one per line of its cells' text: a line whose first
    cell is empty continues its row, so rows drawn without rules between them ("I.\\nII." in one
    cell beside "Desa A\\nDesa B") come apart again, line by line."""
    out = []
    for row in rows:
        cells = [(c or "").split("\n") for c in row]
        for k in range(max((len(c) for c in cells), default=0)):
            out.append("\t".join(c[k].strip() if k < len(c) else "" for c in cells))
    return out
