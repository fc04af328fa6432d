"""The lines of a PDF's text layer, page by page, for the reader of hand-written decrees.

A decree published as a PDF is either born digital (its text layer holds the words) or a scan
(pages that are images only). A scan has nothing to import: rather than import an empty decree,
the reader names the pages without text so the user can OCR them first.
"""

from __future__ import annotations

from pathlib import Path

PAGE_BREAK = "\f"
"""The line put between two pages: the layout reader treats it as a blank line and a page end."""


class ScanError(ValueError):
    """Pages that are images without a text layer (a scan): the message is for the user."""

    def __init__(self, path: Path, pages: list[int]):
        self.pages = pages
        listed = ", ".join(map(str, pages))
        super().__init__(
            f"{path}: halaman {listed} tidak memiliki lapisan teks (hasil pindaian); "
            "baca dulu dengan OCR lalu impor teksnya (.txt)"
        )


def lines(path: str | Path) -> list[str]:
    """The text lines of every page, a PAGE_BREAK line between pages.

    A page without text but with an image is a scan and raises ScanError naming every such page;
    a page with neither (a blank page) adds no lines.
    """
    import pdfplumber  # imported here: only `import FILE.pdf` needs it
    from pdfplumber.utils.exceptions import PdfminerException

    path = Path(path)
    try:
        return _lines(pdfplumber.open(path), path)
    except PdfminerException as exc:
        raise ValueError(f"{path}: bukan berkas PDF yang dapat dibaca ({exc})") from exc


def _lines(pdf, path: Path) -> list[str]:
    out: list[str] = []
    scans: list[int] = []
    with pdf:
        for number, page in enumerate(pdf.pages, start=1):
            text = page.extract_text() or ""
            if not text.strip():
                if page.images:
                    scans.append(number)
                continue
            if out:
                out.append(PAGE_BREAK)
            out.extend(text.splitlines())
    if scans:
        raise ScanError(path, scans)
    return out
