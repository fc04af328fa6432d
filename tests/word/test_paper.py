"""Every table lies within the text area of the page it stands on, on every paper, both ways round."""

import io

import pytest
from docx import Document
from docx.oxml.ns import qn

import kpu_docs
from kpu_docs.models import Keputusan
from kpu_docs.word.page import PAPER_MM
from tests.conftest import minimal_data

LONG = "Penyusunan, penerapan, dan evaluasi standar operasional prosedur pelayanan publik secara berkala"


def _decree(kertas: str) -> Keputusan:
    rows = [[str(i), f"Komponen {i}", LONG, "September s/d Desember 2025"] for i in range(1, 8)]
    tabel = {"kolom": ["NO", "KOMPONEN", "RENCANA AKSI", "TARGET WAKTU"], "baris": rows}
    return Keputusan.model_validate(minimal_data(
        pengaturan={"kertas": kertas},
        lampiran=[{"judul": "Rencana Aksi", "isi": [{"tabel": tabel}, {"tabel": {**tabel, "lanskap": True}}, "Penutup."]}],
    ))


def _tables_with_their_sections(document):
    """(table, sectPr of the section it stands in), in document order."""
    pending, found = [], []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:tbl"):
            pending.append(element)
        sect = element if element.tag == qn("w:sectPr") else element.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
        if sect is not None:
            found += [(t, sect) for t in pending]
            pending = []
    return found


@pytest.mark.parametrize("kertas", sorted(PAPER_MM))
def test_tables_fit_the_text_area(kertas):
    document = Document(io.BytesIO(kpu_docs.render_bytes(_decree(kertas))))
    lampiran_tables = _tables_with_their_sections(document)[2:]  # after the konsiderans and diktum
    assert len(lampiran_tables) == 2
    short, long = (round(mm / 10 * 567) for mm in PAPER_MM[kertas])
    for (table, sect), landscape in zip(lampiran_tables, (False, True)):
        size, margins = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))
        width = int(size.get(qn("w:w")))
        assert width == (long if landscape else short)
        assert (size.get(qn("w:orient")) == "landscape") is landscape
        text_area = width - int(margins.get(qn("w:left"))) - int(margins.get(qn("w:right")))
        grid = sum(int(col.get(qn("w:w"))) for col in table.find(qn("w:tblGrid")))
        assert text_area - 5 <= grid <= text_area, (kertas, landscape, grid, text_area)


def test_only_the_first_page_goes_unnumbered():
    """w:titlePg (no number on the first page) in the first section only: the pages around a
    landscape table are numbered like the rest."""
    document = Document(io.BytesIO(kpu_docs.render_bytes(_decree("F4"))))
    sections = [s._sectPr for s in document.sections]
    assert len(sections) == 3
    assert [s.find(qn("w:titlePg")) is not None for s in sections] == [True, False, False]
    for sect in sections:
        kinds = {r.get(qn("w:type")) for r in sect.findall(qn("w:headerReference"))}
        assert kinds == {"default", "first"} and sect.find(qn("w:footerReference")) is None
