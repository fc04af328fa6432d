"""The number register (screen "register"): take the next number for a decree, as `kpu-docs nomor
ambil` does, and the agenda book (`kpu-docs nomor daftar`) as a table, as .csv or .xlsx.

The register is the CLI's SQLite file: KPU_DOCS_REGISTER (the environment variable `--register`
reads) when set, else FOLDER/.kpu-docs/register.sqlite, so a register shared with the CLI on a
network drive is the same register here.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from kpu_docs.errors import InputError, KpuDocsError
from kpu_docs.nomor.register import BATAL, RegisterError
from kpu_docs.web.app import desk_of
from kpu_docs.web.decrees import open_decree
from kpu_docs.web.folder import decrees, inside, relative
from kpu_docs.web.pages import page
from kpu_docs.web.setelan import register_path

def _entries(path: Path, tahun: int | None) -> list[Any]:
    from kpu_docs.nomor.register import Register

    if not path.is_file():
        return []
    with Register(path) as reg:
        return reg.daftar(tahun=tahun)


def _awaiting(desk: Any) -> list[dict]:
    """The decrees of FOLDER, those still without a number ([ISI NOMOR]) first."""
    from kpu_docs.nomor.pola import NOMOR_KOSONG

    rows = []
    for path in decrees(desk.root):
        opened = open_decree(desk.cache, path)
        k = opened.keputusan
        nomor = k.nomor if k else str(opened.data.get("nomor", "")) if isinstance(opened.data, dict) else ""
        rows.append({"berkas": relative(desk.root, path), "nomor": nomor, "kosong": NOMOR_KOSONG in nomor,
                     "tentang": (k.tentang if k else "") or ""})
    return sorted(rows, key=lambda r: not r["kosong"])


def _shown(root: Path, berkas: str) -> str:
    """A decree file as the register recorded it, relative to FOLDER when it lies inside."""
    try:
        return relative(root, Path(berkas))
    except ValueError:
        return berkas


def _tahun(request: Any) -> int | None:
    text = request.query_params.get("tahun", "").strip()
    return int(text) if text.isdigit() else None


def _page(request: Any, status_code: int = 200, **extra: Any) -> Any:
    from kpu_docs.nomor import daftar as agenda

    desk = desk_of(request)
    path = register_path(desk.root)
    tahun = _tahun(request)
    try:
        entries = _entries(path, tahun)
        rows = [[*row[:4], _shown(desk.root, row[4]), *row[5:]] for row in agenda.baris(entries)]
    except (KpuDocsError, sqlite3.Error) as exc:
        entries, rows, extra["galat_umum"] = [], [], str(exc)
    shown = [{"sel": row, "nomor": e.nomor, "instansi": e.instansi, "batal": e.status == BATAL}
             for row, e in zip(rows, entries)]
    extra.setdefault("pesan_umum", request.query_params.get("pesan"))
    return page(request, "register.html", status_code=status_code, aktif="register", rows=shown, kolom=agenda.KOLOM,
                tahun=tahun or "", register=path, keputusan=_awaiting(desk), **extra)


async def register(request: Any) -> Any:
    """The agenda book and the form to take a number (`?berkas=` chooses the decree)."""
    return _page(request, dipilih=request.query_params.get("berkas"))


async def ambil(request: Any) -> Any:
    """Take the next number for one decree and write it into its file (only the nomor's value
    changes); problems that stop it are shown with links to their fields."""
    from starlette.responses import RedirectResponse

    from kpu_docs.nomor.ambil import ambil_nomor

    desk = desk_of(request)
    form = await request.form()
    berkas = str(form.get("berkas", ""))
    path = inside(desk.root, berkas)
    pengguna = request.state.session.pengguna
    try:
        entri = ambil_nomor(path, register_path(desk.root), oleh=pengguna)
    except InputError as exc:
        from kpu_docs.web.widgets import _id

        masalah = [{"teks": str(m), "tautan": f"/sunting?berkas={quote(berkas)}" + (f"#{_id(m.lokasi)}" if m.lokasi else "")}
                   for m in exc.masalah]
        return _page(request, status_code=422, dipilih=berkas, masalah=masalah,
                     galat_umum=f"{berkas}: belum dapat diberi nomor")
    except (KpuDocsError, OSError, RuntimeError, sqlite3.Error) as exc:
        return _page(request, status_code=422, dipilih=berkas,
                     galat_umum=f"{exc}; nomor yang sudah diambil tercatat di register beserta sebabnya")
    desk.store.record(pengguna, f"nomor {entri.nomor}", berkas)
    return RedirectResponse("/register?pesan=" + quote(f"Nomor {entri.nomor} diberikan kepada {berkas}"),
                            status_code=303)


async def batal(request: Any) -> Any:
    """Cancel a number, as `kpu-docs nomor batal`: marked in the register, never given again."""
    from starlette.responses import RedirectResponse

    from kpu_docs.nomor.register import Register

    desk = desk_of(request)
    form = await request.form()
    nomor, instansi = str(form.get("nomor", "")), str(form.get("instansi", "")) or None
    alasan = str(form.get("alasan", "")).strip() or None
    pengguna = request.state.session.pengguna
    path = register_path(desk.root)
    try:
        if not path.is_file():
            raise RegisterError(f"{path}: register tidak ditemukan")
        with Register(path) as reg:
            entri, now = reg.batal(nomor, alasan=alasan, oleh=pengguna, instansi=instansi)
    except (KpuDocsError, sqlite3.Error) as exc:
        return _page(request, status_code=422, galat_umum=str(exc))
    if not now:
        return RedirectResponse("/register?pesan=" + quote(f"{entri.nomor} sudah dibatalkan sebelumnya"), status_code=303)
    desk.store.record(pengguna, f"batal nomor {entri.nomor}", entri.berkas or "")
    return RedirectResponse("/register?pesan=" + quote(f"Dibatalkan: {entri.nomor} (nomor urut {entri.urut} tidak akan "
                                                       "diberikan lagi)"), status_code=303)


async def unduh(request: Any) -> Any:
    """The agenda book as `kpu-docs nomor daftar -o register.csv|.xlsx` writes it."""
    from starlette.responses import Response

    from kpu_docs.nomor import daftar as agenda

    bentuk = request.query_params.get("format", "xlsx")
    if bentuk not in ("csv", "xlsx"):
        return page(request, "galat.html", status_code=400, galat_umum=f"format {bentuk} tidak dikenal: csv atau xlsx")
    tahun = _tahun(request)
    entries = _entries(register_path(desk_of(request).root), tahun)
    data = agenda.as_csv(entries) if bentuk == "csv" else agenda.as_xlsx(entries)
    media = ("text/csv; charset=utf-8" if bentuk == "csv"
             else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    name = f"register-nomor{f'-{tahun}' if tahun else ''}.{bentuk}"
    return Response(data, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})


def routes() -> list[Any]:
    from starlette.routing import Route

    return [Route("/register", register), Route("/register/ambil", ambil, methods=["POST"]),
            Route("/register/batal", batal, methods=["POST"]), Route("/register/unduh", unduh)]
