"""The list (screen "daftar"): every decree in FOLDER, searched, opened, copied, deleted to the
recycle folder FOLDER/.kpu-docs/sampah/."""

from __future__ import annotations

import datetime
import os
import shutil
from typing import Any

from kpu_docs.web.app import desk_of
from kpu_docs.web.decrees import open_decree
from kpu_docs.web.folder import decrees, inside, relative, state_dir
from kpu_docs.web.pages import page


def _row(desk: Any, path: Any) -> dict:
    opened = open_decree(desk.cache, path)
    name = relative(desk.root, path)
    k = opened.keputusan
    data = opened.data if isinstance(opened.data, dict) else {}
    penutup: dict = data["penutup"] if isinstance(data.get("penutup"), dict) else {}
    return {
        "berkas": name,
        "nomor": k.nomor if k else str(data.get("nomor", "")),
        "tahun": k.tahun if k else data.get("tahun", ""),
        "tentang": (k.tentang if k else data.get("tentang")) or "",
        "tanggal": _tanggal(k.penutup.tanggal) if k else str(penutup.get("tanggal", "")),
        "status": k.status if k else data.get("status", ""),
        "peringatan": len(opened.temuan),
        "galat": len(opened.masalah),
        "teks": opened.text.lower(),
    }


_BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]


def _tanggal(date: datetime.date) -> str:
    return f"{date.day} {_BULAN[date.month - 1]} {date.year}"


async def daftar(request: Any) -> Any:
    desk = desk_of(request)
    cari = request.query_params.get("cari", "").strip()
    rows = [_row(desk, path) for path in decrees(desk.root)]
    if cari:
        words = cari.lower().split()
        rows = [r for r in rows if all(w in r["teks"] or w in r["berkas"].lower() for w in words)]
    template = "_daftar_baris.html" if request.headers.get("hx-request") and request.headers.get("hx-target") == "baris" else "daftar.html"
    return page(request, template, aktif="daftar", rows=rows, cari=cari,
                pesan_umum=request.query_params.get("pesan"))


def _unused(path: Any) -> Any:
    """`path`, or `<stem>-2.yaml`, `<stem>-3.yaml` ... whichever does not exist yet."""
    if not path.exists():
        return path
    n = 2
    while (candidate := path.with_name(f"{path.stem}-{n}{path.suffix}")).exists():
        n += 1
    return candidate


def _as_draft(text: str) -> str:
    """A copy is a new decree still to be signed: status draf (the rest as it was, comments kept)."""
    from kpu_docs.yaml_source import load_round_trip, plain, rewrite

    try:
        data = plain(load_round_trip(text))
        if not isinstance(data, dict) or data.get("status") == "draf":
            return text
        keys = list(data)
        at = keys.index("tahun") + 1 if "tahun" in keys else len(keys)
        drafted = {k: data[k] for k in keys[:at] if k != "status"}
        drafted["status"] = "draf"
        drafted.update({k: data[k] for k in keys[at:] if k != "status"})
        return rewrite(text, drafted)
    except Exception:  # noqa: BLE001 - a file that cannot be edited is copied as it is
        return text


async def salin(request: Any) -> Any:
    """A copy of a decree as a new draft file beside it, opened in the form."""
    from starlette.responses import RedirectResponse

    from kpu_docs.files import write_atomic

    desk = desk_of(request)
    form = await request.form()
    source = inside(desk.root, str(form.get("berkas", "")))
    target = _unused(source.with_name(f"{source.stem}-salinan{source.suffix}"))
    write_atomic(target, _as_draft(source.read_text(encoding="utf-8")).encode("utf-8"))
    name = relative(desk.root, target)
    desk.store.record(request.state.session.pengguna, "salin", name)
    from urllib.parse import quote

    return RedirectResponse(f"/sunting?berkas={quote(name)}", status_code=303)


async def hapus(request: Any) -> Any:
    """Move a decree to FOLDER/.kpu-docs/sampah/ (never deleted outright)."""
    from urllib.parse import quote

    from starlette.responses import RedirectResponse

    desk = desk_of(request)
    form = await request.form()
    name = str(form.get("berkas", ""))
    source = inside(desk.root, name)
    bin_ = state_dir(desk.root) / "sampah"
    bin_.mkdir(exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = _unused(bin_ / f"{stamp}-{name.replace('/', '__')}")
    shutil.move(os.fspath(source), target)
    desk.store.record(request.state.session.pengguna, "hapus", name)
    return RedirectResponse("/?pesan=" + quote(f"{name} dipindahkan ke tempat sampah (.kpu-docs/sampah/)"), status_code=303)


def routes() -> list[Any]:
    from starlette.routing import Route

    return [Route("/", daftar), Route("/salin", salin, methods=["POST"]), Route("/hapus", hapus, methods=["POST"])]
