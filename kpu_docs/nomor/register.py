"""The office's register of decree numbers: an agenda book that two people cannot both write a
number into at once.

An SQLite database, one file, which may sit on a shared drive (SQLite locks the file; the drive
must support file locks, as Windows shares and NFS with locking do; the rollback journal is used,
not WAL, which needs shared memory that network drives lack). Each number is taken in a
`BEGIN IMMEDIATE` transaction, which holds the write lock from the moment it starts, so the next
free number is read and recorded by one process at a time; others wait (busy timeout). A number
is committed, flushed to disk, before it is written anywhere else, and its row says what became
of it: "diambil" (taken; the file not yet confirmed), "ditulis", "gagal_ditulis" (the gap is
explained) or "batal". Rows are never deleted and a cancelled row never changes again: triggers in
the database refuse both, whoever opens it.
"""

from __future__ import annotations

import datetime
import getpass
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kpu_docs.errors import KpuDocsError
from kpu_docs.nomor.pola import Pola

DIAMBIL, DITULIS, GAGAL, BATAL = "diambil", "ditulis", "gagal_ditulis", "batal"
VERSI = 1
BUSY_TIMEOUT = 60.0
"""Seconds a process waits for another one's transaction before giving up."""

_SCHEMA = [
    """CREATE TABLE IF NOT EXISTS nomor (
        id INTEGER PRIMARY KEY,
        instansi TEXT NOT NULL,
        pola TEXT NOT NULL,
        tahun INTEGER NOT NULL,
        urut INTEGER NOT NULL CHECK (urut >= 1),
        nomor TEXT NOT NULL,
        tanggal TEXT,
        tentang TEXT,
        berkas TEXT,
        oleh TEXT NOT NULL,
        diambil_pada TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('diambil', 'ditulis', 'gagal_ditulis', 'batal')),
        keterangan TEXT,
        diubah_pada TEXT,
        dibatalkan_oleh TEXT,
        UNIQUE (instansi, pola, tahun, urut)
    )""",
    "CREATE INDEX IF NOT EXISTS nomor_teks ON nomor (nomor)",
    """CREATE TRIGGER IF NOT EXISTS nomor_tidak_dihapus BEFORE DELETE ON nomor
       BEGIN SELECT RAISE(ABORT, 'nomor di register tidak pernah dihapus; batalkan dengan kpu-docs nomor batal'); END""",
    """CREATE TRIGGER IF NOT EXISTS nomor_batal_tetap BEFORE UPDATE ON nomor WHEN OLD.status = 'batal'
       BEGIN SELECT RAISE(ABORT, 'nomor yang dibatalkan tidak diubah lagi'); END""",
    """CREATE TRIGGER IF NOT EXISTS nomor_urut_tetap BEFORE UPDATE OF instansi, pola, tahun, urut ON nomor
       BEGIN SELECT RAISE(ABORT, 'nomor urut yang sudah diambil tidak diubah'); END""",
]


class RegisterError(KpuDocsError, ValueError):
    """The register cannot be used as asked (missing, not a register, an unknown number): bad
    input, exit code 2 on the command line."""


@dataclass(frozen=True)
class Entri:
    """One row of the register: a number given, to what and by whom, and what became of it."""

    id: int
    instansi: str
    pola: str
    tahun: int
    urut: int
    nomor: str
    tanggal: str | None
    """The decree's date (penutup.tanggal), ISO."""
    tentang: str | None
    berkas: str | None
    """The file the number was written into (the YAML, or a batch's .docx), absolute."""
    oleh: str
    diambil_pada: str
    status: str
    keterangan: str | None
    diubah_pada: str | None
    dibatalkan_oleh: str | None


def pengguna() -> str:
    """Who is taking a number: the operating system's user name."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in this environment
        return "tidak diketahui"


def _sekarang() -> str:
    return datetime.datetime.now().astimezone().isoformat(timespec="seconds")


def _same_file(a: str | None, b: str | Path | None) -> bool:
    if not a or not b:
        return False
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them is gone, or on another machine's path
        return Path(a) == Path(b).resolve()


class Register:
    """An open register. `Register(path, create=True)` makes a new one where none exists."""

    def __init__(self, path: str | Path, create: bool = False):
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise RegisterError(f"{self.path}: register tidak ditemukan")
        if create:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)
        except sqlite3.Error as exc:
            raise RegisterError(f"{self.path}: register tidak dapat dibuka: {exc}") from None
        try:
            self.conn.execute("PRAGMA synchronous = FULL")  # a committed number is on disk
            self._prepare()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                raise
            raise RegisterError(f"{self.path}: bukan register nomor kpu-docs ({exc})") from None
        except BaseException:
            self.conn.close()
            raise

    def _prepare(self) -> None:
        versi = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if versi > VERSI:
            raise RegisterError(f"{self.path}: register dibuat kpu-docs yang lebih baru (versi {versi}); perbarui kpu-docs")
        if versi == VERSI:
            return
        with self._transaction():
            tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if tables - {"nomor"}:
                raise RegisterError(f"{self.path}: basis data ini bukan register nomor kpu-docs")
            for statement in _SCHEMA:
                self.conn.execute(statement)
            self.conn.execute(f"PRAGMA user_version = {VERSI}")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """A write transaction holding the lock from its start: reads inside it are still true
        when its writes commit."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _rows(self, where: str = "", params: tuple = ()) -> list[Entri]:
        cursor = self.conn.execute(f"SELECT * FROM nomor {where}", params)
        names = [c[0] for c in cursor.description]
        return [Entri(**dict(zip(names, row))) for row in cursor.fetchall()]

    def ambil(
        self,
        *,
        instansi: str,
        pola: Pola,
        tahun: int,
        tanggal: datetime.date,
        tentang: str | None,
        berkas: str | Path | None,
        oleh: str | None = None,
        mulai: int = 1,
        pakai_lagi: tuple[str, ...] = (DIAMBIL, GAGAL),
    ) -> Entri:
        """Take the next free number of this office, pattern and year, committed before it returns.

        A number this file took before whose row is in `pakai_lagi` (by default: taken but never
        written, after a crash or a failed write) is given again instead of a new one, so no gap
        is left. `mulai` is the lowest number to give (numbers given before the register was used).
        """
        berkas = str(Path(berkas).resolve()) if berkas else None
        now = _sekarang()
        with self._transaction():
            if berkas and pakai_lagi:
                marks = ",".join("?" * len(pakai_lagi))
                earlier = self._rows(
                    f"WHERE instansi = ? AND pola = ? AND tahun = ? AND berkas = ? AND status IN ({marks}) "
                    "ORDER BY id DESC LIMIT 1", (instansi, pola.teks, tahun, berkas, *pakai_lagi))
                if earlier:
                    row = earlier[0]
                    self.conn.execute(
                        "UPDATE nomor SET nomor = ?, tanggal = ?, tentang = ?, status = ?, keterangan = NULL, "
                        "diubah_pada = ? WHERE id = ?",
                        (pola.isi(row.urut, tanggal, tahun), tanggal.isoformat(), tentang, DIAMBIL, now, row.id))
                    return self._rows("WHERE id = ?", (row.id,))[0]
            (last,) = self.conn.execute("SELECT MAX(urut) FROM nomor WHERE instansi = ? AND pola = ? AND tahun = ?",
                                        (instansi, pola.teks, tahun)).fetchone()
            urut = max((last or 0) + 1, mulai)
            cursor = self.conn.execute(
                "INSERT INTO nomor (instansi, pola, tahun, urut, nomor, tanggal, tentang, berkas, oleh, diambil_pada, "
                "status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (instansi, pola.teks, tahun, urut, pola.isi(urut, tanggal, tahun), tanggal.isoformat(), tentang,
                 berkas, oleh or pengguna(), now, DIAMBIL))
            return self._rows("WHERE id = ?", (cursor.lastrowid,))[0]

    def tandai(self, id: int, status: str, keterangan: str | None = None) -> None:
        """Record what became of a taken number: written, or not written and why."""
        with self._transaction():
            self.conn.execute("UPDATE nomor SET status = ?, keterangan = ?, diubah_pada = ? WHERE id = ?",
                              (status, keterangan, _sekarang(), id))

    def cari(self, nomor: str, instansi: str | None = None) -> list[Entri]:
        """The rows holding this number (of this office, when given)."""
        if instansi is None:
            return self._rows("WHERE nomor = ? ORDER BY id", (nomor.strip(),))
        return self._rows("WHERE nomor = ? AND instansi = ? ORDER BY id", (nomor.strip(), instansi))

    def batal(self, nomor: str, alasan: str | None = None, oleh: str | None = None,
              instansi: str | None = None) -> tuple[Entri, bool]:
        """Cancel a number: marked, kept, never given again. Returns its row and whether it was
        cancelled now (False: it had been already)."""
        with self._transaction():
            rows = self.cari(nomor, instansi)
            if not rows:
                raise RegisterError(f"nomor {nomor} tidak ada di register {self.path}")
            if len({r.instansi for r in rows}) > 1:
                names = ", ".join(sorted({r.instansi for r in rows}))
                raise RegisterError(f"nomor {nomor} tercatat untuk beberapa instansi ({names}); pilih dengan --instansi")
            row = rows[-1]
            if row.status == BATAL:
                return row, False
            self.conn.execute(
                "UPDATE nomor SET status = ?, keterangan = ?, diubah_pada = ?, dibatalkan_oleh = ? WHERE id = ?",
                (BATAL, alasan, _sekarang(), oleh or pengguna(), row.id))
            return self._rows("WHERE id = ?", (row.id,))[0], True

    def daftar(self, tahun: int | None = None, instansi: str | None = None) -> list[Entri]:
        """Every row, in the order the numbers were taken (as an agenda book reads)."""
        where: list[str] = []
        params: list[int | str] = []
        if tahun is not None:
            where.append("tahun = ?")
            params.append(tahun)
        if instansi is not None:
            where.append("instansi = ?")
            params.append(instansi)
        return self._rows(("WHERE " + " AND ".join(where) if where else "") + " ORDER BY id", tuple(params))

    def periksa(self, nomor: str, instansi: str, berkas: str | Path | None) -> list[str]:
        """Warnings for `kpu-docs check --register`: the number taken by another decree, or cancelled."""
        warnings = []
        for row in self.cari(nomor, instansi):
            if row.status == BATAL:
                alasan = f" ({row.keterangan})" if row.keterangan else ""
                warnings.append(f"nomor: {nomor} sudah dibatalkan di register{alasan}; ambil nomor baru")
            elif not _same_file(row.berkas, berkas):
                tentang = f" tentang {row.tentang}" if row.tentang else ""
                warnings.append(f"nomor: {nomor} sudah diambil di register untuk keputusan lain{tentang} "
                                f"({row.berkas or 'tanpa berkas'}, oleh {row.oleh}, {row.diambil_pada[:10]})")
        return warnings
