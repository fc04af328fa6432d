"""Paper and type settings applied to a rendered document: F4 or A4, the chosen font and size."""

from __future__ import annotations

from docx.document import Document
from docx.oxml.ns import qn

from kpu_docs.models import Pengaturan

PAPER_MM = {"F4": (215, 330), "A4": (210, 297)}


def _twips(mm: float) -> str:
    return str(int(round(mm / 10 * 567)))


def apply_paper(document: Document, kertas: str) -> None:
    """Every section gets the paper size, keeping its orientation (landscape swaps the sides)."""
    width, height = PAPER_MM[kertas]
    for sect in document.element.body.iter(qn("w:sectPr")):
        pg = sect.find(qn("w:pgSz"))
        landscape = pg.get(qn("w:orient")) == "landscape"
        pg.set(qn("w:w"), _twips(height if landscape else width))
        pg.set(qn("w:h"), _twips(width if landscape else height))


def apply_font(document: Document, family: str | None, size_pt: float | None) -> None:
    """The font lives in Normal and the document defaults; every decree style inherits it.
    None keeps what the template says."""
    targets = [document.styles["Normal"].element.get_or_add_rPr()]
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None:
            targets.append(rpr)
    for rpr in targets:
        if family:
            fonts = rpr.get_or_add_rFonts()  # python-docx inserts in schema order
            for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
                fonts.attrib.pop(qn(attr), None)
            for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                fonts.set(qn(attr), family)
        if size_pt:
            half_points = str(int(round(size_pt * 2)))
            sz = rpr.get_or_add_sz()
            sz.set(qn("w:val"), half_points)
            sz_cs = rpr.find(qn("w:szCs"))
            if sz_cs is None:
                sz_cs = rpr.makeelement(qn("w:szCs"), {})
                sz.addnext(sz_cs)  # szCs follows sz
            sz_cs.set(qn("w:val"), half_points)


def apply_settings(document: Document, pengaturan: Pengaturan) -> None:
    """Paper, font and size from the decree's settings, where it gives them."""
    if pengaturan.kertas:
        apply_paper(document, pengaturan.kertas)
    apply_font(document, pengaturan.huruf, pengaturan.ukuran_huruf)
