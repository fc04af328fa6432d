"""A Roman I told from the digit 1 by its shape on the page, where a number's month stands.

Indonesian numbering writes the month in Roman numerals ("Kep/001A/I/1997", "S.43/Lahta/I/1997"),
and Tesseract reads a typed or printed "I" as "1" there, since it reads the whole number as
digits. The two are drawn differently in every typeface a decree is typed in: the "I" has its
serifs (or none) on both sides of its stem at the top, the "1" has a flag to the left only. So the
glyph itself is looked at: a month part of only "1"s whose every glyph is symmetric at its top,
where the number's own digit 1s (its year, its serial) show their flag, is a Roman numeral. A
number with no other 1 asks more of the month's glyphs: serifs on both sides, not a bare stroke,
which a hand-written 1 may be. What the page does not show stays as read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PIL import Image, ImageOps

MONTH_OF_ONES = re.compile(r"(?<=/)(1{1,3})(?=/(?:19|20)\d\d\b)")
"""A month part of "1"s between two slashes before a year: what a Roman I, II or III reads as."""
_MARGIN = 20


@dataclass(frozen=True)
class Top:
    """How far a glyph's top reaches left and right of its stem, in pixels."""

    left: int
    right: int


def roman_month(crop: Image.Image, text: str) -> str | None:
    """The number `text` (read from the word image `crop`) with its month part of "1"s written
    as the Roman numeral its glyphs show, or None where they do not show one."""
    import numpy as np

    month = MONTH_OF_ONES.search(text)
    if month is None:
        return None
    page = ImageOps.expand(crop.convert("L"), border=_MARGIN, fill=255)
    glyphs = _glyphs(page)
    if "".join(ch for ch, _ in glyphs).replace("I", "1") != text:  # read apart otherwise: no glyph is sure
        return None
    ink = np.asarray(page) < 128
    tops = [_top(ink, box) if ch in "1I" else None for ch, box in glyphs]
    inside = range(month.start(1), month.end(1))
    ones = [tops[k] for k in inside]
    digits = [t for k, t in enumerate(tops) if t is not None and k not in inside]
    if any(t is None or not _symmetric(t) for t in ones):
        return None
    if digits and not all(_flagged(t) for t in digits):  # this print does not tell its 1 from its I
        return None
    if not digits and not all(t.left >= 2 and t.right >= 0.75 * t.left for t in ones if t):
        return None
    return text[:month.start(1)] + "I" * len(month[1]) + text[month.end(1):]


def _glyphs(page: Image.Image) -> list[tuple[str, tuple[int, int, int, int]]]:
    """Tesseract's characters of a one-line word image, each with its box (left, top, right,
    bottom) in the image."""
    import pytesseract

    from kpu_docs.importing.ocr import LANG

    out = []
    for row in pytesseract.image_to_boxes(page, lang=LANG, config="--psm 7").splitlines():
        parts = row.split(" ")
        if len(parts) < 5:
            continue
        x0, y0, x1, y1 = (int(v) for v in parts[1:5])
        out.append((parts[0], (x0, page.height - y1, x1, page.height - y0)))
    return out


def _top(ink, box: tuple[int, int, int, int]) -> Top | None:
    """The reach of a glyph's top quarter beyond its stem (the columns inked over most of its height)."""
    import numpy as np

    x0, y0, x1, y1 = box
    glyph = ink[y0:y1, x0:x1]
    height, width = glyph.shape
    if height < 8 or width < 2:
        return None
    columns = glyph.sum(axis=0)
    stem = np.flatnonzero(columns >= 0.6 * height)
    if stem.size == 0:
        return None
    top = np.flatnonzero(glyph[:max(2, height // 4)].any(axis=0))
    if top.size == 0:
        return None
    return Top(int(stem.min() - top.min()), int(top.max() - stem.max()))


def _symmetric(top: Top) -> bool:
    """A top reaching as far right as left (an I's serifs; a sans-serif I reaches neither way)."""
    return top.right >= 0.6 * top.left if top.left else top.right == 0


def _flagged(top: Top) -> bool:
    """A top reaching left only: a 1's flag."""
    return top.left >= 2 and top.right <= 0.25 * top.left
