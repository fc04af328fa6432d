"""The kpu-docs command line: a thin shell over the library, speaking Bahasa Indonesia.

No `from __future__ import annotations` here: typer reads each command's signature, and string
annotations would cost `check` and `--help` an eval of every one (benchmarks/startup.py).
"""

import time

_STARTED = time.monotonic()
"""When this command started (before its imports): the batch summary reports wall time from here.
A later command in the same process (tests, a program calling `app`) starts its clock in _utama."""

import os  # noqa: E402 - after the clock starts
import re  # noqa: E402
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Callable, NoReturn, Optional, TypeVar

import typer
from typer.core import TyperGroup

from kpu_docs.cli_text import Konteks, show_usage_error

if TYPE_CHECKING:
    from rich.console import Console
    from typer._click import Context as ClickContext  # the context typer's own classes are typed with

    from kpu_docs.checks import Temuan
    from kpu_docs.diff import Beda, Kelompok
    from kpu_docs.models import Keputusan
    from kpu_docs.nomor.register import Register

T = TypeVar("T")

# Each command imports the modules it needs when it runs, so that `--help` and `check` do not
# load Word, Jinja, the importer or LibreOffice support (tests/test_startup.py holds this).


class _Perintah(TyperGroup):
    """Help as click prints it, listing each command with its first sentence wrapped, not cut,
    in Indonesian (cli_text) down to its headings.

    typer's rich help panels import rich's Markdown and Pygments, which alone would cost `--help`
    more time than everything else it does (benchmarks/startup.py).
    """

    context_class = Konteks

    def get_command(self, ctx: "ClickContext", name: str) -> Any:
        command = super().get_command(ctx, name)
        if command is not None:
            command.context_class = Konteks  # its help and usage in Indonesian too
        return command

    def format_commands(self, ctx: "ClickContext", formatter: Any) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=1000)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def invoke(self, ctx: "ClickContext") -> Any:
        """The one place the library's errors become messages and exit codes (KpuDocsError: its
        message, exit code 2 for bad input, 1 for a failed conversion); an operating system
        error (a full disk, a folder that cannot be written) is a message too, never a traceback."""
        try:
            return super().invoke(ctx)
        except Exception as exc:
            from kpu_docs.errors import KpuDocsError  # only once something failed: help stays light

            if isinstance(exc, KpuDocsError):
                _fail(str(exc), exc.exit_code)
            if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError):
                where = f"{exc.filename}: " if exc.filename else ""
                _fail(f"{where}{exc.strerror or exc}")
            raise


def _typer(help: str) -> typer.Typer:
    """A command group: plain click help (_Perintah), no completion, no rich tracebacks."""
    return typer.Typer(cls=_Perintah, help=help, no_args_is_help=True, add_completion=False,
                       pretty_exceptions_enable=False, rich_markup_mode=None)


app = _typer("Keputusan (surat keputusan) dari data YAML/JSON ke dokumen Word.")


class _Opsi:
    """Options of the whole command line, set before any command runs."""

    quiet = False
    commands = 0
    """Commands run in this process so far: the first one's clock started at import."""


def _versi(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"kpu-docs {version('kpu-docs')}")
        except PackageNotFoundError:  # run from a checkout that was never installed
            typer.echo("kpu-docs (belum dipasang)")
        raise typer.Exit()


@app.callback()
def _utama(
    versi: Annotated[
        bool, typer.Option("--version", is_eager=True, callback=_versi, help="Cetak versi kpu-docs, lalu keluar.")
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="Tanpa keluaran selain galat, peringatan dan hasil yang diminta "
                     "(skema, nomor, JSON): tanpa \"Ditulis: ...\", ringkasan dan bilah kemajuan."),
    ] = False,
) -> None:
    """Keputusan (surat keputusan) dari data YAML/JSON ke dokumen Word."""
    global _STARTED
    _Opsi.quiet = quiet
    if _Opsi.commands:
        _STARTED = time.monotonic()
    _Opsi.commands += 1


class _LazyConsole:
    """A rich Console made when first used: `--help` prints none, and rich costs import time."""

    def __init__(self, **options: Any):
        self._options = options

    @cached_property
    def console(self) -> "Console":
        from rich.console import Console

        return Console(**self._options)

    def print(self, *objects: Any, **options: Any) -> None:
        if _Opsi.quiet and not self._options.get("stderr"):
            return  # --quiet: what goes to standard output here is information, not results
        self.console.print(*(printable(o) if isinstance(o, str) else o for o in objects), **options)

    def __getattr__(self, name: str) -> Any:
        if name in ("_options", "console"):  # not yet set up (copying, unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.console, name)


out = _LazyConsole(highlight=False, soft_wrap=True)  # long paths and texts are never broken mid-line
err = _LazyConsole(stderr=True, highlight=False, soft_wrap=True)


def escape(text: str) -> str:
    """Text from the data, made safe to print in rich markup (and on a terminal), imported when first needed."""
    from rich.markup import escape as rich_escape

    return rich_escape(printable(text))


_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` with control characters written out (ESC as \\x1b, U+202E as \\u202e): text from a
    decree, a file name or an imported document never drives the terminal (colours, cursor,
    title, right-to-left overrides). Every message passes here before it is printed."""
    return _UNPRINTABLE.sub(_written_out, text) if _UNPRINTABLE.search(text) else text


def _written_out(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


Berkas = Annotated[Path, typer.Argument(help="Berkas data keputusan (.yaml atau .json).")]
BatasWaktu = Annotated[
    float, typer.Option("--batas-waktu", min=1, help="Detik paling lama untuk LibreOffice; lewat itu dihentikan.")
]


def _folder(output: Path) -> None:
    """-o must name a folder (made when missing), not an existing file."""
    if output.exists() and not output.is_dir():
        _fail(f"-o {output}: sudah ada berkas dengan nama itu; -o harus berupa folder", 2)


def _labelled(label: str, colour: str, message: str) -> None:
    """A labelled message on standard error, through click (already loaded): `check` and errors
    need no rich console."""
    typer.secho(label, fg=colour, bold=colour == "red", err=True, nl=False)
    typer.echo(f" {printable(message)}", err=True)


def _fail(message: str, code: int = 1) -> NoReturn:
    _labelled("Galat:", "red", message)
    raise typer.Exit(code)


def _load(berkas: Path) -> "Keputusan":
    from kpu_docs.loading import load

    return load(berkas)  # an InputError becomes its message and exit code 2 in _Perintah.invoke


def _findings(keputusan: "Keputusan", abaikan: "list[str] | None" = None) -> "list[Temuan]":
    from kpu_docs.checks import temuan

    return temuan(keputusan, abaikan or ())


def _show(found: "list[Temuan]", sumber: "Path | None" = None) -> None:
    """Each finding on standard error with its rule's id, the id pengaturan.abaikan_periksa takes,
    after the file it was found in when a command reads several."""
    head = f"{sumber}: " if sumber is not None else ""
    for finding in found:
        _labelled("Peringatan:", "yellow", f"{head}{finding} [{finding.aturan}]")


def _warn(keputusan: "Keputusan", sumber: "Path | None" = None) -> "list[Temuan]":
    found = _findings(keputusan)
    _show(found, sumber)
    return found


@app.command()
def render(
    berkas: Annotated[list[Path], typer.Argument(metavar="BERKAS", help="Berkas data keputusan (.yaml atau .json), satu atau lebih.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder hasil.")] = Path("."),
    pdf: Annotated[bool, typer.Option("--pdf", help="Buat juga PDF di sampingnya (LibreOffice, sekali jalan untuk semua).")] = False,
    pdfa: Annotated[bool, typer.Option("--pdfa", help="Buat PDF sebagai PDF/A-2b (arsip; huruf tertanam); termasuk --pdf.")] = False,
    templat: Annotated[Optional[Path], typer.Option(help="Folder templat keputusan.docx dan lampiran.docx sendiri.")] = None,
    batas_waktu: BatasWaktu = 300.0,
) -> None:
    """Buat dokumen Word OUTPUT/<nama berkas>.docx dari setiap berkas data keputusan."""
    from kpu_docs.errors import InputError
    from kpu_docs.files import refuse_overwriting_inputs
    from kpu_docs.loading import load
    from kpu_docs.pdf import to_pdf
    from kpu_docs.word import render_file
    from kpu_docs.word.templates import NAMES

    _folder(output)
    refuse_overwriting_inputs(
        [output, *(output / f"{p.stem}{suffix}" for p in berkas for suffix in (".docx", ".pdf"))],
        [*berkas, templat, *(templat / name for name in NAMES if templat)],
    )
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
        _warn(keputusan, path)
        try:
            written = render_file(keputusan, output / f"{path.stem}.docx", templat)
        except FileNotFoundError as exc:  # the logo or a template named by the user
            _fail(str(exc), 2)
        for target in written:
            out.print(f"Ditulis: {target}", markup=False)
        paths.extend(written)
    if pdf or pdfa:
        warn = partial(_labelled, "Peringatan:", "yellow")
        for target in to_pdf(paths, output, timeout=batas_waktu, pdfa=pdfa, warn=warn):
            out.print(f"Ditulis: {target}", markup=False)


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
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Folder hasil (wajib, kecuali dengan --periksa).")] = None,
    tabel: Annotated[
        Optional[str],
        typer.Option(metavar="FILE[#LEMBAR]", help="Baris tabel tiap keputusan (.csv atau .xlsx), dikelompokkan menurut --kunci."),
    ] = None,
    kunci: Annotated[Optional[str], typer.Option(help="Kolom kunci yang ada di data dan di berkas tabel, mis. desa.")] = None,
    ke: Annotated[
        Optional[str],
        typer.Option(help="Letak tabel tujuan, mis. lampiran[1].isi[2].tabel (bawaan: satu-satunya tabel tanpa baris di lampiran)."),
    ] = None,
    jumlah_baris: Annotated[
        Optional[str],
        typer.Option("--jumlah-baris", metavar="MIN:MAX",
                     help="Jumlah baris tabel yang harus didapat tiap keputusan, mis. 3 atau 3:5 (MIN: atau :MAX juga boleh)."),
    ] = None,
    periksa: Annotated[
        bool,
        typer.Option("--periksa", help="Periksa semua baris (data, kelompok tabel, peringatan check) tanpa menulis apa pun."),
    ] = False,
    jobs: Annotated[Optional[int], typer.Option(min=1, help="Jumlah proses pekerja (bawaan: jumlah inti prosesor).")] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Buat juga PDF (LibreOffice, sekali jalan per kelompok baris).")] = False,
    ulang: Annotated[bool, typer.Option("--ulang", help="Buat ulang semua, juga yang tidak berubah sejak jalan sebelumnya.")] = False,
    dask: Annotated[Optional[str], typer.Option(metavar="ADDRESS", help="Jalankan di klaster Dask, mis. tcp://10.0.0.5:8786.")] = None,
    templat: Annotated[Optional[Path], typer.Option(help="Folder templat keputusan.docx dan lampiran.docx sendiri.")] = None,
    register: Annotated[
        Optional[Path],
        typer.Option(metavar="PATH", help="Beri tiap baris nomor berikutnya dari register ini, urut baris, sebelum dibuat."),
    ] = None,
    oleh: Annotated[Optional[str], typer.Option(help="Nama pengambil nomor di register (bawaan: nama pengguna komputer).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Tanpa bilah kemajuan.")] = False,
) -> None:
    """Satu keputusan per baris data: BASE.yaml diisi nilai tiap baris, hasilnya OUTPUT/<berkas>.docx.

    Sebelum apa pun dibuat, setiap baris --tabel harus masuk ke satu keputusan. Baris yang gagal dilaporkan dan baris lain tetap dibuat (kode keluar 1); yang tidak berubah sejak jalan sebelumnya dilewati.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeRemainingColumn
    from rich.text import Text

    from kpu_docs.batch import BatchError, run_batch
    from kpu_docs.files import refuse_overwriting_inputs

    refuse_overwriting_inputs([output], [templat, dasar, register, *(Path(f.split("#")[0]) for f in (data, tabel) if f)])

    if output is None and not periksa:
        _fail("-o/--output wajib diisi: folder hasil (atau --periksa untuk memeriksa saja)", 2)

    class Rate(ProgressColumn):
        def render(self, task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} dok/detik" if speed else "- dok/detik")

    doing = "Memeriksa keputusan" if periksa else "Membuat keputusan"
    shown = not (quiet or _Opsi.quiet or not err.is_terminal)
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        Rate(),
        TextColumn("sisa"),
        TimeRemainingColumn(),
        console=err.console,
        disable=not shown,
    )
    task = bar.add_task(doing, total=None)
    said: set[str] = set()

    def status(text: "str | None") -> None:
        """What the batch waits for: in the bar's place on a terminal; in a log, each kind of wait once."""
        bar.update(task, description=escape(text) if text else doing)
        kind = (text or "").split("(")[0]
        if not shown and not quiet and text and text.startswith("menunggu") and kind not in said:
            said.add(kind)
            _labelled("Menunggu:", "yellow", text)

    def report(done: int, total: int, outcome) -> None:
        bar.update(task, completed=done, total=total)
        if outcome is None:
            return
        for line in outcome.pesan():
            bar.console.print(f"[red]Galat:[/] {escape(line)}")
        for warning in outcome.peringatan:
            bar.console.print(f"[yellow]Peringatan:[/] {escape(f'{outcome.tempat}: {warning}')}")

    try:
        with bar:
            hasil = run_batch(
                dasar, data, output, tabel=tabel, kunci=kunci, ke=ke, jobs=jobs, pdf=pdf,
                ulang=ulang, dask=dask, templates=templat, register=register, oleh=oleh,
                jumlah_baris=jumlah_baris, periksa=periksa, progress=report, status=status, per_baris=False,
            )
    except BatchError as exc:
        for warning in exc.peringatan:
            _labelled("Peringatan:", "yellow", warning)
        for problem in exc.masalah:
            _labelled("Galat:", "red", problem)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        _fail("dihentikan; jalankan perintah yang sama lagi untuk melanjutkan", 130)
    except Exception as exc:  # noqa: BLE001 - a batch tool reports, it does not print tracebacks
        _fail(f"batch terhenti: {type(exc).__name__}: {exc}; jalankan lagi untuk melanjutkan")
    for warning in hasil.peringatan:
        _labelled("Peringatan:", "yellow", warning)
    for problem in hasil.kesalahan:
        _labelled("Galat:", "red", problem)
    detik = f"{time.monotonic() - _STARTED:.1f}".replace(".", ",")  # wall time of the whole command
    if periksa:
        warnings = hasil.jumlah_peringatan + len(hasil.peringatan)
        out.print(
            f"Diperiksa dalam {detik} detik: {hasil.baris} baris, {hasil.diperiksa} sah, {hasil.gagal} gagal, "
            f"{len(hasil.kesalahan)} galat kelompok tabel/nama berkas, {warnings} peringatan; tidak ada yang ditulis.",
            markup=False,
        )
        if not hasil.ok:
            raise typer.Exit(2)
        return
    out.print(
        f"Selesai dalam {detik} detik: {hasil.ditulis} ditulis, {hasil.dilewati} dilewati karena tidak berubah, "
        f"{hasil.gagal} gagal.",
        markup=False,
    )
    if hasil.nomor:
        numbers = list(hasil.nomor.values())
        out.print(f"Nomor dari register {register}: {numbers[0]} sampai {numbers[-1]} ({len(numbers)} nomor).",
                  markup=False)
    if hasil.gagal:
        raise typer.Exit(1)


def _with_register(path: Path, action: "Callable[[Register], T]") -> T:
    """`action` on the register at `path`; a missing register or another file is a RegisterError,
    bad input (exit 2, through _Perintah.invoke)."""
    from kpu_docs.nomor.register import Register

    with Register(path) as reg:
        return action(reg)


RegisterOpsi = Annotated[
    Path,
    typer.Option("--register", metavar="PATH", envvar="KPU_DOCS_REGISTER",
                 help="Register nomor: basis data SQLite, boleh di folder bersama (atau KPU_DOCS_REGISTER)."),
]


RegisterPeriksa = Annotated[
    Optional[Path],
    typer.Option("--register", metavar="PATH", help="Periksa juga nomornya di register: sudah diambil keputusan lain, atau dibatalkan."),
]


Abaikan = Annotated[
    Optional[list[str]],
    typer.Option("--abaikan", metavar="ATURAN",
                 help="Jangan beri peringatan aturan ini (id dalam tanda kurung siku); boleh berulang."),
]


@app.command()
def check(
    berkas: Berkas,
    register: RegisterPeriksa = None,
    abaikan: Abaikan = None,
    sebagai_json: Annotated[bool, typer.Option("--json", help="Cetak peringatan sebagai JSON untuk skrip (kode keluar 0).")] = False,
) -> None:
    """Periksa data keputusan: galat (kode keluar 2) dan peringatan, masing-masing dengan id aturannya."""
    from kpu_docs.checks import ATURAN, NOMOR_REGISTER, tidak_dikenal

    unknown = tidak_dikenal(abaikan or ())
    if unknown:
        _fail(f"--abaikan: aturan tidak dikenal: {', '.join(unknown)}; aturan yang ada: {', '.join(ATURAN)}", 2)
    keputusan = _load(berkas)
    found = _findings(keputusan, abaikan)
    if register is not None and NOMOR_REGISTER.id not in {*keputusan.pengaturan.abaikan_periksa, *(abaikan or ())}:
        messages = _with_register(register, lambda reg: reg.periksa(keputusan.nomor, keputusan.instansi, berkas))
        found += [NOMOR_REGISTER.temuan_di(*message.split(": ", 1)) for message in messages]  # "nomor: ..."
    if sebagai_json:
        import json

        typer.echo(json.dumps([f.sebagai_dict() for f in found], ensure_ascii=False, indent=2))
    else:
        _show(found)
        if not _Opsi.quiet:
            typer.echo(f"Data sah; {len(found)} peringatan.")


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
    batas_waktu: BatasWaktu = 300.0,
) -> None:
    """Gambar PNG halaman-halaman keputusan (LibreOffice, lalu pdftoppm)."""
    from kpu_docs.files import refuse_overwriting_inputs
    from kpu_docs.preview import preview as preview_pages
    from kpu_docs.word import render_file

    try:
        pages = [int(p) for p in halaman.split(",")] if halaman else None
    except ValueError:
        _fail("halaman: tulis nomor halaman dipisah koma, misalnya 1,9", 2)
    keputusan = _load(berkas) if berkas.suffix.lower() != ".docx" else None  # bad data: no folder made
    _folder(output)
    refuse_overwriting_inputs([output / f"{berkas.stem}.docx"] if keputusan is not None else [], [berkas])
    docx = berkas
    if keputusan is not None:
        (docx,) = render_file(keputusan, output / f"{berkas.stem}.docx")[:1]
    warn = partial(_labelled, "Peringatan:", "yellow")
    for path in preview_pages(docx, output, pages, dpi, timeout=batas_waktu, warn=warn):
        out.print(f"Ditulis: {path}", markup=False)


@app.command("next-year")
def next_year_command(
    berkas: Annotated[Path, typer.Argument(help="Berkas YAML keputusan tahun ini.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Berkas YAML draf baru.")],
    tahun: Annotated[Optional[int], typer.Option(help="Tahun draf (bawaan: tahun berikutnya).")] = None,
) -> None:
    """Draf keputusan tahun berikutnya: tahun, tanggal dan periode bergeser, nomor urut dikosongkan.

    Pola nomor kantor tetap, tahunnya bergeser. Tanggal dan nomor dokumen yang sudah ada (berita acara, surat)
    tidak diubah. Daftar periksa ditulis di samping draf: <OUTPUT tanpa .yaml>.periksa.md.
    """
    from kpu_docs.files import refuse_overwriting_inputs
    from kpu_docs.next_year import next_year
    from kpu_docs.review import around_change, baris_teks, review_path, tasks

    refuse_overwriting_inputs([output, review_path(output)], [berkas])
    try:
        laporan = next_year(berkas, output, tahun)
    except (OSError, RuntimeError) as exc:
        _fail(str(exc))
    out.print(f"Ditulis: {output} (tahun {laporan.tahun_lama} → {laporan.tahun_baru})", markup=False)
    out.print(f"Ditulis: {laporan.berkas_periksa} (daftar periksa)", markup=False)
    out.print(f"{len(laporan.diubah)} perubahan:", markup=False)
    for change in laporan.diubah:
        lama, baru = around_change(str(change.lama), str(change.baru))
        out.print(f"  {change.lokasi}: {lama} → {baru}", markup=False)
    todo = tasks(laporan)
    if todo:
        out.print(f"{len(todo)} hal perlu diisi atau diperiksa:", markup=False)
        for lokasi, baris, text in todo:
            out.print(f"  {lokasi}{baris_teks(baris)}: {text}", markup=False)


def _shown_difference(line: "Beda | Kelompok") -> str:
    """One line of `diff` in rich markup: an added or removed item whole, a changed one as its new
    text with the words that changed marked ([-old-]{+new+}, red and green on a terminal)."""
    from kpu_docs.diff import Kelompok, kata_berubah

    marks = {"=": "{}", "-": "[red]\\[-{}-][/]", "+": "[green]{{+{}+}}[/]"}
    if isinstance(line, Kelompok):
        words = "; ".join("".join(marks[kind].format(escape(text)) for kind, text in (("-", old), ("+", new)) if text)
                          for old, new in line.perubahan)
        return f"[yellow]{escape(f'[{line.bagian}]')} ~[/] {escape(line.letak)}: {line.baris} baris tabel: {words}"
    if line.lama is None or line.baru is None:
        colour = {"+": "green", "-": "red"}.get(line.jenis, "yellow")
        return f"[{colour}]{escape(str(line))}[/]"
    words = "".join(marks[kind].format(escape(text)) for kind, text in kata_berubah(line.lama, line.baru))
    where = f"{escape(line.letak)}: " if line.letak else ""
    return f"[yellow]{escape(f'[{line.bagian}]')} ~[/] {where}{words}"


@app.command()
def diff(
    lama: Annotated[Path, typer.Argument(help="Keputusan lama (.yaml/.json).")],
    baru: Annotated[Path, typer.Argument(help="Keputusan baru (.yaml/.json).")],
    json_: Annotated[bool, typer.Option("--json", help="Cetak perbedaan sebagai JSON, untuk skrip.")] = False,
    docx: Annotated[
        Optional[Path],
        typer.Option("--docx", help="Tulis juga dokumen Word BARU dengan perubahan terlacak (track changes) terhadap LAMA."),
    ] = None,
    penulis: Annotated[str, typer.Option("--penulis", help="Nama pengubah pada perubahan terlacak.")] = "kpu-docs",
) -> None:
    """Perbedaan dua keputusan, bagian demi bagian: teks tercetak dan bentuknya (kode keluar 1 bila berbeda)."""
    from kpu_docs.diff import beda, dikelompokkan

    if docx is not None:
        from kpu_docs.files import refuse_overwriting_inputs

        if docx.suffix.lower() != ".docx":
            _fail(f"--docx {docx}: nama berkas harus berakhiran .docx", 2)
        refuse_overwriting_inputs([docx], [lama, baru])
        if not docx.parent.is_dir():
            _fail(f"--docx {docx}: folder {docx.parent} tidak ada", 2)
    old, new = _load(lama), _load(baru)
    differences = beda(old, new)
    if docx is not None:
        from kpu_docs.files import write_atomic
        from kpu_docs.redline import redline

        try:
            data = redline(old, new, penulis)
        except FileNotFoundError as exc:  # the logo named by either decree
            _fail(str(exc), 2)
        write_atomic(docx, data)
        message = f"Ditulis: {docx} (perubahan terlacak)"
        if json_:
            typer.echo(message, err=True)  # standard output stays JSON
        else:
            out.print(message, markup=False)
    if json_:
        import json

        typer.echo(json.dumps([d.as_dict() for d in differences], ensure_ascii=False, indent=2))
    elif not differences:
        out.print("Tidak ada perbedaan.", markup=False)
    else:
        for line in dikelompokkan(differences):
            out.print(_shown_difference(line))
        out.print(f"{len(differences)} perbedaan.", markup=False)
    if differences:
        raise typer.Exit(1)


@app.command("import")
def import_command(
    berkas: Annotated[list[Path], typer.Argument(
        help="Keputusan yang sudah ada: .docx, .pdf (berlapis teks atau hasil pindaian), .txt, atau gambar "
             "halaman (.png, .jpg, .tif; beberapa gambar dibaca sebagai halaman berurutan).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Berkas YAML hasil impor.")],
) -> None:
    """Baca keputusan yang sudah ada (.docx, PDF, teks atau hasil pindaian) menjadi data YAML.

    Hasil pindaian dibaca dengan OCR (Tesseract); yang perlu dicocokkan dengan aslinya ditulis
    di NAMA.periksa.md di samping berkas YAML.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from kpu_docs.errors import InputError
    from kpu_docs.files import refuse_overwriting_inputs
    from kpu_docs.importing import import_file, import_scan, scan_pages, write_yaml
    from kpu_docs.importing.scan_review import write_review
    from kpu_docs.loading import from_data
    from kpu_docs.review import review_path

    images = [b.suffix.lower() in scan_pages.IMAGE_SUFFIXES for b in berkas]
    if len(berkas) > 1 and not all(images):
        _fail("beberapa berkas hanya dapat diimpor bersama bila semuanya gambar halaman (.png, .jpg, .tif)", 2)
    refuse_overwriting_inputs([output, review_path(output)], berkas)
    first = berkas[0]
    try:
        long = sum(b.stat().st_size for b in berkas) >= _IMPORT_LONG
    except OSError:
        long = False  # import_file names the missing file
    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=err.console, disable=_Opsi.quiet or not long or not err.is_terminal)
    task = bar.add_task(f"Membaca {escape(str(first))}", total=3)

    def pages_read(done: int, total: int) -> None:
        bar.update(task, total=total + 2, completed=done, description=f"OCR halaman {min(done + 1, total)}/{total}")

    with bar:
        try:
            result = import_scan(berkas, pages_read) if len(berkas) > 1 else import_file(first, pages_read)
        except FileNotFoundError as exc:
            bar.stop()
            _fail(f"{exc.filename or first}: berkas tidak ditemukan", 2)
        except ValueError as exc:
            bar.stop()
            _fail(str(exc), 2)
        steps = bar.tasks[0].total or 3
        bar.update(task, completed=steps - 2, description=f"Menulis {escape(str(output))}")
        write_yaml(result.data, output, result.tidak_terbaca, result.dibuang)
        if result.pindaian is not None:
            write_review(output, ", ".join(map(str, berkas)), result.pindaian)
        bar.update(task, completed=steps - 1, description="Memeriksa hasil")
        try:
            from_data(result.data, sumber=str(output))
            incomplete = None
        except InputError as exc:
            incomplete = exc
        bar.update(task, completed=steps)
    out.print(f"Ditulis: {output}", markup=False)
    if result.pindaian is not None:
        checked = result.pindaian
        out.print(f"Ditulis: {review_path(output)} ({len(checked.unread)} isian tidak terbaca, "
                  f"{len(checked.unsure)} kata kurang yakin, {len(checked.repairs)} perbaikan untuk dicocokkan)",
                  markup=False)
    for item in result.tidak_terbaca[:_IMPORT_SHOWN]:
        err.print(f"[yellow]Tidak terbaca:[/] {escape(item)}")
    if len(result.tidak_terbaca) > _IMPORT_SHOWN:
        more = len(result.tidak_terbaca) - _IMPORT_SHOWN
        err.print(f"[yellow]Tidak terbaca:[/] {more} lainnya, semuanya tercantum di awal {escape(str(output))}")
    if incomplete is not None:
        _fail(f"hasil impor belum lengkap, lengkapi berkasnya: {incomplete}")


_IMPORT_LONG = 1_000_000
"""Inputs of this many bytes or more show a progress bar on a terminal: they take seconds."""
_IMPORT_SHOWN = 50
"""Unread lines printed at most; all of them head the written YAML (a long OCR'd text has
thousands, and a terminal printing them took longer than the import)."""


@app.command()
def tandatangani(
    berkas: Annotated[Path, typer.Argument(metavar="FILE.pdf", help="PDF keputusan yang akan ditandatangani.")],
    sertifikat: Annotated[Path, typer.Option("--sertifikat", metavar="FILE.p12", help="Sertifikat elektronik kantor (.p12/.pfx, mis. dari BSrE).")],
    output: Annotated[Path, typer.Option("-o", "--output", metavar="SIGNED.pdf", help="PDF bertanda tangan yang ditulis.")],
    sandi_env: Annotated[
        Optional[str],
        typer.Option("--sandi-env", metavar="NAMA", help="Nama variabel lingkungan berisi sandi sertifikat (sandi tidak ditulis di baris perintah)."),
    ] = None,
    alasan: Annotated[Optional[str], typer.Option(help="Alasan penandatanganan yang dicatat dalam tanda tangan.")] = None,
    lokasi: Annotated[Optional[str], typer.Option(help="Tempat penandatanganan yang dicatat, mis. Mataram.")] = None,
) -> None:
    """Tandatangani PDF keputusan secara digital (PAdES) dengan sertifikat kantor.

    Bila keputusan memakai bentuk tanda tangan elektronik, tanda tangan tampak di tempat kode QR; bila tidak, tanda tangan tidak tampak tetapi tetap ada di PDF.
    """
    from kpu_docs.signing import password_from_env, sign

    place = sign(berkas, sertifikat, output, password_from_env(sandi_env), alasan, lokasi)
    where = f"tampak di halaman {place.page + 1}, di tempat kode QR" if place else "tidak tampak (tanpa bentuk tanda tangan elektronik)"
    out.print(f"Ditulis: {output} (ditandatangani; tanda tangan {where})", markup=False)


@app.command()
def verifikasi(
    berkas: Annotated[Path, typer.Argument(metavar="FILE.pdf", help="PDF bertanda tangan yang diperiksa.")],
    akar: Annotated[
        Optional[list[Path]],
        typer.Option("--akar", metavar="CA.pem", help="Sertifikat akar terpercaya (PEM/DER), mis. akar BSrE; boleh berulang."),
    ] = None,
) -> None:
    """Periksa tanda tangan digital PDF: penanda tangan, waktu, keutuhan (kode keluar 0 bila sah)."""
    from kpu_docs.signing import verify

    reports = verify(berkas, akar)
    if not reports:
        _labelled("Tidak sah:", "red", f"{berkas}: tidak ada tanda tangan digital di PDF ini")
        raise typer.Exit(1)
    for report in reports:
        waktu = report.waktu.strftime("%Y-%m-%d %H:%M:%S %Z").strip() if report.waktu else "tidak tercatat"
        out.print(f"Tanda tangan {report.field}:", markup=False)
        out.print(f"  Penanda tangan : {report.penanda_tangan}", markup=False)
        out.print(f"  Waktu          : {waktu}", markup=False)
        out.print(f"  Keutuhan       : {'utuh' if report.utuh else 'RUSAK: isi yang ditandatangani telah berubah'}", markup=False)
        out.print(f"  Tanda tangan   : {'sah secara kriptografis' if report.sah else 'TIDAK SAH'}", markup=False)
        out.print(f"  Perubahan sesudahnya: {report.perubahan}", markup=False)
        if akar:
            trust = "terpercaya" if report.terpercaya else "TIDAK terpercaya (tidak berantai ke --akar yang diberikan)"
        else:
            trust = "tidak diperiksa (beri --akar untuk memeriksa rantai sertifikat)"
        out.print(f"  Sertifikat     : {trust}", markup=False)
    bad = [r for r in reports if not r.baik or (akar and not r.terpercaya)]
    if bad:
        _labelled("Tidak sah:", "red", f"{berkas}: {len(bad)} dari {len(reports)} tanda tangan tidak sah")
        raise typer.Exit(1)
    out.print(f"Sah: {berkas} ({len(reports)} tanda tangan, dokumen tidak berubah sejak ditandatangani)", markup=False)


nomor_app = _typer("Register nomor keputusan: ambil nomor berikutnya, daftar seperti buku agenda, batalkan nomor, "
                   "periksa keutuhan register.")
app.add_typer(nomor_app, name="nomor")


@nomor_app.command("ambil")
def nomor_ambil(
    berkas: Annotated[Path, typer.Argument(metavar="FILE.yaml", help="Keputusan yang diberi nomor ([ISI NOMOR] di tempat nomor urut).")],
    register: RegisterOpsi,
    oleh: Annotated[Optional[str], typer.Option(help="Nama pengambil nomor (bawaan: nama pengguna komputer).")] = None,
    mulai: Annotated[int, typer.Option(min=1, help="Nomor urut terkecil yang boleh diberikan, bila nomor sebelumnya tercatat di luar register.")] = 1,
    paksa: Annotated[bool, typer.Option("--paksa", help="Izinkan --mulai melompat lebih dari 100 nomor melewati nomor terakhir register.")] = False,
) -> None:
    """Ambil nomor urut berikutnya dari register, tulis nomor lengkapnya ke berkas (hanya nilai nomor yang berubah) dan cetak."""
    from kpu_docs.nomor.ambil import ambil_nomor

    # every failure is a KpuDocsError (its exit code) or an OSError reading the file, through
    # _Perintah.invoke; only NomorTidakDitulis says a number was taken
    entri = ambil_nomor(berkas, register, oleh=oleh, mulai=mulai, paksa=paksa)
    print(printable(entri.nomor))


@nomor_app.command("daftar")
def nomor_daftar(
    register: RegisterOpsi,
    format: Annotated[
        Optional[str],
        typer.Option("--format", metavar="teks|csv|xlsx", help="Bentuk daftar (bawaan: teks di layar, atau menurut akhiran -o)."),
    ] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Berkas hasil (.csv atau .xlsx).")] = None,
    tahun: Annotated[Optional[int], typer.Option(help="Hanya nomor tahun ini.")] = None,
) -> None:
    """Daftar nomor di register seperti buku agenda: nomor, tanggal, tentang, berkas, pengambil, status."""
    from kpu_docs.files import write_atomic
    from kpu_docs.nomor import daftar

    suffix = output.suffix.lower().lstrip(".") if output else ""
    bentuk = format or ("teks" if suffix in ("", "txt") else suffix)
    if bentuk not in ("teks", "csv", "xlsx"):
        _fail(f"--format: {bentuk} tidak dikenal; pilih teks, csv atau xlsx", 2)
    if bentuk == "xlsx" and output is None:
        _fail("--format xlsx perlu -o BERKAS.xlsx", 2)
    if output is not None:
        daftar.tujuan_aman(output, register)  # never over the register, or any SQLite file
    entries = _with_register(register, lambda reg: reg.daftar(tahun=tahun))
    formats = {"teks": lambda: daftar.as_text(entries).encode("utf-8"), "csv": lambda: daftar.as_csv(entries),
               "xlsx": lambda: daftar.as_xlsx(entries)}
    data = formats[bentuk]()
    if output is None:
        typer.echo(data.decode("utf-8-sig"), nl=False)  # stored text is written out (daftar.tampak) already
    else:
        write_atomic(output, data)
        out.print(f"Ditulis: {output} ({len(entries)} nomor)", markup=False)


@nomor_app.command("batal")
def nomor_batal(
    nomor: Annotated[str, typer.Argument(metavar="NOMOR", help="Nomor lengkap seperti tercatat, mis. 45/PP.04.1-Kpt/5201/2026.")],
    register: RegisterOpsi,
    alasan: Annotated[Optional[str], typer.Option(help="Sebab pembatalan, dicatat di register.")] = None,
    oleh: Annotated[Optional[str], typer.Option(help="Nama yang membatalkan (bawaan: nama pengguna komputer).")] = None,
    instansi: Annotated[Optional[str], typer.Option(help="Instansi, bila nomor yang sama tercatat untuk beberapa instansi.")] = None,
) -> None:
    """Batalkan nomor: ditandai batal di register, tidak dihapus dan tidak pernah diberikan lagi."""
    entri, now = _with_register(register, lambda reg: reg.batal(nomor, alasan=alasan, oleh=oleh, instansi=instansi))
    if now:
        out.print(f"Dibatalkan: {entri.nomor} (nomor urut {entri.urut} tidak akan diberikan lagi)", markup=False)
    else:
        out.print(f"{entri.nomor} sudah dibatalkan sebelumnya ({entri.diubah_pada})", markup=False)


@nomor_app.command("periksa")
def nomor_periksa(register: RegisterOpsi) -> None:
    """Periksa keutuhan register: berkas tidak rusak, tidak ada baris yang dihapus, disisipkan atau diubah di luar kpu-docs, pemicu pelindung masih ada."""
    from kpu_docs.nomor.register import RegisterDiubah

    jumlah, temuan = _with_register(register, lambda reg: reg.periksa_semua())
    if temuan:
        raise RegisterDiubah(register, temuan)
    out.print(f"Register utuh: {jumlah} nomor, rantai hash cocok dari baris pertama sampai terakhir.", markup=False)


class _Web(_Perintah):
    """`kpu-docs web [FOLDER]` serves; `kpu-docs web pengguna ...` manages users: a first word
    that is no subcommand is the folder to serve (the hidden `jalankan` command)."""

    def parse_args(self, ctx: "ClickContext", args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h")):
            args = ["jalankan", *args]
        return super().parse_args(ctx, args)


web_app = typer.Typer(cls=_Web, help="Meja keputusan di peramban: daftar, isian, pratinjau halaman atas FOLDER.\n\nkpu-docs web [FOLDER] [--host 127.0.0.1] [--port 8000] menjalankannya; di luar 127.0.0.1 wajib ada pengguna (kpu-docs web pengguna tambah NAMA).",
                      add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)
app.add_typer(web_app, name="web")
pengguna_app = _typer("Pengguna meja keputusan (wajib bila didengarkan di luar 127.0.0.1).")
web_app.add_typer(pengguna_app, name="pengguna")
FolderWeb = Annotated[Path, typer.Option("--folder", help="Folder keputusan yang dilayani.")]


def _need_web() -> None:
    """The desk's libraries are an extra: said as such, not as a traceback."""
    import importlib.util

    missing = [m for m in ("starlette", "uvicorn", "jinja2", "multipart", "argon2") if importlib.util.find_spec(m) is None]
    if missing:
        _fail(f"meja keputusan perlu pustaka tambahan ({', '.join(missing)}): pip install 'kpu-docs[web]'", 2)


@web_app.command("jalankan", hidden=True)
def web_jalankan(
    folder: Annotated[Path, typer.Argument(metavar="[FOLDER]", help="Folder berkas keputusan (bawaan: folder ini).")] = Path("."),
    host: Annotated[str, typer.Option("--host", help="Alamat yang didengarkan; selain 127.0.0.1 wajib ada pengguna.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Nomor port.")] = 8000,
) -> None:
    """Jalankan meja keputusan atas FOLDER: kpu-docs web [FOLDER] [--host 127.0.0.1] [--port 8000]."""
    _need_web()
    from kpu_docs.web.app import create_app, is_local

    if not folder.is_dir():
        _fail(f"{folder}: folder tidak ditemukan", 2)
    application = create_app(folder, login_required=not is_local(host), host=host)  # NoUserError: exit 2
    import uvicorn

    where = f"[{host}]" if ":" in host else host
    out.print(f"Meja keputusan: http://{where}:{port}/ (folder {folder.resolve()}); Ctrl+C untuk berhenti.", markup=False)
    uvicorn.run(application, host=host, port=port, log_level="warning")


@pengguna_app.command("tambah")
def web_pengguna_tambah(
    nama: Annotated[str, typer.Argument(metavar="NAMA", help="Nama pengguna untuk masuk.")],
    folder: FolderWeb = Path("."),
) -> None:
    """Tambah pengguna (atau ganti kata sandinya); kata sandi diminta dua kali, disimpan sebagai hash argon2."""
    _need_web()
    from kpu_docs.web.auth import Store

    if not folder.is_dir():
        _fail(f"{folder}: folder tidak ditemukan", 2)
    sandi = typer.prompt("Kata sandi", hide_input=True, confirmation_prompt="Ulangi kata sandi")
    Store(folder).add_user(nama, sandi)
    out.print(f"Pengguna {nama} ditambahkan di {folder / '.kpu-docs' / 'web.sqlite'}", markup=False)


@pengguna_app.command("daftar")
def web_pengguna_daftar(folder: FolderWeb = Path(".")) -> None:
    """Daftar nama pengguna meja keputusan."""
    from kpu_docs.web.auth import Store

    for name in Store(folder).users():
        typer.echo(printable(name))


def main() -> None:
    # pydantic looks for plugins (observability hooks) in every installed package's entry points
    # when the first model is built: importlib.metadata and a scan of site-packages, a tenth of
    # `check`'s time, for hooks a decree tool has no use for. Set the variable to use them.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        code = app(standalone_mode=False)
    except typer.Abort:
        typer.echo("Dibatalkan.", err=True)
        raise SystemExit(1) from None
    except Exception as exc:
        if not hasattr(exc, "format_message") or not hasattr(exc, "exit_code"):
            raise
        show_usage_error(exc)  # click's usage errors (an unknown option, a missing argument)
        raise SystemExit(exc.exit_code) from None
    raise SystemExit(code if isinstance(code, int) else 0)
