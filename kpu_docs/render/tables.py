"""Lampiran tables in Word: repeated header row, rows kept whole, merged cells, sensible widths."""

from __future__ import annotations

import re

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm
from docx.table import Table, _Cell

from kpu_docs.models.lampiran import Sel, Tabel, TabelKelompok

MIN_COLUMN_CM = 1.2
CHAR_CM = 0.23  # a character of 11 pt text, generously: capitals and bold are wider
CELL_PADDING_CM = 0.4


def column_widths(columns: list[list[str]], total_cm: float) -> list[float]:
    """Share `total_cm` among columns: each first gets room for its longest word, the rest goes
    to the columns with the most text, so words never break inside a cell when they can fit."""
    minimums, weights = [], []
    for texts in columns:
        words = [w for t in texts for w in re.split(r"[\s/]+", t) if w]
        longest_word = max((len(w) for w in words), default=1)
        minimums.append(max(longest_word * CHAR_CM + CELL_PADDING_CM, MIN_COLUMN_CM))
        weights.append(sum(len(t) for t in texts[1:]) / max(len(texts) - 1, 1))
    spare = total_cm - sum(minimums)
    if spare <= 0:
        return [m * total_cm / sum(minimums) for m in minimums]
    total_weight = sum(weights) or 1
    return [m + spare * w / total_weight for m, w in zip(minimums, weights)]


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


def _write(cell: _Cell, text: str, style: str) -> None:
    """Cell text; each line of the text is a paragraph of its own."""
    lines = text.split("\n") if text else [""]
    first = cell.paragraphs[0]
    first.style = style
    first.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line, style=style)


def _new_table(container, rows: int, cols: int) -> Table:
    table = container.add_table(rows=rows, cols=cols)
    table.style = "Tabel Lampiran"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    return table


def add_tabel(container, tabel: Tabel, total_cm: float) -> Table:
    """A plain table; spans from Sel cells become merged cells."""
    cols = len(tabel.kolom)
    table = _new_table(container, 1 + len(tabel.baris), cols)
    for c, head in enumerate(tabel.kolom):
        _write(table.cell(0, c), head, "Kepala Tabel")
    covered: set[tuple[int, int]] = set()
    spans = []
    for r, row in enumerate(tabel.baris, start=1):
        c = 0
        for item in row:
            while (r, c) in covered:
                c += 1
            if c >= cols:
                raise ValueError(f"tabel baris {r}: isian melebihi {cols} kolom")
            sel = item if isinstance(item, Sel) else Sel(teks=item)
            _write(table.cell(r, c), sel.teks, "Isi Tabel")
            if sel.gabung_baris > 1 or sel.gabung_kolom > 1:
                last_r, last_c = r + sel.gabung_baris - 1, c + sel.gabung_kolom - 1
                if last_r > len(tabel.baris) or last_c >= cols:
                    raise ValueError(f"tabel baris {r}: gabungan sel melewati batas tabel")
                spans.append((r, c, last_r, last_c))
                covered |= {(i, j) for i in range(r, last_r + 1) for j in range(c, last_c + 1)}
            c += sel.gabung_kolom
    for r, c, last_r, last_c in spans:
        merged = table.cell(r, c).merge(table.cell(last_r, last_c))
        for extra in merged.paragraphs[1:]:  # merging appends the covered cells' empty paragraphs
            if not extra.text:
                extra._p.getparent().remove(extra._p)
    columns = [[tabel.kolom[c]] + [_text(row, c) for row in tabel.baris] for c in range(cols)]
    _set_widths(table, tabel.lebar or column_widths(columns, total_cm))
    _row_properties(table)
    return table


def _text(row: list, c: int) -> str:
    if c >= len(row):
        return ""
    item = row[c]
    return item.teks if isinstance(item, Sel) else item


def add_tabel_kelompok(container, tabel: TabelKelompok, total_cm: float) -> Table:
    """A grouped table: group number and name each one merged cell over the group's rows."""
    cols = len(tabel.kolom)
    n_rows = sum(len(g.baris) for g in tabel.kelompok)
    table = _new_table(container, 1 + n_rows, cols)
    for c, head in enumerate(tabel.kolom):
        _write(table.cell(0, c), head, "Kepala Tabel")
    r = 1
    for number, group in enumerate(tabel.kelompok, start=1):
        first, last = r, r + len(group.baris) - 1
        for row in group.baris:
            for c, text in enumerate(row, start=2):
                _write(table.cell(r, c), text, "Isi Tabel")
            r += 1
        for c, text in ((0, f"{number}"), (1, group.nama)):
            cell = table.cell(first, c).merge(table.cell(last, c)) if last > first else table.cell(first, c)
            for extra in cell.paragraphs[1:]:
                extra._p.getparent().remove(extra._p)
            _write(cell, text, "Isi Tabel")
        table.cell(first, 0).paragraphs[0].alignment = 1  # centre the number
    columns = [[tabel.kolom[0], "99"], [tabel.kolom[1]] + [g.nama for g in tabel.kelompok]]
    columns += [
        [tabel.kolom[c]] + [row[c - 2] for g in tabel.kelompok for row in g.baris] for c in range(2, cols)
    ]
    _set_widths(table, tabel.lebar or column_widths(columns, total_cm))
    _row_properties(table)
    return table
