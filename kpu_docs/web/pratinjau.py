"""Page pictures beside the form, and the .docx and .pdf downloads (screen "pratinjau").

The pictures come from the same path as `kpu-docs preview` (render, LibreOffice to PDF,
pdftoppm), made in a background thread and cached in FOLDER/.kpu-docs/pratinjau/<key>/, where
the key is the hash of the YAML text and of the templates: an unchanged decree is never
converted again. The page asks every second until the pictures are there.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from kpu_docs.web.app import desk_of
from kpu_docs.web.decrees import open_decree
from kpu_docs.web.folder import inside, state_dir
from kpu_docs.web.pages import page

_CONVERT = threading.Lock()
"""One LibreOffice conversion at a time: they share one user profile."""
_JOBS = threading.Lock()
DPI = 60


@lru_cache(maxsize=1)
def templates_hash() -> str:
    from kpu_docs.word.templates import template_dir

    digest = hashlib.sha256()
    for path in sorted(Path(template_dir()).glob("*.docx")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def cache_key(text: str) -> str:
    return hashlib.sha256((templates_hash() + "\0" + text).encode("utf-8")).hexdigest()[:24]


def _folder(desk: Any, key: str) -> Path:
    return state_dir(desk.root) / "pratinjau" / key


def _make(desk: Any, keputusan: Any, key: str) -> None:
    """Render, convert and picture one decree into its cache folder (done.txt last)."""
    from kpu_docs.pdf import to_pdf
    from kpu_docs.preview import pdf_to_png
    from kpu_docs.word import render_bytes

    target = _folder(desk, key)
    target.mkdir(parents=True, exist_ok=True)
    try:
        with tempfile.TemporaryDirectory(prefix="kpu-docs-web-") as tmp:
            docx = Path(tmp) / "keputusan.docx"
            docx.write_bytes(render_bytes(keputusan))
            with _CONVERT:
                (pdf,) = to_pdf([docx], Path(tmp))
            shutil.copy(pdf, target / "keputusan.pdf")
            pdf_to_png(pdf, target, dpi=DPI, prefix="halaman")
        (target / "done.txt").write_text("ok", encoding="utf-8")
    except Exception as exc:  # noqa: BLE001 - shown on the page instead of the pictures
        (target / "galat.txt").write_text(str(exc) or type(exc).__name__, encoding="utf-8")
    finally:
        with _JOBS:
            desk.cache.pop(("job", key), None)


def start(desk: Any, keputusan: Any, key: str) -> None:
    """Make the pictures of `key` in the background, unless made or being made."""
    folder = _folder(desk, key)
    if (folder / "done.txt").exists() or (folder / "galat.txt").exists():
        return
    with _JOBS:
        if ("job", key) in desk.cache:
            return
        thread = threading.Thread(target=_make, args=(desk, keputusan, key), daemon=True, name=f"pratinjau-{key}")
        desk.cache[("job", key)] = thread
    thread.start()


async def pratinjau(request: Any) -> Any:
    desk = desk_of(request)
    name = request.query_params.get("berkas", "")
    opened = open_decree(desk.cache, inside(desk.root, name))
    if opened.keputusan is None:
        return page(request, "_pratinjau.html", berkas=name, galat="Data belum sah: belum ada gambar halaman.")
    key = cache_key(opened.text)
    folder = _folder(desk, key)
    start(desk, opened.keputusan, key)
    if (folder / "galat.txt").exists():
        return page(request, "_pratinjau.html", berkas=name, galat=(folder / "galat.txt").read_text(encoding="utf-8"))
    if not (folder / "done.txt").exists():
        return page(request, "_pratinjau.html", berkas=name, menunggu=True, hash=opened.hash)
    pages = sorted(folder.glob("halaman-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    return page(request, "_pratinjau.html", berkas=name, key=key, pages=[p.name for p in pages])


_KEY = re.compile(r"[0-9a-f]{24}")
_PAGE = re.compile(r"halaman-\d{1,4}\.png")


async def gambar(request: Any) -> Any:
    from starlette.responses import FileResponse, PlainTextResponse

    key, name = request.path_params["key"], request.path_params["nama"]
    path = _folder(desk_of(request), key) / name
    if not _KEY.fullmatch(key) or not _PAGE.fullmatch(name) or not path.is_file():
        return PlainTextResponse("Tidak ditemukan.", status_code=404)
    return FileResponse(path, media_type="image/png", headers={"Cache-Control": "private, max-age=86400"})


async def unduh(request: Any) -> Any:
    """The decree as .docx (rendered now, as `kpu-docs render` does) or .pdf (from the cache)."""
    from starlette.responses import PlainTextResponse, Response

    desk = desk_of(request)
    name = request.query_params.get("berkas", "")
    bentuk = request.query_params.get("bentuk", "docx")
    path = inside(desk.root, name)
    opened = open_decree(desk.cache, path)
    if opened.keputusan is None:
        return PlainTextResponse("Data keputusan belum sah: perbaiki dulu isiannya.", status_code=422)
    filename = quote(f"{path.stem}.{bentuk}")
    disposition = {"Content-Disposition": f"attachment; filename*=UTF-8''{filename}"}
    if bentuk == "docx":
        import asyncio

        from kpu_docs.word import render_bytes

        data = await asyncio.to_thread(render_bytes, opened.keputusan)
        return Response(data, media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        headers=disposition)
    if bentuk == "pdf":
        import asyncio

        key = cache_key(opened.text)
        pdf = _folder(desk, key) / "keputusan.pdf"
        if not pdf.exists():
            await asyncio.to_thread(_make, desk, opened.keputusan, key)
        if not pdf.exists():
            return PlainTextResponse("PDF gagal dibuat: " + (_folder(desk, key) / "galat.txt").read_text(encoding="utf-8"),
                                     status_code=500)
        return Response(pdf.read_bytes(), media_type="application/pdf", headers=disposition)
    return PlainTextResponse("bentuk harus docx atau pdf", status_code=400)


def routes() -> list[Any]:
    from starlette.routing import Route

    return [Route("/pratinjau", pratinjau), Route("/pratinjau/gambar/{key}/{nama}", gambar), Route("/unduh", unduh)]
