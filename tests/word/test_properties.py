"""The Word file's properties name the decree and its issuer; nothing of python-docx is left."""

import datetime
import io
import zipfile

from docx import Document

import kpu_docs
from kpu_docs.models import Keputusan
from tests.conftest import minimal_data


def _render(**changes) -> bytes:
    return kpu_docs.render_bytes(Keputusan.model_validate(minimal_data(**changes)))


def test_core_properties_come_from_the_decree(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)  # the render time, then
    before = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    properties = Document(io.BytesIO(_render())).core_properties
    assert properties.title == "KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA MATARAM NOMOR 12 TAHUN 2025 TENTANG PEMBENTUKAN TIM KERJA"
    assert properties.subject == "Pembentukan Tim Kerja"
    assert properties.author == "Komisi Pemilihan Umum Kota Mataram"
    assert properties.language == "id-ID"
    created = properties.created.replace(tzinfo=datetime.timezone.utc)
    assert before - datetime.timedelta(seconds=1) <= created <= before + datetime.timedelta(minutes=5)
    assert properties.modified == properties.created
    core = zipfile.ZipFile(io.BytesIO(_render())).read("docProps/core.xml").decode()
    assert "<cp:lastModifiedBy>Komisi Pemilihan Umum Kota Mataram</cp:lastModifiedBy>" in core


def test_source_date_epoch_makes_the_file_reproducible(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1756857600")  # 3 September 2025
    first, second = _render(), _render()
    assert first == second
    created = Document(io.BytesIO(first)).core_properties.created
    assert created.date() == datetime.date(2025, 9, 3)


def test_no_python_docx_leftovers():
    archive = zipfile.ZipFile(io.BytesIO(_render(lampiran=[{"judul": "Daftar", "isi": ["satu"]}])))
    names = archive.namelist()
    assert not [n for n in names if n.startswith("docProps/thumbnail")]
    # the one custom XML item is the decree's own data (kpu_docs.word.source_data), not a template's
    items = [n for n in names if n.startswith("customXml/item") and not n.startswith("customXml/itemProps")]
    assert items == ["customXml/item1.xml"]
    assert b'?>\n<keputusan xmlns="urn:kpu-docs:keputusan">' in archive.read(items[0])
    ours = {"customXml/item1.xml", "customXml/itemProps1.xml", "customXml/_rels/item1.xml.rels"}
    everything = b"".join(archive.read(n) for n in names if n.endswith((".xml", ".rels")) and n not in ours)
    for leftover in (b"Macintosh", b"python-docx", b"2013-12-23", b"thumbnail", b"b:Sources"):
        assert leftover not in everything, leftover
    app = archive.read("docProps/app.xml").decode()
    assert "<Application>kpu-docs" in app and "<Company>Komisi Pemilihan Umum Kota Mataram</Company>" in app
