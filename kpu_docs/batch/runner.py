"""The batch loop: stream rows, send chunks to a pool, write results as they come back.

One loop serves every pool (this process, worker processes, a Dask cluster). At most two chunks
per worker are in flight and rows are read as chunks are sent, so memory does not grow with the
length of the sheet. Only this process writes files and the manifest.
"""

from __future__ import annotations

import math
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from kpu_docs.batch.errors import BatchError
from kpu_docs.batch.manifest import Manifest, digest
from kpu_docs.batch.numbers import RowNumbers
from kpu_docs.batch.plan import Failure, Plan
from kpu_docs.batch.pools import DaskPool, InlinePool, Pool, ProcessPool
from kpu_docs.batch.work import RenderSettings, Task, TaskResult, render_chunk
from kpu_docs.files import write_all_atomic

DITULIS, DILEWATI, GAGAL = "ditulis", "dilewati", "gagal"


@dataclass(frozen=True, slots=True)
class RowOutcome:
    """What became of one data row."""

    baris: int
    """Data row number, counted from 1 below the header."""
    berkas: str
    """Output name, without .docx."""
    status: str
    """"ditulis" (written), "dilewati" (unchanged since the last run) or "gagal" (failed)."""
    masalah: tuple[str, ...] = ()
    """For a failed row: "field path: message" texts."""
    keluaran: tuple[str, ...] = ()
    """File names written in the output folder."""

    def pesan(self) -> list[str]:
        """The failure as printed: `baris 2: penutup.tanggal: harus berupa tanggal ...`."""
        return [f"baris {self.baris}: {m}" for m in self.masalah]


@dataclass
class BatchReport:
    """The outcome of every row, in row order, and how long the batch took."""

    outcomes: list[RowOutcome]
    detik: float
    nomor: dict[str, str] = field(default_factory=dict)
    """With a register: each output name and the number it was given, in row order."""

    def _count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def ditulis(self) -> int:
        return self._count(DITULIS)

    @property
    def dilewati(self) -> int:
        return self._count(DILEWATI)

    @property
    def gagal(self) -> int:
        return self._count(GAGAL)

    @property
    def failures(self) -> list[RowOutcome]:
        return [o for o in self.outcomes if o.status == GAGAL]


Progress = Callable[[int, int, "RowOutcome | None"], None]
"""Called as progress(done, total, outcome): once with (0, total, None), then after each row."""


def run_batch(
    base: str | Path,
    data: str | Path,
    outdir: str | Path,
    *,
    tabel: str | Path | None = None,
    kunci: str | None = None,
    ke: str | None = None,
    jobs: int | None = None,
    pdf: bool = False,
    ulang: bool = False,
    dask: Any = None,
    templates: str | Path | None = None,
    register: str | Path | None = None,
    oleh: str | None = None,
    progress: Progress | None = None,
) -> BatchReport:
    """One decree per data row of `data` (CSV, XLSX, `file.xlsx#Sheet`), from the decree `base`.

    Header cells are field paths (`penutup.tanggal`, `lampiran[1].judul`); `berkas` names the
    output. With `tabel` and `kunci`, each decree's table (`ke`, or the one empty table of the
    base) gets the table file's rows with its key. `jobs` worker processes (default: all cores),
    or the Dask cluster at `dask` (an address, a cluster or a Client). Unchanged rows of an
    earlier run are skipped unless `ulang`. With `register`, each row whose nomor still holds
    [ISI NOMOR] gets the next number from that register (batch/numbers.py), taken by `oleh`.
    BatchError when the batch cannot start; a bad row is reported in the report and the others
    still render.
    """
    started = time.monotonic()
    outdir = Path(outdir)
    workers = jobs if jobs is not None else os.cpu_count() or 1
    if workers < 1:
        raise BatchError("--jobs paling sedikit 1")
    if pdf and dask is None:
        from kpu_docs.pdf import LibreOfficeMissing, soffice

        try:
            soffice()
        except LibreOfficeMissing as exc:
            raise BatchError(str(exc)) from None
    numbers = RowNumbers(register, outdir, Path(base).resolve().parent, oleh) if register is not None else None
    plan = Plan(Path(base), data, tabel=tabel, kunci=kunci, ke=ke, templates=templates, numbers=numbers)
    cluster = None
    try:
        if numbers is not None:
            _open_register(numbers)
        cluster = DaskPool(dask) if dask is not None else None
        workers = cluster.workers if cluster else max(1, min(workers, plan.total))

        def make_pool() -> Pool:
            if cluster:
                return cluster
            return ProcessPool(workers) if workers > 1 else InlinePool()

        try:
            outdir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BatchError(f"{outdir}: folder hasil tidak dapat dibuat: {exc}") from None
        settings = RenderSettings(
            templates=Path(templates).resolve() if templates else None,
            pdf=pdf,
            base_dir=Path(base).resolve().parent,
            base_data=plan.base_data,
        )
        outcomes = _Loop(plan, Manifest(outdir), settings, progress, ulang).run(make_pool, workers)
    finally:
        plan.close()
        if numbers is not None:
            numbers.close()
        if cluster is not None:
            cluster.close()  # closed already if work was sent; closing twice is harmless
    outcomes.sort(key=lambda o: o.baris)
    return BatchReport(outcomes, time.monotonic() - started, numbers.given if numbers else {})


def _open_register(numbers: RowNumbers) -> None:
    from kpu_docs.nomor.register import RegisterError

    try:
        numbers.open()
    except RegisterError as exc:
        raise BatchError(str(exc)) from None


def chunk_size(total: int, workers: int, pdf: bool) -> int:
    """Rows per chunk: small enough to share the rows out and show progress, large enough that
    a chunk's PDFs pay for their one LibreOffice start."""
    if pdf:
        return max(1, min(32, math.ceil(total / workers)))
    return max(1, min(16, math.ceil(total / (4 * workers))))


class _Loop:
    def __init__(self, plan: Plan, manifest: Manifest, settings: RenderSettings, progress: Progress | None, ulang: bool):
        self.plan, self.manifest, self.settings = plan, manifest, settings
        self.progress = progress or (lambda done, total, outcome: None)
        self.ulang = ulang
        self.outcomes: list[RowOutcome] = []
        self.pending: set = set()
        self.in_flight: dict[Any, list[tuple[int, str, str]]] = {}
        self.pool: Pool | None = None

    def run(self, make_pool: Callable[[], Pool], workers: int) -> list[RowOutcome]:
        size = chunk_size(self.plan.total, workers, self.settings.pdf)
        self.progress(0, self.plan.total, None)
        chunk: list[Task] = []
        try:
            for number, cells in self.plan.source.rows():
                item = self.plan.task(number, cells)
                if isinstance(item, Failure):
                    self._done(RowOutcome(item.baris, item.berkas, GAGAL, item.masalah))
                elif not self.ulang and self.manifest.unchanged(item.berkas, item.masukan, self.settings.pdf):
                    self._done(RowOutcome(item.baris, item.berkas, DILEWATI))
                else:
                    chunk.append(item)
                    if len(chunk) >= size:
                        self._submit(make_pool, chunk)
                        chunk = []
            if chunk:
                self._submit(make_pool, chunk)
            while self.pending:
                self._collect()
        finally:
            if self.pool is not None:
                self.pool.close(self.pending)
            self.manifest.save()
        return self.outcomes

    def _submit(self, make_pool: Callable[[], Pool], chunk: list[Task]) -> None:
        if self.pool is None:
            self.pool = make_pool()  # started on the first chunk: a run that skips everything starts none
        pool = self.pool
        while len(self.pending) >= 2 * pool.workers:
            self._collect()
        future = pool.submit(render_chunk, chunk, self.settings)
        self.pending.add(future)
        self.in_flight[future] = [(t.baris, t.berkas, t.masukan) for t in chunk]
        if future.done():  # in this process the work is done already: report it now
            self._collect()

    def _collect(self) -> None:
        if self.pool is None:  # nothing was submitted, so nothing is pending
            return
        done, self.pending = self.pool.wait_any(self.pending)
        for future in done:
            chunk = self.in_flight.pop(future)
            try:
                results = future.result()
            except Exception as exc:  # the worker itself failed (killed, out of memory, lost)
                problem = f"pekerja gagal: {type(exc).__name__}: {exc}"
                results = [TaskResult(baris, berkas, masukan, masalah=[problem]) for baris, berkas, masukan in chunk]
            for result in results:
                self._write(result)
        self.manifest.save_if_due()

    def _write(self, result: TaskResult) -> None:
        if not result.masalah:
            try:
                write_all_atomic([(self.manifest.outdir / name, blob) for name, blob in result.files])
            except OSError as exc:
                result.masalah = [f"berkas: tidak dapat ditulis: {exc}"]
            else:
                written = {name: digest(blob) for name, blob in result.files}
                self.manifest.record(result.berkas, result.masukan, written)
                self._done(RowOutcome(result.baris, result.berkas, DITULIS, keluaran=tuple(written)))
                return
        self.manifest.forget(result.berkas)
        self._done(RowOutcome(result.baris, result.berkas, GAGAL, tuple(result.masalah)))

    def _done(self, outcome: RowOutcome) -> None:
        if self.plan.numbers is not None:
            self.plan.numbers.settle(outcome.berkas, outcome.status != GAGAL, outcome.masalah)
        self.outcomes.append(outcome)
        self.progress(len(self.outcomes), self.plan.total, outcome)
