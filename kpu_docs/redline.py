"""A redline: NEW rendered as Word, with tracked changes (w:ins / w:del) against OLD, word by word.

The head of legal reviews next year's draft in Word; accepting every change gives NEW, rejecting
every change gives OLD. Both decrees are rendered by the same renderer, so their documents have
the same structure: the body's paragraphs and tables are aligned by their text (difflib), a
matched paragraph is compared word by word and its runs rebuilt, table rows are aligned the same
way inside a matched table, and what has no partner is one whole inserted or deleted paragraph
or row. The package (styles, numbering, images) is NEW's; only the text parts are replaced.
"""

from __future__ import annotations

import copy
import datetime
import difflib
import io
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence

from lxml import etree

from kpu_docs.models import Keputusan

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
PENULIS = "kpu-docs"
_PARTS = re.compile(r"word/(document|header\d*|footer\d*)\.xml$")
_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")
"""Words, runs of whitespace and single punctuation marks: "2025," changes as "2025" alone."""
_WORDS = re.compile(r"\w+|[^\w\s]")
"""The same without the whitespace, for how alike two blocks are."""


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def xml(element: etree._Element) -> bytes:
    """The element as canonical XML, only the namespaces it uses declared: the same markup
    compares equal wherever it sits (a copied cell declares fewer namespaces than the body)."""
    return etree.tostring(element, method="c14n", exclusive=True, with_comments=False)


def paired(old: Sequence[str], new: Sequence[str]) -> list[tuple[int | None, int | None]]:
    """Indexes of a replaced stretch: old and new items paired as edits where they are alike
    (difflib's ratio at least 0.6), in order, so that the pairs' total likeness (ratio - 0.5:
    a weak pair counts little) is greatest; the rest added or removed. A table row "2 Budi" whose
    neighbour moved up is removed, not edited into the next one. A long stretch (the search is
    quadratic) pairs in order."""
    if len(old) * len(new) > 400:
        n = min(len(old), len(new))
        return [*((i, i) for i in range(n)), *((i, None) for i in range(n, len(old))), *((None, j) for j in range(n, len(new)))]
    ratio = [[_likeness(a, b) - 0.5 for b in new] for a in old]
    # best[i][j]: the greatest total over old[i:], new[j:]
    best = [[0.0] * (len(new) + 1) for _ in range(len(old) + 1)]
    for i in range(len(old) - 1, -1, -1):
        for j in range(len(new) - 1, -1, -1):
            edit = ratio[i][j] + best[i + 1][j + 1] if ratio[i][j] >= 0.1 else -1.0
            best[i][j] = max(edit, best[i + 1][j], best[i][j + 1])
    out: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < len(old) and j < len(new):
        if ratio[i][j] >= 0.1 and best[i][j] == ratio[i][j] + best[i + 1][j + 1]:
            out.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            out.append((i, None))
            i += 1
        else:
            out.append((None, j))
            j += 1
    return out + [(k, None) for k in range(i, len(old))] + [(None, k) for k in range(j, len(new))]


OBJECT = "\ufffc"
"""A picture's place in a block's text (Unicode's object replacement character)."""


def _likeness(a: str, b: str) -> float:
    """difflib's ratio; nil between a block with a picture and one without: a QR code's
    paragraph is removed whole, not edited into an empty line (LibreOffice, accepting the
    picture's deletion, would take its paragraph with it)."""
    if (OBJECT in a) != (OBJECT in b):
        return 0.0
    if len(a) + len(b) > 1000:  # a table, a long paragraph: by words, in milliseconds
        return difflib.SequenceMatcher(a=_WORDS.findall(a), b=_WORDS.findall(b), autojunk=False).ratio()
    return difflib.SequenceMatcher(a=a, b=b, autojunk=False).ratio()


def aligned(
    old: Sequence[etree._Element], new: Sequence[etree._Element], key: Callable[[etree._Element], str]
) -> Iterator[tuple[etree._Element | None, etree._Element | None]]:
    """Old and new items side by side: equal ones, edited pairs, and lone additions/removals."""
    a, b = [key(x) for x in old], [key(x) for x in new]
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            yield from zip(old[i1:i2], new[j1:j2])
            continue
        for i, j in paired(a[i1:i2], b[j1:j2]):
            yield (old[i1 + i] if i is not None else None), (new[j1 + j] if j is not None else None)


def text_of(element: etree._Element) -> str:
    """What a paragraph, row or table prints (tabs and breaks as tabs, pictures as OBJECT), for aligning."""
    out = []
    for e in element.iter(w("t"), w("tab"), w("br"), w("p"), w("drawing"), w("pict"), w("object")):
        if e.tag == w("t"):
            out.append(e.text or "")
        elif e.tag in (w("drawing"), w("pict"), w("object")):
            out.append(OBJECT)
        elif e.tag == w("p"):
            out.append("\n" if out else "")
        else:
            out.append("\t")
    return "".join(out)


def _key(element: etree._Element) -> str:
    return f"{etree.QName(element).localname}:{text_of(element)}"


class _Marker:
    """Makes w:ins / w:del elements with one author, one date and ids that never repeat."""

    def __init__(self, penulis: str, when: datetime.datetime, first_id: int):
        self.penulis, self.date, self.next_id = penulis, when.strftime("%Y-%m-%dT%H:%M:%SZ"), first_id

    def mark(self, tag: str) -> etree._Element:
        element = etree.Element(w(tag))
        element.set(w("id"), str(self.next_id))
        element.set(w("author"), self.penulis)
        element.set(w("date"), self.date)
        self.next_id += 1
        return element


# --- runs ---------------------------------------------------------------------------------

_Token = tuple[str, etree._Element | None, etree._Element | None]
"""A piece of a paragraph: its key (the text, or the XML of a tab/break/field/drawing), its run
properties, and the run content element (None for text, which is rebuilt from the key)."""


def _tokens(paragraph: etree._Element) -> list[_Token] | None:
    """The paragraph's runs as tokens; None when it holds more than runs (a hyperlink, a
    bookmark, a content control), which is then replaced whole rather than word by word."""
    out: list[_Token] = []
    for child in paragraph:
        if child.tag == w("pPr"):
            continue
        if child.tag != w("r"):
            return None
        rpr = child.find(w("rPr"))
        for part in child:
            if part.tag == w("rPr"):
                continue
            if part.tag == w("t"):
                out += [(token, rpr, None) for token in _TOKENS.findall(part.text or "")]
            else:
                out.append((xml(part).decode(), rpr, part))
    return out


def _run(tokens: list[_Token], deleted: bool) -> etree._Element:
    """One run of tokens that share run properties; deleted text is w:delText."""
    run = etree.Element(w("r"))
    rpr = tokens[0][1]
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    text: list[str] = []

    def flush() -> None:
        if text:
            t = etree.SubElement(run, w("delText" if deleted else "t"))
            t.text = "".join(text)
            t.set(XML_SPACE, "preserve")
            text.clear()

    for key, _, element in tokens:
        if element is None:
            text.append(key)
            continue
        flush()
        part = copy.deepcopy(element)
        if deleted and part.tag == w("instrText"):
            part.tag = w("delInstrText")
        run.append(part)
    flush()
    return run


def _runs(tokens: list[_Token], deleted: bool = False) -> list[etree._Element]:
    """Tokens as runs, one per stretch of equal run properties."""
    out: list[etree._Element] = []
    group: list[_Token] = []
    for token in tokens:
        if group and _rpr_key(group[-1][1]) != _rpr_key(token[1]):
            out.append(_run(group, deleted))
            group = []
        group.append(token)
    if group:
        out.append(_run(group, deleted))
    return out


def _rpr_key(rpr: etree._Element | None) -> bytes:
    return b"" if rpr is None else xml(rpr)


def _wrapped(marker: _Marker, tag: str, runs: list[etree._Element]) -> list[etree._Element]:
    if not runs:
        return []
    mark = marker.mark(tag)
    mark.extend(runs)
    return [mark]


# --- paragraphs ---------------------------------------------------------------------------


def _mark_paragraph(marker: _Marker, paragraph: etree._Element, tag: str) -> etree._Element:
    """A whole paragraph inserted or deleted: its runs and its paragraph mark."""
    out = copy.deepcopy(paragraph)
    ppr = out.find(w("pPr"))
    if ppr is None:
        ppr = etree.Element(w("pPr"))
        out.insert(0, ppr)
    rpr = ppr.find(w("rPr"))
    if rpr is None:
        rpr = etree.Element(w("rPr"))
        # rPr comes after everything in pPr except sectPr and pPrChange
        tail = [c for c in ppr if c.tag in (w("sectPr"), w("pPrChange"))]
        if tail:
            tail[0].addprevious(rpr)
        else:
            ppr.append(rpr)
    rpr.insert(0, marker.mark(tag))
    tokens = _tokens(paragraph)
    if tokens is None:  # not only runs: wrap each run where it is
        for run in list(out.iter(w("r"))):
            parent = run.getparent()
            if parent is not None and parent.tag != w(tag):
                if tag == "del":
                    for t in run.findall(w("t")):
                        t.tag = w("delText")
                    for t in run.findall(w("instrText")):
                        t.tag = w("delInstrText")
                mark = marker.mark(tag)
                run.addprevious(mark)
                mark.append(run)
        return out
    for child in list(out):
        if child.tag != w("pPr"):
            out.remove(child)
    out.extend(_wrapped(marker, tag, _runs(tokens, deleted=tag == "del")))
    return out


def _compare_paragraphs(marker: _Marker, old: etree._Element, new: etree._Element) -> list[etree._Element]:
    """A matched pair: NEW's paragraph with the words that changed marked."""
    if xml(old) == xml(new):
        return [copy.deepcopy(new)]
    a, b = _tokens(old), _tokens(new)
    if a is None or b is None:
        return _replaced(marker, [old], [new])
    out = etree.Element(w("p"), nsmap=new.nsmap)
    ppr = _properties_change(marker, old.find(w("pPr")), new.find(w("pPr")))
    if ppr is not None:
        out.append(ppr)
    matcher = difflib.SequenceMatcher(a=[t[0] for t in a], b=[t[0] for t in b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(_runs(b[j1:j2]))
            continue
        out.extend(_wrapped(marker, "del", _runs(a[i1:i2], deleted=True)))
        out.extend(_wrapped(marker, "ins", _runs(b[j1:j2])))
    return [out]


_NOT_FORMAT = (w("rPr"), w("sectPr"), w("pPrChange"))


def _properties_change(marker: _Marker, old: etree._Element | None, new: etree._Element | None) -> etree._Element | None:
    """NEW's paragraph properties, with OLD's kept in a w:pPrChange where they differ (a list
    item that was not one): rejecting gives back OLD's numbering, style and indents."""
    def format_of(ppr: etree._Element | None) -> list[etree._Element]:
        return [] if ppr is None else [c for c in ppr if c.tag not in _NOT_FORMAT]

    before, after = format_of(old), format_of(new)
    # numbering ids are the package's (NEW's numbering.xml): OLD's mean nothing here, so a list
    # item stays in its list, and an item that was no list item is one change of numbering
    numbering = {c.tag: c for c in after}.get(w("numPr"))
    if numbering is None:
        before = [c for c in before if c.tag != w("numPr")]
    else:
        before = [copy.deepcopy(numbering) if c.tag == w("numPr") else c for c in before]
    out = copy.deepcopy(new) if new is not None else None
    if [xml(c) for c in before] == [xml(c) for c in after]:
        return out
    if out is None:
        out = etree.Element(w("pPr"))
    change = marker.mark("pPrChange")
    formerly = etree.SubElement(change, w("pPr"))
    formerly.extend(copy.deepcopy(c) for c in before)
    out.append(change)
    return out


def _replaced(marker: _Marker, old: list[etree._Element], new: list[etree._Element]) -> list[etree._Element]:
    """Blocks with no partner (or none comparable): the old ones deleted, the new ones inserted."""
    return [_mark_block(marker, e, "del") for e in old] + [_mark_block(marker, e, "ins") for e in new]


def _mark_block(marker: _Marker, block: etree._Element, tag: str) -> etree._Element:
    if block.tag == w("p"):
        return _mark_paragraph(marker, block, tag)
    if block.tag == w("tbl"):
        out = copy.deepcopy(block)
        for row in out.findall(w("tr")):
            out.replace(row, _mark_row(marker, row, tag))
        return out
    return copy.deepcopy(block)


# --- tables -------------------------------------------------------------------------------


def _mark_row(marker: _Marker, row: etree._Element, tag: str) -> etree._Element:
    """A whole row inserted or deleted: w:trPr/w:ins or w:del, and its cells' contents."""
    out = copy.deepcopy(row)
    trpr = out.find(w("trPr"))
    if trpr is None:
        trpr = etree.Element(w("trPr"))
        tblpr_ex = out.find(w("tblPrEx"))
        (tblpr_ex.addnext if tblpr_ex is not None else lambda e: out.insert(0, e))(trpr)
    trpr.append(marker.mark(tag))
    for cell in out.findall(w("tc")):
        for block in [b for b in cell if b.tag in (w("p"), w("tbl"))]:
            cell.replace(block, _mark_block(marker, block, tag))
    return out


def _compare_tables(marker: _Marker, old: etree._Element, new: etree._Element) -> list[etree._Element]:
    out = copy.deepcopy(new)
    for row in out.findall(w("tr")):
        out.remove(row)
    for a, b in aligned(old.findall(w("tr")), new.findall(w("tr")), _key):
        if b is None:
            out.extend(_mark_row(marker, x, "del") for x in [a] if x is not None)
        elif a is None:
            out.append(_mark_row(marker, b, "ins"))
        elif len(a.findall(w("tc"))) != len(b.findall(w("tc"))):
            out.extend([_mark_row(marker, a, "del"), _mark_row(marker, b, "ins")])
        else:
            row = copy.deepcopy(b)
            for cell, old_cell in zip(row.findall(w("tc")), a.findall(w("tc"))):
                _compare_container(marker, old_cell, cell)
            out.append(row)
    return [out]


# --- containers ---------------------------------------------------------------------------

_BLOCKS = (w("p"), w("tbl"))


_Pairs = list[tuple[etree._Element | None, etree._Element | None]]


def _last_paired(pairs: _Pairs, old: list[etree._Element], new: list[etree._Element]) -> _Pairs:
    """The last paragraph of a body or cell always paired: its mark ends the body or cell and
    cannot be deleted, so a last paragraph only inserted (or only deleted) would leave an empty
    paragraph behind when its change is rejected (or accepted). Each side's last block is taken
    out of its place (a partner it had there stands alone) and the two are compared."""
    if not pairs or None not in pairs[-1] or not old or not new:
        return pairs
    x, y = old[-1], new[-1]
    out: _Pairs = []
    for a, b in pairs:
        a, b = (None if a is x else a), (None if b is y else b)
        if a is not None or b is not None:
            out.append((a, b))
    return [*out, (x, y)]


def _compare_container(marker: _Marker, old: etree._Element, new: etree._Element) -> None:
    """Replaces `new`'s paragraphs and tables (a body, a cell, a header) by the redlined ones."""
    a = [e for e in old if e.tag in _BLOCKS]
    b = [e for e in new if e.tag in _BLOCKS]
    if not b:
        return
    result: list[etree._Element] = []
    pairs = list(aligned(a, b, _key))
    for x, y in _last_paired(pairs, a, b):
        if y is None:
            result.extend(_mark_block(marker, e, "del") for e in [x] if e is not None)
        elif x is None:
            result.append(_mark_block(marker, y, "ins"))
        elif x.tag != y.tag:
            result += _replaced(marker, [x], [y])
        elif y.tag == w("p"):
            result += _compare_paragraphs(marker, x, y)
        else:
            result += _compare_tables(marker, x, y)
    # the blocks go where NEW's were: after what comes before them (a cell's tcPr), before what
    # comes after (a body's sectPr)
    anchor = b[0].getprevious()
    for e in b:
        new.remove(e)
    if anchor is None:
        for e in reversed(result):
            new.insert(0, e)
    else:
        for e in reversed(result):
            anchor.addnext(e)


def _max_id(root: etree._Element) -> int:
    ids = [int(v) for v in root.xpath("//@w:id", namespaces={"w": W}) if str(v).isdigit()]
    return max(ids, default=0)


def redline_bytes(
    lama: bytes, baru: bytes, penulis: str = PENULIS, when: datetime.datetime | None = None
) -> bytes:
    """NEW's .docx package with its text parts redlined against OLD's."""
    when = when or datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    old_zip, new_zip = zipfile.ZipFile(io.BytesIO(lama)), zipfile.ZipFile(io.BytesIO(baru))
    old_names = set(old_zip.namelist())
    parts = {}
    first_id = 0
    for name in new_zip.namelist():
        if _PARTS.fullmatch(name):
            parts[name] = etree.fromstring(new_zip.read(name))
            first_id = max(first_id, _max_id(parts[name]))
    marker = _Marker(penulis, when, first_id + 1)
    for name, root in parts.items():
        if name not in old_names:
            continue
        old_root = etree.fromstring(old_zip.read(name))
        old_container = old_root.find(w("body")) if old_root.tag == w("document") else old_root
        new_container = root.find(w("body")) if root.tag == w("document") else root
        if old_container is not None and new_container is not None:
            _compare_container(marker, old_container, new_container)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info in new_zip.infolist():
            data = new_zip.read(info)
            if info.filename in parts:
                data = etree.tostring(parts[info.filename], xml_declaration=True, encoding="UTF-8", standalone=True)
            entry = zipfile.ZipInfo(info.filename, info.date_time)  # writestr changes the ZipInfo it is given
            entry.compress_type, entry.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
            package.writestr(entry, data)
    return out.getvalue()


def redline(lama: Keputusan, baru: Keputusan, penulis: str = PENULIS) -> bytes:
    """The redline of two decrees: NEW as .docx, tracked changes against OLD."""
    from kpu_docs.word.document import render_bytes

    return redline_bytes(render_bytes(lama), render_bytes(baru), penulis)
