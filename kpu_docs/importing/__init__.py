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
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from zipfile import BadZipFile

from docx import Document as open_docx
from docx.document import Document
from lxml import etree

from kpu_docs import archive, bounds
from kpu_docs.archive import ArchiveRefused
from kpu_docs.bounds import FileRefused
from kpu_docs.importing import docx_text, kept, kpu_docx, layout, pdf_text, scan_pages
from kpu_docs.importing.citations import normalise_citation, parse_citation
from kpu_docs.importing.output import to_yaml, write_yaml

if TYPE_CHECKING:
    from kpu_docs.importing.scan_review import ScanReview

Progress = Callable[[int, int], None]
"""Called with (pages read, pages in all) while a scan is read."""

__all__ = [
    "ImportResult",
    "import_docx",
    "import_file",
    "import_pdf",
    "import_scan",
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
    pindaian: ScanReview | None = None
    """For a scan: the fields that could not be read, the OCR's unsure words and the repairs made,
    for a person to check against the paper (written beside the YAML as NAME.periksa.md)."""


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


def import_pdf(path: str | Path, progress: Progress | None = None) -> ImportResult:
    """A PDF by its text layer; a scan (pages that are pictures without text) is read by OCR,
    every page of it, with `progress(done, total)` called page by page."""
    try:
        lines = pdf_text.lines(path)
    except pdf_text.ScanError:
        return import_scan([path], progress)
    return ImportResult(*layout.read(lines))


def import_scan(paths: list[str | Path] | list[Path], progress: Progress | None = None) -> ImportResult:
    """A scanned decree (a PDF of page pictures, or page images in order) read by OCR: the data,
    and in `pindaian` what the OCR was unsure of and what could not be read."""
    from kpu_docs.importing import scan, scan_review

    reading = scan.read(paths, progress)
    data, notes, dropped = layout.read(reading.lines)
    checked = scan_review.review(data, reading)
    return ImportResult(data, checked.notes() + notes, dropped + reading.specks, checked)


def import_file(path: str | Path, progress: Progress | None = None) -> ImportResult:
    """A .docx, .pdf, .txt or page image file (.png, .jpg, .tif), chosen by its suffix;
    `progress(done, total)` is called page by page when a scan is read by OCR."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return import_docx(path)
    if suffix == ".pdf":
        return import_pdf(path, progress)
    if suffix == ".txt":
        return import_text(bounds.read_text(path))
    if suffix in scan_pages.IMAGE_SUFFIXES:
        return import_scan([path], progress)
    raise FileRefused(f"{path}: hanya berkas .docx, .pdf, .txt atau gambar halaman (.png, .jpg, .tif) yang dapat diimpor")
