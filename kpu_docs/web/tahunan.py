"""The yearly actions (screen "tahunan"): a new decree from an example or from another decree,
next year's draft with its review list, importing a .docx/.pdf/.txt, comparing two decrees.

Each calls the library as the CLI's command of the same job does (next-year, import, diff); what
the CLI prints, this shows as a page, with every field path linked to its place in the form.
"""

from __future__ import annotations

import asyncio
import difflib
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

import kpu_docs
from kpu_docs.errors import InputError, KpuDocsError, Masalah, format_path
from kpu_docs.web.app import desk_of
from kpu_docs.web.folder import PathRefused, decrees, inside, relative
from kpu_docs.web.pages import page


def field_link(berkas: str, jalur: str) -> str:
    """The edit form of `berkas` scrolled to the field `jalur` (the form's ids: widgets._id)."""
    from kpu_docs.web.widgets import _id

    anchor = f"#{_id(_landing(jalur))}" if jalur else ""
    return f"/sunting?berkas={quote(berkas)}{anchor}"


def _landing(jalur: str) -> str:
    """The field of the form to scroll to for `jalur`: itself, or for a table cell (the grid's
    cells carry no id of their own) its table's first heading, or its group's name."""
    table, cell, _ = jalur.partition(".baris[")
    if not cell:
        return jalur
    return f"{table}.nama" if table.endswith("]") else f"{table}.kolom[1]"


def _names(desk: Any) -> list[str]:
    return [relative(desk.root, p) for p in decrees(desk.root)]


def _target(desk: Any, nama: str) -> tuple[Path, str]:
    """A new decree file named by the user: inside FOLDER, .yaml added, never an existing file."""
    nama = nama.strip()
    if nama and not nama.lower().endswith((".yaml", ".yml")):
        nama += ".yaml"
    path = inside(desk.root, nama)
    if path.exists():
        raise PathRefused(f"{nama} sudah ada: pilih nama lain (berkas yang ada tidak ditimpa)")
    return path, nama


def _problems(exc: InputError) -> list[str]:
    return [str(m) for m in exc.masalah] or [str(exc)]


# --- new decree from an example or another decree -------------------------------------------

def examples_dir() -> Path | None:
    """The examples shipped with the source (examples/ beside the package), if this install has them."""
    path = Path(kpu_docs.__file__).resolve().parent.parent / "examples"
    return path if path.is_dir() else None


def examples() -> dict[str, Path]:
    """Each example decree by its name (`keputusan-11-2025.yaml`, `pps/keputusan-pps.yaml`)."""
    found: dict[str, Path] = {}
    folder = examples_dir()
    if folder is not None:
        for path in sorted([*folder.glob("*.yaml"), *folder.glob("*/*.yaml")]):
            found[path.relative_to(folder).as_posix()] = path
    return found


async def pilihan(request: Any) -> Any:
    """The part of the "Keputusan baru" page that starts from an example or another decree."""
    desk = desk_of(request)
    return page(request, "_baru_pilihan.html", contoh=list(examples()), berkas=_names(desk))


async def baru_dari(request: Any) -> Any:
    """A new draft file that is a copy of an example or of a decree in FOLDER, opened in the form."""
    from starlette.responses import RedirectResponse

    from kpu_docs.files import write_atomic

    desk = desk_of(request)
    form = await request.form()
    sumber = str(form.get("sumber", ""))
    nama = str(form.get("nama", ""))
    try:
        kind, _, name = sumber.partition(":")
        if kind == "contoh" and name in examples():
            source = examples()[name]
        elif kind == "berkas":
            source = inside(desk.root, name)
            if not source.is_file():
                raise PathRefused(f"{name}: tidak ada")
        else:
            raise PathRefused("pilih contoh atau keputusan yang disalin")
        target, nama = _target(desk, nama)
    except PathRefused as exc:
        return page(request, "baru.html", status_code=422, aktif="baru", galat=str(exc))
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, source.read_bytes())
    name = relative(desk.root, target)
    desk.store.record(request.state.session.pengguna, f"baru dari {sumber}", name)
    return RedirectResponse(f"/sunting?berkas={quote(name)}", status_code=303)


# --- next year --------------------------------------------------------------------------------

def _next_name(name: str) -> str:
    """`a/keputusan-11-2025.yaml` -> `a/keputusan-11-2026.yaml`; else `<stem>-tahun-depan.yaml`."""
    years = list(re.finditer(r"(19|20)\d\d", name))
    if years:
        m = years[-1]
        return name[:m.start()] + str(int(m.group()) + 1) + name[m.end():]
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}-tahun-depan.{suffix}"


async def tahun_depan(request: Any) -> Any:
    """GET: the form (which decree, the draft's name, the year); POST: write the draft and its
    review file, as `kpu-docs next-year BERKAS -o DRAF [--tahun]`, then show the review list."""
    from starlette.responses import RedirectResponse

    from kpu_docs.next_year import next_year
    from kpu_docs.review import review_path

    desk = desk_of(request)
    names = _names(desk)
    if request.method == "GET":
        berkas = request.query_params.get("berkas", "")
        return page(request, "tahun_depan.html", aktif="tahun-depan", names=names, berkas=berkas,
                    nama=_next_name(berkas) if berkas else "", tahun="")
    form = await request.form()
    berkas, nama, tahun = str(form.get("berkas", "")), str(form.get("nama", "")), str(form.get("tahun", "")).strip()
    context = dict(aktif="tahun-depan", names=names, berkas=berkas, nama=nama, tahun=tahun)
    try:
        source = inside(desk.root, berkas)
        target, nama = _target(desk, nama)
        if review_path(target).exists():
            raise PathRefused(f"{review_path(target).name} sudah ada: pilih nama draf lain")
        if tahun and not tahun.isdigit():
            raise PathRefused(f"tahun: {tahun} bukan bilangan tahun")
        laporan = next_year(source, target, int(tahun) if tahun else None)
    except InputError as exc:
        return page(request, "tahun_depan.html", status_code=422, masalah=_problems(exc), **context)
    except (KpuDocsError, OSError, RuntimeError) as exc:
        return page(request, "tahun_depan.html", status_code=422, galat_umum=str(exc), **context)
    name = relative(desk.root, target)
    desk.store.record(request.state.session.pengguna, f"tahun depan dari {berkas}", name)
    pesan = f"Draf tahun {laporan.tahun_baru} ditulis: {name}, dari {berkas} (tahun {laporan.tahun_lama})"
    return RedirectResponse(f"/tahun-depan/periksa?berkas={quote(name)}&pesan={quote(pesan)}", status_code=303)


_ITEM = re.compile(r"^\d+\. `(?P<jalur>[^`]*)`(?: \(baris (?P<baris>\d+)\))?: (?P<teks>.*)$")
_ROW = re.compile(r"^\| `(?P<jalur>[^`]*)` \| (?P<baris>\d*) \| (?P<lama>.*) \| (?P<baru>.*) \|$")


def _cell(text: str) -> str:
    return text.replace("\\|", "|").replace("\\\\", "\\")


def read_review(text: str) -> dict[str, Any]:
    """The review file next-year wrote (review.review_text): its items to fill or check, each
    with field path and line, and its table of changes; the rest as paragraphs."""
    todo, changes, notes = [], [], []
    section = ""
    for line in text.splitlines():
        if line.startswith("## "):
            section = line[3:]
            continue
        if line.startswith("# ") or not line.strip():
            continue
        if (m := _ITEM.match(line)) and section.startswith("Perlu"):
            todo.append({"jalur": m["jalur"], "baris": m["baris"], "teks": m["teks"]})
        elif (m := _ROW.match(line)) and section.startswith("Yang diubah"):
            changes.append({"jalur": m["jalur"], "baris": m["baris"], "lama": _cell(m["lama"]),
                            "baru": _cell(m["baru"])})
        elif not line.startswith("|") and section and not section.startswith("Perlu"):
            notes.append((section, line.lstrip("- ").replace("`", "")))
    return {"todo": todo, "changes": changes, "notes": notes}


async def periksa_draf(request: Any) -> Any:
    """The review list of a draft (its .periksa.md beside it), each item linked to its field."""
    from kpu_docs.review import review_path

    desk = desk_of(request)
    berkas = request.query_params.get("berkas", "")
    path = inside(desk.root, berkas)
    review = review_path(path)
    if not review.is_file():
        return page(request, "galat.html", status_code=404, galat_umum=f"{review.name}: daftar periksa tidak ada "
                    "(dibuat saat draf tahun depan ditulis)")
    found = read_review(review.read_text(encoding="utf-8"))
    for item in [*found["todo"], *found["changes"]]:
        item["tautan"] = field_link(berkas, item["jalur"])
    return page(request, "periksa_draf.html", aktif="tahun-depan", berkas=berkas, periksa=review.name,
                pesan_umum=request.query_params.get("pesan"), **found)


# --- import -------------------------------------------------------------------------------------

async def impor(request: Any) -> Any:
    """GET: the upload form; POST: read the uploaded .docx/.pdf/.txt or page image as `kpu-docs
    import` does (a scan by OCR), write the YAML into FOLDER (never over a file), with a scan's
    review file beside it, and show what was not read and what the OCR was unsure of."""
    import shutil

    from kpu_docs.importing import import_file, scan_pages, write_yaml
    from kpu_docs.loading import from_data
    from kpu_docs.web.unggah import save, upload_name, work_dir

    desk = desk_of(request)
    if request.method == "GET":
        return page(request, "impor.html", aktif="impor", nama="")
    form = await request.form()
    upload = form.get("berkas")
    nama = str(form.get("nama", "")).strip() or Path(upload_name(upload)).stem
    context: dict[str, Any] = dict(aktif="impor", nama=nama)
    work = work_dir(desk.root, "impor")
    uploaded = None
    try:
        target, nama = _target(desk, nama)
        context["nama"] = nama
        uploaded = await save(upload, work, (".docx", ".pdf", ".txt", *scan_pages.IMAGE_SUFFIXES), "berkas impor")
        # off the event loop: a scan is read by OCR, about 2 s a page, and the desk answers
        # everyone else meanwhile
        result = await asyncio.to_thread(import_file, uploaded)
    except (KpuDocsError, ValueError) as exc:  # the CLI's import: a ValueError is bad input
        message = str(exc) if uploaded is None else str(exc).replace(str(uploaded), upload_name(upload))
        return page(request, "impor.html", status_code=422, galat_umum=message, **context)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_yaml(result.data, target, result.tidak_terbaca, result.dibuang)
    if result.pindaian is not None:
        from kpu_docs.importing.scan_review import write_review

        write_review(target, upload_name(upload), result.pindaian)
    name = relative(desk.root, target)
    desk.store.record(request.state.session.pengguna, f"impor {upload_name(upload)}", name)
    masalah: list[Masalah] = []
    try:
        from_data(result.data, sumber=name)
    except InputError as exc:
        masalah = list(exc.masalah)
    return page(request, "impor_hasil.html", aktif="impor", berkas=name, asal=upload_name(upload),
                tidak_terbaca=result.tidak_terbaca, dibuang=result.dibuang,
                kurang_yakin=[{"tempat": str(u.word.place), "kata": u.word.text, "yakin": f"{u.word.conf:.0f}%",
                               "tautan": field_link(name, format_path(u.path)) if u.path else None}
                              for u in (result.pindaian.unsure if result.pindaian else [])],
                masalah=[{"teks": str(m), "tautan": field_link(name, m.lokasi)}
                         for m in masalah],
                tautan=field_link(name, ""))


# --- compare --------------------------------------------------------------------------------------

_WORDS = re.compile(r"\s+|[^\s]+")


def word_diff(old: str | None, new: str | None) -> tuple[Markup, Markup]:
    """Both texts with the words that differ marked: <del> in the old, <ins> in the new."""
    a, b = _WORDS.findall(old or ""), _WORDS.findall(new or "")
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        gone, came = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if op == "equal":
            left.append(gone)
            right.append(came)
            continue
        if gone:
            left.append(Markup(f"<del>{gone}</del>"))
        if came:
            right.append(Markup(f"<ins>{came}</ins>"))
    return Markup("").join(left), Markup("").join(right)


async def beda(request: Any) -> Any:
    """Two decrees of FOLDER compared as `kpu-docs diff LAMA BARU` does, each change word by word."""
    from kpu_docs.diff import beda as differences_of
    from kpu_docs.loading import load

    desk = desk_of(request)
    lama, baru = request.query_params.get("lama", ""), request.query_params.get("baru", "")
    context: dict[str, Any] = dict(aktif="beda", names=_names(desk), lama=lama, baru=baru, rows=None)
    if not (lama and baru):
        return page(request, "beda.html", **context)
    try:
        old = load(inside(desk.root, lama))
        new = load(inside(desk.root, baru))
    except InputError as exc:
        return page(request, "beda.html", status_code=422, galat_umum="\n".join(_problems(exc)), **context)
    rows = []
    for d in differences_of(old, new):
        before, after = word_diff(d.lama, d.baru)
        rows.append({"bagian": d.bagian, "jenis": d.jenis, "letak": d.letak, "lama": before, "baru": after})
    context["rows"] = rows
    return page(request, "beda.html", **context)


def routes() -> list[Any]:
    from starlette.routing import Route

    return [
        Route("/baru/pilihan", pilihan),
        Route("/baru/dari", baru_dari, methods=["POST"]),
        Route("/tahun-depan", tahun_depan, methods=["GET", "POST"]),
        Route("/tahun-depan/periksa", periksa_draf),
        Route("/impor", impor, methods=["GET", "POST"]),
        Route("/beda", beda),
    ]
