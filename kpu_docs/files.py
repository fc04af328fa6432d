"""Writing files so that a failure never leaves a half-written file or spoils an existing one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


_UMASK = os.umask(0)
os.umask(_UMASK)  # read once, at import: the process's umask, which a new file honours
NEW_FILE_MODE = 0o666 & ~_UMASK
"""The mode an ordinary new file gets (0644 under umask 022, 0664 under 002)."""


def _mode_for(path: Path) -> int:
    """The mode of the file being replaced (colleagues keep their access), or a new file's."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        return NEW_FILE_MODE


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, flushed to disk, and rename: never a
    half-written file. The file gets the mode an ordinary new file gets (or keeps the mode of the
    one it replaces), not the owner-only mode of a temporary file, so an office's shared folder
    stays readable."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), _mode_for(path))
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
