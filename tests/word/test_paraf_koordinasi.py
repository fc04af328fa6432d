"""The PARAF KOORDINASI table: printed on a draft for the officials who initial it, in their
order, under the signature at the bottom left; never on a final decree or its certified copy
(issue 18, item 5)."""

from __future__ import annotations

import io
import re
import zipfile

import kpu_docs
from kpu_docs.word import render_bytes
from tests.conftest import minimal_data

JABATAN = ["Kepala Subbagian Hukum", "Kepala Bagian Teknis dan Hukum", "Kepala Bagian Keuangan dan Logistik"]
SALINAN = {"unit": "Sekretariat Komisi Pemilihan Umum Kota Mataram", "jabatan": "Sekretaris", "nama": "Ahmad"}


def _document(status: str, **extra) -> str:
    data = minimal_data(pengaturan={"paraf_koordinasi": JABATAN}, salinan=SALINAN, status=status,
                        tembusan=["Ketua KPU Provinsi Nusa Tenggara Barat"], **extra)
    with zipfile.ZipFile(io.BytesIO(render_bytes(kpu_docs.from_data(data)))) as docx:
        return docx.read("word/document.xml").decode("utf-8")


def _cells(row: str) -> list[str]:
    return ["".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", c)) for c in re.findall(r"<w:tc>.*?</w:tc>", row)]


def _paraf_table(xml: str) -> str | None:
    heading = xml.find(">PARAF KOORDINASI<")
    if heading < 0:
        return None
    start = xml.index("<w:tbl>", heading)
    return xml[start: xml.index("</w:tbl>", start)]


def test_a_draft_prints_the_initials_table_with_each_position_in_order():
    xml = _document("draf")
    table = _paraf_table(xml)
    assert table is not None
    rows = [_cells(r) for r in re.findall(r"<w:tr[ >].*?</w:tr>", table)]
    assert rows == [["No", "Jabatan", "Paraf"]] + [[str(n), j, ""] for n, j in enumerate(JABATAN, start=1)]
    # under the signature (the penutup, in the diktum table) and before the tembusan
    assert xml.index(">PARAF KOORDINASI<") > xml.rindex("MATARAM")  # nama/jabatan penandatangan
    assert xml.index(">PARAF KOORDINASI<") < xml.index(">Tembusan:<")
    # no row splits across a page, and the heading stays with the table
    assert table.count("<w:cantSplit/>") == len(rows)
    heading = xml[xml.rindex("<w:p>", 0, xml.index(">PARAF KOORDINASI<")): xml.index(">PARAF KOORDINASI<")]
    assert re.search(r'<w:pStyle w:val="ParafKoordinasi"/>', heading)


def test_a_final_decree_and_its_certified_copy_never_print_it():
    xml = _document("final")
    assert "PARAF KOORDINASI" not in xml
    assert ">Jabatan<" not in xml
    assert not any(j in xml for j in JABATAN)


def test_no_positions_no_table():
    data = minimal_data(status="draf")
    with zipfile.ZipFile(io.BytesIO(render_bytes(kpu_docs.from_data(data)))) as docx:
        assert "PARAF KOORDINASI" not in docx.read("word/document.xml").decode("utf-8")
