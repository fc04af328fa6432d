"""A Lampiran's body in Word: titles, lettered sections, indented paragraphs, nested lists, tables."""

from __future__ import annotations

from copy import deepcopy

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm

from kpu_docs.models import Keputusan
from kpu_docs.models.lampiran import (
    HIERARKI_PENOMORAN,
    penomoran_bawaan,
    Bagian,
    Blok,
    Butir,
    Daftar,
    DaftarMengingat,
    Judul,
    Paragraf,
    TabelBlok,
    TabelKelompokBlok,
)
from kpu_docs.word import numbering
from kpu_docs.word.styles import StyleIds
from kpu_docs.word.tables import add_tabel, add_tabel_kelompok
from kpu_docs.wording import kutipan_daftar

HIERARCHY = HIERARKI_PENOMORAN
"""A label's place in the hierarchy is its list level in the template's numbering."""
STEP_CM = 0.75


class BodyWriter:
    """Writes blocks into a docxtpl Subdoc (or any python-docx container sharing the template's parts)."""

    def __init__(self, subdoc, keputusan: Keputusan, text_width_cm: float, section_xml):
        self.doc = subdoc
        self.keputusan = keputusan
        self.text_width_cm = text_width_cm
        self.section_xml = section_xml
        document = subdoc.subdocx if hasattr(subdoc, "subdocx") else subdoc
        self.document = document
        self.styles = StyleIds(document)
        self.list_abstract = numbering.abstract_of_style(document, "Bagian Lampiran")
        self.heading_num: int | None = None

    def write(self, blocks: list[Blok], depth: int = 0) -> None:
        for block in blocks:
            if isinstance(block, Judul):
                self.styles.add(self.doc, block.judul.upper(), "Judul Lampiran")
                self.heading_num = None
                depth = 0
            elif isinstance(block, Bagian):
                if self.heading_num is None:
                    self.heading_num = numbering.new_list(self.document, self.list_abstract)
                p = self.styles.add(self.doc, block.bagian, "Bagian Lampiran")
                numbering.set_number(p, self.heading_num, 0)
                depth = 1
            elif isinstance(block, Paragraf):
                self._paragraph(block.paragraf, depth)
            elif isinstance(block, Daftar):
                self._list(block.daftar, block.penomoran, depth)
            elif isinstance(block, DaftarMengingat):
                items = [Butir(butir=t) for t in kutipan_daftar(self.keputusan.mengingat)]
                self._list(items, None, depth)
            elif isinstance(block, TabelBlok):
                self._table(block.tabel.lanskap, lambda width: add_tabel(self.doc, block.tabel, width, self.styles))
            elif isinstance(block, TabelKelompokBlok):
                t = block.tabel_kelompok
                self._table(t.lanskap, lambda width: add_tabel_kelompok(self.doc, t, width, self.styles))

    def _paragraph(self, text: str, depth: int) -> None:
        p = self.styles.add(self.doc, text, "Isi Lampiran")
        if depth:
            p.paragraph_format.left_indent = Cm(STEP_CM * depth)

    def _list(self, items: list[Butir], penomoran: str | None, depth: int) -> None:
        label = penomoran or penomoran_bawaan(depth)
        num = numbering.new_list(self.document, self.list_abstract)
        for item in items:
            p = self.styles.add(self.doc, item.butir, "Butir Lampiran")
            numbering.set_number(p, num, HIERARCHY.index(label))
            p.paragraph_format.left_indent = Cm(STEP_CM * (depth + 1))
            p.paragraph_format.first_line_indent = Cm(-STEP_CM)
            self.write(item.isi, depth + 1)

    def _table(self, landscape: bool, add) -> None:
        if not landscape:
            add(self.text_width_cm)
            return
        portrait = deepcopy(self.section_xml)
        self._end_section(portrait)
        landscape_sect = _landscape(self.section_xml)
        width = text_width_cm(landscape_sect)
        add(width)
        self._end_section(landscape_sect)

    def _end_section(self, sect_pr) -> None:
        """A paragraph carrying sectPr closes the section that holds everything since the last one."""
        p = self.styles.add(self.doc, "", "Isi Lampiran")
        p.paragraph_format.space_after = 0
        p._p.get_or_add_pPr().append(deepcopy(sect_pr))


def _landscape(sect_pr):
    sect = deepcopy(sect_pr)
    pg = sect.find(qn("w:pgSz"))
    w, h = pg.get(qn("w:w")), pg.get(qn("w:h"))
    pg.set(qn("w:w"), h)
    pg.set(qn("w:h"), w)
    pg.set(qn("w:orient"), "landscape")
    for child in sect.findall(qn("w:type")):
        sect.remove(child)
    sect.insert(0, parse_xml(f'<w:type {nsdecls("w")} w:val="nextPage"/>'))
    return sect


def text_width_cm(sect_pr) -> float:
    """Width between the margins of a section, in cm."""
    pg, mar = sect_pr.find(qn("w:pgSz")), sect_pr.find(qn("w:pgMar"))
    twips = int(pg.get(qn("w:w"))) - int(mar.get(qn("w:left"))) - int(mar.get(qn("w:right")))
    return twips / 567
