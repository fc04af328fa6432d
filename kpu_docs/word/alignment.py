"""Justified text that would open wide gaps is set flush left, as a typist sets it: a paragraph
in capitals (the Menetapkan line, "KEPUTUSAN KOMISI ... TENTANG ..."), whose long words leave
few gaps to stretch, and a paragraph in a narrow cell, where a line holds a few words.
"""

from __future__ import annotations

from collections.abc import Set

from lxml import etree

from kpu_docs.word.wordml import W_NS, child

_W = f"{{{W_NS}}}"
NARROW_CELL_CM = 5.0
"""A cell narrower than this holds too few words a line to justify them."""
_TWIPS_CM = 567


_NOT_ASCII_SMALL = bytes(c for c in range(128) if not ord("a") <= c <= ord("z"))
"""What to delete from ASCII text to count its small letters a-z."""


def in_capitals(text: str) -> bool:
    """Whether a paragraph's text is written in capitals (most of its letters, and more than a few)."""
    if len(text) < 20:
        return False
    small = len(text.encode("ascii", "ignore").translate(None, _NOT_ASCII_SMALL))
    if len(text) - small < 0.9 * small:  # the rest cannot be the capitals: most paragraphs end here, in C
        return False
    letters = sum(map(str.isalpha, text))  # counted by C loops: every paragraph of a decree comes here
    return letters >= 20 and sum(map(str.isupper, text)) >= 0.9 * letters


def justified_styles(styles: etree._Element) -> set[str]:
    """Ids of the paragraph styles that justify, by their own w:jc or the style they are based on."""
    by_id = {s.get(f"{_W}styleId"): s for s in styles.iter(f"{_W}style")}

    def justifies(style_id: str | None, seen: int = 0) -> bool:
        style = by_id.get(style_id)
        if style is None or seen > 20:
            return False
        jc = style.find(f"{_W}pPr/{_W}jc")
        if jc is not None:
            return jc.get(f"{_W}val") in ("both", "distribute")
        based = style.find(f"{_W}basedOn")
        return justifies(based.get(f"{_W}val") if based is not None else None, seen + 1)

    return {i for i in by_id if i and justifies(i)}


def _first(parent: etree._Element, name: str) -> etree._Element | None:
    """parent.find(w:name), without the Python path parser lxml's find runs on every call: this
    module looks into every paragraph of the decree."""
    return next(parent.iterchildren(f"{_W}{name}"), None)


def _cell_width_cm(paragraph: etree._Element) -> float | None:
    cell = next(paragraph.iterancestors(f"{_W}tc"), None)
    properties = _first(cell, "tcPr") if cell is not None else None
    width = _first(properties, "tcW") if properties is not None else None
    if width is None or width.get(f"{_W}type") != "dxa":
        return None
    return int(width.get(f"{_W}w", "0")) / _TWIPS_CM


def _in_narrow_cell(paragraph: etree._Element) -> bool:
    width = _cell_width_cm(paragraph)
    return width is not None and width < NARROW_CELL_CM


def left_where_gaps_open(body: etree._Element, justified: Set[str]) -> None:
    """Set flush left every justified paragraph in capitals or in a narrow cell."""
    for paragraph in body.iter(f"{_W}p"):
        properties = _first(paragraph, "pPr")
        if properties is None:  # Normal: not justified
            continue
        style = _first(properties, "pStyle")
        own = _first(properties, "jc")
        if own is not None:
            if own.get(f"{_W}val") not in ("both", "distribute"):
                continue
        elif style is None or style.get(f"{_W}val") not in justified:
            continue
        text = "".join(t.text or "" for t in paragraph.iter(f"{_W}t"))
        if in_capitals(text) or (len(text) > 0 and _in_narrow_cell(paragraph)):
            child(properties, "jc").set(f"{_W}val", "left")
