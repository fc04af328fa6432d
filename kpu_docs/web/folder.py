"""Every path the desk touches lies inside FOLDER: a name from a request is never trusted.

A decree is named by its path relative to FOLDER, with "/" between folders. Refused: absolute
paths, `..`, a path that leaves FOLDER through a symlink, hidden parts (`.kpu-docs`, `.git`),
and anything but .yaml/.yml where a decree is meant.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from kpu_docs.errors import KpuDocsError

DECREE_SUFFIXES = (".yaml", ".yml")
STATE = ".kpu-docs"
"""The desk's own folder inside FOLDER: users, sessions, audit log, recycle bin, preview cache."""


class PathRefused(KpuDocsError, ValueError):
    """A name that does not lead to a file inside FOLDER."""


def inside(root: Path, name: str, suffixes: tuple[str, ...] | None = DECREE_SUFFIXES) -> Path:
    """The file `name` (relative to `root`, "/"-separated) names, confined to `root`."""
    if not name or "\\" in name or "\x00" in name:
        raise PathRefused(f"{name!r}: nama berkas tidak sah")
    pure = PurePosixPath(name)
    if pure.is_absolute() or any(part in ("..", "") for part in pure.parts) or os.path.isabs(name):
        raise PathRefused(f"{name}: hanya berkas di dalam folder kerja")
    if any(part.startswith(".") for part in pure.parts):
        raise PathRefused(f"{name}: berkas tersembunyi tidak dapat dibuka")
    if suffixes is not None and pure.suffix.lower() not in suffixes:
        raise PathRefused(f"{name}: hanya berkas keputusan {' atau '.join(suffixes)}")
    root_real = Path(os.path.realpath(root))
    target = root_real.joinpath(*pure.parts)
    real = Path(os.path.realpath(target))
    if real != root_real and root_real not in real.parents:
        raise PathRefused(f"{name}: menunjuk ke luar folder kerja")
    return target


def relative(root: Path, path: Path) -> str:
    """The name of a file inside `root`, as URLs carry it."""
    return Path(os.path.realpath(path)).relative_to(os.path.realpath(root)).as_posix()


def decrees(root: Path) -> list[Path]:
    """Every decree file in FOLDER and its sub-folders (hidden folders and symlinks out skipped)."""
    root_real = Path(os.path.realpath(root))
    found = []
    for dirpath, dirnames, filenames in os.walk(root_real):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or Path(name).suffix.lower() not in DECREE_SUFFIXES:
                continue
            path = Path(dirpath) / name
            real = Path(os.path.realpath(path))
            if root_real in real.parents:
                found.append(path)
    return found


def state_dir(root: Path) -> Path:
    """FOLDER/.kpu-docs, made when first needed."""
    path = Path(root) / STATE
    path.mkdir(parents=True, exist_ok=True)
    return path
