"""Lampiran tables in Word: repeated header row, rows kept whole, merged cells, sensible widths."""

from __future__ import annotations

import math
import re

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm
from docx.table import Table, _Cell

from kpu_docs.models.lampiran import Tabel, TabelKelompok
from kpu_docs.word.styles import StyleIds

MIN_COLUMN_CM = 1.2
CHAR_CM = 0.23  # a character of 11 pt text, generously (capitals, bold): room for a longest word
TEXT_CHAR_CM = 0.19  # an average character of 11 pt running text: to estimate wrapped lines
CELL_PADDING_CM = 0.4


def _lines(text: str, width_cm: float) -> int:
    """Estimated printed lines of a cell's text at the given column width."""
    per_line = max(int((width_cm - CELL_PADDING_CM) / TEXT_CHAR_CM), 1)
    total = 0
    for part in text.split("\n"):
        lines, used = 1, 0
        for word in part.split():
            if used and used + 1 + len(word) > per_line:
                lines, used = lines + 1, len(word)
            else:
                used += len(word) + (1 if used else 0)
        total += lines + max(math.ceil(used / per_line) - 1, 0)
    return total


def column_widths(columns: list[list[str]], total_cm: float) -> list[float]:
    """Share `total_cm` among columns so the table is as short as it can be.

    Each column first gets room for its longest word (words never break inside a cell when
    they can fit); the rest goes, a millimetre at a time, where it saves the most lines.
    """
    minimums = []
    for texts in columns:
        words = [w for t in texts for w in re.split(r"[\s/]+", t) if w]
        longest_word = max((len(w) for w in words), default=1)
        minimums.append(max(longest_word * CHAR_CM + CELL_PADDING_CM, MIN_COLUMN_CM))
    if sum(minimums) >= total_cm:
        return [m * total_cm / sum(minimums) for m in minimums]
    widths = list(minimums)
    # rows are read across the columns that have a cell in every row; a column of merged group
    # cells (fewer entries) only needs its longest word to fit
    n_rows = max(len(c) for c in columns)
    full = [i for i, c in enumerate(columns) if len(c) == n_rows]

    def height(ws: list[float]) -> int:
        return sum(max(_lines(columns[i][r], ws[i]) for i in full) for r in range(n_rows))

    step = 0.1
    spare = total_cm - sum(widths)
    while spare >= step:
        current = height(widths)
        best, best_rate, best_steps = None, 0.0, 1
        for i in range(len(widths)):
            for steps in range(1, min(int(spare / step), 15) + 1):  # look past plateaus
                trial = widths.copy()
                trial[i] += steps * step
                rate = (current - height(trial)) / steps
                if rate > best_rate:
                    best, best_rate, best_steps = i, rate, steps
        if best is None:  # no widening saves a line: give the rest to the columns with most text
            best = max(range(len(widths)), key=lambda i: sum(len(t) for t in columns[i]) / widths[i])
        widths[best] += best_steps * step
        spare -= best_steps * step
    widths[-1] += spare
    return _rebalance(widths, minimums, height, step)


def _rebalance(widths: list[float], minimums: list[float], height, step: float) -> list[float]:
    """Move width between columns while that saves lines (the greedy pass cannot see that a
    narrow column sets the height of every row)."""
    for _ in range(100):
        current = height(widths)
        best, best_height = None, current
        for i in range(len(widths)):
            for j in range(len(widths)):
                if i == j:
                    continue
                for steps in range(1, 16):
                    moved = steps * step
                    if widths[j] - moved < minimums[j]:
                        break
                    trial = widths.copy()
                    trial[i] += moved
                    trial[j] -= moved
                    h = height(trial)
                    if h < best_height:
                        best, best_height = trial, h
        if best is None:
            return widths
        widths = best
    return widths


def _set_widths(table: Table, widths: list[float]) -> None:
    table.autofit = False  # w:tblLayout fixed: Word keeps these widths
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(width * 567)))
    for row in table.rows:
        for tc, width in zip(row._tr.tc_lst, widths):
            _Cell(tc, table).width = Cm(width)


def _row_properties(table: Table) -> None:
    """The header row repeats on every page; no row breaks across a page."""
    for i, row in enumerate(table.rows):
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(parse_xml(f'<w:cantSplit {nsdecls("w")}/>'))
        if i == 0:
            tr_pr.append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))


def _write(cell: _Cell, text: str, style: str, styles: StyleIds) -> None:
    """Cell text; each line of the text is a paragraph of its own."""
    lines = text.split("\n") if text else [""]
    first = cell.paragraphs[0]
    styles.apply(first, style)
    first.text = lines[0]
    for line in lines[1:]:
        styles.add(cell, line, style)


def _new_table(container, rows: int, cols: int) -> Table:
    table = container.add_table(rows=rows, cols=cols)
    table.style = "Tabel Lampiran"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    return table


def _grid(table: Table, cols: int):
    """cell(r, c) of a table not yet merged, without python-docx rescanning the table each time."""
    cells = [_Cell(tc, table) for tr in table._tbl.tr_lst for tc in tr.tc_lst]
    return lambda r, c: cells[r * cols + c]


def add_tabel(container, tabel: Tabel, total_cm: float, styles: StyleIds) -> Table:
    """A plain table; spans from Sel cells become merged cells."""
    cols = len(tabel.kolom)
    table = _new_table(container, 1 + len(tabel.baris), cols)
    cell = _grid(table, cols)
    for c, head in enumerate(tabel.kolom):
        _write(cell(0, c), head, "Kepala Tabel", styles)
    spans = []
    for r, c, sel in tabel.penempatan():
        _write(cell(r, c), sel.teks, "Isi Tabel", styles)
        if sel.gabung_baris > 1 or sel.gabung_kolom > 1:
            spans.append((r, c, r + sel.gabung_baris - 1, c + sel.gabung_kolom - 1))
    for r, c, last_r, last_c in spans:
        merged = cell(r, c).merge(cell(last_r, last_c))
        for extra in merged.paragraphs[1:]:  # merging appends the covered cells' empty paragraphs
            if not extra.text:
                extra._p.getparent().remove(extra._p)
    columns = [[head] for head in tabel.kolom]
    for _, c, sel in tabel.penempatan():
        if sel.gabung_kolom == 1:  # a cell spanning columns does not size any one of them
            columns[c].append(sel.teks)
    _set_widths(table, tabel.lebar or column_widths(columns, total_cm))
    _row_properties(table)
    return table


def add_tabel_kelompok(container, tabel: TabelKelompok, total_cm: float, styles: StyleIds) -> Table:
    """A grouped table: group number and name each one merged cell over the group's rows."""
    cols = len(tabel.kolom)
    n_rows = sum(len(g.baris) for g in tabel.kelompok)
    table = _new_table(container, 1 + n_rows, cols)
    cell = _grid(table, cols)
    for c, head in enumerate(tabel.kolom):
        _write(cell(0, c), head, "Kepala Tabel", styles)
    r = 1
    for number, group in enumerate(tabel.kelompok, start=1):
        first, last = r, r + len(group.baris) - 1
        for row in group.baris:
            for c, text in enumerate(row, start=2):
                _write(cell(r, c), text, "Isi Tabel", styles)
            r += 1
        for c, text in ((0, f"{number}"), (1, group.nama)):
            merged = cell(first, c).merge(cell(last, c)) if last > first else cell(first, c)
            for extra in merged.paragraphs[1:]:
                extra._p.getparent().remove(extra._p)
            _write(merged, text, "Isi Tabel", styles)
        cell(first, 0).paragraphs[0].alignment = 1  # centre the number
    columns = [[tabel.kolom[0], "99"], [tabel.kolom[1]] + [g.nama for g in tabel.kelompok]]
    columns += [
        [tabel.kolom[c]] + [row[c - 2] for g in tabel.kelompok for row in g.baris] for c in range(2, cols)
    ]
    _set_widths(table, tabel.lebar or column_widths(columns, total_cm))
    _row_properties(table)
    return table
