"""Writing files so that a failure never leaves a half-written file or spoils an existing one."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from kpu_docs.errors import KpuDocsError


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


class OutputIsInput(KpuDocsError, ValueError):
    """An output that would replace one of the command's own inputs (the decree, a template, the
    template folder, a data file): refused before anything is written."""


def same_path(a: Path, b: Path) -> bool:
    """Whether `a` and `b` name the same file or folder: the same inode where both exist (through
    symlinks, hard links, `..` and a case-insensitive drive), else the same resolved path."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return os.path.realpath(a) == os.path.realpath(b)


def refuse_overwriting_inputs(outputs: Iterable[Path | None], inputs: Iterable[Path | None]) -> None:
    """OutputIsInput, naming both, when one of `outputs` (files or folders a command writes) is
    one of its `inputs`: `import a.docx -o a.docx`, `render k.yaml -o TPL --templat TPL`. Every
    command checks through here before it writes anything."""
    given = [Path(i) for i in inputs if i is not None]
    for output in outputs:
        if output is None:
            continue
        for source in given:
            if same_path(Path(output), source):
                if source.is_dir():
                    raise OutputIsInput(f"keluaran {output} adalah folder masukan {source}: berkas di dalamnya akan "
                                        "tertimpa; pilih folder keluaran lain (-o)")
                raise OutputIsInput(f"keluaran {output} adalah berkas masukan {source}: {source} akan tertimpa; "
                                    "pilih nama keluaran lain (-o)")


TEMPORARY_PREFIX = ".kpu-"
"""Temporary files beside an output are `.kpu-XXXXXXXX.tmp` (and `.kpu-XXXXXXXX.lama` for an old
file kept aside): short, so that a name that fits the file system's 255 bytes still has room
for its temporary file (`.NAME.XXXXXXXX.tmp` pushed a valid 240-character name past it)."""

NAME_BYTES_MAX = 255
"""Bytes of a file name on the file systems an office uses (ext4, NTFS, SMB shares)."""
WINDOWS_DEVICES = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)),
                             *(f"LPT{n}" for n in range(1, 10))})
"""Names Windows keeps for devices, with any extension (NUL.docx is the NUL device): a shared
folder on a Windows server cannot hold such a file."""


def name_problem(stem: str, suffix: str = ".docx") -> str | None:
    """Why `stem` + `suffix` cannot be an output file's name on a Windows share or a Linux disk
    (a device name, too long), or None."""
    if stem.split(".")[0].rstrip(" ").upper() in WINDOWS_DEVICES:
        return "adalah nama perangkat di Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9), bukan nama berkas"
    size = len((stem + suffix).encode("utf-8"))
    if size > NAME_BYTES_MAX:
        return f"terlalu panjang sebagai nama berkas ({size} byte dengan {suffix}; batas {NAME_BYTES_MAX})"
    return None


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, flushed to disk, and rename: never a
    half-written file. The file gets the mode an ordinary new file gets (or keeps the mode of the
    one it replaces), not the owner-only mode of a temporary file, so an office's shared folder
    stays readable."""
    write_all_atomic([(path, data)])


def write_all_atomic(files: list[tuple[Path, bytes]]) -> None:
    """Write several files as a set (a decree and its Lampiran files), all or nothing: each to a
    temporary file beside it, flushed to disk, and only when all are written, each renamed into
    place. A failure while writing (a full disk at the second file) leaves every old file as it
    was and no temporary file behind. For a set, the old files are kept aside (a hard link, or a
    copy where the drive has none) until every rename has succeeded; a rename that fails puts the
    ones already done back, so the set is never half old, half new."""
    written: list[tuple[str, Path]] = []
    kept: list[tuple[Path, str | None]] = []  # (target, its old file kept aside, or None: new)
    replaced: list[Path] = []
    try:
        for path, data in files:
            path = Path(path)
            written.append((_temporary(path, data), path))
        if len(written) > 1:
            kept = [(path, _keep_aside(path)) for _, path in written]
        for tmp, path in written:
            os.replace(tmp, path)
            replaced.append(path)
    except BaseException:
        for tmp, _ in written:
            Path(tmp).unlink(missing_ok=True)
        old = dict(kept)
        for path in replaced:
            aside = old.pop(path, None)
            if aside is not None:
                os.replace(aside, path)  # the old file back
            elif kept:
                path.unlink(missing_ok=True)  # a file the set added
        for aside in old.values():
            if aside:
                Path(aside).unlink(missing_ok=True)
        raise
    for _, aside in kept:
        if aside:
            Path(aside).unlink(missing_ok=True)
    for folder in {path.parent for _, path in written}:
        _sync_folder(folder)


def _keep_aside(path: Path) -> str | None:
    """A second name for the file at `path` (None if there is none), to put it back with."""
    if not path.exists():
        return None
    fd, aside = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, suffix=".lama", dir=path.parent)
    os.close(fd)
    os.unlink(aside)
    try:
        os.link(path, aside)
    except OSError:  # a drive without hard links
        shutil.copy2(path, aside)
    return aside


def _temporary(path: Path, data: bytes) -> str:
    """A temporary file beside `path` holding `data`, flushed to disk, with the mode `path` will have."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), _mode_for(path))
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _sync_folder(folder: Path) -> None:
    """Flush a folder's entries, so the renames survive a power cut (where the system allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (and Windows) cannot sync a folder; the files themselves are
    finally:
        os.close(fd)


def move_into_place(made: Path, path: Path) -> None:
    """A file another program finished (LibreOffice's PDF) flushed to disk, given the mode `path`
    should have, and renamed over it: a crash never leaves a truncated file in place of a good one.
    `made` must be in the same file system (a folder beside `path`)."""
    fd = os.open(made, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(made, _mode_for(Path(path)))
    os.replace(made, path)
