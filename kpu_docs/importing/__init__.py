"""Reading an existing decree into the model: our own .docx exactly, anything else as well as it reads.

    from kpu_docs.importing import import_file
    result = import_file("keputusan.docx")
    keputusan = kpu_docs.from_data(result.data)
    for problem in result.tidak_terbaca:
        print(problem)

A .docx written by kpu-docs is read by its styles and imports exactly: the data it was rendered
from, with the edits a person made in Word or LibreOffice since. A hand-written decree (a .txt, an OCR text, or a .docx made in Word)
is read line by line; whatever cannot be placed in the model is listed in `tidak_terbaca`,
never silently dropped.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from zipfile import BadZipFile

from docx import Document as open_docx
from docx.document import Document
from lxml import etree

from kpu_docs import archive, bounds
from kpu_docs.archive import ArchiveRefused
from kpu_docs.bounds import FileRefused
from kpu_docs.importing import docx_text, kept, kpu_docx, layout, pdf_text
from kpu_docs.importing.citations import normalise_citation, parse_citation
from kpu_docs.importing.output import to_yaml, write_yaml

__all__ = [
    "ImportResult",
    "import_docx",
    "import_file",
    "import_pdf",
    "import_text",
    "normalise_citation",
    "parse_citation",
    "to_yaml",
    "write_yaml",
]


@dataclass
class ImportResult:
    """Imported decree data, and every piece of text that could not be placed in it."""

    data: dict
    """Plain data that kpu_docs.from_data() validates into a Keputusan (dates as datetime.date)."""
    tidak_terbaca: list[str] = field(default_factory=list)
    """Everything not placed, each "where: the text" in Indonesian; notes on guesses start "catatan:"."""
    dibuang: list[str] = field(default_factory=list)
    """Lines dropped as page furniture (page numbers, running headers and footers, catchwords), each
    "baris N (what): the text"; not part of the decree, but listed so nothing goes silently."""


def import_docx(path_or_document: str | Path | Document, *, use_kept: bool = True) -> ImportResult:
    """A .docx: read by style when kpu-docs made it, else as lines of text.

    Our own .docx also holds the data it was rendered from (kpu_docs.word.source_data): every
    part a person has not edited since comes back exactly as that data has it, every edited part
    as it now reads. `use_kept=False` reads the printed text alone.
    """
    document = path_or_document if isinstance(path_or_document, Document) else _open(Path(path_or_document))
    embedded = docx_text.alt_chunks(document)  # content pasted in from elsewhere: named, not dropped
    if kpu_docx.is_own(document):
        reconciled = kept.reconcile(document) if use_kept else None
        data, notes = reconciled or kpu_docx.read(document)
        return ImportResult(data, notes + embedded)
    data, notes, dropped = layout.read(docx_text.lines(document))
    return ImportResult(data, notes + embedded, dropped)


def _open(path: Path) -> Document:
    """A .docx from outside, opened by python-docx once kpu_docs.archive has checked its size and
    zip directory (no part is inflated past its limits). python-docx parses each part with entity
    resolution off (and lxml's defaults: no network, no huge trees, no recovery), so a part that
    is not well-formed XML is an error, never a document read in part."""
    data = bounds.read_bytes(path, bounds.PACKAGE_FILE_MAX, "berkas Word")
    archive.check_zip(data, str(path))
    try:
        return open_docx(io.BytesIO(data))
    except (KeyError, ValueError, BadZipFile, zlib.error, EOFError, etree.LxmlError) as exc:
        reason = str(exc).strip("'\"") or type(exc).__name__
        raise ArchiveRefused(f"{path}: tidak dapat dibaca sebagai dokumen Word: {reason}") from None


def import_text(text: str) -> ImportResult:
    """A decree as plain text (typed, or OCR'd from a scan)."""
    return ImportResult(*layout.read(text.splitlines()))


def import_pdf(path: str | Path) -> ImportResult:
    """A PDF by its text layer; a scanned PDF (pages without text) raises pdf_text.ScanError."""
    return ImportResult(*layout.read(pdf_text.lines(path)))


def import_file(path: str | Path) -> ImportResult:
    """A .docx, .pdf or .txt file, chosen by its suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return import_docx(path)
    if suffix == ".pdf":
        return import_pdf(path)
    if suffix == ".txt":
        return import_text(bounds.read_text(path))
    raise FileRefused(f"{path}: hanya berkas .docx, .pdf atau .txt yang dapat diimpor")
