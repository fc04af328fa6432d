"""PDF through LibreOffice in headless mode: every file of a batch in one LibreOffice start.

LibreOffice is trusted with nothing it reports: it exits 0 when it cannot load a file, and a PDF
beside the document may be one from an earlier run. So it converts into a fresh folder, and a
PDF counts only when it is there, complete, after this run; it then replaces the old one by a
rename. LibreOffice runs in a process group of its own, ended whole when it takes too long, so
no soffice.bin left behind writes a PDF after the failure was reported.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path

from kpu_docs.errors import KpuDocsError
from kpu_docs.files import move_into_place
from kpu_docs.fonts import plan_for, write_replacement_table

PDFA_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
"""LibreOffice's PDF export as PDF/A-2b (archival: fonts embedded, XMP claims part 2, conformance B)."""

DEFAULT_TIMEOUT = 300.0
"""Seconds one LibreOffice run may take: a decree converts in about 1.5 s (start-up included),
a chunk of 32 in about 10 s."""


class ConversionFailed(KpuDocsError, RuntimeError):
    """LibreOffice did not make a PDF: it could not load a document, failed, or ran out of time."""

    exit_code = 1


class LibreOfficeMissing(ConversionFailed):
    """LibreOffice is not installed (Debian: libreoffice-writer-nogui)."""


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP (a closed terminal, a service stopped) while LibreOffice runs: raised as
    an interrupt, so that it ends LibreOffice's group and removes the staging folder and profile
    on its way out, and the command ends as after Ctrl+C."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


_STOPPING = tuple(s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s is not None)


@contextmanager
def _stopped_like_interrupt() -> Iterator[None]:
    """Inside: SIGTERM and SIGHUP raise Stopped (in the main thread, where Python delivers
    signals; elsewhere nothing changes)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise Stopped(signum)

    previous = {signum: signal.signal(signum, stop) for signum in _STOPPING}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


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
    documents: list[Path], outdir: Path | None = None, timeout: float = DEFAULT_TIMEOUT, profile: Path | None = None,
    pdfa: bool = False, warn: Callable[[str], None] | None = None,
) -> list[Path]:
    """Convert .docx files to PDF in one LibreOffice run; returns the PDF paths in the same order.

    `profile` is a LibreOffice user profile folder to reuse (made on first use): a worker that
    converts many batches keeps one, and parallel workers each need their own, since two
    LibreOffice processes on one profile collide. Without it a fresh one is used and removed.
    The PDFs LibreOffice made are put in place even when others failed (a batch keeps the rows
    that converted); ConversionFailed then names the others.

    The fonts the documents name are printed with a metric-compatible free face when they are not
    installed (kpu_docs.fonts); `warn` is told, in Indonesian, of each font printed with other
    metrics. `pdfa` writes PDF/A-2b.
    """
    documents = [Path(d) for d in documents]
    if not documents:
        return []
    binary = soffice()
    outdir = Path(outdir) if outdir else documents[0].parent
    outdir.mkdir(parents=True, exist_ok=True)
    fonts = plan_for(documents)
    if warn:
        for message in fonts.warnings:
            warn(message)
    with _stopped_like_interrupt():
        return _convert(binary, documents, outdir, timeout, profile, fonts.replacements, pdfa)


def _convert(binary: str, documents: list[Path], outdir: Path, timeout: float, profile: Path | None,
             replacements: dict[str, str], pdfa: bool) -> list[Path]:
    """to_pdf's work: LibreOffice into a fresh folder beside the PDFs, then each whole PDF renamed into place."""
    fresh = Path(tempfile.mkdtemp(prefix=".kpu-docs-pdf-", dir=outdir))  # beside the PDFs: a rename moves them
    try:
        folder: AbstractContextManager[Path | str]
        if profile:
            folder = nullcontext(profile)
        else:
            folder = tempfile.TemporaryDirectory(prefix="kpu-docs-lo-")
        with folder as profile_dir:
            write_replacement_table(Path(profile_dir), replacements)
            # a private profile: a LibreOffice already open on the desktop does not swallow the job
            code, output = _run(
                [
                    binary,
                    f"-env:UserInstallation={Path(profile_dir).resolve().as_uri()}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    PDFA_FILTER if pdfa else "pdf",
                    "--outdir",
                    str(fresh),
                    *map(str, documents),
                ],
                timeout,
            )
        if code != 0:
            raise ConversionFailed(f"LibreOffice gagal membuat PDF (kode {code}): {output.strip()}")
        pdfs, missing = [], []
        for document in documents:
            made, target = fresh / f"{document.stem}.pdf", outdir / f"{document.stem}.pdf"
            if _complete(made):
                move_into_place(made, target)
                pdfs.append(target)
            else:
                missing.append(target.name)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
    if missing:
        raise ConversionFailed(
            f"LibreOffice gagal membuat PDF ({', '.join(missing)}): {output.strip() or 'dokumen tidak dapat dibuka'}"
        )
    return pdfs


def _complete(pdf: Path) -> bool:
    """Whether a PDF is whole: it starts as a PDF and its last part ends the file (%%EOF)."""
    try:
        with open(pdf, "rb") as handle:
            head = handle.read(5)
            handle.seek(max(os.fstat(handle.fileno()).st_size - 1024, 0))
            return head == b"%PDF-" and b"%%EOF" in handle.read()
    except OSError:
        return False


def _run(command: list[str], timeout: float) -> tuple[int, str]:
    """Run LibreOffice in a new session (its own process group): its exit code and its output.

    On a timeout, or an interrupt, the whole group ends (oosplash and the soffice.bin it starts),
    and after a normal end anything it left running ends too. Its own temporary files (lu*.tmp)
    go to a folder of its own, removed with it, since a group ended by SIGKILL cannot remove them."""
    with tempfile.TemporaryFile() as output, tempfile.TemporaryDirectory(prefix="kpu-docs-lo-tmp-") as scratch:
        env = {**os.environ, "TMPDIR": scratch, "TMP": scratch, "TEMP": scratch}
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, start_new_session=True, env=env)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            _end_group(process)
            raise ConversionFailed(
                f"LibreOffice tidak selesai dalam {timeout:g} detik dan dihentikan; "
                "tidak ada PDF yang ditulis (batas waktu dapat diubah dengan --batas-waktu)"
            ) from None
        except BaseException:
            _end_group(process)
            raise
        _end_group(process)
        output.seek(0)
        return process.returncode, output.read().decode("utf-8", "replace")


def _end_group(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass  # the group has ended already
    process.wait()
