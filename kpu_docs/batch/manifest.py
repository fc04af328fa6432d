"""The resume manifest: what each output was made from, so a rerun skips what has not changed.

`OUTDIR/.kpu-docs-batch.json` maps each output name to the hash of its inputs (the applied row
data, the base file, the templates, the kpu-docs version) and the hash of every file written
for it. A row is skipped only when its inputs hash the same and its files are still there with
the recorded content; anything else renders again.
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import Any

from kpu_docs.files import write_atomic

FILE_NAME = ".kpu-docs-batch.json"
VERSION = 1


def digest(data: bytes) -> str:
    """The hash recorded for inputs and files (SHA-256, hex)."""
    return hashlib.sha256(data).hexdigest()


def canonical(data: Any) -> bytes:
    """Data as canonical JSON: equal data, equal bytes, whatever the key order or source."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str).encode()


class Manifest:
    """The manifest of one output folder, kept in memory and written atomically now and then."""

    def __init__(self, outdir: Path):
        self.outdir = Path(outdir)
        self.path = self.outdir / FILE_NAME
        self.entries: dict[str, dict] = self._read()
        self._dirty = False
        self._saved = time.monotonic()
        self._interval = 5.0

    def _read(self) -> dict[str, dict]:
        """The recorded entries; an unreadable or foreign manifest counts as none (all render)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("versi") != VERSION or not isinstance(data.get("berkas"), dict):
            return {}
        return data["berkas"]

    def unchanged(self, name: str, masukan: str, pdf: bool) -> bool:
        """Whether `name` was made from these inputs and its files are still as written."""
        entry = self.entries.get(name)
        if not isinstance(entry, dict) or entry.get("masukan") != masukan:
            return False
        files = entry.get("keluaran")
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
        self.entries[name] = {"masukan": masukan, "keluaran": keluaran}
        self._dirty = True

    def forget(self, name: str) -> None:
        """A row that failed this time: render it again next time, whatever its inputs."""
        if self.entries.pop(name, None) is not None:
            self._dirty = True

    def save_if_due(self) -> None:
        """Save when a few seconds have passed, more rarely when saving itself takes long."""
        if self._dirty and time.monotonic() - self._saved >= self._interval:
            self.save()

    def save(self) -> None:
        if not self._dirty:
            return
        started = time.monotonic()
        text = json.dumps({"versi": VERSION, "berkas": self.entries}, ensure_ascii=False, indent=0)
        write_atomic(self.path, text.encode("utf-8"))
        self._dirty = False
        self._saved = time.monotonic()
        self._interval = max(5.0, 20 * (self._saved - started))  # a big manifest is not rewritten constantly
