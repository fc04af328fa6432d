"""The batch (screen "batch"): a base decree of FOLDER and an uploaded spreadsheet (and member
table), checked first as `kpu-docs batch ... --periksa` does, shown as a table; then run in a
background thread with a progress bar the page polls, and the decrees downloaded as a zip.

Uploads and results live in FOLDER/.kpu-docs/batch/<kode>/ (data files as uploaded, the
settings in setelan.json, the documents in hasil/), so a result can be downloaded again later.
"""

from __future__ import annotations

import asyncio
import io
import json
import shutil
import threading
import time
import zipfile
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import quote

from kpu_docs.errors import KpuDocsError
from kpu_docs.web.app import desk_of
from kpu_docs.web.folder import PathRefused, decrees, inside, relative, state_dir
from kpu_docs.web.pages import page
from kpu_docs.web.setelan import register_path

KIND = "batch"
JOBS = None
"""Worker processes of a run: as the CLI, all cores."""
DATA_SUFFIXES = (".csv", ".xlsx")
KEPT_DAYS = 30
"""Days a batch's folder (its uploads and decrees, for the zip to be downloaded again) is kept
after it was last written; older folders are removed when the next batch is uploaded."""


@dataclass
class Job:
    """One run in its background thread: how far it is, and how it ended."""

    kode: str
    dasar: str = ""
    selesai: int = 0
    total: int | None = None
    status: str | None = None
    gagal: list[str] = field(default_factory=list)
    report: Any = None
    galat: list[str] = field(default_factory=list)
    done: bool = False
    thread: threading.Thread | None = None


def _jobs(desk: Any) -> dict[str, Job]:
    return desk.cache.setdefault(("batch", "jobs"), {})


def _settings(work: Path) -> dict:
    return json.loads((work / "setelan.json").read_text(encoding="utf-8"))


def _arguments(desk: Any, work: Path, settings: dict) -> dict:
    """run_batch's arguments from a job's settings, every path resolved again inside FOLDER."""
    return dict(
        base=inside(desk.root, settings["dasar"]),
        data=work / settings["data"],
        tabel=work / settings["tabel"] if settings.get("tabel") else None,
        kunci=settings.get("kunci") or None,
        ke=settings.get("ke") or None,
        jumlah_baris=settings.get("jumlah_baris") or None,
        register=register_path(desk.root) if settings.get("register") else None,
    )


def _outcome_rows(report: Any) -> list[dict]:
    return [{"baris": o.baris, "berkas": o.berkas, "tempat": o.tempat, "status": o.status,
             "masalah": list(o.masalah), "peringatan": list(o.peringatan)} for o in report.outcomes]


async def formulir(request: Any) -> Any:
    desk = desk_of(request)
    return page(request, "batch.html", aktif="batch", names=[relative(desk.root, p) for p in decrees(desk.root)],
                isian={})


async def periksa(request: Any) -> Any:
    """Save the uploads and check every row, as `kpu-docs batch ... --periksa`: nothing written."""
    from kpu_docs.batch import BatchError, run_batch
    from kpu_docs.web.unggah import save, upload_name, work_dir

    desk = desk_of(request)
    names = [relative(desk.root, p) for p in decrees(desk.root)]
    form = await request.form()
    isian = {k: str(form.get(k, "")).strip() for k in ("dasar", "kunci", "ke", "jumlah_baris")}
    isian["register"] = "ya" if form.get("register") else ""
    context: dict[str, Any] = dict(aktif="batch", names=names, isian=isian)
    _clear_old(desk)
    work = work_dir(desk.root, KIND)
    try:
        inside(desk.root, isian["dasar"])
        data = await save(form.get("data"), work, DATA_SUFFIXES, "data")
        settings = {**isian, "data": data.name, "tabel": ""}
        upload = form.get("tabel")
        if upload is not None and upload_name(upload):
            (work / "tabel").mkdir()
            tabel = await save(upload, work / "tabel", DATA_SUFFIXES, "tabel anggota")
            settings["tabel"] = f"tabel/{tabel.name}"
            if not isian["kunci"]:
                raise PathRefused("kolom kunci wajib diisi bila ada tabel anggota (mis. desa)")
        (work / "setelan.json").write_text(json.dumps(settings, ensure_ascii=False), encoding="utf-8")
        report = await asyncio.to_thread(  # off the event loop: every row is checked
            partial(run_batch, outdir=None, periksa=True, jobs=JOBS, **_arguments(desk, work, settings)))
    except BatchError as exc:  # nothing to run: the uploads are not kept
        shutil.rmtree(work, ignore_errors=True)
        return page(request, "batch.html", status_code=422, masalah=list(exc.masalah), peringatan=exc.peringatan,
                    **context)
    except KpuDocsError as exc:
        shutil.rmtree(work, ignore_errors=True)
        return page(request, "batch.html", status_code=422, galat_umum=str(exc), **context)
    peringatan_baris = sum(len(o.peringatan) for o in report.outcomes)
    rows = _outcome_rows(report)
    common = _common(rows)
    for row in rows:
        row["peringatan"] = [w for w in row["peringatan"] if w not in common]
    return page(request, "batch_periksa.html", aktif="batch", kode=work.name, isian=isian, rows=rows,
                report=report, peringatan_baris=peringatan_baris, semua_baris=common)


def _clear_old(desk: Any) -> None:
    """Remove the folders of batches last written more than KEPT_DAYS ago (a running batch's
    folder is never old: its decrees are being written)."""
    folder = state_dir(desk.root) / KIND
    running = {kode for kode, job in _jobs(desk).items() if not job.done}
    cutoff = time.time() - KEPT_DAYS * 86400
    for work in folder.iterdir() if folder.is_dir() else []:
        if work.is_dir() and work.name not in running and _last_written(work) < cutoff:
            shutil.rmtree(work, ignore_errors=True)


def _last_written(folder: Path) -> float:
    return max((p.stat().st_mtime for p in folder.rglob("*")), default=folder.stat().st_mtime)


def _common(rows: list[dict]) -> list[str]:
    """The warnings every row has (the base decree's own placeholders): said once, above the table."""
    if len(rows) < 2:
        return []
    shared = set(rows[0]["peringatan"]).intersection(*(r["peringatan"] for r in rows[1:]))
    return [w for w in rows[0]["peringatan"] if w in shared]


def _run(desk: Any, job: Job, work: Path, pengguna: str) -> None:
    """The batch itself, in its thread; everything it says lands in `job` for the page to show."""
    from kpu_docs.batch import BatchError, run_batch

    def progress(done: int, total: int, outcome: Any) -> None:
        job.selesai, job.total = done, total
        if outcome is not None:
            job.gagal += outcome.pesan()

    def status(text: str | None) -> None:
        job.status = text

    try:
        job.report = run_batch(outdir=work / "hasil", jobs=JOBS, oleh=pengguna, progress=progress, status=status,
                               **_arguments(desk, work, _settings(work)))
    except BatchError as exc:
        job.galat = [*exc.peringatan, *exc.masalah]
    except Exception as exc:  # noqa: BLE001 - as the CLI: a batch reports, it shows no traceback
        job.galat = [f"batch terhenti: {type(exc).__name__}: {exc}; jalankan lagi untuk melanjutkan"]
    finally:
        job.done = True
        desk.store.record(pengguna, "batch", _settings(work)["dasar"])


async def jalankan(request: Any) -> Any:
    from starlette.responses import RedirectResponse

    from kpu_docs.web.unggah import work_dir

    desk = desk_of(request)
    form = await request.form()
    kode = str(form.get("kode", ""))
    work = work_dir(desk.root, KIND, kode)
    jobs = _jobs(desk)
    if kode not in jobs or jobs[kode].done:
        job = jobs[kode] = Job(kode, dasar=_settings(work)["dasar"])
        job.thread = threading.Thread(target=_run, args=(desk, job, work, request.state.session.pengguna),
                                      name=f"batch-{kode}", daemon=True)
        job.thread.start()
    return RedirectResponse(f"/batch/{quote(kode)}", status_code=303)


def _job(request: Any) -> Job:
    kode = request.path_params["kode"]
    job = _jobs(desk_of(request)).get(kode)
    if job is None:
        raise PathRefused(f"batch {kode} tidak ada (atau desk dijalankan ulang): unggah lagi")
    return job


def _files(work: Path) -> list[Path]:
    out = work / "hasil"
    return sorted(p for p in out.iterdir() if p.suffix.lower() in (".docx", ".pdf")) if out.is_dir() else []


def _progress(request: Any, template: str) -> Any:
    job = _job(request)
    report = job.report
    context: dict[str, Any] = dict(aktif="batch", job=job, report=report)
    if job.done and report is not None:
        context["nomor"] = list(report.nomor.items())
        context["rows"] = _outcome_rows(report)
    return page(request, template, **context)


async def kemajuan_halaman(request: Any) -> Any:
    return _progress(request, "batch_jalan.html")


async def kemajuan(request: Any) -> Any:
    """The progress bar alone, polled by the page until the batch is done."""
    return _progress(request, "_batch_kemajuan.html")


async def unduh(request: Any) -> Any:
    """Every document the batch wrote, as one zip."""
    from starlette.responses import Response

    from kpu_docs.web.unggah import work_dir

    desk = desk_of(request)
    kode = request.path_params["kode"]
    work = work_dir(desk.root, KIND, kode)
    files = _files(work)
    if not files:
        return page(request, "galat.html", status_code=404, galat_umum=f"batch {kode}: belum ada dokumen")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            archive.write(path, path.name)
    base = Path(_settings(work)["dasar"]).stem
    return Response(buffer.getvalue(), media_type="application/zip",
                    headers={"Content-Disposition": f'attachment; filename="{base}-batch.zip"'})


def routes() -> list[Any]:
    from starlette.routing import Route

    return [
        Route("/batch", formulir),
        Route("/batch/periksa", periksa, methods=["POST"]),
        Route("/batch/jalankan", jalankan, methods=["POST"]),
        Route("/batch/{kode:str}", kemajuan_halaman),
        Route("/batch/{kode:str}/kemajuan", kemajuan),
        Route("/batch/{kode:str}/unduh", unduh),
    ]
