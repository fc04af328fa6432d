"""Text from the data becomes WordprocessingML literally, or is refused with a reason."""

import pytest
from lxml import etree

from kpu_docs.word import wordml

W = f'xmlns:w="{wordml.W_NS}"'


def parse(xml: str):
    return etree.fromstring(f"<w:body {W}>{xml}</w:body>")


def test_markup_and_template_tags_print_literally():
    text = "A & B <C> \"D\" {{ x }} {%p if y %} {_{ z }_}"
    p = parse(wordml.paragraph("IsiLampiran", text))
    assert "".join(p.itertext()) == text


def test_tab_and_new_line_become_word_tab_and_break():
    p = parse(wordml.paragraph("IsiLampiran", "satu\tdua\ntiga"))
    run = p.find(f"{{{wordml.W_NS}}}p/{{{wordml.W_NS}}}r")
    assert [etree.QName(c).localname for c in run] == ["t", "tab", "t", "br", "t"]


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x0b", "\x0c", "\x1f", "\ufffe"])
def test_characters_xml_cannot_hold_are_refused_not_dropped(char):
    with pytest.raises(wordml.TextNotPrintable, match=f"U\\+{ord(char):04X}"):
        wordml.paragraph("IsiLampiran", f"bahwa{char}perlu")


def test_paragraph_properties_in_schema_order():
    xml = wordml.paragraph("Butir", "x", num=wordml.numbering(3, 1), spacing='<w:spacing w:after="0"/>',
                           ind=wordml.indent(left=850, hanging=425), jc='<w:jc w:val="center"/>')
    ppr = parse(xml)[0][0]
    assert [etree.QName(c).localname for c in ppr] == ["pStyle", "numPr", "spacing", "ind", "jc"]


def test_child_is_created_in_schema_order():
    p = parse('<w:p><w:pPr><w:pStyle w:val="A"/><w:jc w:val="left"/></w:pPr></w:p>')[0]
    wordml.ppr_child(p, "keepNext")
    wordml.ppr_child(p, "numPr")
    assert [etree.QName(c).localname for c in p[0]] == ["pStyle", "keepNext", "numPr", "jc"]
