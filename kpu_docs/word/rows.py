"""Which table rows may break across a page: a row of a few lines is kept whole (w:cantSplit),
as a typist keeps one entry on one page; a row taller than about a third of a page may split,
so that it never leaves most of a page blank before it (a row of 47 lines that cannot split
moves whole to the next page, and one taller than the page is cut off by Word).

The height is estimated from the text (characters per line at the cell's width), as the column
widths are (kpu_docs.word.tables): the renderer does not lay out pages.
"""

from __future__ import annotations

from lxml import etree

from kpu_docs.word.wordml import W_NS, child

SHORT_ROW_LINES = 14
"""The most lines a row may have and still be kept whole: about a third of an F4 page of 12 pt
text, so that moving it leaves at most that much blank."""
TEXT_CHAR_CM = 0.21
"""An average character of 12 pt running text (11 pt text is narrower: an estimate to spare)."""
CELL_PADDING_CM = 0.2
_W = f"{{{W_NS}}}"
_TWIPS_CM = 567


def text_lines(text: str, width_cm: float) -> int:
    """Printed lines of one paragraph's text in a column `width_cm` wide, words kept whole."""
    return wrapped_lines(text, max(int((width_cm - CELL_PADDING_CM) / TEXT_CHAR_CM), 1))


def wrapped_lines(text: str, per_line: int) -> int:
    """Printed lines of a text with `per_line` characters to a line, words kept whole, each of
    its own lines ("\n") starting a new one; a word longer than a line takes as many as it needs."""
    if len(text) <= per_line:  # every line fits: most cells, and the cheapest answer
        return text.count("\n") + 1
    total = 0
    for part in text.split("\n"):
        if len(part) <= per_line:
            total += 1
            continue
        lines, used = 1, 0
        for size in map(len, part.split()):
            if not used:
                used = size
            elif used + 1 + size > per_line:
                lines, used = lines + 1, size
            else:
                used += size + 1
        total += lines + max((used - 1) // per_line, 0)
    return total


def is_short(lines: int) -> bool:
    return lines <= SHORT_ROW_LINES


def _cell_lines(cell: etree._Element) -> int:
    width = cell.find(f"{_W}tcPr/{_W}tcW")
    width_cm = int(width.get(f"{_W}w", "0")) / _TWIPS_CM if width is not None and width.get(f"{_W}type") == "dxa" else 8.0
    total = 0
    for paragraph in cell.iter(f"{_W}p"):
        indent = paragraph.find(f"{_W}pPr/{_W}ind")
        left = int(indent.get(f"{_W}left", "0") or 0) / _TWIPS_CM if indent is not None else 0.0
        text = "".join(t.text or "" for t in paragraph.iter(f"{_W}t"))
        total += text_lines(text, max(width_cm - left, 1.0))
    return total


def row_lines(row: etree._Element) -> int:
    """The row's estimated height in lines: its fullest cell's."""
    return max((_cell_lines(cell) for cell in row.findall(f"{_W}tc")), default=1)


def keep_short_rows_whole(table: etree._Element) -> None:
    """Mark each short row of a rendered table w:cantSplit, and let each tall one split."""
    for row in table.findall(f"{_W}tr"):
        properties = row.find(f"{_W}trPr")
        if is_short(row_lines(row)):
            if properties is None:
                properties = etree.Element(f"{_W}trPr")
                row.insert(1 if row.find(f"{_W}tblPrEx") is not None else 0, properties)
            child(properties, "cantSplit")
        elif properties is not None:
            for cant in properties.findall(f"{_W}cantSplit"):
                properties.remove(cant)
