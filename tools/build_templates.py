"""Build templates/keputusan.docx and templates/lampiran.docx: styles, numbering and docxtpl tags.

The templates are ordinary Word files a secretariat may open and restyle; this script is how the
project made them, so that every style and list definition is written down and reviewable.
Run: python tools/build_templates.py
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

from kpu_docs.word.wordml import child

ROOT = Path(__file__).resolve().parents[1]
TEXT_WIDTH_CM = 16.0  # fits F4 and A4 with left 3 cm, right 2 cm
LABEL_CM, COLON_CM = 3.5, 0.5
HANG_CM = 0.75
HALF_CM = 8.0

# Lists: name -> [(format, text) per level]. Each list style gets its own abstract list and num.
LISTS = {
    "menimbang": [("lowerLetter", "%1.")],
    "mengingat": [("decimal", "%1.")],
    "memperhatikan": [("decimal", "%1.")],
    "diktum_huruf": [("lowerLetter", "%1.")],
    "diktum_angka": [("decimal", "%1.")],
    "tembusan": [("decimal", "%1.")],
    "salinan_kepada": [("decimal", "%1.")],
    "lampiran": [
        ("upperLetter", "%1."),
        ("decimal", "%2."),
        ("lowerLetter", "%3."),
        ("decimal", "%4)"),
        ("lowerLetter", "%5)"),
        ("decimal", "(%6)"),
    ],
}


def twips(cm: float) -> int:
    return int(round(cm * 567))


def add_numbering(doc: Document) -> dict[str, int]:
    """Write one abstractNum and one num per list; return the num id of each list name."""
    numbering = doc.part.numbering_part.element
    # python-docx's blank document already defines lists (for "List Number" and friends): go above them
    first_abstract = 1 + max((int(v) for v in numbering.xpath("./w:abstractNum/@w:abstractNumId")), default=0)
    first_num = 1 + max((int(v) for v in numbering.xpath("./w:num/@w:numId")), default=0)
    nums = {}
    for offset, (name, levels) in enumerate(LISTS.items()):
        aid = first_abstract + offset
        lvls = []
        for ilvl, (fmt, text) in enumerate(levels):
            left = twips(HANG_CM * (ilvl + 1))
            lvls.append(
                f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{left}"/></w:tabs>'
                f'<w:ind w:left="{left}" w:hanging="{twips(HANG_CM)}"/></w:pPr></w:lvl>'
            )
        numbering.append(
            parse_xml(
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}">'
                f'<w:nsid w:val="{0x4B500000 + aid:08X}"/>'
                f'<w:multiLevelType w:val="{"multilevel" if len(levels) > 1 else "singleLevel"}"/>'
                f'<w:name w:val="kpu-{name}"/>' + "".join(lvls) + "</w:abstractNum>"
            )
        )
    for offset, name in enumerate(LISTS):
        num_id, aid = first_num + offset, first_abstract + offset
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{aid}"/></w:num>'))
        nums[name] = num_id
    # abstractNums must precede nums in numbering.xml
    for num in numbering.findall(qn("w:num")):
        numbering.remove(num)
        numbering.append(num)
    return nums


def paragraph_style(doc, name, *, base="Normal", align=None, bold=False, caps=False, left=None,
                    hanging=None, before=0, after=0, keep_next=False, num=None, ilvl=0, size=None):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles[base]
    style.quick_style = True
    pf = style.paragraph_format
    if align is not None:
        pf.alignment = align
    if left is not None:
        pf.left_indent = Cm(left)
    if hanging is not None:
        pf.first_line_indent = Cm(-hanging)
    pf.space_before, pf.space_after = Pt(before), Pt(after)
    pf.keep_with_next = keep_next or None
    style.font.bold = bold or None
    style.font.all_caps = caps or None
    if size:
        style.font.size = Pt(size)
    if num is not None:
        num_pr = style.element.get_or_add_pPr().get_or_add_numPr()  # python-docx keeps schema order
        num_pr.get_or_add_ilvl().val = ilvl
        num_pr.get_or_add_numId().val = num
    return style


def base_styles(doc: Document) -> None:
    """Font, size and spacing for the whole document live in Normal: change them in one place."""
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(12)
    rpr = normal.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), "Arial")
    pf = normal.paragraph_format
    pf.space_before, pf.space_after = Pt(0), Pt(0)
    pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    pf.widow_control = True
    rpr.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="id-ID" w:eastAsia="id-ID" w:bidi="ar-SA"/>'))  # last child of rPr
    # docDefaults as well, so text outside any style follows too (edited in place: element order matters)
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    drpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = drpr.get_or_add_rFonts()
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), "Arial")
    drpr.get_or_add_sz().val = Pt(12)
    for lang_el in drpr.findall(qn("w:lang")):
        lang_el.set(qn("w:val"), "id-ID")
    # python-docx's built-in styles (Heading 1, Title, ...) name theme fonts of their own: drop
    # them, so that the font set in Normal is the font of every style
    for style in doc.styles:
        if style.name != "Normal":
            rpr = style.element.find(qn("w:rPr"))
            fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
            if fonts is not None:
                rpr.remove(fonts)


J, C, L = WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT


def decree_styles(doc: Document, nums: dict[str, int]) -> None:
    """Every part of a decree has its own named style (Word's Styles pane restyles it).

    No style capitalises: the capitals of the title block, the positions and the Lampiran heading
    come from the text (kpu_docs.wording and the context), so a number such as
    314/ORT.07-Kpt/01/KPU/V/2021, "a.n." or a name with its degrees prints as given. Only the
    table header, which holds no number, is in a capitals style.
    """
    paragraph_style(doc, "Tanda Salinan", bold=True, after=12)
    paragraph_style(doc, "Logo", align=C, after=6)
    paragraph_style(doc, "Kop", align=C, bold=True)
    paragraph_style(doc, "Alamat Kop", align=C, size=10)
    rule = paragraph_style(doc, "Garis Kop", after=12, size=4)  # the rule under the letterhead
    child(rule.element.get_or_add_pPr(), "pBdr").append(
        parse_xml(f'<w:bottom {nsdecls("w")} w:val="thickThinSmallGap" w:sz="24" w:space="1" w:color="000000"/>'))
    paragraph_style(doc, "Judul Keputusan", align=C, bold=True, keep_next=True)
    paragraph_style(doc, "Pembukaan", align=C, bold=True, before=12, keep_next=True)
    paragraph_style(doc, "Jabatan Penetap", align=C, bold=True, before=12, after=12, keep_next=True)
    paragraph_style(doc, "Label", align=L)
    paragraph_style(doc, "Isi Konsiderans", align=J)
    paragraph_style(doc, "Butir Menimbang", base="Isi Konsiderans", left=HANG_CM, hanging=HANG_CM, num=nums["menimbang"])
    paragraph_style(doc, "Butir Mengingat", base="Isi Konsiderans", left=HANG_CM, hanging=HANG_CM, num=nums["mengingat"])
    paragraph_style(doc, "Butir Memperhatikan", base="Isi Konsiderans", left=HANG_CM, hanging=HANG_CM, num=nums["memperhatikan"])
    paragraph_style(doc, "Memutuskan", align=C, bold=True, before=12, after=12, keep_next=True)
    paragraph_style(doc, "Isi Diktum", base="Isi Konsiderans")
    paragraph_style(doc, "Butir Diktum", base="Isi Konsiderans", left=HANG_CM, hanging=HANG_CM, num=nums["diktum_huruf"])
    paragraph_style(doc, "Butir Diktum Angka", base="Isi Konsiderans", left=HANG_CM, hanging=HANG_CM, num=nums["diktum_angka"])
    paragraph_style(doc, "Penutup", left=HALF_CM, keep_next=True)
    paragraph_style(doc, "Jabatan Penandatangan", base="Penutup")
    paragraph_style(doc, "Ruang Tanda Tangan", base="Penutup", before=6, after=6)
    paragraph_style(doc, "Nama Penandatangan", base="Penutup", bold=True)
    salinan = paragraph_style(doc, "Salinan", keep_next=True)
    salinan.paragraph_format.right_indent = Cm(TEXT_WIDTH_CM - HALF_CM)  # bottom left, the left half
    paragraph_style(doc, "Nama Pengesah Salinan", base="Salinan", keep_next=False)
    paragraph_style(doc, "Salinan Kepada", base="Isi Konsiderans", before=12, keep_next=True)
    paragraph_style(doc, "Butir Salinan Kepada", base="Isi Konsiderans", left=HANG_CM, hanging=HANG_CM,
                    num=nums["salinan_kepada"], keep_next=True)
    paragraph_style(doc, "Tembusan", keep_next=True)
    paraf = paragraph_style(doc, "Paraf Koordinasi", bold=True, before=12, after=3, keep_next=True)
    paraf.paragraph_format.right_indent = Cm(TEXT_WIDTH_CM - HALF_CM)  # bottom left, under the signature
    paragraph_style(doc, "Isi Paraf", size=10, keep_next=True)
    paragraph_style(doc, "Butir Tembusan", left=HANG_CM, hanging=HANG_CM, num=nums["tembusan"])
    # Lampiran
    paragraph_style(doc, "Kepala Lampiran", left=HALF_CM, keep_next=True)
    paragraph_style(doc, "Judul Lampiran", align=C, bold=True, before=12, after=12, keep_next=True)
    paragraph_style(doc, "Bagian Lampiran", bold=True, before=12, after=6, keep_next=True, left=HANG_CM,
                    hanging=HANG_CM, num=nums["lampiran"], ilvl=0)
    paragraph_style(doc, "Isi Lampiran", align=J, after=6)
    paragraph_style(doc, "Butir Lampiran", align=J, after=3)
    paragraph_style(doc, "Kepala Tabel", align=C, bold=True, caps=True)
    paragraph_style(doc, "Isi Tabel", align=L, size=11)
    table_styles(doc)
    character_styles(doc)


def table_styles(doc: Document) -> None:
    """Borderless layout table for the konsiderans; gridded table for Lampiran data."""
    for name, borders in (("Tabel Konsiderans", "nil"), ("Tabel Lampiran", "single")):
        style = doc.styles.add_style(name, WD_STYLE_TYPE.TABLE)
        style.base_style = doc.styles["Normal Table"]
        edges = "".join(
            f'<w:{e} w:val="{borders}" w:sz="4" w:space="0" w:color="000000"/>'
            for e in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        style.element.append(
            parse_xml(
                f'<w:tblPr {nsdecls("w")}><w:tblBorders>{edges}</w:tblBorders>'
                f'<w:tblCellMar><w:left w:w="{57 if borders == "nil" else 85}" w:type="dxa"/>'
                f'<w:bottom w:w="{113 if borders == "nil" else 0}" w:type="dxa"/>'
                f'<w:right w:w="{57 if borders == "nil" else 85}" w:type="dxa"/></w:tblCellMar></w:tblPr>'
            )
        )


def character_styles(doc: Document) -> None:
    style = doc.styles.add_style("Tebal", WD_STYLE_TYPE.CHARACTER)
    style.font.bold = True


def _page_field(paragraph, before: str = "", after: str = "") -> None:
    """A PAGE field (the page's number, kept current by Word) between two texts."""
    if before:
        paragraph.add_run(before)
    run = paragraph.add_run()
    for xml in (
        f'<w:fldChar {nsdecls("w")} w:fldCharType="begin"/>',
        f'<w:instrText {nsdecls("w")} xml:space="preserve"> PAGE </w:instrText>',
        f'<w:fldChar {nsdecls("w")} w:fldCharType="separate"/>',
        f'<w:t {nsdecls("w")}>2</w:t>',
        f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>',
    ):
        run._r.append(parse_xml(xml))
    if after:
        paragraph.add_run(after)


def page_setup(doc: Document) -> None:
    """F4 portrait with the Tata Naskah Dinas margins and page numbers: none on page 1, from page 2
    centred at the top as "- 2 -". A footer numbering every page at the bottom is in the package
    too, unreferenced, for the setting nomor_halaman: bawah."""
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.5), Cm(33.0)
    section.left_margin, section.right_margin = Cm(3.0), Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(2.51), Cm(2.51)  # 2.5 cm survives rounding to twips
    section.header_distance = section.footer_distance = Cm(1.25)
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(header, "- ", " -")
    section.first_page_header.is_linked_to_previous = False  # an empty header on page 1
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(footer)
    sect = section._sectPr
    for reference in sect.findall(qn("w:footerReference")):
        sect.remove(reference)


def new_document() -> tuple[Document, dict[str, int]]:
    doc = Document()
    doc.core_properties.author = "kpu-docs"
    base_styles(doc)
    nums = add_numbering(doc)
    decree_styles(doc, nums)
    page_setup(doc)
    return doc, nums


def para(container, text: str, style: str):
    return container.add_paragraph(text, style=style)


def layout_table(doc: Document, rows: int, widths: tuple[float, ...] = (LABEL_CM, COLON_CM, TEXT_WIDTH_CM - LABEL_CM - COLON_CM)):
    """A borderless table that lays text out in columns (label : text; logo | letterhead)."""
    table = doc.add_table(rows=rows, cols=len(widths))
    table.style = doc.styles["Tabel Konsiderans"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(twips(width)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Cm(width)
    return table


def fill(cell, lines: list[tuple[str, str]]) -> None:
    """Replace the cell's single empty paragraph with the given (text, style) paragraphs."""
    first = cell.paragraphs[0]
    first.text, first.style = lines[0][0], cell.part.document.styles[lines[0][1]]
    for text, style in lines[1:]:
        cell.add_paragraph(text, style=style)


def signature() -> list[tuple[str, str]]:
    """The signature block as (text, style) paragraphs: the lines above the space (a.n., u.b.,
    Plt., the position: kpu_docs.wording.blok_tanda_tangan), the space or "ttd", the name, and the
    lines under it (rank, NIP)."""
    return [
        ("{%p for baris in penandatangan.atas %}", "Penutup"),
        ("{{ baris }}", "Jabatan Penandatangan"),
        ("{%p endfor %}", "Penutup"),
        ("{%p if qr %}", "Penutup"),
        ("{{ qr }}", "Ruang Tanda Tangan"),
        ("{%p elif tanda_tangan %}", "Penutup"),
        ("{{ tanda_tangan }}", "Ruang Tanda Tangan"),
        ("{%p else %}", "Penutup"),
        *[("", "Ruang Tanda Tangan")] * 3,
        ("{%p endif %}", "Penutup"),
        ("{{ penandatangan.nama }}", "Nama Penandatangan"),
        ("{%p for baris in penandatangan.bawah %}", "Penutup"),
        ("{{ baris }}", "Penutup"),
        ("{%p endfor %}", "Penutup"),
    ]


PENUTUP = [
    ("", "Penutup"),
    ("Ditetapkan di{{ pemisah_penutup }}{{ tempat }}", "Penutup"),
    ("pada tanggal{{ pemisah_penutup }}{{ tanggal }}", "Penutup"),
    ("", "Penutup"),
    *signature(),
]
"""Place, date and signature, at the right half of the page ("Ditetapkan di : ..." aligns its
colons on a tab stop)."""
PENUTUP_TAB_CM = 3.0
"""Where the colon of "Ditetapkan di : ..." stands, from the start of the penutup."""

DISAMPAIKAN = [
    ("{%p if disampaikan_kepada %}", "Isi Diktum"),
    ("Salinan Keputusan ini disampaikan kepada:", "Salinan Kepada"),
    ("{%p for butir in disampaikan_kepada %}", "Isi Diktum"),
    ("{{ butir }}", "Butir Salinan Kepada"),
    ("{%p endfor %}", "Isi Diktum"),
    ("{%p endif %}", "Isi Diktum"),
]
"""The distribution list some central agencies print before "Ditetapkan di"."""


def in_text_column(cell) -> None:
    """Paragraphs of the penutup standing in the diktum's text column keep their place on the
    page: the right half, as the styles place them outside a table."""
    indent = HALF_CM - LABEL_CM - COLON_CM
    for paragraph in cell.paragraphs:
        if paragraph.style.name.startswith(("Penutup", "Jabatan Penandatangan", "Ruang Tanda Tangan", "Nama Penandatangan")):
            paragraph.paragraph_format.left_indent = Cm(indent)
            if "pemisah_penutup" in paragraph.text:
                paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(indent + PENUTUP_TAB_CM))


def konsiderans_row(row, label: str, name: str, list_style: str) -> None:
    """Label | : | the items: numbered when there are several, a single one without a label."""
    fill(row.cells[0], [(label, "Label")])
    fill(row.cells[1], [(":", "Label")])
    fill(row.cells[2], [
        (f"{{%p if {name}|length == 1 %}}", "Isi Konsiderans"),
        (f"{{{{ {name}[0] }}}}", "Isi Konsiderans"),
        ("{%p else %}", "Isi Konsiderans"),
        (f"{{%p for butir in {name} %}}", "Isi Konsiderans"),
        ("{{ butir }}", list_style),
        ("{%p endfor %}", "Isi Konsiderans"),
        ("{%p endif %}", "Isi Konsiderans"),
    ])


def salinan_block(doc) -> None:
    """Certification of a copy, bottom left: on the decree's last page and each Lampiran's."""
    para(doc, "{%p if salinan %}", "Normal")
    para(doc, "", "Salinan")
    para(doc, "Salinan sesuai dengan aslinya", "Salinan")
    para(doc, "{{ salinan.unit }}", "Salinan")
    para(doc, "{{ salinan.jabatan }}", "Salinan")
    for _ in range(3):
        para(doc, "", "Salinan")
    para(doc, "{{ salinan.nama }}", "Nama Pengesah Salinan")
    para(doc, "{%p if salinan.nip %}", "Normal")
    para(doc, "NIP {{ salinan.nip }}", "Nama Pengesah Salinan")
    para(doc, "{%p endif %}", "Normal")
    para(doc, "{%p endif %}", "Normal")


PARAF_CM = (1.0, 4.5, 2.5)
"""No | Jabatan | Paraf: the initials table fills the left half of the page."""


def paraf_block(doc) -> None:
    """PARAF KOORDINASI on a draft: one row per official who checks it, bottom left of the last
    page, kept whole and with its heading (rows never split; every paragraph keeps with the next)."""
    para(doc, "{%p if paraf_koordinasi %}", "Normal")
    para(doc, "PARAF KOORDINASI", "Paraf Koordinasi")
    table = layout_table(doc, 4, PARAF_CM)
    table.style = doc.styles["Tabel Lampiran"]
    rows = table.rows
    for cell, text in zip(rows[0].cells, ("No", "Jabatan", "Paraf")):
        fill(cell, [(text, "Isi Paraf")])
        cell.paragraphs[0].runs[0].bold = True
        cell.paragraphs[0].alignment = C
    fill(rows[1].cells[0], [("{%tr for jabatan in paraf_koordinasi %}", "Isi Paraf")])
    fill(rows[2].cells[0], [("{{ loop.index }}", "Isi Paraf")])
    rows[2].cells[0].paragraphs[0].alignment = C
    fill(rows[2].cells[1], [("{{ jabatan }}", "Isi Paraf")])
    fill(rows[3].cells[0], [("{%tr endfor %}", "Isi Paraf")])
    for row in rows:
        row_properties = row._tr.get_or_add_trPr()
        child(row_properties, "cantSplit")
    height = rows[2]._tr.get_or_add_trPr()
    height.append(parse_xml(f'<w:trHeight {nsdecls("w")} w:val="{twips(0.8)}" w:hRule="atLeast"/>'))
    para(doc, "{%p endif %}", "Normal")


LOGO_CELL_CM = 3.0
KOP_LINES = [
    ("{%p for baris in kop %}", "Kop"),
    ("{{ baris }}", "Kop"),
    ("{%p endfor %}", "Kop"),
    ("{%p if alamat_kop %}", "Alamat Kop"),
    ("{{ alamat_kop }}", "Alamat Kop"),
    ("{%p endif %}", "Alamat Kop"),
    ("{%p if kontak_kop %}", "Alamat Kop"),
    ("{{ kontak_kop }}", "Alamat Kop"),
    ("{%p endif %}", "Alamat Kop"),
]
"""Institution lines, address, and telephone/fax/website/e-mail."""


def build_keputusan() -> Document:
    doc, _ = new_document()
    para(doc, "{%p if tanda_salinan %}", "Normal")
    para(doc, "SALINAN", "Tanda Salinan")
    para(doc, "{%p endif %}", "Normal")
    # the letterhead: the logo at its left (a borderless two-column table), or centred above it
    para(doc, "{%p if logo and logo_samping %}", "Normal")
    kop_table = layout_table(doc, 1, (LOGO_CELL_CM, TEXT_WIDTH_CM - LOGO_CELL_CM))
    fill(kop_table.rows[0].cells[0], [("{{ logo }}", "Logo")])
    fill(kop_table.rows[0].cells[1], KOP_LINES)
    para(doc, "{%p else %}", "Normal")
    para(doc, "{%p if logo %}", "Normal")
    para(doc, "{{ logo }}", "Logo")
    para(doc, "{%p endif %}", "Normal")
    for text, style in KOP_LINES:
        para(doc, text, style)
    para(doc, "{%p endif %}", "Normal")
    para(doc, "{%p if kop %}", "Normal")
    para(doc, "", "Garis Kop")
    para(doc, "{%p endif %}", "Normal")
    para(doc, "{%p for baris in judul %}", "Normal")
    para(doc, "{{ baris }}", "Judul Keputusan")
    para(doc, "{%p endfor %}", "Normal")
    para(doc, "{%p if pembukaan %}", "Normal")
    para(doc, "{{ pembukaan }}", "Pembukaan")
    para(doc, "{%p endif %}", "Normal")
    para(doc, "{{ jabatan_penetap }}", "Jabatan Penetap")

    konsiderans = layout_table(doc, 5)
    rows = konsiderans.rows
    konsiderans_row(rows[0], "Menimbang", "menimbang", "Butir Menimbang")
    konsiderans_row(rows[1], "Mengingat", "mengingat", "Butir Mengingat")
    fill(rows[2].cells[0], [("{%tr if memperhatikan %}", "Label")])
    konsiderans_row(rows[3], "Memperhatikan", "memperhatikan", "Butir Memperhatikan")
    fill(rows[4].cells[0], [("{%tr endif %}", "Label")])

    para(doc, "{{ memutuskan }}", "Memutuskan")

    diktum = layout_table(doc, 4)
    rows = diktum.rows
    fill(rows[0].cells[0], [("Menetapkan", "Label")])
    fill(rows[0].cells[1], [(":", "Label")])
    fill(rows[0].cells[2], [("{{ menetapkan }}", "Isi Diktum")])
    fill(rows[1].cells[0], [("{%tr for d in diktum %}", "Label")])
    fill(rows[2].cells[0], [("{{ d.label }}", "Label")])
    fill(rows[2].cells[1], [(":", "Label")])
    fill(rows[2].cells[2], [
        ("{{ d.isi }}", "Isi Diktum"),
        # label : value lines, written by the renderer with their tab stops (kpu_docs.word.rincian_nilai)
        ("{{p d.rincian_nilai }}", "Isi Diktum"),
        ("{%p for butir in d.rincian_huruf %}", "Isi Diktum"),
        ("{{ butir }}", "Butir Diktum"),
        ("{%p endfor %}", "Isi Diktum"),
        ("{%p for butir in d.rincian_angka %}", "Isi Diktum"),
        ("{{ butir }}", "Butir Diktum Angka"),
        ("{%p endfor %}", "Isi Diktum"),
        # the penutup goes in the last diktum's row, which never breaks across a page (the
        # renderer marks it): the signature never stands on a page without decree text, in Word
        # and in LibreOffice, which ignores keep-with-next inside tables
        ("{%p if loop.last %}", "Isi Diktum"),
        *DISAMPAIKAN,
        *PENUTUP,
        ("{%p endif %}", "Isi Diktum"),
    ])
    in_text_column(rows[2].cells[2])
    fill(rows[3].cells[0], [("{%tr endfor %}", "Label")])

    salinan_block(doc)
    paraf_block(doc)

    para(doc, "{%p if tembusan %}", "Normal")
    para(doc, "", "Tembusan")
    para(doc, "Tembusan:", "Tembusan")
    para(doc, "{%p if tembusan|length == 1 %}", "Normal")
    para(doc, "{{ tembusan[0] }}", "Normal")
    para(doc, "{%p else %}", "Normal")
    para(doc, "{%p for butir in tembusan %}", "Normal")
    para(doc, "{{ butir }}", "Butir Tembusan")
    para(doc, "{%p endfor %}", "Normal")
    para(doc, "{%p endif %}", "Normal")
    para(doc, "{%p endif %}", "Normal")
    return doc


def build_lampiran() -> Document:
    doc, _ = new_document()
    para(doc, "{{ label }}", "Kepala Lampiran")
    para(doc, "KEPUTUSAN {{ instansi }}", "Kepala Lampiran")
    para(doc, "{{ nomor }}", "Kepala Lampiran")
    para(doc, "{%p if tentang %}", "Normal")
    para(doc, "TENTANG", "Kepala Lampiran")
    para(doc, "{{ tentang }}", "Kepala Lampiran")
    para(doc, "{%p endif %}", "Normal")
    para(doc, "{%p if tanggal_di_kepala %}", "Normal")
    para(doc, "TANGGAL {{ tanggal_di_kepala }}", "Kepala Lampiran")
    para(doc, "{%p endif %}", "Normal")
    para(doc, "{%p if judul %}", "Normal")
    para(doc, "{{ judul }}", "Judul Lampiran")
    para(doc, "{%p endif %}", "Normal")
    para(doc, "{{p isi }}", "Isi Lampiran")
    para(doc, "{%p if tanda_tangan_lampiran %}", "Normal")
    para(doc, "", "Penutup")
    for text, style in signature():
        para(doc, text, style)
    para(doc, "{%p endif %}", "Normal")
    salinan_block(doc)
    return doc


LEFTOVERS = ("docProps/thumbnail.jpeg", "customXml/")
"""Parts of python-docx's own default document that a decree template has no use for: its
thumbnail picture and an empty bibliography (customXml)."""
_LEFTOVER_RELATIONSHIPS = re.compile(
    r'<Relationship [^>]*Type="[^"]*/(?:metadata/thumbnail|relationships/customXml)"[^>]*/>'
)
_LEFTOVER_TYPES = re.compile(r'<Override PartName="/customXml/[^"]*"[^>]*/>')


def without_leftovers(path: Path) -> None:
    """Rewrite the saved template without python-docx's thumbnail and bibliography parts."""
    with zipfile.ZipFile(path) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in members:
            if info.filename.startswith(LEFTOVERS):
                continue
            if info.filename.endswith(".rels"):
                data = _LEFTOVER_RELATIONSHIPS.sub("", data.decode("utf-8")).encode("utf-8")
            elif info.filename == "[Content_Types].xml":
                data = _LEFTOVER_TYPES.sub("", data.decode("utf-8")).encode("utf-8")
            archive.writestr(info, data)


def main() -> None:
    out = ROOT / "templates"
    out.mkdir(exist_ok=True)
    for name, build in (("keputusan", build_keputusan), ("lampiran", build_lampiran)):
        doc = build()
        doc.save(out / f"{name}.docx")
        without_leftovers(out / f"{name}.docx")
        print(f"wrote {out / f'{name}.docx'}")


if __name__ == "__main__":
    main()
