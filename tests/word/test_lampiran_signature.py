"""A signed Lampiran keeps the end of its body on the page of its signature (w:keepNext)."""

import io
import zipfile

from lxml import etree

import kpu_docs
from kpu_docs.models import Keputusan
from tests.conftest import minimal_data

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _body(lampiran: dict) -> etree._Element:
    docx = kpu_docs.render_bytes(Keputusan.model_validate(minimal_data(lampiran=[lampiran])))
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return etree.fromstring(archive.read("word/document.xml")).find(f"{W}body")


def _keeps(paragraph: etree._Element) -> bool:
    return paragraph.find(f"{W}pPr/{W}keepNext") is not None


TABEL = {"tabel": {"kolom": ["NO", "NAMA", "JABATAN"], "nomor_urut": True,
                   "baris": [["Ani", "Ketua"], [{"teks": "Budi", "gabung_kolom": 2}]]}}


def test_last_table_row_keeps_with_the_signature():
    body = _body({"isi": ["Susunan tim:", TABEL]})
    table = body.findall(f"{W}tbl")[-1]
    *rows, last = table.findall(f"{W}tr")
    assert all(_keeps(p) for p in last.iter(f"{W}p"))
    assert not any(_keeps(p) for row in rows for p in row.iter(f"{W}p"))
    following = table.getnext()
    while following.tag == f"{W}p" and not "".join(following.itertext()).strip():
        following = following.getnext()  # the space above the signature
    assert "".join(following.itertext()).startswith("KETUA KOMISI PEMILIHAN UMUM")


def test_unsigned_lampiran_keeps_nothing():
    body = _body({"isi": ["Susunan tim:", TABEL], "tanda_tangan": False})
    table = body.findall(f"{W}tbl")[-1]
    assert not any(_keeps(p) for p in table.iter(f"{W}p"))


def test_last_paragraph_keeps_with_the_signature():
    body = _body({"isi": ["Pembuka.", "Penutup lampiran."]})
    (closing,) = [p for p in body.iter(f"{W}p") if "".join(p.itertext()) == "Penutup lampiran."]
    (opening,) = [p for p in body.iter(f"{W}p") if "".join(p.itertext()) == "Pembuka."]
    assert _keeps(closing) and not _keeps(opening)
