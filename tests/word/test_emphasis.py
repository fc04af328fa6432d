"""Inline emphasis in the .docx: /{miring}/ and +{tebal}+ become runs with w:i and w:b, in the
fields the templates print and in the Lampiran the renderer writes; everything else is literal."""

from __future__ import annotations

import io
import zipfile

from docx import Document
from lxml import etree

import kpu_docs
from kpu_docs import plaintext
from kpu_docs.models import Keputusan
from kpu_docs.word.wordml import W_NS
from tests.conftest import minimal_data
from tests.word.test_prepared import _copy_templates

W = f"{{{W_NS}}}"


def _render(templates=None, **changes) -> bytes:
    return kpu_docs.render_bytes(Keputusan.model_validate(minimal_data(**changes)), templates)


def _body(data: bytes) -> etree._Element:
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    assert b"\x01" not in xml
    return etree.fromstring(xml).find(f"{W}body")


def _flag(rpr: etree._Element | None, name: str) -> bool:
    element = rpr.find(f"{W}{name}") if rpr is not None else None
    return element is not None and element.get(f"{W}val") not in ("0", "false")


def _runs(p: etree._Element) -> list[tuple[str, str]]:
    """The paragraph's text by run, empty runs left out: (text, "b"/"i"/"bi"/"")."""
    result = []
    for r in p.iter(f"{W}r"):
        text = "".join(t.text or "" for t in r.iter(f"{W}t"))
        if text:
            rpr = r.find(f"{W}rPr")
            result.append((text, ("b" if _flag(rpr, "b") else "") + ("i" if _flag(rpr, "i") else "")))
    return result


def _paragraph(body: etree._Element, start: str) -> etree._Element:
    """The paragraph whose printed text starts with `start`."""
    for p in body.iter(f"{W}p"):
        if "".join(t.text or "" for t in p.iter(f"{W}t")).startswith(start):
            return p
    raise AssertionError(f"no paragraph starts with {start!r}")


def test_menimbang_item_in_a_template_field():
    body = _body(_render(menimbang=[
        "bahwa perlu ditunjuk /{Chief Information Officer}/ (CIO) yang +{bertanggung jawab}+",
        "bahwa tim kerja perlu ditetapkan",
    ]))
    assert _runs(_paragraph(body, "bahwa perlu ditunjuk")) == [
        ("bahwa perlu ditunjuk ", ""), ("Chief Information Officer", "i"), (" (CIO) yang ", ""),
        ("bertanggung jawab", "b"), (";", ""),
    ]
    assert _runs(_paragraph(body, "bahwa tim kerja")) == [("bahwa tim kerja perlu ditetapkan;", "")]


def test_diktum_isi_and_rincian():
    body = _body(_render(diktum=[
        {"isi": "Menunjuk +{/{Chief Information Officer}/}+ sebagai berikut:", "rincian": ["menyusun /{roadmap}/;"]},
        "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
    ]))
    assert _runs(_paragraph(body, "Menunjuk")) == [
        ("Menunjuk ", ""), ("Chief Information Officer", "bi"), (" sebagai berikut:", ""),
    ]
    assert _runs(_paragraph(body, "menyusun")) == [("menyusun ", ""), ("roadmap", "i"), (";", "")]


def test_title_block_and_the_files_properties():
    data = _render(tentang="Penunjukan /{Chief Information Officer}/")
    body = _body(data)
    assert _runs(_paragraph(body, "PENUNJUKAN")) == [("PENUNJUKAN ", ""), ("CHIEF INFORMATION OFFICER", "i")]
    # the generated closing Menimbang and Menetapkan quote the subject with its emphasis
    menetapkan = _paragraph(body, "KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA MATARAM TENTANG")
    assert ("CHIEF INFORMATION OFFICER", "i") in _runs(menetapkan)
    core = zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml").decode()
    assert "TENTANG PENUNJUKAN CHIEF INFORMATION OFFICER</dc:title>" in core
    assert "<dc:subject>Penunjukan Chief Information Officer</dc:subject>" in core


def test_lampiran_paragraph_list_and_table_cells():
    body = _body(_render(lampiran=[{"judul": "Daftar", "isi": [
        "Paragraf dengan /{kata asing}/ dan +{tebal}+.",
        {"daftar": ["butir /{satu}/"]},
        {"tabel": {"kolom": ["NO", "+{NAMA}+"], "baris": [["1", "Sel /{miring}/\nbaris +{dua}+"]]}},
        {"tabel_kelompok": {"kolom": ["NO", "KOMPONEN", "RENCANA"],
                            "kelompok": [{"nama": "/{Quick wins}/", "baris": [["Rapat /{kick-off}/"]]}]}},
    ]}]))
    assert _runs(_paragraph(body, "Paragraf dengan")) == [
        ("Paragraf dengan ", ""), ("kata asing", "i"), (" dan ", ""), ("tebal", "b"), (".", ""),
    ]
    assert _runs(_paragraph(body, "butir")) == [("butir ", ""), ("satu", "i")]
    assert _runs(_paragraph(body, "NAMA")) == [("NAMA", "b")]
    assert _runs(_paragraph(body, "Sel")) == [("Sel ", ""), ("miring", "i")]
    assert _runs(_paragraph(body, "baris")) == [("baris ", ""), ("dua", "b")]
    assert _runs(_paragraph(body, "Quick")) == [("Quick wins", "i")]
    assert _runs(_paragraph(body, "Rapat")) == [("Rapat ", ""), ("kick-off", "i")]


def test_escaped_and_unbalanced_markers_print_literally():
    texts = [r"bahwa \/{bukan miring}/ dan \+{bukan tebal}+", "bahwa /{tidak ditutup", "bahwa }/ dan }+ lepas",
             "bahwa /{satu baris\nke baris lain}/"]
    printed = ["bahwa /{bukan miring}/ dan +{bukan tebal}+;", "bahwa /{tidak ditutup;", "bahwa }/ dan }+ lepas;",
               "bahwa /{satu baris"]
    body = _body(_render(menimbang=texts, lampiran=[{"isi": texts}]))
    for text in printed:
        paragraphs = [p for p in body.iter(f"{W}p")
                      if "".join(t.text or "" for t in p.iter(f"{W}t")).startswith(text.rstrip(";"))]
        assert len(paragraphs) == 2, text  # the Menimbang item and the Lampiran paragraph
        for p in paragraphs:
            assert all(flags == "" for _, flags in _runs(p)), text
            assert "".join(t for t, _ in _runs(p)).startswith(text.rstrip(";"))


def test_markup_and_template_tags_inside_emphasis_stay_literal():
    text = "bahwa /{A & B <C> \"D\" {{ x }} {%p if y %}}/ +{{_{ z }_}}+"
    body = _body(_render(menimbang=[text], lampiran=[{"isi": [text]}]))
    paragraphs = [p for p in body.iter(f"{W}p") if "".join(p.itertext()).startswith("bahwa A")]
    assert len(paragraphs) == 2  # the Menimbang item and the Lampiran paragraph
    for p in paragraphs:
        runs = _runs(p)
        assert ("A & B <C> \"D\" {{ x }} {%p if y %}", "i") in runs
        assert ("{_{ z }_}", "b") in runs


def test_readers_see_the_printed_text():
    data = _render(menimbang=["bahwa perlu ditunjuk /{Chief Information Officer}/ (CIO)", "bahwa kedua"])
    text = plaintext.lines(Document(io.BytesIO(data)))
    assert "a. bahwa perlu ditunjuk Chief Information Officer (CIO);" in text


def test_emphasis_in_a_template_run_keeps_the_runs_direct_formatting(tmp_path):
    """A restyled template may format the run a value prints in (font, size, not bold): the
    emphasis runs and the text after them keep that formatting."""
    own = '<w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New"/><w:b w:val="0"/><w:sz w:val="28"/></w:rPr>'
    folder = _copy_templates(tmp_path / "templat", b"<w:r><w:t>{{ d.isi }}</w:t></w:r>",
                             f"<w:r>{own}<w:t>{{{{ d.isi }}}}</w:t></w:r>".encode())
    body = _body(_render(folder, diktum=["Menunjuk /{CIO}/ dan +{tebal}+ lagi.", "Berlaku."]))
    p = _paragraph(body, "Menunjuk")
    assert _runs(p) == [("Menunjuk ", ""), ("CIO", "i"), (" dan ", ""), ("tebal", "b"), (" lagi.", "")]
    for r in p.iter(f"{W}r"):
        rpr = r.find(f"{W}rPr")
        names = [etree.QName(c).localname for c in rpr]
        assert names in (["rFonts", "b", "sz"], ["rFonts", "b", "i", "sz"]), names  # schema order
        assert rpr.find(f"{W}rFonts").get(f"{W}ascii") == "Courier New"
        assert rpr.find(f"{W}sz").get(f"{W}val") == "28"
