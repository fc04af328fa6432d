"""A .docx as a reader sees it: paragraphs with their list labels, and tables as rows of cells.

python-docx gives paragraph text without the labels Word's numbering draws (a., 1., A.); this
module computes them, so tests, the importer and diffs read what is printed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from kpu_docs.formatting import huruf, roman


@dataclass
class Line:
    """One paragraph: its list label ("" when none), text, style name and list level."""

    label: str
    text: str
    style: str
    level: int = 0
    element: object = field(default=None, repr=False, compare=False)
    """The w:p element, for readers that need more than the text (indents, list ids, sections)."""

    def __str__(self) -> str:
        return f"{self.label} {self.text}".strip()


@dataclass
class TableBlock:
    """A table: rows of cell texts; a cell merged from above repeats None."""

    rows: list[list[str | None]] = field(default_factory=list)
    element: object = field(default=None, repr=False, compare=False)
    """The w:tbl element."""


def _format(fmt: str, n: int) -> str:
    if fmt == "decimal":
        return str(n)
    if fmt == "lowerLetter":
        return huruf(n)
    if fmt == "upperLetter":
        return huruf(n, upper=True)
    if fmt == "lowerRoman":
        return roman(n).lower()
    if fmt == "upperRoman":
        return roman(n)
    return ""


class _Numbering:
    """Counters of every list instance, advanced paragraph by paragraph as Word does."""

    def __init__(self, document: Document):
        try:
            self.root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            self.root = None
        self.styles = document.styles
        self.counters: dict[str, list[int]] = {}
        self.abstract_counters: dict[str, list[int]] = {}

    def _num_pr(self, paragraph: Paragraph) -> tuple[str, int] | None:
        ppr = paragraph._p.pPr
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        style = paragraph.style
        while num_pr is None and style is not None:
            spp = style.element.find(qn("w:pPr"))
            num_pr = spp.find(qn("w:numPr")) if spp is not None else None
            style = style.base_style
        if num_pr is None:
            return None
        num_id = num_pr.find(qn("w:numId"))
        ilvl = num_pr.find(qn("w:ilvl"))
        if num_id is None or num_id.get(qn("w:val")) == "0":
            return None
        return num_id.get(qn("w:val")), int(ilvl.get(qn("w:val"))) if ilvl is not None else 0

    def label(self, paragraph: Paragraph) -> tuple[str, int]:
        found = self._num_pr(paragraph) if self.root is not None else None
        if not found:
            return "", 0
        num_id, ilvl = found
        num = self.root.find(f"{qn('w:num')}[@{qn('w:numId')}='{num_id}']")
        if num is None:
            return "", 0
        abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        abstract = self.root.find(f"{qn('w:abstractNum')}[@{qn('w:abstractNumId')}='{abstract_id}']")
        levels = {int(l.get(qn("w:ilvl"))): l for l in abstract.findall(qn("w:lvl"))}
        restarts = {
            int(o.get(qn("w:ilvl"))): int(o.find(qn("w:startOverride")).get(qn("w:val")))
            for o in num.findall(qn("w:lvlOverride"))
            if o.find(qn("w:startOverride")) is not None
        }
        # a num with start overrides is a list of its own; plain nums share their abstract's count
        key = f"num{num_id}" if restarts else f"abs{abstract_id}"
        starts = [self._start(levels.get(i), restarts.get(i)) for i in range(9)]
        counters = self.counters.setdefault(key, [s - 1 for s in starts])
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = starts[deeper] - 1
        lvl = levels.get(ilvl)
        if lvl is None:
            return "", ilvl
        text = lvl.find(qn("w:lvlText")).get(qn("w:val"))
        for i in range(ilvl + 1):
            fmt_el = levels[i].find(qn("w:numFmt")) if i in levels else None
            fmt = fmt_el.get(qn("w:val")) if fmt_el is not None else "decimal"
            text = text.replace(f"%{i + 1}", _format(fmt, max(counters[i], 1)))
        return text, ilvl

    @staticmethod
    def _start(lvl, override: int | None) -> int:
        if override is not None:
            return override
        if lvl is not None and lvl.find(qn("w:start")) is not None:
            return int(lvl.find(qn("w:start")).get(qn("w:val")))
        return 1


def blocks(document: Document) -> list[Line | TableBlock]:
    """The body in order: Lines for paragraphs, TableBlocks for tables (cell paragraphs joined by newlines).

    Paragraphs inside layout tables (the konsiderans) come out as Lines too, cell by cell,
    since there the table is layout, not data: a table styled "Tabel Lampiran" is data.
    """
    numbering = _Numbering(document)
    out: list[Line | TableBlock] = []

    def paragraph_line(p) -> Line:
        paragraph = Paragraph(p, document._body)
        label, level = numbering.label(paragraph)
        style = paragraph.style.name if paragraph.style is not None else ""
        return Line(label, paragraph.text, style, level, p)

    def walk(parent) -> None:
        for child in parent.iterchildren():
            if child.tag == qn("w:p"):
                out.append(paragraph_line(child))
            elif child.tag == qn("w:tbl"):
                table = Table(child, document._body)
                style = table.style.name if table.style is not None else ""
                if style == "Tabel Konsiderans":
                    for tr in child.iterchildren(qn("w:tr")):
                        for tc in tr.iterchildren(qn("w:tc")):
                            walk(tc)
                else:
                    out.append(_data_table(child, paragraph_line))
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    walk(content)

    walk(document.element.body)
    return out


def cell_span(tc) -> tuple[int, bool]:
    """How many grid columns a w:tc covers, and whether it continues a vertical merge from above."""
    tcpr = tc.find(qn("w:tcPr"))
    if tcpr is None:
        return 1, False
    grid = tcpr.find(qn("w:gridSpan"))
    vmerge = tcpr.find(qn("w:vMerge"))
    span = int(grid.get(qn("w:val"))) if grid is not None else 1
    return span, vmerge is not None and vmerge.get(qn("w:val"), "continue") == "continue"


def _data_table(tbl, paragraph_line) -> TableBlock:
    block = TableBlock(element=tbl)
    for tr in tbl.iterchildren(qn("w:tr")):
        row: list[str | None] = []
        for tc in tr.iterchildren(qn("w:tc")):
            span, merged = cell_span(tc)
            text = "\n".join(str(paragraph_line(p)) for p in tc.iterchildren(qn("w:p")))
            row.extend([None if merged else text] * span)
        block.rows.append(row)
    return block


def lines(document: Document) -> list[str]:
    """Every printed line of text in order, labels included; table cells as "a | b | c" rows."""
    out = []
    for block in blocks(document):
        if isinstance(block, Line):
            if str(block):
                out.append(str(block))
        else:
            out += [" | ".join("" if c is None else c.replace("\n", " ") for c in row) for row in block.rows]
    return out


def text(document: Document) -> str:
    """The whole document text, one printed line per line."""
    return "\n".join(lines(document))
