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

The register is the office's agenda book of record, so a change made to it outside kpu-docs (a
row deleted after the triggers were dropped, a row edited in an SQLite browser) must be seen
before a number is given again. Each row carries two SHA-256 hashes: `rantai`, over the row's
fixed part (which number, of which office, pattern and year, taken by whom, when, for which
file) and the previous row's `rantai`, so the rows form a hash chain; and `segel`, over the
row's `rantai` and its changing part (status, date, subject, remarks), renewed by kpu-docs with
each change it makes. The single-row table `kepala` holds the number of rows and the last
`rantai`, so rows cut from the end are seen too. `periksa_keutuhan` walks the chain; it runs
before every number is taken (again whenever another connection wrote since the last walk) and
in `kpu-docs nomor periksa`. This detects careless or casual tampering; someone who recomputes
the hashes with this module in hand is not stopped, since the register holds no secret.
"""

from __future__ import annotations

import datetime
import getpass
import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kpu_docs.errors import KpuDocsError
from kpu_docs.nomor.pola import Pola

DIAMBIL, DITULIS, GAGAL, BATAL = "diambil", "ditulis", "gagal_ditulis", "batal"
VERSI = 2
"""Schema version, in PRAGMA user_version: 1 without the hash chain, 2 with it (a version 1
register is sealed as found when first opened for writing)."""
BUSY_TIMEOUT = 60.0
"""Seconds a process waits for another one's transaction before giving up."""
URUT_MAX = 999_999_999
"""The highest sequence number given: far beyond any office's year, and with its successor well
inside SQLite's 64-bit integers (a number at 2**63 - 1 would stop the sequence for good)."""
MULAI_SELISIH = 100
"""How far `mulai` may jump past the last number of its sequence without `paksa`: enough for
numbers given on paper before the register was used, not a mistyped 4500000."""

_TABEL = """CREATE TABLE IF NOT EXISTS nomor (
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
    )"""
_PEMICU = {
    "nomor_tidak_dihapus": """CREATE TRIGGER IF NOT EXISTS nomor_tidak_dihapus BEFORE DELETE ON nomor
       BEGIN SELECT RAISE(ABORT, 'nomor di register tidak pernah dihapus; batalkan dengan kpu-docs nomor batal'); END""",
    "nomor_batal_tetap": """CREATE TRIGGER IF NOT EXISTS nomor_batal_tetap BEFORE UPDATE ON nomor WHEN OLD.status = 'batal'
       BEGIN SELECT RAISE(ABORT, 'nomor yang dibatalkan tidak diubah lagi'); END""",
    "nomor_urut_tetap": """CREATE TRIGGER IF NOT EXISTS nomor_urut_tetap BEFORE UPDATE OF instansi, pola, tahun, urut ON nomor
       BEGIN SELECT RAISE(ABORT, 'nomor urut yang sudah diambil tidak diubah'); END""",
}
"""The triggers that keep the book: their SQL as written (an altered one is tampering too)."""
_SCHEMA = [_TABEL, "CREATE INDEX IF NOT EXISTS nomor_teks ON nomor (nomor)",
           # a file's earlier number, found without reading the year's every row (version 2)
           "CREATE INDEX IF NOT EXISTS nomor_berkas ON nomor (instansi, pola, tahun, berkas)", *_PEMICU.values()]
_KEPALA = """CREATE TABLE IF NOT EXISTS kepala (
        satu INTEGER PRIMARY KEY CHECK (satu = 1),
        jumlah INTEGER NOT NULL,
        rantai TEXT NOT NULL
    )"""

_KOLOM = ("id", "instansi", "pola", "tahun", "urut", "nomor", "tanggal", "tentang", "berkas", "oleh", "diambil_pada",
          "status", "keterangan", "diubah_pada", "dibatalkan_oleh")
_TETAP = ("id", "instansi", "pola", "tahun", "urut", "berkas", "oleh", "diambil_pada")
"""What never changes once a number is taken: hashed into the chain."""
_BERUBAH = ("nomor", "tanggal", "tentang", "status", "keterangan", "diubah_pada", "dibatalkan_oleh")
"""What kpu-docs itself changes (the file written, the number cancelled, a retaken number's date): sealed per row."""
TEMUAN_DITAMPILKAN = 10
"""How many findings of a tampered register a message lists."""


class RegisterError(KpuDocsError, ValueError):
    """The register cannot be used as asked (missing, not a register, damaged, changed outside
    kpu-docs, an unknown number): bad input, exit code 2 on the command line; a register busy or
    on a failing disk is exit code 1 (`exit_code` says which)."""

    def __init__(self, message: str, exit_code: int = 2):
        super().__init__(message)
        self.exit_code = exit_code


class RegisterSibuk(RegisterError):
    """Another process holds the register's lock longer than this connection waits: a moment's
    trouble (exit code 1), which a caller waiting in short steps may try again."""

    def __init__(self, message: str):
        super().__init__(message, 1)


class RegisterDiubah(RegisterError):
    """The register was changed outside kpu-docs (rows missing or edited, triggers dropped):
    `temuan` lists what was found. No number is given from it until it is restored."""

    def __init__(self, path: Path, temuan: list[str]):
        self.temuan = temuan
        shown = "\n".join(f"  - {t}" for t in temuan[:TEMUAN_DITAMPILKAN])
        more = f"\n  - dan {len(temuan) - TEMUAN_DITAMPILKAN} temuan lain" if len(temuan) > TEMUAN_DITAMPILKAN else ""
        super().__init__(f"{path}: register telah diubah di luar kpu-docs; tidak ada nomor yang diberikan dari "
                         f"register ini sampai dipulihkan dari cadangan:\n{shown}{more}")


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


_TIDAK_TAMPAK = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def tampak(text: object) -> str:
    """Text from the register as one printable line: control characters, line breaks and
    direction overrides written out (ESC as \\x1b, U+202E as \\u202e), so a remark typed with
    terminal escapes never drives the terminal it is listed on."""
    text = str(text)
    return _TIDAK_TAMPAK.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                             else f"\\u{ord(m.group()):04x}", text)


def _hash(*parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False, separators=(",", ":")).encode("utf-8")).hexdigest()


def _rantai(sebelumnya: str, row: dict) -> str:
    return _hash("rantai", sebelumnya, *(row[k] for k in _TETAP))


def _segel(rantai: str, row: dict) -> str:
    return _hash("segel", rantai, *(row[k] for k in _BERUBAH))


def _sql_normal(sql: str | None) -> str:
    return " ".join((sql or "").replace("IF NOT EXISTS ", "").split())


def _kesalahan(path: Path, exc: sqlite3.Error) -> RegisterError:
    """An SQLite error as one message saying what to do, and whether it is the register's fault
    (exit code 2: damaged, not a register, not writable) or the moment's (exit code 1: busy, disk)."""
    text = str(exc)
    low = text.lower()
    if "locked" in low or "busy" in low:
        return RegisterSibuk(f"{path}: register sedang dipakai proses lain lebih dari {BUSY_TIMEOUT:.0f} detik; "
                             "coba lagi sebentar lagi")
    if "readonly" in low or "read-only" in low:
        return RegisterError(f"{path}: register tidak dapat ditulis (hanya-baca); periksa izin berkas dan foldernya")
    if "unable to open" in low:
        return RegisterError(f"{path}: register tidak dapat dibuka (periksa lokasi dan izin foldernya)")
    if "malformed" in low or "not a database" in low or "encrypted" in low or "corrupt" in low:
        return RegisterError(f"{path}: register rusak atau bukan register nomor kpu-docs ({text}); "
                             "pulihkan dari cadangan")
    if "disk" in low or "full" in low or "i/o" in low:
        return RegisterError(f"{path}: register tidak dapat ditulis ke disk ({text})", 1)
    if isinstance(exc, sqlite3.IntegrityError):
        return RegisterError(f"{path}: register menolak perubahan: {text}")
    return RegisterError(f"{path}: register tidak dapat dipakai: {text}", 1)


class Register:
    """An open register. `Register(path, create=True)` makes a new one where none exists.
    Every SQLite failure leaves as one RegisterError."""

    def __init__(self, path: str | Path, create: bool = False):
        self.path = Path(path)
        if self.path.exists() and not self.path.is_file():
            raise RegisterError(f"{self.path}: register harus berupa berkas, bukan folder atau perangkat")
        if not create and not self.path.is_file():
            raise RegisterError(f"{self.path}: register tidak ditemukan")
        self._diperiksa: int | None = None
        """PRAGMA data_version when the chain was last walked: unchanged, no other connection wrote."""
        try:
            if create:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise RegisterError(f"{self.path}: register tidak dapat dibuka: {exc}") from None
        try:
            with self._sqlite():
                self.conn.execute("PRAGMA synchronous = FULL")  # a committed number is on disk
                self._prepare()
        except BaseException:
            self.conn.close()
            raise

    @contextmanager
    def _sqlite(self) -> Iterator[None]:
        """SQLite's errors as RegisterError (and Python's, for values SQLite cannot hold)."""
        try:
            yield
        except sqlite3.Error as exc:
            raise _kesalahan(self.path, exc) from None
        except OverflowError as exc:
            raise RegisterError(f"{self.path}: nilai terlalu besar untuk register ({exc})") from None

    def _tables(self) -> set[str]:
        """The tables, but SQLite's own (sqlite_stat1, which ANALYZE in an SQLite browser makes)."""
        return {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                if not r[0].startswith("sqlite_")}

    def _prepare(self) -> None:
        self.conn.execute("BEGIN")  # the version and the tables read from one snapshot (a new register being made)
        try:
            versi = self.conn.execute("PRAGMA user_version").fetchone()[0]
            self._check_schema(versi)
        finally:
            self.conn.execute("COMMIT")
        if versi == VERSI:
            return
        try:
            self._migrate(versi)
        except sqlite3.OperationalError as exc:
            if versi >= 1 and "readonly" in str(exc).lower():
                return  # a version 1 register on a read-only share can still be listed
            raise

    def _check_schema(self, versi: int) -> None:
        """RegisterError unless this is a register of a version this code reads, or a new file."""
        if versi > VERSI:
            raise RegisterError(f"{self.path}: register dibuat kpu-docs yang lebih baru (versi {versi}); perbarui kpu-docs")
        tables = self._tables()
        foreign = RegisterError(f"{self.path}: basis data ini bukan register nomor kpu-docs")
        if (versi == 0 and tables) or (versi > 0 and "nomor" not in tables) or tables - {"nomor", "kepala"}:
            raise foreign
        if versi > 0:
            columns = {r[1] for r in self.conn.execute("PRAGMA table_info(nomor)")}
            if not set(_KOLOM) <= columns:
                raise foreign

    def _migrate(self, versi: int) -> None:
        """Make a new register, or seal a version 1 register's rows as found: each row's chain
        link and seal computed once, the triggers set aside for that one transaction (a cancelled
        row may not change) and put back before it commits."""
        with self._transaction():
            versi = self.conn.execute("PRAGMA user_version").fetchone()[0]  # another process may have done it
            if versi == VERSI:
                return
            for statement in _SCHEMA:
                self.conn.execute(statement)
            columns = {r[1] for r in self.conn.execute("PRAGMA table_info(nomor)")}
            for column in ("rantai", "segel"):
                if column not in columns:
                    self.conn.execute(f"ALTER TABLE nomor ADD COLUMN {column} TEXT")
            self.conn.execute(_KEPALA)
            for name in _PEMICU:
                self.conn.execute(f"DROP TRIGGER IF EXISTS {name}")
            rantai, jumlah = "", 0
            for row in self._raw():
                rantai = _rantai(rantai, row)
                self.conn.execute("UPDATE nomor SET rantai = ?, segel = ? WHERE id = ?",
                                  (rantai, _segel(rantai, row), row["id"]))
                jumlah += 1
            for statement in _PEMICU.values():
                self.conn.execute(statement)
            self.conn.execute("INSERT OR REPLACE INTO kepala (satu, jumlah, rantai) VALUES (1, ?, ?)", (jumlah, rantai))
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
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _raw(self, where: str = "", params: tuple = ()) -> list[dict]:
        cursor = self.conn.execute(f"SELECT * FROM nomor {where} ORDER BY id", params)
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def _rows(self, where: str = "", params: tuple = ()) -> list[Entri]:
        cursor = self.conn.execute(f"SELECT {', '.join(_KOLOM)} FROM nomor {where}", params)
        return [Entri(*row) for row in cursor.fetchall()]

    # --- the hash chain -----------------------------------------------------------------------

    def periksa_keutuhan(self) -> list[str]:
        """What was changed outside kpu-docs, in words (empty: the book is whole): triggers
        dropped or altered, rows missing (from the middle or the end), rows added, rows edited."""
        with self._sqlite():
            return self._keutuhan()

    def _keutuhan(self) -> list[str]:
        if self.conn.execute("PRAGMA user_version").fetchone()[0] < VERSI:
            return []  # a version 1 register on a read-only share: nothing sealed yet
        found = []
        triggers = dict(self.conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())
        for name, sql in _PEMICU.items():
            if name not in triggers:
                found.append(f"pemicu {name} (pelindung register) telah dihapus")
            elif _sql_normal(triggers[name]) != _sql_normal(sql):
                found.append(f"pemicu {name} (pelindung register) telah diubah")
        for name in sorted(set(triggers) - set(_PEMICU)):
            found.append(f"pemicu {tampak(name)} ditambahkan di luar kpu-docs")
        previous: dict | None = None
        rantai = ""
        count = 0
        for row in self._raw():
            count += 1
            nomor = tampak(row["nomor"])
            before = previous["id"] if previous else 0
            gap = row["id"] - before - 1
            expected = _rantai(rantai, row)
            if row["rantai"] is None:
                found.append(f"nomor {nomor} (baris id {row['id']}) ditambahkan di luar kpu-docs")
            elif row["rantai"] != expected:
                if gap > 0:
                    lost = f"baris id {before + 1}" if gap == 1 else f"{gap} baris (id {before + 1} sampai {row['id'] - 1})"
                    found.append(f"{lost} sebelum nomor {nomor} telah dihapus")
                else:
                    found.append(f"nomor {nomor} (baris id {row['id']}): instansi, pola, tahun, nomor urut, berkas, "
                                 "pengambil atau waktu ambilnya diubah, atau baris sebelumnya dihapus")
            elif row["segel"] != _segel(row["rantai"], row):
                found.append(f"nomor {nomor} (baris id {row['id']}): nomor, tanggal, tentang, status atau "
                             "keterangannya diubah di luar kpu-docs")
            rantai = row["rantai"] or ""
            previous = row
        kepala = self.conn.execute("SELECT jumlah, rantai FROM kepala WHERE satu = 1").fetchone() \
            if "kepala" in self._tables() else None
        if kepala is None:
            found.append("catatan kepala register (jumlah baris dan ujung rantai) telah dihapus")
        elif kepala[0] > count:
            found.append(f"register mencatat {kepala[0]} baris tetapi tinggal {count}: baris telah dihapus")
        elif kepala[0] < count:
            found.append(f"register mencatat {kepala[0]} baris tetapi ada {count}: baris ditambahkan di luar kpu-docs")
        elif kepala[1] != rantai:
            found.append("baris terakhir register telah dihapus atau diganti")
        return found

    def _pastikan_utuh(self) -> None:
        """Inside a write transaction: walk the chain unless nothing but this connection wrote
        since the last walk; RegisterDiubah when the book was changed outside kpu-docs."""
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        if version == self._diperiksa:
            return
        found = self._keutuhan()
        if found:
            raise RegisterDiubah(self.path, found)
        self._diperiksa = version

    def _tambah(self, row: dict) -> int:
        """Insert a new row at the end of the chain and move the head."""
        (jumlah, ujung) = self.conn.execute("SELECT jumlah, rantai FROM kepala WHERE satu = 1").fetchone()
        (last,) = self.conn.execute("SELECT COALESCE(MAX(id), 0) FROM nomor").fetchone()
        row = {**row, "id": last + 1}
        rantai = _rantai(ujung, row)
        columns = [*row, "rantai", "segel"]
        self.conn.execute(f"INSERT INTO nomor ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                          (*row.values(), rantai, _segel(rantai, row)))
        self.conn.execute("UPDATE kepala SET jumlah = ?, rantai = ? WHERE satu = 1", (jumlah + 1, rantai))
        return row["id"]

    def _ubah(self, id: int, **changes: object) -> None:
        """Change a row's changing part and renew its seal, in one statement (a cancelled row
        may not be touched again, not even to seal it)."""
        (row,) = self._raw("WHERE id = ?", (id,))
        row.update(changes)
        sets = ", ".join(f"{k} = ?" for k in changes)
        self.conn.execute(f"UPDATE nomor SET {sets}, segel = ? WHERE id = ?",
                          (*changes.values(), _segel(row["rantai"] or "", row), id))

    # --- the book -----------------------------------------------------------------------------

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
        paksa: bool = False,
        pakai_lagi: tuple[str, ...] = (DIAMBIL, GAGAL),
    ) -> Entri:
        """Take the next free number of this office, pattern and year, committed before it returns.

        A number this file took before whose row is in `pakai_lagi` (by default: taken but never
        written, after a crash or a failed write) is given again instead of a new one, so no gap
        is left. `mulai` is the lowest number to give (numbers given before the register was
        used); a jump of more than MULAI_SELISIH past the sequence's last number needs `paksa`.
        The register is checked for changes made outside kpu-docs first (RegisterDiubah).
        """
        if not 1 <= mulai <= URUT_MAX:
            raise RegisterError(f"--mulai {mulai}: nomor urut harus antara 1 dan {URUT_MAX}")
        berkas = str(Path(berkas).resolve()) if berkas else None
        now = _sekarang()
        with self._sqlite(), self._transaction():
            self._pastikan_utuh()
            if berkas and pakai_lagi:
                marks = ",".join("?" * len(pakai_lagi))
                earlier = self._rows(
                    f"WHERE instansi = ? AND pola = ? AND tahun = ? AND berkas = ? AND status IN ({marks}) "
                    "ORDER BY id DESC LIMIT 1", (instansi, pola.teks, tahun, berkas, *pakai_lagi))
                if earlier:
                    row = earlier[0]
                    self._ubah(row.id, nomor=pola.isi(row.urut, tanggal, tahun), tanggal=tanggal.isoformat(),
                               tentang=tentang, status=DIAMBIL, keterangan=None, diubah_pada=now)
                    return self._rows("WHERE id = ?", (row.id,))[0]
            # a number at or beyond URUT_MAX (a mistake, or taken before the bound) stops counting once
            # cancelled: the sequence goes on after the highest number below it (UNIQUE keeps it apart)
            (last,) = self.conn.execute(
                "SELECT MAX(urut) FROM nomor WHERE instansi = ? AND pola = ? AND tahun = ? "
                "AND NOT (status = ? AND urut >= ?)", (instansi, pola.teks, tahun, BATAL, URUT_MAX)).fetchone()
            last = last or 0
            if last >= URUT_MAX:
                raise RegisterError(
                    f"{self.path}: nomor urut {pola.teks} tahun {tahun} sudah sampai {last} (batas {URUT_MAX}); "
                    "bila nomor itu salah, batalkan dengan kpu-docs nomor batal, lalu ambil lagi")
            if mulai > last + 1 + MULAI_SELISIH and not paksa:
                raise RegisterError(
                    f"--mulai {mulai}: nomor urut terakhir {pola.teks} tahun {tahun} di register adalah {last}; "
                    f"mulai dari {mulai} meninggalkan {mulai - last - 1} nomor kosong untuk selamanya. Bila memang "
                    "begitu, ulangi dengan --paksa")
            urut = max(last + 1, mulai)
            id = self._tambah({
                "instansi": instansi, "pola": pola.teks, "tahun": tahun, "urut": urut,
                "nomor": pola.isi(urut, tanggal, tahun), "tanggal": tanggal.isoformat(), "tentang": tentang,
                "berkas": berkas, "oleh": oleh or pengguna(), "diambil_pada": now, "status": DIAMBIL,
                "keterangan": None, "diubah_pada": None, "dibatalkan_oleh": None})
            return self._rows("WHERE id = ?", (id,))[0]

    def tandai(self, id: int, status: str, keterangan: str | None = None) -> None:
        """Record what became of a taken number: written, or not written and why."""
        with self._sqlite(), self._transaction():
            self._ubah(id, status=status, keterangan=keterangan, diubah_pada=_sekarang())

    def cari(self, nomor: str, instansi: str | None = None) -> list[Entri]:
        """The rows holding this number (of this office, when given)."""
        with self._sqlite():
            if instansi is None:
                return self._rows("WHERE nomor = ? ORDER BY id", (nomor.strip(),))
            return self._rows("WHERE nomor = ? AND instansi = ? ORDER BY id", (nomor.strip(), instansi))

    def batal(self, nomor: str, alasan: str | None = None, oleh: str | None = None,
              instansi: str | None = None) -> tuple[Entri, bool]:
        """Cancel a number: marked, kept, never given again. Returns its row and whether it was
        cancelled now (False: it had been already)."""
        with self._sqlite(), self._transaction():
            self._pastikan_utuh()
            rows = self.cari(nomor, instansi)
            if not rows:
                raise RegisterError(f"nomor {nomor} tidak ada di register {self.path}")
            if len({r.instansi for r in rows}) > 1:
                names = ", ".join(sorted(tampak(r.instansi) for r in rows))
                raise RegisterError(f"nomor {nomor} tercatat untuk beberapa instansi ({names}); pilih dengan --instansi")
            row = rows[-1]
            if row.status == BATAL:
                return row, False
            self._ubah(row.id, status=BATAL, keterangan=alasan, diubah_pada=_sekarang(),
                       dibatalkan_oleh=oleh or pengguna())
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
        with self._sqlite():
            return self._rows(("WHERE " + " AND ".join(where) if where else "") + " ORDER BY id", tuple(params))

    def periksa(self, nomor: str, instansi: str, berkas: str | Path | None) -> list[str]:
        """Warnings for `kpu-docs check --register`: the number taken by another decree, or cancelled."""
        warnings = []
        for row in self.cari(nomor, instansi):
            if row.status == BATAL:
                alasan = f" ({tampak(row.keterangan)})" if row.keterangan else ""
                warnings.append(f"nomor: {nomor} sudah dibatalkan di register{alasan}; ambil nomor baru")
            elif not _same_file(row.berkas, berkas):
                tentang = f" tentang {tampak(row.tentang)}" if row.tentang else ""
                warnings.append(f"nomor: {nomor} sudah diambil di register untuk keputusan lain{tentang} "
                                f"({tampak(row.berkas or 'tanpa berkas')}, oleh {tampak(row.oleh)}, "
                                f"{tampak(row.diambil_pada[:10])})")
        return warnings

    def periksa_semua(self) -> tuple[int, list[str]]:
        """For `kpu-docs nomor periksa`: the number of rows and what is wrong: SQLite's own check
        of the file (damaged pages), then the hash chain."""
        with self._sqlite():
            problems = [line for r in self.conn.execute("PRAGMA quick_check(5)").fetchall() if r[0] != "ok"
                        for line in str(r[0]).splitlines() if line.strip() and not line.startswith("***")]
            if problems:
                raise RegisterError(f"{self.path}: register rusak ({tampak('; '.join(problems[:3]))}); "
                                    "pulihkan dari cadangan")
            if self.conn.execute("PRAGMA user_version").fetchone()[0] < VERSI:
                raise RegisterError(f"{self.path}: register versi lama belum disegel (rantai hash dibuat saat register "
                                    "pertama kali dapat ditulis) dan berkas ini tidak dapat ditulis; periksa izinnya")
            (count,) = self.conn.execute("SELECT COUNT(*) FROM nomor").fetchone()
            return count, self._keutuhan()
