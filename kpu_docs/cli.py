"""The kpu-docs command line: a thin shell over the library, speaking Bahasa Indonesia."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
from typer.core import TyperGroup

if TYPE_CHECKING:
    from rich.console import Console

    from kpu_docs.models import Keputusan

# Each command imports the modules it needs when it runs, so that `--help` and `check` do not
# load Word, Jinja, the importer or LibreOffice support (tests/test_startup.py holds this).


class _Perintah(TyperGroup):
    """Help as click prints it, listing each command with its first sentence wrapped, not cut.

    typer's rich help panels import rich's Markdown and Pygments, which alone would cost `--help`
    more time than everything else it does (benchmarks/startup.py).
    """

    def format_commands(self, ctx: typer.Context, formatter: Any) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=1000)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


app = typer.Typer(
    cls=_Perintah,
    help="Keputusan (surat keputusan) dari data YAML/JSON ke dokumen Word.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class _LazyConsole:
    """A rich Console made when first used: `--help` prints none, and rich costs import time."""

    def __init__(self, **options: Any):
        self._options = options

    @cached_property
    def console(self) -> Console:
        from rich.console import Console

        return Console(**self._options)

    def __getattr__(self, name: str) -> Any:
        if name in ("_options", "console"):  # not yet set up (copying, unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.console, name)


out = _LazyConsole(highlight=False, soft_wrap=True)  # long paths and texts are never broken mid-line
err = _LazyConsole(stderr=True, highlight=False, soft_wrap=True)


def escape(text: str) -> str:
    """rich's markup escape, imported when first needed."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


Berkas = Annotated[Path, typer.Argument(help="Berkas data keputusan (.yaml atau .json).")]


def _labelled(label: str, colour: str, message: str) -> None:
    """A labelled message on standard error, through click (already loaded): `check` and errors
    need no rich console."""
    typer.secho(label, fg=colour, bold=colour == "red", err=True, nl=False)
    typer.echo(f" {message}", err=True)


def _fail(message: str, code: int = 1) -> None:
    _labelled("Galat:", "red", message)
    raise typer.Exit(code)


def _load(berkas: Path) -> Keputusan:
    from kpu_docs.errors import InputError
    from kpu_docs.loading import load

    try:
        return load(berkas)
    except InputError as exc:
        _fail(str(exc), 2)


def _warn(keputusan: Keputusan) -> list[str]:
    from kpu_docs.checks import periksa

    warnings = periksa(keputusan)
    for warning in warnings:
        _labelled("Peringatan:", "yellow", warning)
    return warnings


@app.command()
def render(
    berkas: Annotated[list[Path], typer.Argument(help="Berkas data keputusan (.yaml atau .json), satu atau lebih.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder hasil.")] = Path("."),
    pdf: Annotated[bool, typer.Option("--pdf", help="Buat juga PDF di sampingnya (LibreOffice, sekali jalan untuk semua).")] = False,
    templat: Annotated[Optional[Path], typer.Option(help="Folder templat keputusan.docx dan lampiran.docx sendiri.")] = None,
) -> None:
    """Buat dokumen Word OUTPUT/<nama berkas>.docx dari setiap berkas data keputusan."""
    import jinja2

    from kpu_docs.errors import InputError
    from kpu_docs.loading import load
    from kpu_docs.pdf import LibreOfficeMissing, to_pdf
    from kpu_docs.word import render_file

    stems: dict[str, Path] = {}
    for path in berkas:
        if path.stem in stems:
            _fail(f"{stems[path.stem]} dan {path} akan ditulis ke berkas yang sama: {path.stem}.docx", 2)
        stems[path.stem] = path
    loaded, invalid = [], False
    for path in berkas:
        try:
            loaded.append((path, load(path)))
        except InputError as exc:
            _labelled("Galat:", "red", str(exc))
            invalid = True
    if invalid:
        raise typer.Exit(2)
    paths: list[Path] = []
    for path, keputusan in loaded:
        _warn(keputusan)
        try:
            written = render_file(keputusan, output / f"{path.stem}.docx", templat)
        except (FileNotFoundError, ValueError) as exc:
            _fail(str(exc))
        except jinja2.TemplateError as exc:
            _fail(f"templat tidak dapat diisi: {exc}")
        for target in written:
            out.print(f"Ditulis: {target}", markup=False)
        paths.extend(written)
    if pdf:
        try:
            for target in to_pdf(paths, output):
                out.print(f"Ditulis: {target}", markup=False)
        except (LibreOfficeMissing, RuntimeError) as exc:
            _fail(str(exc))


@app.command()
def batch(
    dasar: Annotated[Path, typer.Argument(metavar="BASE.yaml", help="Keputusan dasar (.yaml/.json) yang diisi oleh tiap baris data.")],
    data: Annotated[
        str,
        typer.Argument(
            metavar="DATA",
            help="Satu keputusan per baris: .csv atau .xlsx (DATA.xlsx#Lembar untuk lembar lain). Judul kolom = "
            "letak bidang, mis. nomor, penutup.tanggal, lampiran[1].judul; kolom berkas = nama berkas hasil.",
        ),
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder hasil.")],
    tabel: Annotated[
        Optional[str],
        typer.Option(metavar="FILE[#LEMBAR]", help="Baris tabel tiap keputusan (.csv atau .xlsx), dikelompokkan menurut --kunci."),
    ] = None,
    kunci: Annotated[Optional[str], typer.Option(help="Kolom kunci yang ada di data dan di berkas tabel, mis. desa.")] = None,
    ke: Annotated[
        Optional[str],
        typer.Option(help="Letak tabel tujuan, mis. lampiran[1].isi[2].tabel (bawaan: satu-satunya tabel tanpa baris di lampiran)."),
    ] = None,
    jobs: Annotated[Optional[int], typer.Option(min=1, help="Jumlah proses pekerja (bawaan: jumlah inti prosesor).")] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Buat juga PDF (LibreOffice, sekali jalan per kelompok baris).")] = False,
    ulang: Annotated[bool, typer.Option("--ulang", help="Buat ulang semua, juga yang tidak berubah sejak jalan sebelumnya.")] = False,
    dask: Annotated[Optional[str], typer.Option(metavar="ADDRESS", help="Jalankan di klaster Dask, mis. tcp://10.0.0.5:8786.")] = None,
    templat: Annotated[Optional[Path], typer.Option(help="Folder templat keputusan.docx dan lampiran.docx sendiri.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Tanpa bilah kemajuan.")] = False,
) -> None:
    """Satu keputusan per baris data: BASE.yaml diisi nilai tiap baris, hasilnya OUTPUT/<berkas>.docx.

    Baris yang gagal dilaporkan dan baris lain tetap dibuat (kode keluar 1); yang tidak berubah sejak jalan sebelumnya dilewati.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeRemainingColumn
    from rich.text import Text

    from kpu_docs.batch import BatchError, run_batch

    class Rate(ProgressColumn):
        def render(self, task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} dok/detik" if speed else "- dok/detik")

    bar = Progress(
        TextColumn("Membuat keputusan"),
        BarColumn(),
        MofNCompleteColumn(),
        Rate(),
        TextColumn("sisa"),
        TimeRemainingColumn(),
        console=err.console,
        disable=quiet or not err.is_terminal,
    )
    task = bar.add_task("batch", total=None)

    def report(done: int, total: int, outcome) -> None:
        bar.update(task, completed=done, total=total)
        if outcome is not None and outcome.status == "gagal":
            for line in outcome.pesan():
                bar.console.print(f"[red]{escape(line)}[/]")

    try:
        with bar:
            hasil = run_batch(
                dasar, data, output, tabel=tabel, kunci=kunci, ke=ke, jobs=jobs, pdf=pdf,
                ulang=ulang, dask=dask, templates=templat, progress=report,
            )
    except BatchError as exc:
        _fail(str(exc), 2)
    except KeyboardInterrupt:
        _fail("dihentikan; jalankan perintah yang sama lagi untuk melanjutkan", 130)
    except Exception as exc:  # noqa: BLE001 - a batch tool reports, it does not print tracebacks
        _fail(f"batch terhenti: {type(exc).__name__}: {exc}; jalankan lagi untuk melanjutkan")
    detik = f"{hasil.detik:.1f}".replace(".", ",")
    out.print(
        f"Selesai dalam {detik} detik: {hasil.ditulis} ditulis, {hasil.dilewati} dilewati karena tidak berubah, "
        f"{hasil.gagal} gagal.",
        markup=False,
    )
    if hasil.gagal:
        raise typer.Exit(1)


@app.command()
def check(berkas: Berkas) -> None:
    """Periksa data keputusan: galat (kode keluar 2) dan peringatan."""
    warnings = _warn(_load(berkas))
    typer.echo(f"Data sah; {len(warnings)} peringatan.")


@app.command()
def schema() -> None:
    """Cetak JSON Schema data keputusan, untuk pelengkapan otomatis di editor."""
    import json

    from kpu_docs.models import Keputusan

    print(json.dumps(Keputusan.model_json_schema(), indent=2, ensure_ascii=False))


@app.command()
def preview(
    berkas: Annotated[Path, typer.Argument(help="Berkas data (.yaml/.json) atau dokumen .docx.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder gambar.")] = Path("."),
    halaman: Annotated[Optional[str], typer.Option(help="Halaman, misalnya 1,9 (bawaan: semua).")] = None,
    dpi: Annotated[int, typer.Option(help="Resolusi gambar.")] = 70,
) -> None:
    """Gambar PNG halaman-halaman keputusan (LibreOffice, lalu pdftoppm)."""
    from kpu_docs.pdf import LibreOfficeMissing
    from kpu_docs.preview import PopplerMissing, preview as preview_pages
    from kpu_docs.word import render_file

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
            out.print(f"Ditulis: {path}", markup=False)
    except (LibreOfficeMissing, PopplerMissing, RuntimeError) as exc:
        _fail(str(exc))


@app.command("next-year")
def next_year_command(
    berkas: Annotated[Path, typer.Argument(help="Berkas YAML keputusan tahun ini.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Berkas YAML draf baru.")],
    tahun: Annotated[Optional[int], typer.Option(help="Tahun draf (bawaan: tahun berikutnya).")] = None,
) -> None:
    """Draf keputusan tahun berikutnya: tahun, tanggal dan periode bergeser, nomor dikosongkan."""
    from kpu_docs.errors import InputError
    from kpu_docs.next_year import next_year

    try:
        laporan = next_year(berkas, output, tahun)
    except InputError as exc:
        _fail(str(exc), 2)
    except (OSError, RuntimeError) as exc:
        _fail(str(exc))
    out.print(f"Ditulis: {output} (tahun {laporan.tahun_lama} → {laporan.tahun_baru})", markup=False)
    out.print(f"{len(laporan.diubah)} perubahan:", markup=False)
    for change in laporan.diubah:
        lama, baru = _around_change(str(change.lama), str(change.baru))
        out.print(f"  {change.lokasi}: {lama} → {baru}", markup=False)
    if laporan.periksa:
        out.print(f"{len(laporan.periksa)} hal perlu diperiksa:", markup=False)
        for note in laporan.periksa:
            out.print(f"  {note}", markup=False)


def _around_change(old: str, new: str, width: int = 18) -> tuple[str, str]:
    """The changed spot of two texts with a little context: "…Kota Mataram Tahun 2025"."""
    old, new = " ".join(old.split()), " ".join(new.split())
    start = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
    begin = max(start - width, 0)
    prefix = "…" if begin else ""

    def cut(text: str) -> str:
        end = start + width
        return prefix + text[begin:end] + ("…" if end < len(text) else "")

    return cut(old), cut(new)


@app.command()
def diff(
    lama: Annotated[Path, typer.Argument(help="Keputusan lama (.yaml/.json).")],
    baru: Annotated[Path, typer.Argument(help="Keputusan baru (.yaml/.json).")],
) -> None:
    """Perbedaan dua keputusan, bagian demi bagian (menimbang, mengingat, diktum, lampiran)."""
    from kpu_docs.diff import beda

    differences = beda(_load(lama), _load(baru))
    if not differences:
        out.print("Tidak ada perbedaan.", markup=False)
        return
    for difference in differences:
        colour = {"+": "green", "-": "red"}.get(difference.jenis, "yellow")
        out.print(f"[{colour}]{escape(str(difference))}[/]")
    out.print(f"{len(differences)} perbedaan.", markup=False)


@app.command("import")
def import_command(
    berkas: Annotated[Path, typer.Argument(help="Keputusan yang sudah ada: .docx, .pdf (berlapis teks) atau .txt.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Berkas YAML hasil impor.")],
) -> None:
    """Baca keputusan yang sudah ada (.docx, PDF atau teks) menjadi data YAML."""
    from kpu_docs.errors import InputError
    from kpu_docs.importing import import_file, write_yaml
    from kpu_docs.loading import from_data

    try:
        result = import_file(berkas)
    except FileNotFoundError:
        _fail(f"{berkas}: berkas tidak ditemukan", 2)
    except ValueError as exc:
        _fail(str(exc), 2)
    write_yaml(result.data, output, result.tidak_terbaca, result.dibuang)
    out.print(f"Ditulis: {output}", markup=False)
    for item in result.tidak_terbaca:
        err.print(f"[yellow]Tidak terbaca:[/] {escape(item)}")
    try:
        from_data(result.data, sumber=str(output))
    except InputError as exc:
        _fail(f"hasil impor belum lengkap, lengkapi berkasnya: {exc}")


def main() -> None:
    app()
