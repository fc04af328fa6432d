"""plaintext reads list labels from documents it did not write, broken numbering included."""

from __future__ import annotations

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from kpu_docs import plaintext


def _numbered(num_xml: str):
    document = docx.Document()
    document.add_paragraph("pertama", style="List Number")  # the default template's numbering part
    document.part.numbering_part.element.append(parse_xml(num_xml))
    paragraph = document.add_paragraph("kedua")
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="77"/></w:numPr>')
    )
    return document


def test_a_num_whose_abstract_num_is_missing_draws_no_label():
    document = _numbered(f'<w:num {nsdecls("w")} w:numId="77"><w:abstractNumId w:val="999"/></w:num>')
    lines = plaintext.blocks(document)
    assert [(line.label, line.text) for line in lines] == [("1.", "pertama"), ("", "kedua")]


def test_a_num_without_abstract_num_id_draws_no_label():
    document = _numbered(f'<w:num {nsdecls("w")} w:numId="77"/>')
    lines = plaintext.blocks(document)
    assert [(line.label, line.text) for line in lines] == [("1.", "pertama"), ("", "kedua")]
