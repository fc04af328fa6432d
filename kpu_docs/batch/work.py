"""The unit of work of a batch: render a chunk of decrees, in whatever process or machine runs it.

`render_chunk` takes plain picklable data and returns bytes, so the same function runs in this
process, in a worker process or on a Dask worker, and only the parent touches the output folder.
With PDF the chunk's documents are converted in one LibreOffice start, never one per file.
"""

from __future__ import annotations

import os
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from kpu_docs.batch.paths import apply
from kpu_docs.errors import InputError
from kpu_docs.loading import from_data
from kpu_docs.pdf import LibreOfficeMissing, to_pdf
from kpu_docs.word.document import file_names, render_packages


@dataclass(frozen=True)
class RenderSettings:
    """What every task of a batch shares."""

    templates: Path | None
    """Folder of restyled templates, or None for the shipped ones."""
    pdf: bool
    """Convert to PDF too."""
    base_dir: Path
    """Folder of the base file: a relative logo path is taken from there."""
    base_data: dict
    """The base decree's data, sent once per chunk; each task carries only what its row changes."""
    base_name: str = ""
    """The base file as messages name it: a problem in a field the row does not set is its."""


@dataclass(frozen=True)
class Task:
    """One decree to render: its data row number, output name and the fields its row sets."""

    baris: int
    berkas: str
    changes: tuple
    """(field path, value) pairs, applied to the base in order."""
    masukan: str
    """Hash of its inputs, carried back for the manifest."""
    tempat: str = ""
    """Where its row is, as messages name it: `desa.csv baris 3 (berkas pps-2, desa Dasan Agung)`."""


@dataclass
class TaskResult:
    """Files to write (name, bytes), or the problems that stopped this decree."""

    baris: int
    berkas: str
    masukan: str
    files: list[tuple[str, bytes]] = field(default_factory=list)
    masalah: list[str] = field(default_factory=list)
    tempat: str = ""


def render_chunk(tasks: list[Task], settings: RenderSettings) -> list[TaskResult]:
    """Render each task; a bad task is reported in its result and the others still render."""
    results = [_render(task, settings) for task in tasks]
    if settings.pdf:
        _add_pdfs([r for r in results if not r.masalah])
    return results


def _render(task: Task, settings: RenderSettings) -> TaskResult:
    result = TaskResult(task.baris, task.berkas, task.masukan, tempat=task.tempat)
    try:
        keputusan = from_data(apply(settings.base_data, task.changes), base_dir=settings.base_dir)
        blobs = render_packages(keputusan, settings.templates)  # the Lampiran apart if it says so
        names = file_names(Path(f"{task.berkas}.docx"), len(blobs))
        result.files = [(name.name, blob) for name, blob in zip(names, blobs)]
    except InputError as exc:
        result.masalah = problems(exc, task.changes, settings.base_name)
    except jinja2.TemplateError as exc:
        result.masalah = [f"templat tidak dapat diisi: {exc}"]
    except (OSError, ValueError) as exc:  # a missing logo or template, a table that does not fit
        result.masalah = [str(exc)]
    except Exception as exc:  # one decree's surprise must not stop the other rows of the batch
        result.masalah = [f"galat tak terduga: {type(exc).__name__}: {exc}"]
    return result


def problems(error: InputError, changes: tuple, base_name: str) -> list[str]:
    """The decree's problems as texts; one in a field the row did not set came from the base
    file, and says so (every row would show it, and no cell of the sheet can fix it)."""
    from kpu_docs.errors import format_path

    own = [format_path(path) for path, _ in changes]
    texts = []
    for masalah in error.masalah:
        text = str(masalah)
        lokasi = masalah.lokasi
        from_row = set_by(lokasi, own)
        texts.append(text if from_row or not base_name or not lokasi else f"{text} (nilai dari berkas dasar {base_name})")
    return texts


def set_by(lokasi: str, paths: list[str]) -> bool:
    """Whether the field at `lokasi` (a path as errors print it) is, holds or lies inside one of
    `paths`: a value a row sets, rather than one it takes from the base file."""
    return any(lokasi == p or lokasi.startswith((f"{p}.", f"{p}[")) or p.startswith((f"{lokasi}.", f"{lokasi}["))
               for p in paths)


def _add_pdfs(results: list[TaskResult]) -> None:
    """Convert the chunk's documents in one LibreOffice start and add each PDF to its result."""
    if not results:
        return
    with tempfile.TemporaryDirectory(prefix="kpu-docs-pdf-") as folder:
        documents: list[tuple[TaskResult, Path]] = []
        for result in results:
            for name, blob in result.files:
                path = Path(folder) / name
                path.write_bytes(blob)
                documents.append((result, path))
        outdir = Path(folder) / "pdf"
        problem = "LibreOffice tidak membuat PDF-nya"
        try:
            to_pdf([path for _, path in documents], outdir, profile=_profile())
        except LibreOfficeMissing as exc:
            problem = str(exc)
        except (RuntimeError, OSError) as exc:  # some files failed: those rows fail, not the chunk
            problem = str(exc).splitlines()[0]
        except Exception as exc:  # a timeout
            problem = f"LibreOffice gagal: {exc}"
        for result, path in documents:
            pdf = outdir / f"{path.stem}.pdf"
            if pdf.is_file():
                result.files.append((pdf.name, pdf.read_bytes()))
            else:
                result.masalah.append(f"pdf: {problem}")


_profiles: dict[tuple[int, int], tempfile.TemporaryDirectory] = {}


def _profile() -> Path:
    """This worker's own LibreOffice profile, kept for its lifetime (removed at exit).

    Keyed by process and thread: Dask may run several tasks as threads of one process, and
    two LibreOffice runs on one profile collide.
    """
    key = (os.getpid(), threading.get_ident())
    if key not in _profiles:
        _profiles[key] = tempfile.TemporaryDirectory(prefix="kpu-docs-lo-")
    return Path(_profiles[key].name)
