"""WordprocessingML written as text: paragraphs, runs and properties for the generated parts.

The renderer's hot path builds the Lampiran body and its tables as strings instead of
python-docx objects: one f-string per paragraph instead of a dozen element lookups. Every
string from the data passes through `runs`, which escapes it (& < > print literally, so does
anything that looks like a template tag), refuses characters XML cannot hold, and writes the
inline emphasis of kpu_docs.wording.emphasis (`/{miring}/`, `+{tebal}+`) as runs of their own.
"""

from __future__ import annotations

import re

from lxml import etree

from kpu_docs.errors import KpuDocsError
from kpu_docs.wording.emphasis import may_have_markup, spans

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W_NS}}}"

# XML 1.0 Char: tab, line feed and carriage return are the only control characters allowed;
# the surrogates and U+FFFE/U+FFFF are not characters at all
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile("[\t\n]")


class TextNotPrintable(KpuDocsError, ValueError):
    """Text holds a character that a Word document cannot contain (bad input: exit code 2)."""


def check_printable(text: str) -> None:
    """Refuse control characters (other than tab and new line) instead of dropping them silently."""
    bad = _NOT_XML.search(text)
    if bad:
        raise TextNotPrintable(
            f"teks memuat karakter yang tidak dapat dicetak (U+{ord(bad.group()):04X}): {text[:40]!r}"
        )


def escape(text: str) -> str:
    """Text for an XML text node or attribute value."""
    check_printable(text)
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    return text


def run_content(text: str) -> str:
    """The inside of a w:r: text, with a tab as w:tab and a new line as w:br (as Word types them)."""
    text = escape(text)
    if "\t" not in text and "\n" not in text:
        return f'<w:t xml:space="preserve">{text}</w:t>'
    parts = []
    position = 0
    for match in _BREAKS.finditer(text):
        if match.start() > position:
            parts.append(f'<w:t xml:space="preserve">{text[position:match.start()]}</w:t>')
        parts.append("<w:tab/>" if match.group() == "\t" else "<w:br/>")
        position = match.end()
    if position < len(text):
        parts.append(f'<w:t xml:space="preserve">{text[position:]}</w:t>')
    return "".join(parts)


EMPHASIS_RPR = {
    (False, False): "",
    (True, False): "<w:rPr><w:b/></w:rPr>",
    (False, True): "<w:rPr><w:i/></w:rPr>",
    (True, True): "<w:rPr><w:b/><w:i/></w:rPr>",
}
"""Run properties of a span by (bold, italic): the paragraph's style gives everything else."""


def runs(text: str) -> str:
    """The runs holding the text: one, or one per span of emphasis; nothing for empty text
    (Word's own empty paragraph)."""
    if not text:
        return ""
    if not may_have_markup(text):
        return f"<w:r>{run_content(text)}</w:r>"
    return "".join(f"<w:r>{EMPHASIS_RPR[s.bold, s.italic]}{run_content(s.text)}</w:r>" for s in spans(text))


def numbering(num_id: int, level: int) -> str:
    """w:numPr: the paragraph's list instance and level."""
    return f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'


def indent(left: int | None = None, hanging: int | None = None) -> str:
    """w:ind in twips; empty when neither is given."""
    if left is None and hanging is None:
        return ""
    attrs = ""
    if left is not None:
        attrs += f' w:left="{left}"'
    if hanging is not None:
        attrs += f' w:hanging="{hanging}"'
    return f"<w:ind{attrs}/>"


def paragraph(style_id: str, text: str | tuple[str, ...] = "", *, num: str = "", tabs: str = "", spacing: str = "",
              ind: str = "", jc: str = "", sect: str = "") -> str:
    """A paragraph in a named style; the optional properties are given in schema order of w:pPr
    (pStyle, numPr, tabs, spacing, ind, jc, sectPr), so Word and LibreOffice read them without repair.

    `text` given as pieces (several fields in one paragraph) has each piece's emphasis read on its
    own: a marker left open in one field never pairs with one in the next."""
    if isinstance(text, tuple):
        pieces = text if any(may_have_markup(piece) for piece in text) else ("".join(text),)
        content = "".join(runs(piece) for piece in pieces)
    else:
        content = runs(text)
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{num}{tabs}{spacing}{ind}{jc}{sect}</w:pPr>{content}</w:p>'


CM_TWIPS = 567
"""Twips per centimetre, as Word rounds them."""


def twips(cm: float) -> int:
    return int(round(cm * CM_TWIPS))


_PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
              "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
              "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
              "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
              "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
              "sectPr", "pPrChange")


_RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
              "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
              "color", "spacing", "w", "kern", "position", "sz", "szCs")
_TRPR_ORDER = ("cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight",
               "tblHeader", "tblCellSpacing", "jc", "hidden", "ins", "del", "trPrChange")
ORDER = {"pPr": _PPR_ORDER, "rPr": _RPR_ORDER, "trPr": _TRPR_ORDER}
"""Schema order of the children of paragraph and run properties: Word refuses other orders."""


def child(parent: etree._Element, name: str) -> etree._Element:
    """For parsed parts (the rendered decree, a template): parent's w:name child (parent a w:pPr,
    w:rPr or w:trPr), created in its place in the schema order when missing."""
    found = parent.find(f"{_W}{name}")
    if found is not None:
        return found
    new = etree.Element(f"{_W}{name}")
    order = ORDER[etree.QName(parent).localname]
    later = order[order.index(name) + 1:]
    for sibling in parent:
        if etree.QName(sibling).localname in later:
            sibling.addprevious(new)
            return new
    parent.append(new)
    return new


def ppr_child(p: etree._Element, name: str) -> etree._Element:
    """The paragraph's w:pPr/w:name, w:pPr created first when missing."""
    ppr = p.find(f"{_W}pPr")
    if ppr is None:
        ppr = etree.Element(f"{_W}pPr")
        p.insert(0, ppr)
    return child(ppr, name)
