"""Uploaded files (import, batch): written to disk within the CLI's own limits (kpu_docs.bounds),
under FOLDER/.kpu-docs/, never beside the decrees, and read back by the library as the CLI reads
a file from the command line."""

from __future__ import annotations

import secrets
from pathlib import Path, PurePath
from typing import Any

from kpu_docs import bounds
from kpu_docs.bounds import FileRefused, FileTooLarge, size_text
from kpu_docs.importing.scan_pages import IMAGE_FILE_MAX, IMAGE_SUFFIXES
from kpu_docs.web.folder import state_dir

LIMITS = {
    ".docx": (bounds.PACKAGE_FILE_MAX, "berkas Word"),
    ".xlsx": (bounds.PACKAGE_FILE_MAX, "lembar kerja"),
    ".pdf": (bounds.PDF_FILE_MAX, "berkas PDF"),
    ".txt": (bounds.TEXT_FILE_MAX, "berkas teks"),
    ".csv": (bounds.TEXT_FILE_MAX, "berkas CSV"),
    **{suffix: (IMAGE_FILE_MAX, "gambar halaman") for suffix in IMAGE_SUFFIXES},
}
"""Each accepted suffix and the limit the CLI reads such a file with."""

CHUNK = 256 * 1024


def work_dir(root: Path, kind: str, key: str | None = None) -> Path:
    """A fresh (or, with `key`, an existing) folder FOLDER/.kpu-docs/<kind>/<key> for one upload's work."""
    if key is None:
        path = state_dir(root) / kind / secrets.token_hex(8)
        path.mkdir(parents=True)
        return path
    if not key.isalnum():
        raise FileRefused(f"{key}: kode pekerjaan tidak sah")
    path = state_dir(root) / kind / key
    if not path.is_dir():
        raise FileRefused(f"{key}: pekerjaan ini tidak ada (lagi): unggah lagi")
    return path


def upload_name(upload: Any) -> str:
    """The uploaded file's own name, without any folders the browser sent."""
    return PurePath(str(getattr(upload, "filename", "") or "").replace("\\", "/")).name


async def save(upload: Any, folder: Path, allowed: tuple[str, ...], what: str) -> Path:
    """Write `upload` into `folder` under a safe name with its suffix, refusing a suffix not in
    `allowed` or a file past its limit (nothing is kept then)."""
    name = upload_name(upload)
    if not name:
        raise FileRefused(f"{what}: pilih berkasnya dulu")
    suffix = PurePath(name).suffix.lower()
    if suffix not in allowed:
        raise FileRefused(f"{name}: {what} harus berkas {', '.join(allowed)}")
    limit, kind = LIMITS[suffix]
    stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in PurePath(name).stem)[:60] or "unggahan"
    target = folder / f"{stem}{suffix}"
    written = 0
    with open(target, "wb") as out:
        while chunk := await upload.read(CHUNK):
            written += len(chunk)
            if written > limit:
                out.close()
                target.unlink()
                raise FileTooLarge(f"{name}: {kind} terlalu besar (lebih dari {size_text(limit)})")
            out.write(chunk)
    if not written:
        target.unlink()
        raise FileRefused(f"{name}: berkas kosong")
    return target
