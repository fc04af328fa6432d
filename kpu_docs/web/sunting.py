"""Editing a decree as a form (screen "sunting"): every field of the model, messages beside
their fields, saved through the round-trip writer (yaml_source.rewrite) when the data is valid;
a save over a file changed since it was opened is merged, or shown as a conflict."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from kpu_docs.errors import format_path
from kpu_docs.web import forms, widgets
from kpu_docs.web.app import desk_of
from kpu_docs.web.decrees import Opened, evaluate, open_decree, text_hash
from kpu_docs.web.folder import inside, relative
from kpu_docs.web.pages import page


def _generated(opened: Opened) -> dict[str, str | None]:
    """The texts the decree generates unless given, as it would print them now."""
    if opened.keputusan is None:
        return {}
    from kpu_docs.wording.konsiderans import menetapkan

    k = opened.keputusan
    auto = k.model_copy(update={"menimbang_penutup": None, "menetapkan": None})
    from kpu_docs.wording.konsiderans import menimbang_penutup

    return {"menimbang_penutup": menimbang_penutup(auto), "menetapkan": menetapkan(auto)}


def _citations(opened: Opened) -> dict[str, str]:
    """Each structured citation's sentence as the decree prints it, by its field path."""
    if opened.keputusan is None:
        return {}
    from kpu_docs.models.dasar_hukum import Peraturan
    from kpu_docs.wording.citations import kutipan

    out = {}
    for key in ("mengingat", "memperhatikan"):
        for i, item in enumerate(getattr(opened.keputusan, key), start=1):
            if isinstance(item, Peraturan):
                out[f"{key}[{i}]"] = kutipan(item)
    return out


def _form_page(request: Any, name: str, opened: Opened, data: Any, status_code: int = 200, **extra: Any) -> Any:
    messages = forms.messages_by_field(opened.masalah, opened.temuan)
    ctx = widgets.Context(messages, _generated(opened), _citations(opened))
    body = widgets.form_body(data if isinstance(data, dict) else {}, ctx)
    return page(request, "sunting.html", status_code=status_code, aktif="sunting", berkas=name, opened=opened,
                form_body=body, counts=widgets.section_counts(data if isinstance(data, dict) else {}, messages),
                lainnya=ctx.unshown(), riwayat=desk_of(request).store.log(name, limit=10), jumlah_galat=sum(1 for m in opened.masalah for _ in (m, *m.juga)),
                jumlah_peringatan=len(opened.temuan), **extra)


async def sunting(request: Any) -> Any:
    desk = desk_of(request)
    name = request.query_params.get("berkas", "")
    path = inside(desk.root, name)
    if not path.exists():
        return page(request, "galat.html", status_code=404, galat_umum=f"{name}: berkas tidak ditemukan")
    opened = open_decree(desk.cache, path)
    if opened.data is None and opened.masalah:
        return page(request, "galat.html", status_code=422, galat_umum="\n".join(map(str, opened.masalah)) +
                    "\n\nPerbaiki berkas ini di penyunting teks, lalu muat ulang halaman.")
    from kpu_docs.web.decrees import prepare_source

    prepare_source(opened.text)
    pesan = "Disimpan." if request.query_params.get("disimpan") else None
    if request.query_params.get("digabung"):
        pesan = "Disimpan, digabung dengan perubahan yang disimpan orang lain sejak berkas ini dibuka."
    return _form_page(request, name, opened, opened.data, pesan_umum=pesan)


async def simpan(request: Any) -> Any:
    """Save the form: validate as `check` does; write only valid data, through the round-trip
    writer; a file changed since it was opened is merged (three-way) or shown as a conflict."""
    from starlette.responses import RedirectResponse

    from kpu_docs.files import write_atomic
    from kpu_docs.loading import read_text
    from kpu_docs.web.merging import Conflict, merge
    from kpu_docs.yaml_source import rewrite

    desk = desk_of(request)
    name = request.query_params.get("berkas", "")
    path = inside(desk.root, name)
    form = await request.form()
    fields = [(k, v) for k, v in form.multi_items() if isinstance(v, str)]
    opened_hash = str(form.get("hash", ""))
    data = forms.to_data(fields)
    text = read_text(path)
    current = text_hash(text)
    merged = False
    if opened_hash != current:
        base = desk.cache.get(("decree", str(path), opened_hash))
        disk = evaluate(path, text)
        if base is None or not isinstance(base.data, dict) or not isinstance(disk.data, dict):
            return _conflict(request, name, disk, data, text, ["(versi awal tidak lagi diketahui)"])
        try:
            data = merge(base.data, disk.data, data)
        except Conflict as exc:
            return _conflict(request, name, disk, data, text, exc.paths)
        merged = True
    checked = evaluate(path, text, data)
    checked.data = data
    if not checked.sah:
        checked.hash = opened_hash if not merged else current
        return _form_page(request, name, checked, data, status_code=422,
                          galat_umum="Belum disimpan: perbaiki isian yang bertanda merah.")
    from kpu_docs.web.decrees import prepare_source, source_of

    new_text = rewrite(text, data, source_of(text))
    if new_text != text:
        write_atomic(path, new_text.encode("utf-8"))
        prepare_source(new_text)
        desk.store.record(request.state.session.pengguna, "simpan", name, current, text_hash(new_text))
    flag = "digabung=1" if merged else "disimpan=1"
    return RedirectResponse(f"/sunting?berkas={quote(name)}&{flag}", status_code=303)


def _conflict(request: Any, name: str, disk: Opened, mine: dict, disk_text: str, paths: list[str]) -> Any:
    from kpu_docs.yaml_source import rewrite

    try:
        mine_text = rewrite(disk_text, mine)
    except ValueError:
        mine_text = "(tidak dapat ditulis sebagai YAML)"
    return page(request, "konflik.html", status_code=409, berkas=name, disk_text=disk_text, mine_text=mine_text,
                paths=paths, hash=disk.hash, galat_umum="Berkas ini diubah dan disimpan orang lain (atau dari baris perintah) "
                "sejak Anda membukanya, di bagian yang juga Anda ubah. Tidak ada yang ditimpa.")


async def butir(request: Any) -> Any:
    """The widget of a new item of the list at `jalur` (position `ke`), in form `jenis`."""
    from starlette.responses import HTMLResponse

    jalur = request.query_params.get("jalur", "")
    ke = int(request.query_params.get("ke", "1") or 1)
    jenis = request.query_params.get("jenis", "str")
    path = forms.parse_name(jalur)
    tp = widgets.type_at(path)
    base = forms.strip(tp)[0]
    item_tp = forms.item_type(base) if forms.is_list(base) else tp
    ctx = widgets.Context({})
    return HTMLResponse(widgets.new_item(f"{jalur}[{ke}]", item_tp, jenis, ctx, ke))


from kpu_docs.bounds import LOGO_MAX  # noqa: E402 - the logo the renderer accepts
_PICTURES = {b"\x89PNG\r\n\x1a\n": ".png", b"\xff\xd8\xff": ".jpg"}


async def logo(request: Any) -> Any:
    """A logo uploaded from this computer, copied into gambar/ beside the decree; answers the
    path the decree's logo field takes (relative to the decree's folder)."""
    import re as _re

    from starlette.responses import JSONResponse

    from kpu_docs.files import write_atomic

    desk = desk_of(request)
    path = inside(desk.root, request.query_params.get("berkas", ""))
    form = await request.form(max_files=1, max_fields=10, max_part_size=LOGO_MAX)
    upload = form.get("gambar")
    if upload is None or isinstance(upload, str):
        return JSONResponse({"galat": "pilih berkas gambar"}, status_code=422)
    data = await upload.read(LOGO_MAX + 1)
    if len(data) > LOGO_MAX:
        return JSONResponse({"galat": f"gambar lebih dari {LOGO_MAX // (1024 * 1024)} MB"}, status_code=413)
    suffix = next((s for magic, s in _PICTURES.items() if data.startswith(magic)), None)
    if suffix is None:
        return JSONResponse({"galat": "hanya gambar PNG atau JPEG"}, status_code=422)
    stem = _re.sub(r"[^A-Za-z0-9_-]+", "-", Path(upload.filename or "logo").stem).strip("-") or "logo"
    target = path.parent / "gambar" / f"{stem}{suffix}"
    inside(desk.root, relative(desk.root, path.parent / "gambar") + f"/{stem}{suffix}", suffixes=(".png", ".jpg"))
    target.parent.mkdir(exist_ok=True)
    write_atomic(target, data)
    desk.store.record(request.state.session.pengguna, "unggah logo", relative(desk.root, target))
    return JSONResponse({"logo": f"gambar/{stem}{suffix}"})


SKELETON = """\
# Keputusan baru, dibuat di meja keputusan {tanggal}.
instansi: ""
nomor: "[ISI NOMOR]"
tahun: {tahun}
status: draf
tentang: ""
jabatan_penetap: ""
menimbang:
  - ""
mengingat:
  - ""
diktum:
  - ""
penutup:
  tempat: ""
  tanggal: {hari_ini}
  penandatangan:
    jabatan: ""
    nama: ""
"""


async def baru(request: Any) -> Any:
    """A new decree from scratch: a draft file with every required field still to fill."""
    from starlette.responses import RedirectResponse

    from kpu_docs.files import write_atomic
    from kpu_docs.web.folder import PathRefused

    desk = desk_of(request)
    if request.method == "GET":
        return page(request, "baru.html", aktif="baru")
    form = await request.form()
    nama = str(form.get("nama", "")).strip()
    if nama and not nama.lower().endswith((".yaml", ".yml")):
        nama += ".yaml"
    try:
        path = inside(desk.root, nama)
    except PathRefused as exc:
        return page(request, "baru.html", status_code=422, aktif="baru", nama=nama, galat=str(exc))
    if path.exists():
        return page(request, "baru.html", status_code=422, aktif="baru", nama=nama,
                    galat=f"{nama} sudah ada: pilih nama lain")
    today = datetime.date.today()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, SKELETON.format(tanggal=today.isoformat(), tahun=today.year, hari_ini=today.isoformat()).encode())
    name = relative(desk.root, path)
    desk.store.record(request.state.session.pengguna, "baru", name)
    return RedirectResponse(f"/sunting?berkas={quote(name)}", status_code=303)


def routes() -> list[Any]:
    from starlette.routing import Route

    return [Route("/sunting", sunting), Route("/sunting", simpan, methods=["POST"]),
            Route("/sunting/butir", butir), Route("/sunting/logo", logo, methods=["POST"]),
            Route("/baru", baru, methods=["GET", "POST"])]


__all__ = ["format_path", "routes"]
