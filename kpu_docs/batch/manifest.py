"""The resume manifest: what each output was made from, so a rerun skips what has not changed.

`OUTDIR/.kpu-docs-batch.sqlite` holds, for each output name, the hash of its inputs (the applied
row data, the base file, the templates, the kpu-docs version) and the hash of every file written
for it. A row is skipped only when its inputs hash the same and its files are still there with
the recorded content; anything else renders again.

It is a SQLite file, not a JSON file held in memory and rewritten whole: each record goes to
disk as its files are written (the first at once, then at least every second), memory does not
grow with the number of rows, and a run killed at any moment loses at most the last second's
records (those rows render again). A JSON manifest of an earlier version is taken over once.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from pathlib import Path
from typing import Any

FILE_NAME = ".kpu-docs-batch.sqlite"
OLD_FILE_NAME = ".kpu-docs-batch.json"
"""The manifest of kpu-docs before 0.x: a JSON file, read once and replaced."""
VERSION = 1
SAVE_EVERY = 1.0
"""Seconds between commits after the first record."""


def digest(data: bytes) -> str:
    """The hash recorded for inputs and files (SHA-256, hex)."""
    return hashlib.sha256(data).hexdigest()


def canonical(data: Any) -> bytes:
    """Data as canonical JSON: equal data, equal bytes, whatever the key order or source."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str).encode()


class Manifest:
    """The manifest of one output folder, on disk. Made with the first record: a batch that
    writes no file leaves no manifest behind."""

    def __init__(self, outdir: Path):
        self.outdir = Path(outdir)
        self.path = self.outdir / FILE_NAME
        exists = self.path.exists() or (self.outdir / OLD_FILE_NAME).exists()
        self._db: sqlite3.Connection | None = self._open() if exists else None
        self._dirty = False
        self._committed_once = False
        self._saved = time.monotonic()

    def _open(self) -> sqlite3.Connection:
        """The manifest database; an unreadable or foreign file is replaced (every row renders)."""
        for attempt in (1, 2):
            try:
                db = sqlite3.connect(self.path, isolation_level="DEFERRED")
                db.execute("CREATE TABLE IF NOT EXISTS berkas (nama TEXT PRIMARY KEY, masukan TEXT NOT NULL,"
                           " keluaran TEXT NOT NULL)")
                db.execute("SELECT nama, masukan, keluaran FROM berkas LIMIT 1").fetchall()
                db.commit()
            except sqlite3.DatabaseError:
                if attempt == 2:
                    raise
                db.close()
                self.path.unlink(missing_ok=True)
                continue
            self._take_over_json(db)
            return db
        raise AssertionError("unreachable")

    def _take_over_json(self, db: sqlite3.Connection) -> None:
        """Entries of an earlier version's JSON manifest, moved into this one."""
        old = self.outdir / OLD_FILE_NAME
        if not old.exists():
            return
        try:
            data = json.loads(old.read_text(encoding="utf-8"))
            entries = data["berkas"] if isinstance(data, dict) and data.get("versi") == VERSION else {}
        except (OSError, ValueError, KeyError):
            entries = {}
        if isinstance(entries, dict):
            db.executemany("INSERT OR REPLACE INTO berkas VALUES (?, ?, ?)",
                           [(name, entry["masukan"], json.dumps(entry["keluaran"]))
                            for name, entry in entries.items()
                            if isinstance(entry, dict) and isinstance(entry.get("masukan"), str)
                            and isinstance(entry.get("keluaran"), dict)])
        db.commit()
        old.unlink(missing_ok=True)

    def _made(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = self._open()
        return self._db

    @property
    def entries(self) -> dict[str, dict]:
        """Every entry (for tests and inspection; the batch asks `unchanged` per row)."""
        if self._db is None:
            return {}
        return {name: {"masukan": masukan, "keluaran": json.loads(keluaran)}
                for name, masukan, keluaran in self._db.execute("SELECT nama, masukan, keluaran FROM berkas")}

    def unchanged(self, name: str, masukan: str, pdf: bool) -> bool:
        """Whether `name` was made from these inputs and its files are still as written."""
        if self._db is None:
            return False
        found = self._db.execute("SELECT masukan, keluaran FROM berkas WHERE nama = ?", (name,)).fetchone()
        if found is None or found[0] != masukan:
            return False
        try:
            files = json.loads(found[1])
        except ValueError:
            return False
        if not isinstance(files, dict) or not files:
            return False
        if pdf and not any(file.endswith(".pdf") for file in files):
            return False
        for file, recorded in files.items():
            path = self.outdir / file
            try:
                if digest(path.read_bytes()) != recorded:
                    return False
            except OSError:
                return False
        return True

    def record(self, name: str, masukan: str, keluaran: dict[str, str]) -> None:
        self._made().execute("INSERT OR REPLACE INTO berkas VALUES (?, ?, ?)", (name, masukan, json.dumps(keluaran)))
        self._dirty = True

    def forget(self, name: str) -> None:
        """A row that failed this time: render it again next time, whatever its inputs."""
        if self._db is not None and self._db.execute("DELETE FROM berkas WHERE nama = ?", (name,)).rowcount:
            self._dirty = True

    def save_if_due(self) -> None:
        """Commit the first records at once, then at most every SAVE_EVERY seconds."""
        if self._dirty and (not self._committed_once or time.monotonic() - self._saved >= SAVE_EVERY):
            self.save()

    def save(self) -> None:
        if not self._dirty or self._db is None:
            return
        self._db.commit()
        self._dirty = False
        self._committed_once = True
        self._saved = time.monotonic()

    def close(self) -> None:
        self.save()
        if self._db is not None:
            self._db.close()
