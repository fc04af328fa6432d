"""A PDF's streams are decoded within bounds, whatever their filter; outside an import, pdfminer is unchanged."""

import zlib

import pytest

from kpu_docs import bounds
from kpu_docs.bounds import FileTooLarge
from kpu_docs.importing import pdf_streams, pdf_text
from tests.hostile.build import pdf

TEXT = b"BT /F1 12 Tf 72 720 Td (MEMUTUSKAN) Tj ET\n"


def _run_length(data: bytes) -> bytes:
    """RunLengthDecode: each byte repeated 128 times is two bytes."""
    return b"".join(bytes([129, byte]) for byte in data) + b"\x80"


@pytest.mark.parametrize("encoded, filters", [
    (zlib.compress(TEXT * 2000), b"/Filter /FlateDecode"),
    (zlib.compress(TEXT * 2000)[:-4] + b"XXXX", b"/Filter /FlateDecode"),  # with a wrong checksum too
    (_run_length(b" " * 2000), b"/Filter /RunLengthDecode"),
])
def test_a_stream_beyond_the_limit_is_refused_naming_the_file(tmp_path, monkeypatch, encoded, filters):
    monkeypatch.setattr(bounds, "PDF_STREAM_MAX", 50_000)
    path = tmp_path / "bom.pdf"
    path.write_bytes(pdf(encoded, filters))
    with pytest.raises(FileTooLarge, match="bom.pdf: satu aliran isi PDF terurai menjadi lebih dari"):
        pdf_text.lines(path)


def test_all_streams_together_are_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(bounds, "PDF_DECODED_MAX", 1000)
    path = tmp_path / "dua.pdf"
    path.write_bytes(pdf(zlib.compress(TEXT * 40)))
    with pytest.raises(FileTooLarge, match="seluruhnya"):
        pdf_text.lines(path)


def test_a_stream_within_the_limit_reads_and_pdfminer_is_unchanged_outside(tmp_path):
    path = tmp_path / "kecil.pdf"
    path.write_bytes(pdf(zlib.compress(TEXT)))
    assert pdf_text.lines(path) == ["MEMUTUSKAN"]
    from pdfminer import pdftypes

    big = zlib.compress(b" " * (bounds.PDF_STREAM_MAX + 10))
    assert len(pdftypes.zlib.decompress(big)) == bounds.PDF_STREAM_MAX + 10  # no budget: not bounded
    with pdf_streams.bounded("x.pdf"), pytest.raises(FileTooLarge):
        pdftypes.zlib.decompress(big)


def test_the_objects_of_a_pdf_are_counted_before_its_pages_are_read(tmp_path, monkeypatch):
    monkeypatch.setattr(bounds, "PDF_OBJECTS_MAX", 3)
    path = tmp_path / "objek.pdf"
    path.write_bytes(pdf(zlib.compress(TEXT)))
    with pytest.raises(pdf_text.FileRefused, match="objek PDF, lebih dari 3"):
        pdf_text.lines(path)


def test_the_characters_of_a_page_and_of_all_pages_are_bounded(tmp_path, monkeypatch):
    path = tmp_path / "huruf.pdf"
    path.write_bytes(pdf(zlib.compress(b"BT /F1 12 Tf 72 720 Td " + b"(ABCDEFGHIJ) Tj " * 10 + b"ET")))
    assert pdf_text.lines(path) == ["ABCDEFGHIJ" * 10]
    monkeypatch.setattr(bounds, "PDF_PAGE_CHARS_MAX", 99)
    with pytest.raises(FileTooLarge, match="huruf.pdf: satu halaman memuat lebih dari 99 huruf"):
        pdf_text.lines(path)
    monkeypatch.setattr(bounds, "PDF_PAGE_CHARS_MAX", 1000)
    monkeypatch.setattr(bounds, "PDF_CHARS_MAX", 50)
    with pytest.raises(FileTooLarge, match="lebih dari 50 huruf seluruhnya"):
        pdf_text.lines(path)
