"""A .docx as a reader sees it: paragraphs with their list labels, and tables as rows of cells.

python-docx gives paragraph text without the labels Word's numbering draws (a., 1., A.); this
module computes them, so tests, the importer and diffs read what is printed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import nsmap, qn
from docx.oxml.styles import CT_Style
from docx.styles.style import StyleFactory
from lxml import etree

from kpu_docs.formatting import huruf, roman


_P, _TBL, _TR, _TC, _TC_PR, _GRID_SPAN, _V_MERGE = (
    qn(f"w:{tag}") for tag in ("p", "tbl", "tr", "tc", "tcPr", "gridSpan", "vMerge")
)
_RPR, _B, _I = (qn(f"w:{tag}") for tag in ("rPr", "b", "i"))
_PPR, _PSTYLE, _NUM_PR, _NUM_ID, _ILVL, _VAL = (qn(f"w:{tag}") for tag in ("pPr", "pStyle", "numPr", "numId", "ilvl", "val"))
"""Tags read for every paragraph and cell, named once."""


def _child(element, tag: str):
    """The first child with the tag, as element.find(tag) gives it without ElementPath's parsing."""
    return next(element.iterchildren(tag), None)


@dataclass(slots=True)
class Line:
    """One paragraph: its list label ("" when none), text, style name and list level.

    The style name is None for a style without a w:name, as python-docx gives it.
    """

    label: str
    text: str
    style: str | None
    level: int = 0
    element: object = field(default=None, repr=False, compare=False)
    """The w:p element, for readers that need more than the text (indents, list ids, sections)."""
    list_id: int | None = field(default=None, repr=False, compare=False)
    """Which list the paragraph's label counts in: the same for the items of one list at one
    level, whichever w:num each paragraph names (LibreOffice saves a w:num per paragraph)."""

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


class _Styles:
    """Style names, and the list numbering a paragraph inherits from its style, by style id.

    python-docx's `paragraph.style` searches the styles part on every call and, for a paragraph
    without a style, scans every style for the default: reading a document cost a style scan per
    paragraph. The rules are python-docx's, applied once per style id.
    """

    def __init__(self, document: Document):
        self.by_id: dict[str | None, CT_Style] = {}
        self.defaults: dict[WD_STYLE_TYPE | None, CT_Style] = {}
        for style in document.styles.element.iterchildren(qn("w:style")):
            self.by_id.setdefault(style.styleId, style)  # the first of an id, as python-docx finds it
            if style.default:
                self.defaults[style.type] = style  # the last default of a type, as python-docx takes it
        self._names: dict[tuple, str | None] = {}
        self._num_prs: dict[str | None, object] = {}

    def _style(self, style_id: str | None, style_type: WD_STYLE_TYPE) -> CT_Style | None:
        """The w:style python-docx gives for an id: that style if it is of the type, else the type's default."""
        style = self.by_id.get(style_id) if style_id else None
        if style is None or style.type != style_type:
            style = self.defaults.get(style_type)
        return style

    def name(self, style_id: str | None, style_type: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH) -> str | None:
        """The style's name as python-docx gives it: "" when the document has no such style, None when it is unnamed."""
        key = (style_id, style_type)
        if key not in self._names:
            style = self._style(style_id, style_type)
            self._names[key] = StyleFactory(style).name if style is not None else ""
        return self._names[key]

    def num_pr(self, style_id: str | None):
        """The w:numPr of a paragraph style or of the first style it is based on that has one."""
        if style_id not in self._num_prs:
            style, seen, num_pr = self._style(style_id, WD_STYLE_TYPE.PARAGRAPH), set(), None
            while num_pr is None and style is not None and style.styleId not in seen:
                seen.add(style.styleId)
                ppr = style.find(qn("w:pPr"))
                num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
                based_on = style.basedOn_val
                style = self.by_id.get(based_on) if based_on is not None else None
            self._num_prs[style_id] = num_pr
        return self._num_prs[style_id]


class _List:
    """One w:num as Word counts it: its counter key, level definitions and start numbers."""

    def __init__(self, num_id: str, num, abstracts: dict):
        abstract_id_el = num.find(qn("w:abstractNumId"))
        abstract_id = abstract_id_el.get(qn("w:val")) if abstract_id_el is not None else None
        abstract = abstracts.get(abstract_id)
        # a num whose abstractNum is missing draws no labels (it used to raise AttributeError)
        lvls = abstract.findall(qn("w:lvl")) if abstract is not None else []
        self.levels = {int(l.get(qn("w:ilvl"))): l for l in lvls}
        restarts = {
            int(o.get(qn("w:ilvl"))): int(o.find(qn("w:startOverride")).get(qn("w:val")))
            for o in num.findall(qn("w:lvlOverride"))
            if o.find(qn("w:startOverride")) is not None
        }
        # a num with start overrides is a list of its own; plain nums share their abstract's count
        self.restarts = bool(restarts)
        self.restarted_levels = set(restarts)
        self.abstract_id = abstract_id
        self.key = f"num{num_id}" if restarts else f"abs{abstract_id}"
        self.starts = [_start(self.levels.get(i), restarts.get(i)) for i in range(9)]
        self.formats = []
        for i in range(9):
            fmt_el = self.levels[i].find(qn("w:numFmt")) if i in self.levels else None
            self.formats.append(fmt_el.get(qn("w:val")) if fmt_el is not None else "decimal")


def _start(lvl, override: int | None) -> int:
    if override is not None:
        return override
    if lvl is not None and lvl.find(qn("w:start")) is not None:
        return int(lvl.find(qn("w:start")).get(qn("w:val")))
    return 1


class _Numbering:
    """Counters of every list instance, advanced paragraph by paragraph as Word does.

    Each w:num is read once (finding it by id scanned the numbering part for every paragraph).
    """

    def __init__(self, document: Document, styles: _Styles):
        try:
            self.root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            self.root = None
        self.styles = styles
        self.nums: dict[str, object] = {}
        self.abstracts: dict[str, object] = {}
        if self.root is not None:  # the first of an id, as a search by id finds it
            for num in self.root.iterchildren(qn("w:num")):
                if num.get(qn("w:numId")) is not None:
                    self.nums.setdefault(num.get(qn("w:numId")), num)
            for abstract in self.root.iterchildren(qn("w:abstractNum")):
                if abstract.get(qn("w:abstractNumId")) is not None:
                    self.abstracts.setdefault(abstract.get(qn("w:abstractNumId")), abstract)
        self.lists: dict[str, _List] = {}
        self.counters: dict[str, list[int]] = {}
        self.latest: dict[str | None, str] = {}
        """By abstractNum: the key of the list that restarted it last."""
        self.sequences: dict[str, list[int]] = {}
        """By counter key: each level's current sequence, a new one whenever its count restarts."""
        self.serial = 0

    def _new_sequence(self) -> int:
        self.serial += 1
        return self.serial

    def label(self, ppr, style_id: str | None) -> tuple[str, int, int | None]:
        """The label Word draws before a paragraph (with its list level and the sequence it counts
        in, Line.list_id), advancing its list's counters.

        `ppr` is the paragraph's w:pPr (or None); a w:numPr there wins over its style's.
        """
        if self.root is None:
            return "", 0, None
        num_pr = _child(ppr, _NUM_PR) if ppr is not None else None
        if num_pr is None:
            num_pr = self.styles.num_pr(style_id)
        if num_pr is None:
            return "", 0, None
        num_id_el = _child(num_pr, _NUM_ID)
        if num_id_el is None or num_id_el.get(_VAL) == "0":
            return "", 0, None
        num_id = num_id_el.get(_VAL)
        ilvl_el = _child(num_pr, _ILVL)
        ilvl = int(ilvl_el.get(_VAL)) if ilvl_el is not None else 0
        if num_id not in self.lists:
            num = self.nums.get(num_id)
            if num is None:
                return "", 0, None
            fresh = _List(num_id, num, self.abstracts)
            before = self.latest.get(fresh.abstract_id)
            if fresh.restarts:
                self.latest[fresh.abstract_id] = fresh.key
                if before in self.counters and fresh.key not in self.counters:
                    # the levels it does not restart go on counting where its abstract's list was
                    previous, sequences = self.counters[before], self.sequences[before]
                    self.counters[fresh.key] = [
                        fresh.starts[i] - 1 if i in fresh.restarted_levels else previous[i] for i in range(9)
                    ]
                    self.sequences[fresh.key] = [
                        self._new_sequence() if i in fresh.restarted_levels else sequences[i] for i in range(9)
                    ]
            elif before is not None:
                # a plain num first used after a restarted list of its abstract continues that list:
                # how LibreOffice saves a list, a num per paragraph after the first (which restarts)
                fresh.key = before
            self.lists[num_id] = fresh
        lst = self.lists[num_id]
        counters = self.counters.setdefault(lst.key, [s - 1 for s in lst.starts])
        if lst.key not in self.sequences:
            self.sequences[lst.key] = [self._new_sequence() for _ in range(9)]
        sequences = self.sequences[lst.key]
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = lst.starts[deeper] - 1
            sequences[deeper] = self._new_sequence()
        lvl = lst.levels.get(ilvl)
        if lvl is None:
            return "", ilvl, sequences[ilvl]
        text = lvl.find(qn("w:lvlText")).get(qn("w:val"))
        for i in range(ilvl + 1):
            text = text.replace(f"%{i + 1}", _format(lst.formats[i], max(counters[i], 1)))
        return text, ilvl, sequences[ilvl]


_RUN_CONTENT = ("w:br", "w:cr", "w:noBreakHyphen", "w:ptab", "w:t", "w:tab")
_TEXT = etree.XPath(
    " | ".join(f"{run}/{content}" for run in ("w:r", "w:hyperlink/w:r") for content in _RUN_CONTENT),
    namespaces=nsmap,
)
"""What python-docx's `Paragraph.text` reads (runs, and runs in hyperlinks), in document order."""


def paragraph_text(p) -> str:
    """A w:p's text exactly as python-docx's `Paragraph.text` gives it (each element's str()).

    python-docx compiles an XPath for the paragraph and another for each run on every call;
    this is one XPath, compiled once.
    """
    return "".join(str(e) for e in _TEXT(p))


_OFF = frozenset({"0", "false", "off"})


def _direct(rpr, tag: str) -> bool:
    """Whether run properties switch `tag` (w:b, w:i) on directly."""
    if rpr is None:
        return False
    element = rpr.find(tag)
    return element is not None and element.get(_VAL, "1") not in _OFF


def paragraph_marked(p) -> str:
    """A w:p's text with the emphasis of its runs as the decree's markup (+{bold}+, /{italic}/),
    literal markers escaped: what a field holds to print this paragraph. Bold or italic over the
    whole paragraph is the paragraph's formatting, not emphasis within it."""
    from kpu_docs.wording.emphasis import Span, marked

    parts: list[Span] = []
    for e in _TEXT(p):
        rpr = e.getparent().find(_RPR)
        text = str(e)
        if text:
            parts.append(Span(text, _direct(rpr, _B), _direct(rpr, _I)))
    if parts and all(x.bold for x in parts):
        parts = [x._replace(bold=False) for x in parts]
    if parts and all(x.italic for x in parts):
        parts = [x._replace(italic=False) for x in parts]
    merged: list[Span] = []
    for x in parts:
        if merged and (merged[-1].bold, merged[-1].italic) == (x.bold, x.italic):
            merged[-1] = merged[-1]._replace(text=merged[-1].text + x.text)
        else:
            merged.append(x)
    return marked(merged)


def blocks(document: Document) -> list[Line | TableBlock]:
    """The body in order: Lines for paragraphs, TableBlocks for tables (cell paragraphs joined by newlines).

    Paragraphs inside layout tables (the konsiderans) come out as Lines too, cell by cell,
    since there the table is layout, not data: a table styled "Tabel Lampiran" is data.
    """
    styles = _Styles(document)
    numbering = _Numbering(document, styles)
    out: list[Line | TableBlock] = []

    def paragraph_line(p) -> Line:
        ppr = _child(p, _PPR)
        style = _child(ppr, _PSTYLE) if ppr is not None else None
        style_id = style.get(_VAL) if style is not None else None
        label, level, sequence = numbering.label(ppr, style_id)
        return Line(label, paragraph_text(p), styles.name(style_id), level, p, sequence)

    def walk(parent) -> None:
        for child in parent.iterchildren():
            if child.tag == _P:
                out.append(paragraph_line(child))
            elif child.tag == _TBL:
                if styles.name(child.tblStyle_val, WD_STYLE_TYPE.TABLE) == "Tabel Konsiderans":
                    for tr in child.iterchildren(_TR):
                        for tc in tr.iterchildren(_TC):
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
    tcpr = _child(tc, _TC_PR)
    if tcpr is None:
        return 1, False
    grid = _child(tcpr, _GRID_SPAN)
    vmerge = _child(tcpr, _V_MERGE)
    span = int(grid.get(_VAL)) if grid is not None else 1
    return span, vmerge is not None and vmerge.get(_VAL, "continue") == "continue"


def _data_table(tbl, paragraph_line) -> TableBlock:
    block = TableBlock(element=tbl)
    for tr in tbl.iterchildren(_TR):
        row: list[str | None] = []
        for tc in tr.iterchildren(_TC):
            span, merged = cell_span(tc)
            text = "\n".join(str(paragraph_line(p)) for p in tc.iterchildren(_P))
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
