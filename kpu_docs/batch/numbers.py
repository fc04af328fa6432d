"""Numbers from the register for a batch's rows (`kpu-docs batch --register`).

Taken in row order, in the process that reads the rows, before a row is sent to render, so the
numbers follow the sheet. A row is validated first: a row that cannot become a decree takes no
number. Each row's number is recorded against its output file, so running the batch again (to
resume, or after fixing a row) gives each row the number it had, and the manifest sees the row
unchanged. What became of each number (written, or failed and why) is recorded as rows finish.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Callable, TypeVar

from kpu_docs.batch.errors import BatchError
from kpu_docs.loading import from_data
from kpu_docs.nomor.ambil import pola_untuk_diisi
from kpu_docs.nomor.register import BUSY_TIMEOUT, DIAMBIL, DITULIS, GAGAL, Register, RegisterError, RegisterSibuk

T = TypeVar("T")

STEP_MS = 250
"""SQLite's busy wait for one try: short, so that a wait for another process is said, not silent."""


class RowNumbers:
    """The register as a batch uses it: `give` a row its number, `settle` it when the row is done."""

    def __init__(self, register: str | Path, outdir: Path, base_dir: Path, oleh: str | None = None,
                 status: Callable[[str | None], None] | None = None):
        self.path = Path(register)
        self.status = status or (lambda text: None)
        self.register: Register | None = None
        self.outdir, self.base_dir, self.oleh = Path(outdir), Path(base_dir), oleh
        self.given: dict[str, str] = {}
        """Output name -> the number it was given, in row order."""
        self._ids: dict[str, int] = {}

    def open(self) -> None:
        """Open (or create) the register: once the batch is known to start, so a batch that
        cannot start leaves no new register behind."""
        self.register = Register(self.path, create=True)
        self.register.conn.execute(f"PRAGMA busy_timeout = {STEP_MS}")

    def _patiently(self, action: Callable[[], T]) -> T:
        """`action` on the register, waiting while another process holds its lock (a batch or
        `nomor ambil` elsewhere on a shared drive) in short steps, saying so through `status`,
        up to the register's BUSY_TIMEOUT; SQLite's own wait would block without a word."""
        register = self._opened()
        started = time.monotonic()
        waited = False
        while True:
            try:
                result = action()
            except (RegisterSibuk, sqlite3.OperationalError) as exc:
                if isinstance(exc, sqlite3.OperationalError) and "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                if register.conn.in_transaction:  # a COMMIT that could not take the lock
                    register.conn.execute("ROLLBACK")
                seconds = time.monotonic() - started
                if seconds >= BUSY_TIMEOUT:
                    raise BatchError(f"register {self.path} dipakai proses lain lebih dari {BUSY_TIMEOUT:.0f} detik; "
                                     f"jalankan lagi setelah proses itu selesai") from None
                self.status(f"menunggu register {self.path}: dikunci proses lain ({seconds:.0f} detik)")
                waited = True
                continue
            if waited:
                self.status(None)
            return result

    def _opened(self) -> Register:
        if self.register is None:
            raise RuntimeError("RowNumbers.open() belum dipanggil")  # a caller's mistake, not the user's
        return self.register

    def give(self, berkas: str, data: dict) -> str:
        """The number for the row written to `<berkas>.docx`; InputError if the row's decree is not valid."""
        keputusan = from_data(data, base_dir=self.base_dir)
        pola = pola_untuk_diisi(keputusan)
        register = self._opened()
        try:
            entri = self._patiently(lambda: register.ambil(
                instansi=keputusan.instansi, pola=pola, tahun=keputusan.tahun, tanggal=keputusan.penutup.tanggal,
                tentang=keputusan.tentang, berkas=self.outdir / f"{berkas}.docx", oleh=self.oleh,
                pakai_lagi=(DIAMBIL, DITULIS, GAGAL),
            ))
        except RegisterError as exc:  # a register changed outside kpu-docs, damaged: the batch stops here
            raise BatchError(str(exc)) from None
        self._ids[berkas] = entri.id
        self.given[berkas] = entri.nomor
        return entri.nomor

    def settle(self, berkas: str, written: bool, masalah: tuple[str, ...] = ()) -> None:
        """Record that the row's file is written (or still there as written), or why it is not."""
        id = self._ids.pop(berkas, None)
        if id is not None:
            register = self._opened()
            self._patiently(lambda: register.tandai(id, DITULIS if written else GAGAL,
                                                    None if written else "; ".join(masalah)))

    def close(self) -> None:
        if self.register is not None:
            self.register.close()
