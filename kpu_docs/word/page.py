"""Paper and type: the page geometry and font a decree is printed with.

Both are worked out once per template and setting, not per decree: the section properties for
portrait and landscape pages of the chosen paper (with the width between the margins, so tables
are sized for the paper actually used), and styles.xml with the chosen font in Normal.
"""

from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass

from lxml import etree

from kpu_docs.word.prepared import Prepared, TemplateProblem
from kpu_docs.word.watermark import reference_missing_headers
from kpu_docs.word.wordml import W_NS, child, twips

PAPER_MM = {"F4": (215, 330), "A4": (210, 297), "Legal": (216, 356)}
"""Short and long side of each paper, in mm."""
_W = f"{{{W_NS}}}"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_XMLNS = re.compile(r' xmlns:\w+="[^"]*"')


def _xml(element: etree._Element) -> str:
    """An element of document.xml as text to splice in; the root already declares its prefixes."""
    return _XMLNS.sub("", etree.tostring(element, encoding="unicode"))


def _part(sect: etree._Element, tag: str) -> etree._Element:
    """A child of the template's final w:sectPr that the page geometry needs (w:pgSz, w:pgMar)."""
    found = sect.find(f"{_W}{tag}")
    if found is None:
        raise TemplateProblem(f"templat: pengaturan halaman tanpa w:{tag}")
    return found


def _length(element: etree._Element, attribute: str) -> str:
    """A length attribute of w:pgSz or w:pgMar, in twips as written."""
    value = element.get(f"{_W}{attribute}")
    if value is None:
        where = etree.QName(element).localname
        raise TemplateProblem(f"templat: w:{where} pada pengaturan halaman tanpa atribut w:{attribute}")
    return value


def _text_width_cm(sect: etree._Element) -> float:
    pg, mar = _part(sect, "pgSz"), _part(sect, "pgMar")
    twips = int(_length(pg, "w")) - int(_length(mar, "left")) - int(_length(mar, "right"))
    return twips / 567


@dataclass(frozen=True)
class Geometry:
    """Section properties of a template on one paper, and the text width they leave.

    `first` is the first section's: a decree's first page carries no page number (w:titlePg);
    every later section (around a landscape table) numbers all its pages.
    """

    first: str
    portrait: str
    landscape: str
    portrait_width_cm: float
    landscape_width_cm: float


class Sections:
    """The sections of one document as they are written: only the first is the decree's first page."""

    def __init__(self, page: Geometry):
        self.page = page
        self.started = False

    def end(self, landscape: bool = False) -> str:
        """sectPr closing the next section."""
        first = not self.started
        self.started = True
        if landscape:
            return self.page.landscape
        return self.page.first if first else self.page.portrait


def _set_paper(sect: etree._Element, kertas: str | None, landscape: bool) -> None:
    pg = _part(sect, "pgSz")
    if kertas:
        short, long = (str(twips(mm / 10)) for mm in PAPER_MM[kertas])
    else:
        short, long = sorted((_length(pg, "w"), _length(pg, "h")), key=int)
    pg.set(f"{_W}w", long if landscape else short)
    pg.set(f"{_W}h", short if landscape else long)
    if landscape:
        pg.set(f"{_W}orient", "landscape")
    else:
        pg.attrib.pop(f"{_W}orient", None)


def _starts_new_page(sect: etree._Element) -> None:
    """w:type nextPage, in its place after the header and footer references."""
    for old in sect.findall(f"{_W}type"):
        sect.remove(old)
    kind = etree.Element(f"{_W}type")
    kind.set(f"{_W}val", "nextPage")
    _part(sect, "pgSz").addprevious(kind)


def _number_at_bottom(sect: etree._Element, template: Prepared) -> None:
    """Every page numbered by the template's footer, no header number, page 1 too."""
    footers = [rid for rid, kind in template.relationships.items() if kind == "footer"]
    if not footers:
        raise TemplateProblem(f"{template.path.name}: templat tanpa footer untuk nomor_halaman: bawah")
    for reference in sect.findall(f"{_W}headerReference") + sect.findall(f"{_W}footerReference") + sect.findall(f"{_W}titlePg"):
        sect.remove(reference)
    footer = etree.Element(f"{_W}footerReference")
    footer.set(f"{_W}type", "default")
    footer.set(f"{{{_R_NS}}}id", footers[0])
    sect.insert(0, footer)


def _without_first_page(sect: etree._Element) -> etree._Element:
    sect = copy.deepcopy(sect)
    for title_page in sect.findall(f"{_W}titlePg"):
        sect.remove(title_page)
    return sect


def _own_footer(sect: etree._Element, relationship_id: str) -> None:
    """Every page's footer, the first page's too, is the part with `relationship_id`."""
    for reference in sect.findall(f"{_W}footerReference"):
        sect.remove(reference)
    headers = sect.findall(f"{_W}headerReference")
    at = sect.index(headers[-1]) + 1 if headers else 0
    for kind in ("first", "default"):
        footer = etree.Element(f"{_W}footerReference")
        footer.set(f"{_W}type", kind)
        footer.set(f"{{{_R_NS}}}id", relationship_id)
        sect.insert(at, footer)


@functools.lru_cache(maxsize=64)
def geometry(template: Prepared, kertas: str | None, nomor_halaman: str | None = None,
             footer: str | None = None, draf: bool = False) -> Geometry:
    """The template's final section on `kertas` (None: as the template has it), both ways round,
    with page numbers at the top from page 2 or (nomor_halaman "bawah") at the bottom of every page,
    (`footer`, a relationship id) a footer of the renderer's own on every page, and (`draf`) a
    header on every page, to carry the DRAF watermark (kpu_docs.word.watermark)."""
    first = copy.deepcopy(template.sect_pr)
    if nomor_halaman == "bawah":
        _number_at_bottom(first, template)
    if footer:
        _own_footer(first, footer)
    if draf:
        reference_missing_headers(first)
    _set_paper(first, kertas, landscape=False)
    portrait = _without_first_page(first)
    landscape = _without_first_page(first)
    _set_paper(landscape, kertas, landscape=True)
    _starts_new_page(landscape)
    return Geometry(_xml(first), _xml(portrait), _xml(landscape), _text_width_cm(portrait), _text_width_cm(landscape))


def _normal(styles: etree._Element) -> etree._Element:
    for style in styles.iter(f"{_W}style"):
        name = style.find(f"{_W}name")
        if name is not None and name.get(f"{_W}val") == "Normal":
            return style
    raise TemplateProblem("templat tanpa gaya Normal")


def _run_properties(styles: etree._Element) -> list[etree._Element]:
    """Normal's rPr and the document defaults' rPr: where a font set for the whole decree lives."""
    normal = _normal(styles)
    rpr = normal.find(f"{_W}rPr")
    if rpr is None:
        rpr = etree.SubElement(normal, f"{_W}rPr")
    targets = [rpr]
    defaults = styles.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
    if defaults is not None:
        targets.append(defaults)
    return targets


@functools.lru_cache(maxsize=64)
def styles_xml(styles: etree._Element, family: str | None, size_pt: float | None) -> bytes | None:
    """styles.xml with the font family and size in Normal and the defaults; None if unchanged."""
    if not family and not size_pt:
        return None
    styles = copy.deepcopy(styles)
    for rpr in _run_properties(styles):
        if family:
            fonts = child(rpr, "rFonts")
            for attr in ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme"):
                fonts.attrib.pop(f"{_W}{attr}", None)
            for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
                fonts.set(f"{_W}{attr}", family)
        if size_pt:
            half_points = str(int(round(size_pt * 2)))
            child(rpr, "sz").set(f"{_W}val", half_points)
            child(rpr, "szCs").set(f"{_W}val", half_points)
    return etree.tostring(styles, xml_declaration=True, encoding="UTF-8", standalone=True)
