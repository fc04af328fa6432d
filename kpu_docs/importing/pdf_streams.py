"""A PDF's streams decoded within bounds: a 3 MB file whose one content stream inflates to
930 MB is refused at the limit, in the memory of the limit; and its characters counted as they
are laid out, a page's and all pages'.

pdfminer (under pdfplumber) decodes each stream whole, with zlib.decompress, its LZW and
run-length decoders, and, for a stream with a broken checksum, a byte-at-a-time inflater whose
copying grows with the square of the output. While `bounded()` is active, in this thread,
those are replaced by decoders that stop at the room left: the stream limit, and what is left
of the limit for all streams of the file together (kpu_docs.bounds). Outside it pdfminer
decodes as it always does.
"""

from __future__ import annotations

import contextlib
import contextvars
import threading
import zlib
from collections.abc import Iterator
from typing import Any

from kpu_docs import bounds
from kpu_docs.bounds import FileTooLarge


class _Budget:
    def __init__(self, label: str) -> None:
        self.label = label
        self.decoded = 0
        self.chars = 0
        self.page_chars = 0

    def char(self) -> None:
        """One character laid out: a page of a decree holds a few thousand; a 1.5 KB PDF whose
        page shows 300,000 took 42 s and 740 MB."""
        self.chars += 1
        self.page_chars += 1
        if self.page_chars > bounds.PDF_PAGE_CHARS_MAX:
            raise FileTooLarge(f"{self.label}: satu halaman memuat lebih dari {bounds.PDF_PAGE_CHARS_MAX} huruf "
                               "(batas); bukan halaman sebuah keputusan")
        if self.chars > bounds.PDF_CHARS_MAX:
            raise FileTooLarge(f"{self.label}: lebih dari {bounds.PDF_CHARS_MAX} huruf seluruhnya (batas); "
                               "terlalu panjang untuk sebuah keputusan")

    def room(self) -> int:
        """Bytes one stream may still decode to."""
        return min(bounds.PDF_STREAM_MAX, bounds.PDF_DECODED_MAX - self.decoded)

    def refuse(self) -> FileTooLarge:
        if bounds.PDF_DECODED_MAX - self.decoded < bounds.PDF_STREAM_MAX:
            return FileTooLarge(f"{self.label}: isi PDF terurai menjadi lebih dari {bounds.size_text(bounds.PDF_DECODED_MAX)} "
                                "seluruhnya (bom zip?); bukan PDF sebuah keputusan")
        return FileTooLarge(f"{self.label}: satu aliran isi PDF terurai menjadi lebih dari "
                            f"{bounds.size_text(bounds.PDF_STREAM_MAX)} (bom zip?); bukan PDF sebuah keputusan")


_BUDGET: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("kpu_docs_pdf_budget", default=None)


def _inflate(data: bytes, wbits: int = zlib.MAX_WBITS, bufsize: int = zlib.DEF_BUF_SIZE) -> bytes:
    """zlib.decompress, stopping at the room left."""
    budget = _BUDGET.get()
    if budget is None:
        return zlib.decompress(data, wbits, bufsize)
    room = budget.room()
    inflater = zlib.decompressobj(wbits)
    out = inflater.decompress(data, room + 1)
    if len(out) > room or inflater.unconsumed_tail:
        raise budget.refuse()
    if not inflater.eof:
        raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
    return out


def _inflate_damaged(data: bytes) -> bytes:
    """pdfminer's decompress_corrupted (a stream whose checksum is wrong), in linear time and
    within the room left: what inflates before an error in its last bytes."""
    budget = _BUDGET.get()
    room = budget.room() if budget is not None else bounds.PDF_STREAM_MAX
    inflater = zlib.decompressobj()
    out: list[bytes] = []
    size = 0
    step = 4096
    for start in range(0, len(data), step):
        try:
            piece = inflater.decompress(data[start:start + step], room + 1 - size)
        except zlib.error:
            if start + step < len(data) - 3:
                raise
            break
        size += len(piece)
        out.append(piece)
        if size > room or inflater.unconsumed_tail:
            raise budget.refuse() if budget is not None else FileTooLarge("aliran PDF terlalu besar")
    return b"".join(out)


class _Zlib:
    """The zlib module as pdfminer's pdftypes sees it: decompress is bounded."""

    error = zlib.error
    decompressobj = staticmethod(zlib.decompressobj)
    decompress = staticmethod(_inflate)


def _bounded_decoder(original: Any) -> Any:
    """A pdfminer decoder (LZW, run-length) whose output is measured as it grows."""

    def decode(data: bytes) -> bytes:
        budget = _BUDGET.get()
        if budget is None:
            return original(data)
        if original.__name__ == "lzwdecode":
            from io import BytesIO

            from pdfminer.lzw import LZWDecoder

            room, size, out = budget.room(), 0, []
            for piece in LZWDecoder(BytesIO(data)).run():
                size += len(piece)
                if size > room:
                    raise budget.refuse()
                out.append(piece)
            return b"".join(out)
        if len(data) * 128 > budget.room() and _run_length_size(data) > budget.room():
            raise budget.refuse()
        return original(data)

    return decode


def _run_length_size(data: bytes) -> int:
    """What RunLengthDecode makes of `data`, counted without making it."""
    size, i = 0, 0
    while i < len(data):
        length = data[i]
        if length == 128:
            break
        if length < 128:
            size += length + 1
            i += length + 2
        else:
            size += 257 - length
            i += 2
    return size


_installed = False
_installing = threading.Lock()


def _install() -> None:
    """The bounded decoders into pdfminer, once; they act only inside bounded()."""
    with _installing:
        if not _installed:
            _install_once()


def _install_once() -> None:
    global _installed
    from pdfminer import pdftypes

    original_decode = pdftypes.PDFStream.decode

    def decode(self: Any) -> None:
        original_decode(self)
        budget = _BUDGET.get()
        if budget is not None and self.data is not None:
            if len(self.data) > budget.room():  # a filter not bounded above (a predictor, CCITT)
                raise budget.refuse()
            budget.decoded += len(self.data)

    from pdfminer.converter import PDFLayoutAnalyzer

    begin_page, render_char = PDFLayoutAnalyzer.begin_page, PDFLayoutAnalyzer.render_char

    def counted_begin_page(self: Any, *args: Any, **kwargs: Any) -> None:
        budget = _BUDGET.get()
        if budget is not None:
            budget.page_chars = 0
        begin_page(self, *args, **kwargs)

    def counted_render_char(self: Any, *args: Any, **kwargs: Any) -> float:
        budget = _BUDGET.get()
        if budget is not None:
            budget.char()
        return render_char(self, *args, **kwargs)

    PDFLayoutAnalyzer.begin_page = counted_begin_page  # type: ignore[method-assign]
    PDFLayoutAnalyzer.render_char = counted_render_char  # type: ignore[method-assign]
    pdftypes.zlib = _Zlib  # type: ignore[assignment]
    pdftypes.decompress_corrupted = _inflate_damaged
    pdftypes.lzwdecode = _bounded_decoder(pdftypes.lzwdecode)
    pdftypes.rldecode = _bounded_decoder(pdftypes.rldecode)
    pdftypes.PDFStream.decode = decode  # type: ignore[method-assign]
    _installed = True


@contextlib.contextmanager
def bounded(label: str) -> Iterator[None]:
    """Inside: every stream pdfminer decodes (in this thread) is bounded, alone and all together;
    beyond, FileTooLarge naming `label` (the file)."""
    _install()
    token = _BUDGET.set(_Budget(label))
    try:
        yield
    finally:
        _BUDGET.reset(token)


def object_count(document: Any) -> int:
    """Objects in a pdfminer PDFDocument's cross-reference tables."""
    return sum(len(list(xref.get_objids())) for xref in document.xrefs)
