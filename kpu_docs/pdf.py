"""PDF through LibreOffice in headless mode: every file of a batch in one LibreOffice start."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from contextlib import nullcontext
from pathlib import Path


class LibreOfficeMissing(RuntimeError):
    """LibreOffice is not installed (Debian: libreoffice-writer-nogui)."""


def soffice() -> str:
    """The LibreOffice executable, or LibreOfficeMissing with what to install."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise LibreOfficeMissing(
        "LibreOffice tidak ditemukan: pasang paket libreoffice-writer-nogui "
        "(apt-get install libreoffice-writer-nogui) untuk membuat PDF"
    )


def to_pdf(
    documents: list[Path], outdir: Path | None = None, timeout: float = 300, profile: Path | None = None
) -> list[Path]:
    """Convert .docx files to PDF in one LibreOffice run; returns the PDF paths in the same order.

    `profile` is a LibreOffice user profile folder to reuse (made on first use): a worker that
    converts many batches keeps one, and parallel workers each need their own, since two
    LibreOffice processes on one profile collide. Without it a fresh one is used and removed.
    """
    documents = [Path(d) for d in documents]
    if not documents:
        return []
    binary = soffice()
    outdir = Path(outdir) if outdir else documents[0].parent
    outdir.mkdir(parents=True, exist_ok=True)
    folder = nullcontext(profile) if profile else tempfile.TemporaryDirectory(prefix="kpu-docs-lo-")
    with folder as profile:
        # a private profile: a LibreOffice already open on the desktop does not swallow the job
        result = subprocess.run(
            [
                binary,
                f"-env:UserInstallation={Path(profile).resolve().as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                *map(str, documents),
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    pdfs = [outdir / f"{d.stem}.pdf" for d in documents]
    missing = [p for p in pdfs if not p.is_file()]
    if result.returncode != 0 or missing:
        raise RuntimeError(
            f"LibreOffice gagal membuat PDF ({', '.join(p.name for p in missing) or 'kode ' + str(result.returncode)}): "
            f"{result.stderr.strip() or result.stdout.strip()}"
        )
    return pdfs
