"""Where chunks of work run: in this process, in worker processes, or on a Dask cluster.

All three offer the same three calls (submit, wait_any, close), so the batch loop is written
once; a pool only says how many workers it has so the loop can keep them busy without
queueing the whole batch in memory.
"""

from __future__ import annotations

import multiprocessing
import sys
import types
from collections.abc import Callable, Iterator, Set
from concurrent import futures
from contextlib import contextmanager
from typing import Any, Protocol

from kpu_docs.batch.errors import BatchError


class Pool(Protocol):
    """What the batch loop asks of a pool."""

    workers: int

    def submit(self, fn: Callable, *args: Any) -> Any: ...

    def wait_any(self, pending: set, timeout: float | None = None) -> tuple[set, set]: ...

    def close(self, pending: Set[Any] = frozenset()) -> None: ...


class InlinePool:
    """Runs each chunk at once in this process (--jobs 1): no start-up cost, easy to debug."""

    workers = 1

    def submit(self, fn: Callable, *args: Any) -> futures.Future:
        future: futures.Future = futures.Future()
        try:
            future.set_result(fn(*args))
        except Exception as exc:  # delivered through the future, as a worker process would
            future.set_exception(exc)
        return future

    def wait_any(self, pending: set, timeout: float | None = None) -> tuple[set, set]:
        """The finished and the unfinished futures, as soon as one finishes or `timeout` passes."""
        done, not_done = futures.wait(pending, timeout=timeout, return_when=futures.FIRST_COMPLETED)
        return set(done), set(not_done)

    def close(self, pending: Set[Any] = frozenset()) -> None:
        """Release the workers; `pending` work (after an error or Ctrl+C) is cancelled."""


@contextmanager
def _without_callers_main() -> Iterator[None]:
    """Start worker processes without the caller's main script.

    A "forkserver" or "spawn" worker first runs the parent's `__main__` file again (as
    `__mp_main__`): for a script calling `run_batch` that means its module-level code (reading a
    spreadsheet, building a DataFrame) once more in the fork server and in workers, which can take
    minutes, and a script without `if __name__ == "__main__":` crashes every worker. The workers
    run only kpu_docs' own `render_chunk`, so while they start, `__main__` is an empty module and
    multiprocessing has no script to run again.
    """
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


def _context() -> multiprocessing.context.BaseContext:
    """Workers forked from a server process that has imported the renderer once ("forkserver"):
    each starts in milliseconds instead of importing everything again, and none copies a thread
    or lock of this process (the progress bar's). Where there is no fork, "spawn"."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["kpu_docs.batch.work", "kpu_docs.word.document"])
        return context
    return multiprocessing.get_context("spawn")


class ProcessPool(InlinePool):
    """Worker processes on this machine (--jobs N)."""

    def __init__(self, workers: int):
        self.workers = workers
        self._executor = futures.ProcessPoolExecutor(workers, mp_context=_context())

    def submit(self, fn: Callable, *args: Any) -> futures.Future:
        with _without_callers_main():  # the executor starts its workers (and the fork server) here
            return self._executor.submit(fn, *args)

    def close(self, pending: Set[Any] = frozenset()) -> None:
        self._executor.shutdown(wait=True, cancel_futures=bool(pending))


class DaskPool:
    """An existing Dask cluster (--dask ADDRESS); its workers need kpu-docs installed."""

    def __init__(self, address: Any):
        try:
            import distributed
        except ImportError:
            raise BatchError("--dask perlu paket distributed: pip install 'kpu-docs[dask]'") from None
        self._distributed = distributed
        self._own = not isinstance(address, distributed.Client)
        try:
            self.client = distributed.Client(address, timeout="10s") if self._own else address
        except (OSError, TimeoutError, ValueError) as exc:
            raise BatchError(f"--dask {address}: tidak dapat terhubung ke penjadwal Dask: {exc}") from None
        try:
            self.client.wait_for_workers(1, timeout=30)
        except TimeoutError:
            self.close()
            raise BatchError(f"--dask {address}: penjadwal tidak punya pekerja (jalankan dask worker)") from None
        self.workers = max(1, sum(self.client.nthreads().values()))

    def submit(self, fn: Callable, *args: Any):
        return self.client.submit(fn, *args, pure=False)

    def wait_any(self, pending: set, timeout: float | None = None) -> tuple[set, set]:
        try:
            done, not_done = self._distributed.wait(list(pending), timeout=timeout, return_when="FIRST_COMPLETED")
        except TimeoutError:
            return set(), set(pending)
        return set(done), set(not_done)

    def close(self, pending: Set[Any] = frozenset()) -> None:
        if pending:
            self.client.cancel(list(pending))
        if self._own:
            self.client.close()
            self._own = False
