"""Page pictures of a decree: .docx to PDF with LibreOffice, then PDF pages to PNG with pdftoppm."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from kpu_docs.pdf import to_pdf


class PopplerMissing(RuntimeError):
    """pdftoppm is not installed (Debian: poppler-utils)."""


def pdf_to_png(pdf: Path, outdir: Path, pages: list[int] | None = None, dpi: int = 70, prefix: str | None = None) -> list[Path]:
    """PNG files of the given pages (1-based; all pages when None), named <prefix>-<page>.png."""
    binary = shutil.which("pdftoppm")
    if binary is None:
        raise PopplerMissing("pdftoppm tidak ditemukan: pasang paket poppler-utils")
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    prefix = prefix or Path(pdf).stem
    written = []
    with tempfile.TemporaryDirectory(prefix="kpu-docs-png-") as tmp:
        ranges = [(p, p) for p in pages] if pages else [(None, None)]
        for first, last in ranges:
            args = [binary, "-png", "-r", str(dpi)]
            if first:
                args += ["-f", str(first), "-l", str(last)]
            subprocess.run([*args, str(pdf), str(Path(tmp) / "p")], check=True, capture_output=True)
        for made in sorted(Path(tmp).glob("p-*.png")):
            page = int(made.stem.rsplit("-", 1)[1])
            target = outdir / f"{prefix}-{page}.png"
            shutil.move(str(made), target)
            written.append(target)
    return sorted(written, key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def preview(docx: Path, outdir: Path, pages: list[int] | None = None, dpi: int = 70) -> list[Path]:
    """Render pages of a .docx to PNG pictures in outdir."""
    with tempfile.TemporaryDirectory(prefix="kpu-docs-pdf-") as tmp:
        (pdf,) = to_pdf([Path(docx)], Path(tmp))
        return pdf_to_png(pdf, outdir, pages, dpi, prefix=Path(docx).stem)
