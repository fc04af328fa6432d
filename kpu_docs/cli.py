"""The kpu-docs command line: a thin shell over the library, speaking Bahasa Indonesia."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import jinja2
import typer
from rich.console import Console

from kpu_docs.checks import periksa
from kpu_docs.errors import InputError
from kpu_docs.loading import load
from kpu_docs.models import Keputusan
from kpu_docs.pdf import LibreOfficeMissing, to_pdf
from kpu_docs.preview import PopplerMissing, preview as preview_pages
from kpu_docs.render import render_file

app = typer.Typer(
    help="Keputusan (surat keputusan) dari data YAML/JSON ke dokumen Word.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)

Berkas = Annotated[Path, typer.Argument(help="Berkas data keputusan (.yaml atau .json).")]


def _fail(message: str, code: int = 1) -> None:
    err.print(f"[bold red]Galat:[/] {message}", highlight=False, markup=True)
    raise typer.Exit(code)


def _load(berkas: Path) -> Keputusan:
    try:
        return load(berkas)
    except InputError as exc:
        _fail(str(exc), 2)


def _warn(keputusan: Keputusan) -> None:
    for warning in periksa(keputusan):
        err.print(f"[yellow]Peringatan:[/] {warning}", highlight=False)


@app.command()
def render(
    berkas: Berkas,
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder hasil.")] = Path("."),
    pdf: Annotated[bool, typer.Option("--pdf", help="Buat juga PDF di sampingnya (LibreOffice).")] = False,
    templat: Annotated[Optional[Path], typer.Option(help="Folder templat keputusan.docx dan lampiran.docx sendiri.")] = None,
) -> None:
    """Buat dokumen Word OUTPUT/<nama berkas>.docx dari data keputusan."""
    keputusan = _load(berkas)
    _warn(keputusan)
    try:
        paths = render_file(keputusan, output / f"{berkas.stem}.docx", templat)
    except (FileNotFoundError, ValueError) as exc:
        _fail(str(exc))
    except jinja2.TemplateError as exc:
        _fail(f"templat tidak dapat diisi: {exc}")
    for path in paths:
        out.print(f"Ditulis: {path}", highlight=False)
    if pdf:
        try:
            for path in to_pdf(paths, output):
                out.print(f"Ditulis: {path}", highlight=False)
        except (LibreOfficeMissing, RuntimeError) as exc:
            _fail(str(exc))


@app.command()
def check(berkas: Berkas) -> None:
    """Periksa data keputusan: galat (kode keluar 2) dan peringatan."""
    keputusan = _load(berkas)
    warnings = periksa(keputusan)
    _warn(keputusan)
    out.print(f"Data sah; {len(warnings)} peringatan.", highlight=False)


@app.command()
def schema() -> None:
    """Cetak JSON Schema data keputusan, untuk pelengkapan otomatis di editor."""
    print(json.dumps(Keputusan.model_json_schema(), indent=2, ensure_ascii=False))


@app.command()
def preview(
    berkas: Annotated[Path, typer.Argument(help="Berkas data (.yaml/.json) atau dokumen .docx.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder gambar.")] = Path("."),
    halaman: Annotated[Optional[str], typer.Option(help="Halaman, misalnya 1,9 (bawaan: semua).")] = None,
    dpi: Annotated[int, typer.Option(help="Resolusi gambar.")] = 70,
) -> None:
    """Gambar PNG halaman-halaman keputusan (LibreOffice, lalu pdftoppm)."""
    try:
        pages = [int(p) for p in halaman.split(",")] if halaman else None
    except ValueError:
        _fail("halaman: tulis nomor halaman dipisah koma, misalnya 1,9", 2)
    docx = berkas
    if berkas.suffix.lower() != ".docx":
        keputusan = _load(berkas)
        (docx,) = render_file(keputusan, output / f"{berkas.stem}.docx")[:1]
    try:
        for path in preview_pages(docx, output, pages, dpi):
            out.print(f"Ditulis: {path}", highlight=False)
    except (LibreOfficeMissing, PopplerMissing, RuntimeError) as exc:
        _fail(str(exc))


def main() -> None:
    app()
