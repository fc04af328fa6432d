"""Lampiran tables in Word: repeated header row, short rows kept whole, merged cells, sensible widths.

Tables are written as WordprocessingML text, row by row, so a table of 2,500 rows costs ten
times one of 250: merged cells are written as what they are (w:vMerge, w:gridSpan) instead of
being merged afterwards.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from typing import Callable

from kpu_docs.models.lampiran import Sel, Tabel, TabelKelompok
from kpu_docs.word import rows as splitting, wordml

MIN_COLUMN_CM = 1.2
CHAR_CM = 0.23  # a character of 11 pt text, generously (capitals, bold): room for a longest word
TEXT_CHAR_CM = 0.19  # an average character of 11 pt running text: to estimate a line's width
CELL_PADDING_CM = 0.4

StyleId = Callable[[str], str]
"""Style name -> style id of the document being written."""

_WORDS = re.compile(r"[\s/]+")
_TABLE_LOOK = ('<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" '
               'w:noHBand="0" w:noVBand="1" w:val="04A0"/>')


def column_widths(columns: list[list[str]], total_cm: float) -> list[float]:
    """Share `total_cm` among columns so the table is short, in one pass over the text.

    Each column first gets room for its longest word (words never break inside a cell when they
    can fit), and never more than its widest line needs. In between, columns read across every
    row share the width in proportion to the square root of their text: that is the division
    that minimises the lines of text when each row's height follows its fullest cell
    (sum of text_c / width_c is least for width_c ~ sqrt(text_c)). A column of merged group
    cells (fewer entries than rows) spans several rows per name, so it keeps its longest word.
    """
    minimums, naturals, demand = [], [], []
    n_rows = max(len(c) for c in columns)
    for texts in columns:
        joined = "\n".join(texts)  # one C pass for the whole column: a new line separates words and lines alike
        longest_word = max(map(len, _WORDS.split(joined))) if texts else 1
        widest_line = max(map(len, joined.split("\n"))) if texts else 0
        minimum = max(longest_word * CHAR_CM + CELL_PADDING_CM, MIN_COLUMN_CM)
        minimums.append(minimum)
        naturals.append(max(widest_line * TEXT_CHAR_CM + CELL_PADDING_CM, minimum))
        demand.append(math.sqrt(sum(map(len, texts))) if len(texts) == n_rows else 0.0)
    if sum(minimums) >= total_cm:
        return [m * total_cm / sum(minimums) for m in minimums]
    if sum(naturals) <= total_cm:  # everything fits on one line: the spare room goes round evenly
        return [n * total_cm / sum(naturals) for n in naturals]
    if not any(demand):  # no column is read across every row: share what each can use
        return _share(minimums, naturals, total_cm)

    def shared(k: float) -> list[float]:
        return [min(max(k * d, lo), hi) for d, lo, hi in zip(demand, minimums, naturals)]

    # sum(shared(k)) grows piecewise linearly with k: find the piece that reaches total_cm
    breaks = sorted({b / d for d, lo, hi in zip(demand, minimums, naturals) if d for b in (lo, hi)})
    if sum(shared(breaks[-1])) < total_cm:  # every full column at its widest: the rest to the others
        widths = shared(breaks[-1])
        return _share(widths, [w if d else total_cm for w, d in zip(widths, demand)], total_cm)
    low = 0.0
    for high in breaks:
        if sum(shared(high)) >= total_cm:
            break
        low = high
    below, above = sum(shared(low)), sum(shared(high))
    k = low + (high - low) * (total_cm - below) / (above - below) if above > below else high
    widths = shared(k)
    widest = max(range(len(widths)), key=lambda i: demand[i])
    widths[widest] += total_cm - sum(widths)
    # a column wider than its rows need gives the rest to the column with the most text: a
    # cell may take as many lines as the fullest cell of its row without making the table longer
    full = [c for c in range(len(columns)) if demand[c]]
    lines = functools.lru_cache(maxsize=None)(splitting.wrapped_lines)  # tables repeat their texts ("September s/d ...")
    per_line = [_per_line(widths[c]) for c in full]
    rows = [max(map(lines, texts, per_line)) for texts in zip(*(columns[c] for c in full))]
    tight_width = functools.lru_cache(maxsize=None)(functools.partial(_tight_width, lines=lines))
    for c in full:
        if c != widest:
            tight = max(max(map(tight_width, columns[c], rows, itertools.repeat(widths[c]))), minimums[c])
            if tight < widths[c]:
                widths[widest] += widths[c] - tight
                widths[c] = tight
    return widths


def _per_line(width_cm: float) -> int:
    return max(int((width_cm - CELL_PADDING_CM) / TEXT_CHAR_CM), 1)


def _tight_width(text: str, most: int, width_cm: float, lines=splitting.wrapped_lines) -> float:
    """The least width, up to `width_cm`, at which `text` takes at most `most` lines."""
    q = _per_line(width_cm)
    least = max(math.ceil(len(text) / most) - most, 1)  # fewer characters a line cannot hold it
    while least < q and lines(text, least) > most:
        least += 1
    return min(least + 1, q) * TEXT_CHAR_CM + CELL_PADDING_CM  # a character to spare: it is an estimate


def _share(widths: list[float], limits: list[float], total_cm: float) -> list[float]:
    """Widen the columns below their limits evenly until the widths add up to total_cm."""
    widths = list(widths)
    while total_cm - sum(widths) > 1e-9:
        open_ = [i for i, (w, m) in enumerate(zip(widths, limits)) if m - w > 1e-9] or list(range(len(widths)))
        step = (total_cm - sum(widths)) / len(open_)
        for i in open_:
            widths[i] += min(step, limits[i] - widths[i]) if limits[i] - widths[i] > 1e-9 else step
    return widths


_NUMBERED_LINE = re.compile(r"^((?:\d{1,3}|[a-zA-Z])[.)])[ \t]+(?=\S)")
"""A line numbered by hand inside a cell: "1. Kepala Bagian ...", "a) ..."."""
HANG_CM = 0.7
"""How far the text of a hand-numbered line stands from its number: room for "27."."""


def _cell_line(style_id: str, line: str, jc: str) -> str:
    """One line of a cell; a hand-numbered line hangs like a list item (its text after the
    number on a tab at the indent, its later lines under that text) and is never justified."""
    numbered = _NUMBERED_LINE.match(line)
    if not numbered:
        return wordml.paragraph(style_id, line, jc=jc)
    hang = wordml.twips(HANG_CM)
    return wordml.paragraph(style_id, f"{numbered.group(1)}\t{line[numbered.end():]}",
                            ind=wordml.indent(left=hang, hanging=hang), jc=jc)


def _paragraphs(text: str, style_id: str, jc: str = "") -> str:
    """Cell text; each line of the text is a paragraph of its own."""
    return "".join(_cell_line(style_id, line, jc) for line in (text.split("\n") if text else [""]))


def _cell(width: int, content: str, span: int = 1, merge: str | None = None) -> str:
    """w:tc; merge is "restart" for the first cell of a vertical merge, "" for the cells it covers."""
    grid = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    vmerge = "" if merge is None else ('<w:vMerge w:val="restart"/>' if merge else "<w:vMerge/>")
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid}{vmerge}</w:tcPr>{content}</w:tc>'


_COVERED = "<w:p/>"
"""The content of a cell covered by a vertical merge: an empty paragraph, as Word writes it."""


def _grid(widths_cm: list[float]) -> list[int]:
    """Column widths in twips, rounded at the column edges so that they add up to the whole."""
    edges, total = [0], 0.0
    for width in widths_cm:
        total += width
        edges.append(wordml.twips(total))
    return [right - left for left, right in zip(edges, edges[1:])]


def _row_properties(lines: int) -> str:
    """A short row is kept whole; a tall one may split (kpu_docs.word.rows)."""
    return "<w:trPr><w:cantSplit/></w:trPr>" if splitting.is_short(lines) else ""


def _estimated_lines(grid: list[int], row: list[str]) -> int:
    """A row's height in lines from its cells' texts at their column widths (text_lines counts
    each line of a text as a paragraph of its own, as the cell prints it)."""
    return max((splitting.text_lines(text, width / wordml.CM_TWIPS) for width, text in zip(grid, row)), default=1)


def _table(style_id: StyleId, grid: list[int], header: list[str], body_rows: list[str],
           heights: list[int] | None = None) -> str:
    """The table; `heights` (lines per body row) says which rows may split, else none may."""
    heights = heights or [1] * len(body_rows)
    head_style = style_id("Kepala Tabel")
    head = "".join(_cell(w, _paragraphs(h, head_style)) for w, h in zip(grid, header))
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{style_id("Tabel Lampiran")}"/><w:tblW w:w="0" w:type="auto"/>'
        f'<w:jc w:val="center"/><w:tblLayout w:type="fixed"/>{_TABLE_LOOK}</w:tblPr><w:tblGrid>'
        + "".join(f'<w:gridCol w:w="{w}"/>' for w in grid)
        + "</w:tblGrid>"
        + f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{head}</w:tr>"
        + "".join(f"<w:tr>{_row_properties(lines)}{cells}</w:tr>" for cells, lines in zip(body_rows, heights))
        + "</w:tbl>"
    )


_CENTRED = '<w:jc w:val="center"/>'


def _numbers(tabel: Tabel, placed: list[tuple[int, int, Sel]]) -> list[tuple[int, int]]:
    """(number, rows it spans) for each row that starts a number; a row whose first cell is
    covered by a span from above continues the number of the row that span starts in."""
    down = {r: sel.gabung_baris for r, c, sel in placed if c == 0}
    numbers, r = [], 1
    while r <= len(tabel.baris):
        span = down.get(r, 1)
        numbers.append((r, span))
        r += span
    return numbers


def tabel_xml(tabel: Tabel, total_cm: float, style_id: StyleId) -> str:
    """A plain table; spans from Sel cells become merged cells. With nomor_urut the first
    column is numbered here, centred (as the grouped table's number column)."""
    first = int(tabel.nomor_urut)  # grid column of the first data column
    placed = tabel.penempatan()
    numbers = _numbers(tabel, placed) if first else []
    columns = [[head] for head in tabel.kolom]
    if first:
        columns[0].append(str(len(numbers)))
    for _, c, sel in placed:
        if sel.gabung_kolom == 1:  # a cell spanning columns does not size any one of them
            columns[first + c].append(sel.teks)
    grid = _grid(tabel.lebar or column_widths(columns, total_cm))
    body_style = style_id("Isi Tabel")
    # what stands at each (row, column): a cell's XML, a covered cell, or nothing (inside a span)
    n_rows = len(tabel.baris)
    slots: list[list[str | None]] = [[None] * len(tabel.kolom) for _ in range(n_rows)]
    for number, (r, down) in enumerate(numbers, start=1):
        merge = "restart" if down > 1 else None
        slots[r - 1][0] = _cell(grid[0], _paragraphs(str(number), body_style, _CENTRED), merge=merge)
        for below in range(r, r - 1 + down):
            slots[below][0] = _cell(grid[0], _COVERED, merge="")
    for r, c, sel in placed:
        c += first
        span, down = sel.gabung_kolom, sel.gabung_baris
        width = sum(grid[c:c + span])
        merge = "restart" if down > 1 else None
        slots[r - 1][c] = _cell(width, _paragraphs(sel.teks, body_style), span, merge)
        for below in range(r, r - 1 + down):
            slots[below][c] = _cell(width, _COVERED, span, "")
    texts: list[list[str]] = [[""] * len(grid) for _ in range(n_rows)]
    for r, c, sel in placed:
        if sel.gabung_kolom == 1 and sel.gabung_baris == 1:
            texts[r - 1][c + first] = sel.teks
    body = ["".join(s for s in row if s is not None) for row in slots]
    return _table(style_id, grid, tabel.kolom, body, [_estimated_lines(grid, t) for t in texts])


def tabel_kelompok_xml(tabel: TabelKelompok, total_cm: float, style_id: StyleId) -> str:
    """A grouped table: group number and name each one merged cell over the group's rows."""
    cols = len(tabel.kolom)
    columns = [[tabel.kolom[0], "99"], [tabel.kolom[1]] + [g.nama for g in tabel.kelompok]]
    columns += [
        [tabel.kolom[c]] + [row[c - 2] for g in tabel.kelompok for row in g.baris] for c in range(2, cols)
    ]
    grid = _grid(tabel.lebar or column_widths(columns, total_cm))
    body_style = style_id("Isi Tabel")
    body, heights = [], []
    for number, group in enumerate(tabel.kelompok, start=1):
        merge = "restart" if len(group.baris) > 1 else None
        for i, row in enumerate(group.baris):
            if i == 0:
                cells = _cell(grid[0], _paragraphs(str(number), body_style, _CENTRED), merge=merge)
                cells += _cell(grid[1], _paragraphs(group.nama, body_style), merge=merge)
            else:
                cells = _cell(grid[0], _COVERED, merge="") + _cell(grid[1], _COVERED, merge="")
            cells += "".join(_cell(w, _paragraphs(text, body_style)) for w, text in zip(grid[2:], row))
            body.append(cells)
            heights.append(_estimated_lines(grid[2:], list(row)))
    return _table(style_id, grid, tabel.kolom, body, heights)
