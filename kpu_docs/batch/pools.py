"""Where chunks of work run: in this process, in worker processes, or on a Dask cluster.

All three offer the same three calls (submit, wait_any, close), so the batch loop is written
once; a pool only says how many workers it has so the loop can keep them busy without
queueing the whole batch in memory.
"""

from __future__ import annotations

import multiprocessing
import sys
import time
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


PROBE_SECONDS = 3.0
"""How long a --dask address has to greet like a Dask scheduler before it is refused."""
HANDSHAKE_MAX = 64 * 1024
"""Bytes of a scheduler's first message (its handshake: about 200)."""


def probe_scheduler(address: str, timeout: float = PROBE_SECONDS) -> None:
    """BatchError unless a plain-TCP `address` greets as a Dask scheduler within `timeout`.

    A Dask scheduler speaks first: on each connection it sends its handshake, a length (8 bytes)
    and a small msgpack message naming its compression and pickle protocol. Dask's own client
    waits without a bound for a peer that says nothing (a web server), and allocates whatever
    length a peer announces (garbage bytes made a MemoryError); this probe reads at most a
    small handshake, with a timeout, before the client connects. TLS and other transports are
    left to the client, which has its own timeout.
    """
    import socket
    import struct

    from distributed.comm.addressing import parse_address, parse_host_port

    try:
        scheme, location = parse_address(address)
        if scheme != "tcp":
            return
        host, port = parse_host_port(location)
    except (ValueError, TypeError) as exc:
        raise BatchError(f"--dask {address}: alamat penjadwal Dask tidak sah ({exc}); contoh tcp://10.0.0.5:8786") from None
    not_dask = (f"--dask {address}: yang menjawab di alamat itu bukan penjadwal Dask "
                "(periksa alamat dan nomor port penjadwal, bawaannya 8786)")
    deadline = time.monotonic() + timeout
    try:
        with socket.create_connection((host, port), timeout=timeout) as conn:

            def read(size: int) -> bytes:
                data = b""
                while len(data) < size:
                    conn.settimeout(max(0.01, deadline - time.monotonic()))
                    part = conn.recv(size - len(data))
                    if not part:
                        raise BatchError(not_dask + ": sambungan ditutup tanpa salam Dask")
                    data += part
                return data

            (length,) = struct.unpack("<Q", read(8))
            if not 0 < length <= HANDSHAKE_MAX:
                raise BatchError(not_dask)
            message = read(length)
    except socket.timeout:
        raise BatchError(f"--dask {address}: tidak menjawab sebagai penjadwal Dask dalam {timeout:.0f} detik "
                         "(bukan penjadwal Dask, atau jaringan menahannya)") from None
    except OSError as exc:
        raise BatchError(f"--dask {address}: tidak dapat terhubung ke penjadwal Dask: {exc}") from None
    if b"compression" not in message or b"pickle-protocol" not in message:
        raise BatchError(not_dask)


class DaskPool:
    """An existing Dask cluster (--dask ADDRESS); its workers need kpu-docs installed."""

    def __init__(self, address: Any):
        try:
            import distributed
        except ImportError:
            raise BatchError("--dask perlu paket distributed: pip install 'kpu-docs[dask]'") from None
        self._distributed = distributed
        self._own = not isinstance(address, distributed.Client)
        if isinstance(address, str):
            probe_scheduler(address)
        try:
            self.client = distributed.Client(address, timeout="10s") if self._own else address
        except (OSError, TimeoutError, ValueError, MemoryError) as exc:
            raise BatchError(f"--dask {address}: tidak dapat terhubung ke penjadwal Dask: "
                             f"{type(exc).__name__}: {exc}") from None
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
