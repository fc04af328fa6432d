"""Reading a printed decree's page layout back from its PDF (pdfplumber), to judge it as a typist
would: no heading left as the last line of a page, no single line of a paragraph alone at the top
of a page (a widow), no page but the last of a part left more than half empty.

Lines are words grouped by their baseline; the page number ("- 2 -") and the DRAF watermark are
not text of the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pdfplumber

PAGE_NUMBER = re.compile(r"^-\s*\d+\s*-$|^\d+$")


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    bold: bool


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line]


def _lines(page) -> list[Line]:
    words = page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False, use_text_flow=False)
    words = [w for w in words if w["size"] < 40]  # the watermark's huge letters
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["bottom"]), w["x0"])):
        if rows and abs(rows[-1][0]["bottom"] - word["bottom"]) < 2.5:
            rows[-1].append(word)
        else:
            rows.append([word])
    lines = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        text = " ".join(w["text"] for w in row)
        lines.append(Line(text, row[0]["x0"], row[-1]["x1"], min(w["top"] for w in row),
                          max(w["bottom"] for w in row), all("Bold" in w["fontname"] for w in row)))
    return lines


def pages(pdf: Path) -> list[Page]:
    """Every page's text lines, top to bottom, the page number left out."""
    out = []
    with pdfplumber.open(str(pdf)) as document:
        for n, page in enumerate(document.pages, start=1):
            lines = [ln for ln in _lines(page) if not PAGE_NUMBER.match(ln.text.strip())]
            out.append(Page(n, float(page.width), float(page.height), lines))
    return out


def _part_starts(all_pages: list[Page]) -> set[int]:
    """Pages that begin a part: the first, each Lampiran's first page (its heading "LAMPIRAN ..."
    near the top), and a page of another orientation than the one before (a landscape table)."""
    starts = {1}
    for prev, page in zip(all_pages, all_pages[1:]):
        head = " ".join(ln.text for ln in page.lines[:2])
        if head.startswith("LAMPIRAN") or (prev.width > prev.height) != (page.width > page.height):
            starts.add(page.number)
    return starts


def problems(pdf: Path) -> list[str]:
    """What a typist would send back, page by page (empty: the pages are acceptable)."""
    all_pages = pages(pdf)
    starts = _part_starts(all_pages)
    found = []
    for i, page in enumerate(all_pages):
        last_of_part = i + 1 == len(all_pages) or all_pages[i + 1].number in starts
        if not page.lines:
            found.append(f"halaman {page.number}: kosong")
            continue
        if not last_of_part:
            top = page.lines[0].top
            used = (page.lines[-1].bottom - top) / (page.height - top - 72)  # text area: down to about the bottom margin
            if used < 0.5:
                found.append(f"halaman {page.number}: lebih dari separuh kosong ({used:.0%} terisi)")
            last = page.lines[-1]
            if _heading(page, all_pages[i + 1] if i + 1 < len(all_pages) else None):
                found.append(f"halaman {page.number}: judul di baris terakhir: {last.text!r}")
        if page.number not in starts and i > 0:
            widow = _widow(all_pages[i - 1], page)
            if widow:
                found.append(f"halaman {page.number}: baris janda di atas: {widow!r}")
    return found


_LABELLED = re.compile(r"^(?:\d{1,3}|[a-zA-Z]|[IVX]+)[.)]\s")


def _heading(page: Page, next_page: Page | None) -> bool:
    """Whether the last line of a page is a heading: in bold, or a numbered item of one line
    (it ends short of its column's edge) without closing punctuation ("1. Komponen Pengungkit")
    whose text follows, further indented, on the next page. (The first line of a long item is
    the start of a paragraph, not a heading.)"""
    last = page.lines[-1]
    if last.bold:
        return True
    if last.x1 >= _column_edge(page, last) - 15:
        return False
    if not _LABELLED.match(last.text) or last.text.rstrip().endswith((".", ";", ",")):
        return False
    if next_page is None or not next_page.lines:
        return False
    return next_page.lines[0].x0 > last.x0 + 3


def _column_edge(page: Page, line: Line) -> float:
    """The right edge of the text column `line` stands in: the furthest any line starting where it starts reaches."""
    return max(ln.x1 for ln in page.lines if abs(ln.x0 - line.x0) < 3)


def _widow(prev: Page, page: Page) -> str | None:
    """The first line of `page` when it is the last line of a paragraph run over from `prev`
    alone: `prev` ends with a full line, and the first line is a short one in the same column that
    the next line does not continue."""
    if not prev.lines or not page.lines:
        return None
    before, first = prev.lines[-1], page.lines[0]
    if before.x1 < _column_edge(prev, before) - 3 or abs(first.x0 - before.x0) > 3 and first.x0 > before.x0 + 3:
        return None
    if first.x1 >= _column_edge(page, first) - 15 or len(first.text) < 2:
        return None
    if before.bold or first.bold:
        return None
    following = page.lines[1] if len(page.lines) > 1 else None
    line_height = first.bottom - first.top
    if following is not None and abs(following.x0 - first.x0) < 3 and following.top - first.bottom < line_height * 0.6:
        return None  # the paragraph's next line: more than one line here
    return first.text
