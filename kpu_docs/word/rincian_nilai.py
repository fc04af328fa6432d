""""label : value" lines in Word: the colons one under another, set by tab stops, not spaces.

Each line is one paragraph "label<tab>:<tab>value" with two left tab stops, the colon's and the
value's, and a hanging indent at the value's stop, so a value that wraps stays in its column.
The colon's stop is placed just past the longest label of the run of lines, measured with the
font's character widths (generously: a label a little shorter than its estimate moves the
colons a little right; one longer would push its colon out of line).
"""

from __future__ import annotations

import functools
import math
import re
from typing import Callable

from markupsafe import Markup

from kpu_docs.models import Keputusan
from kpu_docs.models.diktum import BarisNilai
from kpu_docs.word import wordml
from kpu_docs.word.prepared import Prepared, TemplateProblem

GAP_CM = 0.3
"""Room between the longest label and the colon."""
COLON_CM = 0.5
"""From the colon's stop to the value's, as the decree's own label : text columns."""
STEP_CM = 0.25
"""The colon's stop is rounded up to a quarter centimetre, so runs of lines line up when alike."""
LAST_VALUE_CM = 5.0
"""Room always left to the value: a very long label never pushes the colon further than this."""

# Helvetica's advance widths (Arial and Liberation Sans share them), in 1/1000 em, for ASCII
_WIDTHS = dict(zip(
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
    [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, *[556] * 10, 278, 278,
     584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667,
     778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556,
     278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500,
     334, 260, 334, 584],
))
_OTHER = 722  # a character outside ASCII: as wide as a wide capital
_FAMILY_FACTOR = {"arial": 1.0, "liberation sans": 1.0, "helvetica": 1.0, "calibri": 0.92, "times new roman": 0.92,
                  "cambria": 1.0, "tahoma": 1.05, "bookman old style": 1.2, "century gothic": 1.2, "verdana": 1.2}
_UNKNOWN_FAMILY = 1.2
"""A font not listed: assume a wide one."""
MARGIN = 1.1
"""Estimates run 10% wide: the text is never wider than measured."""


def text_width_cm(text: str, size_pt: float = 12.0, family: str | None = None) -> float:
    """The printed width of `text` (its longest line), estimated from the font's widths."""
    factor = _FAMILY_FACTOR.get(family.casefold(), _UNKNOWN_FAMILY) if family else 1.0
    em_cm = size_pt / 72 * 2.54
    widest = max(sum(_WIDTHS.get(ch, _OTHER) for ch in line) for line in text.split("\n"))
    return widest / 1000 * em_cm * factor * MARGIN


def stops_twips(labels: list[str], *, left_twips: int = 0, size_pt: float = 12.0, family: str | None = None,
                width_cm: float | None = None) -> tuple[int, int]:
    """(colon, value) tab stop positions for lines with these labels, starting `left_twips` in."""
    colon_cm = math.ceil((max(text_width_cm(label, size_pt, family) for label in labels) + GAP_CM) / STEP_CM) * STEP_CM
    if width_cm is not None:
        most = width_cm - left_twips / wordml.CM_TWIPS - COLON_CM - LAST_VALUE_CM
        colon_cm = max(min(colon_cm, most), STEP_CM)
    colon = left_twips + wordml.twips(colon_cm)
    return colon, colon + wordml.twips(COLON_CM)


def tab_stops(*positions: int) -> str:
    """w:tabs: left-aligned tab stops at `positions` (twips from the text's left edge)."""
    stops = "".join(f'<w:tab w:val="left" w:pos="{pos}"/>' for pos in positions)
    return f"<w:tabs>{stops}</w:tabs>"


def baris_nilai_xml(lines: list[BarisNilai], style_id: str, *, left_twips: int = 0, size_pt: float = 12.0,
                    family: str | None = None, width_cm: float | None = None, spacing_between: str = "") -> str:
    """The lines as paragraphs in the style `style_id`, their colons aligned; `spacing_between`
    (a w:spacing) goes on every line but the last, which keeps the style's spacing after."""
    if not lines:
        return ""
    colon, value = stops_twips([line.label for line in lines], left_twips=left_twips, size_pt=size_pt,
                               family=family, width_cm=width_cm)
    tabs, ind = tab_stops(colon, value), wordml.indent(left=value, hanging=value - left_twips)
    return "".join(
        wordml.paragraph(style_id, (line.label, "\t:\t", line.nilai), tabs=tabs, ind=ind,
                         spacing=spacing_between if i < len(lines) else "")
        for i, line in enumerate(lines, start=1)
    )


def font(keputusan: Keputusan) -> dict:
    """The size and family the lines are measured in: the settings', or the shipped templates'
    (Arial 12)."""
    return {"size_pt": keputusan.pengaturan.ukuran_huruf or 12.0, "family": keputusan.pengaturan.huruf}


DIKTUM_TAG = "{{p d.rincian_nilai }}"
"""What keputusan.docx holds in the diktum's text column, after {{ d.isi }}, to print the lines."""


@functools.lru_cache(maxsize=16)
def _prints_diktum_lines(template: Prepared) -> bool:
    """Whether the template's text mentions d.rincian_nilai (its tags may be split across runs)."""
    text = re.sub(r"<[^>]+>", "", template.members["word/document.xml"].decode("utf-8"))
    return "d.rincian_nilai" in text


def diktum_nilai(context: dict, keputusan: Keputusan, style_id: Callable[[str], str],
                 template: Prepared | None = None) -> None:
    """Put each diktum's label : value lines into the template context as paragraphs in the
    Isi Diktum style, for the template's `{{p d.rincian_nilai }}` in the diktum's text column.

    A decree with such lines and a `template` that does not print them is refused: the lines
    are never dropped silently (a restyled template from before this form needs the paragraph).
    """
    measure = font(keputusan)
    if template is not None and any(d.rincian_nilai for d in keputusan.diktum) and not _prints_diktum_lines(template):
        raise TemplateProblem(
            f"{template.path.name}: templat tidak mencetak rincian_nilai diktum; tambahkan paragraf "
            f"{DIKTUM_TAG} bergaya Isi Diktum sesudah {{{{ d.isi }}}} pada kolom isi diktum"
        )
    for item, diktum in zip(context["diktum"], keputusan.diktum):
        xml = baris_nilai_xml(diktum.rincian_nilai, style_id("Isi Diktum"), **measure) if diktum.rincian_nilai else ""
        item["rincian_nilai"] = Markup(xml)
