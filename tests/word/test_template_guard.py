"""Templates cannot reach out (field codes) nor exhaust the machine (the bounded sandbox)."""

import pytest
from lxml import etree

from kpu_docs import bounds
from kpu_docs.word import sandbox
from kpu_docs.word.fields import reaching_out
from kpu_docs.word.prepared import TemplateProblem, environment, render_source

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _part(body: str) -> dict:
    return {"word/header1.xml": etree.fromstring(f"<w:hdr {W}><w:p>{body}</w:p></w:hdr>")}


def _complex(*pieces: str) -> str:
    runs = "".join(f'<w:r><w:instrText xml:space="preserve">{p}</w:instrText></w:r>' for p in pieces)
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r>{runs}<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            '<w:r><w:t>hasil</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')


@pytest.mark.parametrize("body, found", [
    ('<w:fldSimple w:instr=" INCLUDEPICTURE &quot;\\\\host\\x.png&quot; \\d "/>', 'INCLUDEPICTURE "\\\\host\\x.png" \\d'),
    (_complex(" INCLUDE", "TEXT http://x.invalid "), "INCLUDETEXT http://x.invalid"),
    (_complex(" link Excel.Sheet.8 C:\\\\x.xls "), "link Excel.Sheet.8"),
    (_complex(" DDE cmd x "), "DDE cmd x"),
    (_complex("DDEAUTO cmd.exe"), "DDEAUTO cmd.exe"),
    (_complex(" IMPORT x.wmf "), "IMPORT x.wmf"),
    (_complex(' "DATABASE" \\d x.mdb '), "DATABASE"),
    (_complex(" {{ kode }} "), "{{ kode }}"),
])
def test_fields_that_reach_out_are_found_with_their_part(body, found):
    (message,) = reaching_out(_part(body))
    assert found in message and message.endswith("di word/header1.xml")


def test_a_field_nested_in_another_is_found():
    body = ('<w:r><w:fldChar w:fldCharType="begin"/><w:instrText> IF 1 = 1 "</w:instrText>'
            '<w:fldChar w:fldCharType="begin"/><w:instrText> INCLUDEPICTURE x.png </w:instrText>'
            '<w:fldChar w:fldCharType="end"/><w:instrText>"</w:instrText><w:fldChar w:fldCharType="end"/></w:r>')
    assert [m.split()[0] for m in reaching_out(_part(body))] == ["INCLUDEPICTURE"]


def test_page_numbers_and_references_pass():
    assert reaching_out(_part(_complex(" PAGE ") + '<w:fldSimple w:instr=" NUMPAGES "/>' + _complex(" REF x \\h "))) == []


def _render(source: str, **context) -> str:
    return render_source(environment().from_string(source), context, "uji.docx")


def test_ordinary_template_work_still_renders():
    source = ("{% for b in baris %}{{ loop.index }}. {{ b|upper|center(12) }}{% endfor %}|{{ '-' * 5 }}|"
              "{{ '%05d' % n }}|{{ '{:>6}'.format(n) }}|{{ range(3)|join(',') }}|{{ 'a' ~ 'b' }}|{{ n ** 2 }}")
    assert _render(source, baris=["x", "y"], n=42) == (
        f"1. {'X'.center(12)}2. {'Y'.center(12)}|-----|00042|    42|0,1,2|ab|1764")


@pytest.mark.parametrize("source, message", [
    ("{{ 'A' * 10**9 }}", "teks terlalu besar (1.000.000.000 karakter"),
    ("{{ ([0] * 10**8)|length }}", "daftar terlalu besar (100.000.000 unsur"),
    ("{{ 'x'.center(2000000000) }}", "teks terlalu besar (2.000.000.000"),
    ("{{ 'x'|indent(2000000000) }}", "teks terlalu besar"),
    ("{% set a = 'a' * 1000 %}{{ a.replace('a', a).replace('a', a.replace('a', a)) }}", "teks terlalu besar"),
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", "berulang terlalu banyak"),
    ("{% set x = [1] * 1000000 %}{% for a in x %}{% for b in x if false %}{% endfor %}{% endfor %}",
     "berulang terlalu banyak"),
    ("{{ 2 ** (10**9) }}", "bilangan terlalu besar"),
    ("{{ '%1000000000d' % 1 }}", "lebar format"),
    ("{{ '{:>1000000000}'.format(1) }}", "lebar format"),
    ("{% set s = 'A' * 20000000 %}{{ s ~ s ~ s }}", "teks terlalu besar (60.000.000"),
    ("{{ (['A' * 20000000] * 3)|join }}", "teks terlalu besar (60.000.000"),
    ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "terlalu dalam"),
    ("{{ 10**400 / 1.0 }}", "bilangan terlalu besar (OverflowError"),
    ("{{ 1 / 0 }}", "pembagian dengan nol (ZeroDivisionError"),
    ("{{ lipsum(1000000) }}", "lipsum terlalu panjang"),
])
def test_exhausting_templates_are_one_template_problem(source, message):
    with pytest.raises(TemplateProblem, match="uji.docx: templat tidak dapat diisi") as raised:
        _render(source)
    assert message in str(raised.value)


def test_the_output_of_one_part_is_bounded(monkeypatch):
    monkeypatch.setattr(bounds, "TEMPLATE_OUTPUT_MAX", 1000)
    with pytest.raises(TemplateProblem, match="lebih dari 1 KB teks"):
        _render("{% for i in range(100) %}{{ 'x' * 20 }}{% endfor %}")


def test_each_render_has_its_own_budget(monkeypatch):
    monkeypatch.setattr(bounds, "TEMPLATE_STEPS_MAX", 300)
    template = environment().from_string("{% for i in range(100) %}{{ i }}{% endfor %}")
    for _ in range(5):  # 200 steps each: refused only if the budget carried over
        render_source(template, {}, "uji.docx")
    assert sandbox._BUDGET.get() is None
