"""Pages a typist accepts, in the document XML (issue 18, item 3): an item or paragraph that
introduces text keeps with it, a row of a few lines never splits while a tall one may, and
lines numbered by hand inside a cell hang like a list."""

from __future__ import annotations

import io
import re
import zipfile

import kpu_docs
from tests.conftest import minimal_data

LONG_CELL = "\n".join(f"{n}. Sekretaris Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Kulon Progo"
                      for n in range(1, 31))


def _document(**changes) -> str:
    data = kpu_docs.render_bytes(kpu_docs.from_data(minimal_data(**changes)))
    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        return docx.read("word/document.xml").decode("utf-8")


def _paragraph(xml: str, text: str) -> str:
    at = xml.index(f">{text}<")
    return xml[xml.rindex("<w:p>", 0, at): xml.index("</w:p>", at)]


def _row(xml: str, text: str) -> str:
    at = xml.index(text)
    return xml[xml.rindex("<w:tr>", 0, at): xml.index("</w:tr>", at)]


def test_an_item_with_text_under_it_and_an_introducing_paragraph_keep_with_the_next():
    xml = _document(lampiran=[{"isi": [
        "Terdapat dua jenis komponen sebagai berikut:",
        {"daftar": [{"butir": "Komponen Pengungkit", "isi": ["Komponen ini merupakan faktor penentu."]},
                    {"butir": "Komponen Hasil"}]},
        "Paragraf penutup lampiran.",
    ]}])
    assert "<w:keepNext/>" in _paragraph(xml, "Terdapat dua jenis komponen sebagai berikut:")
    assert "<w:keepNext/>" in _paragraph(xml, "Komponen Pengungkit")
    assert "<w:keepNext/>" not in _paragraph(xml, "Komponen ini merupakan faktor penentu.")
    assert "<w:keepNext/>" not in _paragraph(xml, "Komponen Hasil")


def test_a_short_row_is_kept_whole_and_a_row_taller_than_a_third_of_a_page_may_split():
    table = {"kolom": ["Jabatan dalam Tim", "Jabatan dalam Dinas"],
             "baris": [["Ketua", "Sekretaris Daerah Kabupaten Kulon Progo"], ["PPID Pembantu :", LONG_CELL]]}
    xml = _document(lampiran=[{"isi": [{"tabel": table}], "tanda_tangan": True}])
    assert "<w:cantSplit/>" in _row(xml, ">Ketua<")
    tall = _row(xml, ">PPID Pembantu :<")
    assert "<w:cantSplit/>" not in tall
    # not kept with the signature either: LibreOffice would then move the whole row
    assert "<w:keepNext/>" not in tall


def test_a_long_diktum_may_split_and_short_ones_do_not():
    rincian = [f"menyusun rencana kerja tahunan bagian {n} dan melaporkan pelaksanaannya kepada Ketua "
               "secara berkala setiap triwulan" for n in range(1, 12)]
    xml = _document(diktum=[{"isi": "Tugas Tim adalah:", "rincian": rincian},
                            {"isi": "Segala biaya dibebankan pada anggaran."},
                            {"isi": "Keputusan ini mulai berlaku pada tanggal ditetapkan."}])
    assert "<w:cantSplit/>" not in _row(xml, ">Tugas Tim adalah:<")
    assert "<w:cantSplit/>" in _row(xml, ">Segala biaya dibebankan pada anggaran.<")
    assert "<w:cantSplit/>" in _row(xml, ">Keputusan ini mulai berlaku pada tanggal ditetapkan.<")


def test_lines_numbered_by_hand_inside_a_cell_hang_like_a_list():
    table = {"kolom": ["Tim", "Anggota"], "baris": [["PPID", "1. Kepala Bagian Umum Sekretariat Dewan\n"
                                                               "2. Sekretaris Inspektorat Daerah\nKeterangan lain"]]}
    xml = _document(lampiran=[{"isi": [{"tabel": table}]}])
    first = _paragraph(xml, "Kepala Bagian Umum Sekretariat Dewan")
    assert re.search(r'<w:ind w:left="(\d+)" w:hanging="\1"/>', first)
    assert re.search(r"<w:t[^>]*>1\.</w:t></w:r><w:r><w:tab/></w:r>|<w:t[^>]*>1\.</w:t><w:tab/>", first)
    assert "<w:ind" not in _paragraph(xml, "Keterangan lain")


def test_justified_capitals_are_set_flush_left_and_running_text_stays_justified():
    xml = _document(diktum=[{"isi": "Segala biaya yang diperlukan sebagai akibat ditetapkannya Keputusan ini "
                                    "dibebankan pada anggaran yang tersedia."},
                            {"isi": "Keputusan ini mulai berlaku pada tanggal ditetapkan."}])
    at = xml.index(">Menetapkan<")
    menetapkan = xml[xml.index("<w:p>", xml.index("<w:tc>", xml.index("<w:tc>", at) + 1) + 1):]
    menetapkan = menetapkan[:menetapkan.index("</w:p>")]
    assert "PEMBENTUKAN TIM KERJA" in menetapkan and '<w:jc w:val="left"/>' in menetapkan
    assert "<w:jc " not in _paragraph(xml, "Keputusan ini mulai berlaku pada tanggal ditetapkan.")


def test_text_in_a_narrow_justified_cell_is_set_flush_left():
    from lxml import etree

    from kpu_docs.word.alignment import left_where_gaps_open

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = etree.fromstring(
        f'<w:body xmlns:w="{w}"><w:tbl><w:tr>'
        '<w:tc><w:tcPr><w:tcW w:w="1700" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="J"/></w:pPr>'
        '<w:r><w:t>sempit sekali kolomnya</w:t></w:r></w:p></w:tc>'
        '<w:tc><w:tcPr><w:tcW w:w="6800" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="J"/></w:pPr>'
        '<w:r><w:t>lebar kolomnya</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body>')
    left_where_gaps_open(body, {"J"})
    narrow, wide = body.iter(f"{{{w}}}p")
    assert narrow.find(f"{{{w}}}pPr/{{{w}}}jc").get(f"{{{w}}}val") == "left"
    assert wide.find(f"{{{w}}}pPr/{{{w}}}jc") is None
