"""Page pictures of a decree: .docx to PDF with LibreOffice, then PDF pages to PNG with pdftoppm."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from kpu_docs.errors import KpuDocsError
from kpu_docs.pdf import DEFAULT_TIMEOUT, ConversionFailed, to_pdf


class PopplerMissing(ConversionFailed):
    """pdftoppm is not installed (Debian: poppler-utils)."""


class PageNotFound(KpuDocsError, ValueError):
    """A page asked for that the document does not have."""


def _tool(name: str) -> str:
    binary = shutil.which(name)
    if binary is None:
        raise PopplerMissing(f"{name} tidak ditemukan: pasang paket poppler-utils")
    return binary


def page_count(pdf: Path) -> int:
    """The number of pages of a PDF (pdfinfo, from the same package as pdftoppm)."""
    result = subprocess.run([_tool("pdfinfo"), str(pdf)], capture_output=True, text=True)
    found = re.search(r"^Pages:\s+(\d+)", result.stdout, re.M)
    if result.returncode != 0 or not found:
        raise ConversionFailed(f"{pdf}: jumlah halaman tidak dapat dibaca: {result.stderr.strip()}")
    return int(found.group(1))


def pdf_to_png(pdf: Path, outdir: Path, pages: list[int] | None = None, dpi: int = 70, prefix: str | None = None) -> list[Path]:
    """PNG files of the given pages (1-based; all pages when None), named <prefix>-<page>.png."""
    binary = _tool("pdftoppm")
    if pages:
        count = page_count(pdf)
        outside = [p for p in pages if not 1 <= p <= count]
        if outside:
            raise PageNotFound(
                f"halaman {', '.join(map(str, outside))} tidak ada: dokumen ini {count} halaman (1 sampai {count})"
            )
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    prefix = prefix or Path(pdf).stem
    written = []
    with tempfile.TemporaryDirectory(prefix="kpu-docs-png-") as tmp:
        ranges: list[tuple[int | None, int | None]] = [(p, p) for p in pages] if pages else [(None, None)]
        for first, last in ranges:
            args = [binary, "-png", "-r", str(dpi)]
            if first:
                args += ["-f", str(first), "-l", str(last)]
            result = subprocess.run([*args, str(pdf), str(Path(tmp) / "p")], capture_output=True, text=True)
            if result.returncode != 0:
                raise ConversionFailed(f"pdftoppm gagal membuat gambar halaman: {result.stderr.strip()}")
        for made in sorted(Path(tmp).glob("p-*.png")):
            page = int(made.stem.rsplit("-", 1)[1])
            target = outdir / f"{prefix}-{page}.png"
            shutil.move(str(made), target)
            written.append(target)
    return sorted(written, key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def preview(docx: Path, outdir: Path, pages: list[int] | None = None, dpi: int = 70,
            timeout: float = DEFAULT_TIMEOUT, warn: Callable[[str], None] | None = None) -> list[Path]:
    """Render pages of a .docx to PNG pictures in outdir; `warn` hears of fonts printed with
    other metrics (the pictures then break lines unlike Word)."""
    with tempfile.TemporaryDirectory(prefix="kpu-docs-pdf-") as tmp:
        (pdf,) = to_pdf([Path(docx)], Path(tmp), timeout=timeout, warn=warn)
        return pdf_to_png(pdf, outdir, pages, dpi, prefix=Path(docx).stem)
