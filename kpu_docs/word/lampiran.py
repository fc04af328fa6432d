"""A Lampiran's body in Word: titles, lettered sections, indented paragraphs, nested lists, tables.

The body is written as WordprocessingML text into the Lampiran template's `{{p isi }}`, in the
styles and list definitions of the document it becomes part of.
"""

from __future__ import annotations

import re

from typing import Callable

from kpu_docs.models import Keputusan
from kpu_docs.models.lampiran import (
    HIERARKI_PENOMORAN,
    Bagian,
    Blok,
    Butir,
    Daftar,
    DaftarMengingat,
    Judul,
    Paragraf,
    RincianNilai,
    TabelBlok,
    TabelKelompokBlok,
    penomoran_bawaan,
)
from kpu_docs.word import wordml
from kpu_docs.word.numbering import Lists
from kpu_docs.word.page import Sections
from kpu_docs.word.rincian_nilai import baris_nilai_xml, font
from kpu_docs.word.tables import tabel_kelompok_xml, tabel_xml
from kpu_docs.wording.konsiderans import mengingat_butir

HIERARCHY = HIERARKI_PENOMORAN
"""A label's place in the hierarchy is its list level in the template's numbering."""
STEP_CM = 0.75


def _indent_twips(steps: int) -> int:
    """`steps` indentation steps in twips, rounded as Word rounds centimetres."""
    return round(STEP_CM * steps * 360000 / 635)

_SECTION_END_SPACING = '<w:spacing w:after="0"/>'
_LINES_TOGETHER = '<w:spacing w:after="0"/>'
"""Between the label : value lines of one block; the last keeps the style's space after."""


def _keep_next(xml: str) -> str:
    """The paragraphs in `xml` with w:keepNext, in its place in w:pPr (right after w:pStyle)."""
    xml = xml.replace("<w:p/>", "<w:p><w:pPr><w:keepNext/></w:pPr></w:p>")
    return re.sub(r'(<w:pPr><w:pStyle w:val="[^"]*"/>)(?!<w:keepNext/>)', r"\1<w:keepNext/>", xml)


def _introduces(text: str) -> bool:
    """Whether a paragraph introduces what follows it ("... sebagai berikut:")."""
    return text.rstrip().endswith(":")


class BodyWriter:
    """Writes blocks as WordprocessingML text, numbering lists in the package being written."""

    def __init__(self, keputusan: Keputusan, style_id: Callable[[str], str], lists: Lists, sections: Sections):
        self.keputusan = keputusan
        self.style_id = style_id
        self.lists = lists
        self.sections = sections
        self.parts: list[str] = []
        self.heading_num: int | None = None

    def xml(self) -> str:
        return "".join(self.parts)

    def keep_end_with_next(self) -> None:
        """Keep the body's end on the page of what follows it (the Lampiran's signature): the
        last table row's paragraphs, or the last paragraph, keep with the next, so the signature
        never stands on a page of its own (Word and LibreOffice both keep a row with what follows
        when its paragraphs say so). A last row too tall to keep whole is not kept with the
        signature (kpu_docs.word.rows)."""
        if not self.parts:
            return
        last = self.parts[-1]
        if last.endswith("</w:tbl>"):
            start = last.rindex("<w:tr>")
            if "<w:cantSplit/>" in last[start:last.index(">", last.index("<w:tc>", start))]:
                self.parts[-1] = last[:start] + _keep_next(last[start:])
            # a tall row that may split is left as it is: LibreOffice keeps a whole row with
            # what follows when any paragraph of it says so, and would move it whole to the next
            # page, leaving most of this one blank
        elif last.endswith("</w:p>") and "<w:sectPr" not in last[last.rfind("<w:p>"):]:
            start = last.rindex("<w:p>")
            self.parts[-1] = last[:start] + _keep_next(last[start:])

    def write(self, blocks: list[Blok], depth: int = 0) -> None:
        for block in blocks:
            if isinstance(block, Judul):
                self._add(block.judul.upper(), "Judul Lampiran")
                self.heading_num = None
                depth = 0
            elif isinstance(block, Bagian):
                if self.heading_num is None:
                    self.heading_num = self.lists.new("Bagian Lampiran")
                self._add(block.bagian, "Bagian Lampiran", num=wordml.numbering(self.heading_num, 0))
                depth = 1
            elif isinstance(block, Paragraf):
                self._add(block.paragraf, "Isi Lampiran", ind=wordml.indent(left=_indent_twips(depth)) if depth else "",
                          keep=_introduces(block.paragraf))
            elif isinstance(block, Daftar):
                self._list(block.daftar, block.penomoran, depth)
            elif isinstance(block, RincianNilai):
                self.parts.append(baris_nilai_xml(
                    block.rincian_nilai, self.style_id("Isi Lampiran"), left_twips=_indent_twips(depth),
                    width_cm=self.sections.page.portrait_width_cm, spacing_between=_LINES_TOGETHER,
                    **font(self.keputusan)))
            elif isinstance(block, DaftarMengingat):
                items = [Butir(butir=t) for t in mengingat_butir(self.keputusan)]
                self._list(items, None, depth)
            elif isinstance(block, TabelBlok):
                self._table(block.tabel.lanskap, lambda width: tabel_xml(block.tabel, width, self.style_id))
            elif isinstance(block, TabelKelompokBlok):
                t = block.tabel_kelompok
                self._table(t.lanskap, lambda width: tabel_kelompok_xml(t, width, self.style_id))

    def _add(self, text: str, style: str, keep: bool = False, **properties: str) -> None:
        """A paragraph; `keep` keeps it on the page of the next (it introduces what follows)."""
        xml = wordml.paragraph(self.style_id(style), text, **properties)
        self.parts.append(_keep_next(xml) if keep else xml)

    def _list(self, items: list[Butir], penomoran: str | None, depth: int) -> None:
        label = penomoran or penomoran_bawaan(depth)
        num = self.lists.new("Bagian Lampiran")
        level = HIERARCHY.index(label)
        ind = wordml.indent(left=_indent_twips(depth + 1), hanging=_indent_twips(1))
        for item in items:
            # an item with text under it is a heading of that text ("1. Komponen Pengungkit")
            self._add(item.butir, "Butir Lampiran", num=wordml.numbering(num, level), ind=ind,
                      keep=bool(item.isi) or _introduces(item.butir))
            self.write(item.isi, depth + 1)

    def _table(self, landscape: bool, table: Callable[[float], str]) -> None:
        page = self.sections.page
        if not landscape:
            self.parts.append(table(page.portrait_width_cm))
            return
        self._end_section(self.sections.end())
        self.parts.append(table(page.landscape_width_cm))
        self._end_section(self.sections.end(landscape=True))

    def _end_section(self, sect_pr: str) -> None:
        """A paragraph carrying sectPr closes the section that holds everything since the last one."""
        self._add("", "Isi Lampiran", spacing=_SECTION_END_SPACING, sect=sect_pr)
