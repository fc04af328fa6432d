"""The data a .docx keeps is read with care: a file from elsewhere may carry anything there."""

from __future__ import annotations

import io
import json
import re
import zipfile

import kpu_docs
from kpu_docs.importing import import_docx
from kpu_docs.word.document import render_bytes
from tests.conftest import minimal_data
from tests.round_trip import LOGO, _png


def _with_kept(docx: bytes, payload: str) -> bytes:
    """The .docx with its kept data replaced by `payload` (the text of the custom XML item)."""
    source, out = zipfile.ZipFile(io.BytesIO(docx)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "customXml/item1.xml":
                data = re.sub(rb'(<keputusan xmlns="urn:kpu-docs:keputusan">).*(</keputusan>)',
                              lambda m: m.group(1) + payload.encode() + m.group(2), data, flags=re.S)
                assert payload.encode() in data
            target.writestr(item, data)
    return out.getvalue()


def _import(docx: bytes):
    from docx import Document

    return import_docx(Document(io.BytesIO(docx)))


def test_the_logo_path_is_not_taken_from_a_docx():
    LOGO.write_bytes(_png())
    result = _import(render_bytes(kpu_docs.from_data(minimal_data(logo=str(LOGO)))))
    assert "logo" not in result.data
    assert result.tidak_terbaca == ["logo: gambar lambang tidak diimpor; isi kunci logo dengan berkas gambarnya"]


def test_kept_data_that_is_no_decree_is_noted_and_the_text_read():
    docx = render_bytes(kpu_docs.from_data(minimal_data()))
    from_text = import_docx(__import__("docx").Document(io.BytesIO(docx)), use_kept=False).data
    bad = {"versi": 1, "lampiran_di_berkas": True, "data": {"nomor": ["bukan", "teks"]}}
    result = _import(_with_kept(docx, json.dumps(bad)))
    assert result.data == from_text
    assert result.tidak_terbaca[-1].startswith("catatan: data yang tersimpan di berkas tidak dapat dipakai")


def test_kept_data_of_another_version_or_not_json_is_ignored():
    docx = render_bytes(kpu_docs.from_data(minimal_data()))
    from_text = import_docx(__import__("docx").Document(io.BytesIO(docx)), use_kept=False)
    for payload in ('{"versi": 99, "data": {}}', "bukan json", "[]"):
        result = _import(_with_kept(docx, payload))
        assert (result.data, result.tidak_terbaca) == (from_text.data, from_text.tidak_terbaca)
