"""The output stays editable: Enter continues a list, one style changes the font everywhere."""

from __future__ import annotations

import copy
import io
import struct
import zlib

from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

import kpu_docs
from kpu_docs import plaintext
from kpu_docs.models import Keputusan
from tests.conftest import minimal_data


def press_enter_after(paragraph: Paragraph, text: str) -> Paragraph:
    """What Word does on Enter at the end of a paragraph: a new one with the same paragraph properties."""
    new = copy.deepcopy(paragraph._p)
    for run in new.findall(qn("w:r")):
        new.remove(run)
    paragraph._p.addnext(new)
    added = Paragraph(new, paragraph._parent)
    added.add_run(text)
    return added


def test_enter_after_the_last_menimbang_and_mengingat_gives_the_next_label(reference_docx):
    document = Document(str(reference_docx))
    menimbang = [p for t in document.tables for c in t._cells for p in c.paragraphs if p.style.name == "Butir Menimbang"]
    mengingat = [p for t in document.tables for c in t._cells for p in c.paragraphs if p.style.name == "Butir Mengingat"]
    press_enter_after(menimbang[-1], "bahwa ditambahkan oleh sekretariat;")
    press_enter_after(mengingat[-1], "Peraturan tambahan.")
    lines = plaintext.lines(document)
    assert "d. bahwa ditambahkan oleh sekretariat;" in lines
    assert "9. Peraturan tambahan." in lines
    # and the Lampiran's lists are not disturbed
    assert "A. Latar Belakang" in lines


def test_konsiderans_columns_are_fixed_so_new_rows_keep_the_layout(reference_document):
    for table in reference_document.tables[:2]:
        tbl_pr = table._tbl.tblPr
        assert tbl_pr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert len(widths) == 3 and widths[1] < widths[0] < widths[2]
        for row in table.rows:  # every row, as a row copied by Word would, has the same cell widths
            assert [c.width for c in row.cells] == [table.rows[0].cells[i].width for i in range(3)]


def test_font_and_size_are_set_in_one_place(reference_document):
    body = reference_document.element.body
    assert not body.findall(".//" + qn("w:rFonts")), "no run carries its own font"
    assert not body.findall(".//" + qn("w:sz")), "no run carries its own size"
    styles = reference_document.styles
    own_font = [s.name for s in styles if s.element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}") is not None]
    assert own_font == ["Normal"]
    used = {p.style.name for t in reference_document.tables for c in t._cells for p in c.paragraphs}
    used |= {p.style.name for p in reference_document.paragraphs}
    for name in sorted(used):
        style = styles[name]
        chain = []
        while style is not None:
            chain.append(style.name)
            style = style.base_style
        assert chain[-1] == "Normal", chain


def _png(width: int = 4, height: int = 4) -> bytes:
    """A tiny valid PNG, so the logo test needs no image library."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_logo_is_centred_above_the_title(tmp_path):
    logo = tmp_path / "garuda.png"
    logo.write_bytes(_png())
    data = kpu_docs.render_bytes(Keputusan.model_validate(minimal_data(logo=str(logo))))
    document = Document(io.BytesIO(data))
    first = next(p for p in document.paragraphs if p.text.strip() or p._p.findall(".//" + qn("w:drawing")))
    assert first.style.name == "Logo" and first._p.findall(".//" + qn("w:drawing"))
    assert first.style.paragraph_format.alignment == 1  # centred
    following = [p.text for p in document.paragraphs if p.text.strip()]
    assert following[0] == "KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA MATARAM"
