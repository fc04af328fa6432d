"""The batch loop: stream rows, send chunks to a pool, write results as they come back.

One loop serves every pool (this process, worker processes, a Dask cluster). At most two chunks
per worker are in flight and rows are read as chunks are sent, so memory does not grow with the
length of the sheet. Only this process writes files and the manifest.
"""

from __future__ import annotations

import math
import os
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from kpu_docs.batch.audit import parse_range
from kpu_docs.batch.errors import BatchError
from kpu_docs.batch.manifest import Manifest, digest
from kpu_docs.batch.numbers import RowNumbers
from kpu_docs.batch.plan import Failure, Plan
from kpu_docs.batch.pools import DaskPool, InlinePool, Pool, ProcessPool
from kpu_docs.batch.work import RenderSettings, Task, TaskResult, problems, render_chunk
from kpu_docs.files import remove_leftovers, write_all_atomic

DITULIS, DILEWATI, GAGAL, DIPERIKSA = "ditulis", "dilewati", "gagal", "diperiksa"


@dataclass(frozen=True, slots=True)
class RowOutcome:
    """What became of one data row."""

    baris: int
    """Data row number, counted from 1 below the header (the spreadsheet's row is one more)."""
    berkas: str
    """Output name, without .docx."""
    status: str
    """"ditulis" (written), "dilewati" (unchanged since the last run), "gagal" (refused or
    failed) or, when the batch is only checked, "diperiksa" (valid)."""
    masalah: tuple[str, ...] = ()
    """For a failed row: "field path: message" texts."""
    keluaran: tuple[str, ...] = ()
    """File names written in the output folder."""
    tempat: str = ""
    """Where the row is: `desa.csv baris 3 (berkas pps-2, desa Dasan Agung)`, or `data[1] (...)`."""
    peringatan: tuple[str, ...] = ()
    """When the batch is only checked: the decree's `check` warnings."""

    def pesan(self) -> list[str]:
        """The failure as printed: `desa.csv baris 3 (berkas pps-2, desa Dasan Agung): penutup.tanggal: ...`."""
        where = self.tempat or f"baris {self.baris}"
        return [f"{where}: {m}" for m in self.masalah]


@dataclass
class BatchReport:
    """How many rows became what, how long the batch took, and (with `per_baris`, the default)
    the outcome of every row, in row order.

    A very long batch is run with `per_baris=False`: the report then keeps only the counts, so
    its memory does not grow with the rows, and each outcome passes through `progress` alone.
    """

    outcomes: list[RowOutcome]
    detik: float
    """Wall time of the call (time.monotonic), waits included."""
    nomor: dict[str, str] = field(default_factory=dict)
    """With a register: each output name and the number it was given, in row order."""
    peringatan: list[str] = field(default_factory=list)
    """What the batch took with a word of notice (a key matched once spaces and case are set
    aside, one key used by two decrees, --jobs above the number of cores), each naming its file
    and rows."""
    kesalahan: list[str] = field(default_factory=list)
    """When only checked (`periksa`): what would have stopped the batch before rendering (a run
    raises BatchError with them instead)."""
    jumlah: dict[str, int] = field(default_factory=dict)
    """Rows by status ("ditulis", "dilewati", "gagal", "diperiksa"), counted as they finish."""
    jumlah_peringatan: int = 0
    """When checked: the `check` warnings of all rows together."""

    def __post_init__(self) -> None:
        if not self.jumlah:  # a report made from outcomes alone (as by a caller)
            for outcome in self.outcomes:
                self.jumlah[outcome.status] = self.jumlah.get(outcome.status, 0) + 1
            self.jumlah_peringatan = self.jumlah_peringatan or sum(len(o.peringatan) for o in self.outcomes)

    @property
    def baris(self) -> int:
        """Data rows the batch went through."""
        return sum(self.jumlah.values())

    @property
    def ditulis(self) -> int:
        return self.jumlah.get(DITULIS, 0)

    @property
    def dilewati(self) -> int:
        return self.jumlah.get(DILEWATI, 0)

    @property
    def gagal(self) -> int:
        return self.jumlah.get(GAGAL, 0)

    @property
    def diperiksa(self) -> int:
        return self.jumlah.get(DIPERIKSA, 0)

    @property
    def failures(self) -> list[RowOutcome]:
        return [o for o in self.outcomes if o.status == GAGAL]

    @property
    def written(self) -> list[RowOutcome]:
        """Rows whose files were written, with the file names (`keluaran`)."""
        return [o for o in self.outcomes if o.status == DITULIS]

    @property
    def skipped(self) -> list[RowOutcome]:
        """Rows left as an earlier run wrote them (unchanged)."""
        return [o for o in self.outcomes if o.status == DILEWATI]

    @property
    def refused(self) -> list[RowOutcome]:
        """Rows that became no document, each with its messages (`pesan()`)."""
        return self.failures

    @property
    def ok(self) -> bool:
        """Nothing refused: no failed row and (when checked) nothing that stops the batch."""
        return not self.gagal and not self.kesalahan


class _Tally:
    """Outcomes as they come: counted, passed to `progress`, kept only when asked (`per_baris`)."""

    def __init__(self, total: int, progress: Progress | None, keep: bool, fonts_in: Path | None = None):
        self.total, self.keep = total, keep
        self.progress = progress or (lambda done, total, outcome: None)
        self.outcomes: list[RowOutcome] = []
        self.jumlah: dict[str, int] = {}
        self.warnings = 0
        self.done = 0
        self.fonts_in = fonts_in
        """With --pdf, the folder whose written documents' fonts are gathered (a row may choose its own)."""
        self.fonts: set[str] = set()

    def start(self) -> None:
        self.progress(0, self.total, None)

    def add(self, outcome: RowOutcome) -> None:
        self.done += 1
        self.jumlah[outcome.status] = self.jumlah.get(outcome.status, 0) + 1
        self.warnings += len(outcome.peringatan)
        if self.keep:
            self.outcomes.append(outcome)
        if self.fonts_in is not None and outcome.status == DITULIS:
            from kpu_docs.fonts import fonts_in_documents

            self.fonts.update(fonts_in_documents([self.fonts_in / name for name in outcome.keluaran if name.endswith(".docx")]))
        self.progress(self.done, self.total, outcome)

    def font_warnings(self) -> list[str]:
        """Once per batch, the fonts its PDFs print with other metrics than Word's (kpu_docs.fonts)."""
        from kpu_docs.fonts import plan

        return [f"PDF: {warning}" for warning in plan(self.fonts).warnings]

    def report(self, started: float, **extra: Any) -> BatchReport:
        self.outcomes.sort(key=lambda o: o.baris)
        return BatchReport(self.outcomes, time.monotonic() - started, jumlah=dict(self.jumlah),
                           jumlah_peringatan=self.warnings, **extra)


Progress = Callable[[int, int, "RowOutcome | None"], None]
"""Called as progress(done, total, outcome): once with (0, total, None), then after each row."""

WAIT_SAID = 5.0
"""Seconds without a finished chunk before the batch says it is waiting for its workers."""

Status = Callable[["str | None"], None]
"""Called with what the batch is doing or waiting for (`menunggu register ...`), None when that is over."""


def run_batch(
    base: str | Path,
    data: Any,
    outdir: str | Path | None = None,
    *,
    tabel: Any = None,
    kunci: str | None = None,
    ke: str | None = None,
    jobs: int | None = None,
    pdf: bool = False,
    ulang: bool = False,
    dask: Any = None,
    templates: str | Path | None = None,
    register: str | Path | None = None,
    oleh: str | None = None,
    jumlah_baris: str | tuple[int | None, int | None] | None = None,
    periksa: bool = False,
    progress: Progress | None = None,
    status: Status | None = None,
    per_baris: bool = True,
) -> BatchReport:
    """One decree per data row of `data`, from the decree `base`.

    `data` is a file (CSV, XLSX, `file.xlsx#Sheet`) or rows in memory: an iterable of mappings
    (column -> value) or a pandas DataFrame; `tabel` likewise. Header cells are field paths
    (`penutup.tanggal`, `lampiran[1].judul`); `berkas` names the output. With `tabel` and `kunci`,
    each decree's table (`ke`, or the one empty table of the base) gets the table rows with its
    key; every table row must belong to a decree, and `jumlah_baris` ("3", "2:5", (2, 5)) bounds
    how many each decree gets. `jobs` worker processes (default: all cores), or the Dask cluster
    at `dask` (an address, a cluster or a Client). Unchanged rows of an earlier run are skipped
    unless `ulang`. With `register`, each row whose nomor still holds [ISI NOMOR] gets the next
    number from that register (batch/numbers.py), taken by `oleh`.

    `periksa`: check everything (each row's data, the table grouping, each decree's `check`
    warnings) and write nothing: no folder, no manifest, no register number.
    BatchError (every problem, `masalah`) when the batch cannot start; a bad row is reported in
    the report and the others still render. `per_baris=False` keeps no outcome per row in the
    report, only the counts (each outcome still goes to `progress`): memory stays flat however
    long the sheet. `jobs` above the number of cores is lowered to it, with a warning.
    """
    started = time.monotonic()
    say = status or (lambda text: None)
    if outdir is None and not periksa:
        raise BatchError("folder hasil (-o) wajib diisi")
    cores = usable_cores()
    workers = jobs if jobs is not None else cores
    if workers < 1:
        raise BatchError("--jobs paling sedikit 1")
    notices: list[str] = []
    if workers > cores and dask is None:
        notices.append(f"--jobs {workers} melebihi jumlah inti prosesor ({cores}); dipakai {cores} proses pekerja "
                       "(tiap pekerja memakai memori sendiri, dan lebih banyak pekerja tidak lebih cepat)")
        workers = cores
    bounds = parse_range(jumlah_baris) if isinstance(jumlah_baris, str) else jumlah_baris
    if pdf and dask is None and not periksa:
        from kpu_docs.pdf import LibreOfficeMissing, soffice

        try:
            soffice()
        except LibreOfficeMissing as exc:
            raise BatchError(str(exc)) from None
    out = Path(outdir) if outdir is not None else Path(".")
    numbers = RowNumbers(register, out, Path(base).resolve().parent, oleh, status=say) if register is not None else None
    say("membaca dan memeriksa semua baris")
    plan = Plan(Path(base), data, tabel=tabel, kunci=kunci, ke=ke, templates=templates, numbers=numbers,
                jumlah_baris=bounds)
    say(None)
    warnings = notices + plan.warnings
    tally = _Tally(plan.total, progress, per_baris, fonts_in=out if pdf and out is not None else None)
    if periksa:
        try:
            _check_all(plan, tally, skip=("nomor-kosong",) if register is not None else ())
        finally:
            plan.close()
        return tally.report(started, peringatan=warnings, kesalahan=plan.errors)
    if plan.errors:
        plan.close()
        error = BatchError(plan.errors)
        error.peringatan = warnings
        raise error
    cluster = None
    try:
        if numbers is not None:
            _open_register(numbers, say)
        if dask is not None:
            say(f"menghubungi klaster Dask {dask}")
            cluster = DaskPool(dask)
            say(None)
        workers = cluster.workers if cluster else max(1, min(workers, plan.total))

        def make_pool() -> Pool:
            if cluster:
                return cluster
            return ProcessPool(workers) if workers > 1 else InlinePool()

        try:
            out.mkdir(parents=True, exist_ok=True)
            remove_leftovers(out)  # of a run killed while it wrote a file
            manifest = Manifest(out)
        except (OSError, sqlite3.Error) as exc:
            raise BatchError(f"{out}: folder hasil tidak dapat dibuat atau ditulis: {exc}") from None
        settings = RenderSettings(
            templates=Path(templates).resolve() if templates else None,
            pdf=pdf,
            base_dir=Path(base).resolve().parent,
            base_data=plan.base_data,
            base_name=str(base),
        )
        _Loop(plan, manifest, settings, tally, ulang, say).run(make_pool, workers)
    finally:
        plan.close()
        if numbers is not None:
            numbers.close()
        if cluster is not None:
            cluster.close()  # closed already if work was sent; closing twice is harmless
    if pdf:
        warnings = warnings + tally.font_warnings()
    return tally.report(started, nomor=numbers.given if numbers else {}, peringatan=warnings)


def usable_cores() -> int:
    """The cores this process may run on (its affinity where the system tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _check_all(plan: Plan, tally: _Tally, skip: tuple[str, ...]) -> None:
    """Each row validated as its decree and put through `check`, in this process; nothing written."""
    from kpu_docs.batch.paths import apply
    from kpu_docs.checks import temuan
    from kpu_docs.errors import InputError
    from kpu_docs.loading import from_data

    tally.start()
    base_dir = plan.base.resolve().parent
    for number, cells in plan.source.rows():
        item = plan.task(number, cells, numbered=False)
        if isinstance(item, Failure):
            outcome = RowOutcome(item.baris, item.berkas, GAGAL, item.masalah, tempat=item.tempat)
        else:
            try:
                keputusan = from_data(apply(plan.base_data, item.changes), base_dir=base_dir)
            except InputError as exc:
                outcome = RowOutcome(item.baris, item.berkas, GAGAL, tuple(problems(exc, item.changes, str(plan.base))),
                                     tempat=item.tempat)
            else:
                found = tuple(f"{f} [{f.aturan}]" for f in temuan(keputusan, skip))
                outcome = RowOutcome(item.baris, item.berkas, DIPERIKSA, tempat=item.tempat, peringatan=found)
        tally.add(outcome)


def _open_register(numbers: RowNumbers, say: Status) -> None:
    from kpu_docs.nomor.register import RegisterError

    say(f"membuka register {numbers.path}")
    try:
        numbers.open()
    except RegisterError as exc:
        raise BatchError(str(exc)) from None
    say(None)


def chunk_size(total: int, workers: int, pdf: bool) -> int:
    """Rows per chunk: small enough to share the rows out and show progress, large enough that
    a chunk's PDFs pay for their one LibreOffice start."""
    if pdf:
        return max(1, min(32, math.ceil(total / workers)))
    return max(1, min(16, math.ceil(total / (4 * workers))))


class _Loop:
    def __init__(self, plan: Plan, manifest: Manifest, settings: RenderSettings, tally: _Tally,
                 ulang: bool, say: Status):
        self.plan, self.manifest, self.settings = plan, manifest, settings
        self.tally = tally
        self.say = say
        self.starting = False
        self.ulang = ulang
        self.pending: set = set()
        self.in_flight: dict[Any, list[tuple[int, str, str, str]]] = {}
        self.pool: Pool | None = None

    def run(self, make_pool: Callable[[], Pool], workers: int) -> None:
        size = chunk_size(self.plan.total, workers, self.settings.pdf)
        self.tally.start()
        chunk: list[Task] = []
        try:
            for number, cells in self.plan.source.rows():
                item = self.plan.task(number, cells)
                if isinstance(item, Failure):
                    self._done(RowOutcome(item.baris, item.berkas, GAGAL, item.masalah, tempat=item.tempat))
                elif not self.ulang and self.manifest.unchanged(item.berkas, item.masukan, self.settings.pdf):
                    self._done(RowOutcome(item.baris, item.berkas, DILEWATI, tempat=item.tempat))
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
            self.manifest.close()

    def _submit(self, make_pool: Callable[[], Pool], chunk: list[Task]) -> None:
        if self.pool is None:  # started on the first chunk: a run that skips everything starts none
            self.pool = make_pool()
            if isinstance(self.pool, ProcessPool):  # forkserver start and imports: seconds on a busy machine
                self.say(f"memulai {self.pool.workers} proses pekerja")
                self.starting = True
        pool = self.pool
        while len(self.pending) >= 2 * pool.workers:
            self._collect()
        future = pool.submit(render_chunk, chunk, self.settings)
        self.pending.add(future)
        self.in_flight[future] = [(t.baris, t.berkas, t.masukan, t.tempat) for t in chunk]
        if future.done():  # in this process the work is done already: report it now
            self._collect()

    def _collect(self) -> None:
        if self.pool is None:  # nothing was submitted, so nothing is pending
            return
        done, self.pending = self._wait_any(self.pool)
        for future in done:
            chunk = self.in_flight.pop(future)
            try:
                results = future.result()
            except Exception as exc:  # the worker itself failed (killed, out of memory, lost)
                problem = f"pekerja gagal: {type(exc).__name__}: {exc}"
                results = [TaskResult(baris, berkas, masukan, masalah=[problem], tempat=tempat)
                           for baris, berkas, masukan, tempat in chunk]
            if self.starting:
                self.starting = False
                self.say(None)
            for result in results:
                self._write(result)
        self.manifest.save_if_due()

    def _wait_any(self, pool: Pool) -> tuple[set, set]:
        """Wait for a chunk; past a few seconds without one, say what is waited for, every few
        seconds, so a slow start or a slow LibreOffice never looks like a hang."""
        started = time.monotonic()
        said = False
        while True:
            done, pending = pool.wait_any(self.pending, timeout=WAIT_SAID)
            if done or not pending:
                break
            seconds = time.monotonic() - started
            if self.starting:
                self.say(f"memulai {pool.workers} proses pekerja ({seconds:.0f} detik)")
            else:
                what = "dokumen dan PDF (LibreOffice)" if self.settings.pdf else "dokumen"
                self.say(f"menunggu pekerja: {len(pending)} kelompok {what} belum selesai ({seconds:.0f} detik)")
                said = True
        if said:
            self.say(None)
        return done, pending

    def _write(self, result: TaskResult) -> None:
        if not result.masalah:
            try:
                write_all_atomic([(self.manifest.outdir / name, blob) for name, blob in result.files])
            except OSError as exc:
                result.masalah = [f"berkas: tidak dapat ditulis: {exc}"]
            else:
                written = {name: digest(blob) for name, blob in result.files}
                self.manifest.record(result.berkas, result.masukan, written)
                self.manifest.save_if_due()  # the first file's record at once, then every second
                self._done(RowOutcome(result.baris, result.berkas, DITULIS, keluaran=tuple(written), tempat=result.tempat))
                return
        self.manifest.forget(result.berkas)
        self._done(RowOutcome(result.baris, result.berkas, GAGAL, tuple(result.masalah), tempat=result.tempat))

    def _done(self, outcome: RowOutcome) -> None:
        if self.plan.numbers is not None:
            self.plan.numbers.settle(outcome.berkas, outcome.status != GAGAL, outcome.masalah)
        self.tally.add(outcome)
