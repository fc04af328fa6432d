"""The command line's own words in Bahasa Indonesia: help headings, usage lines, click's usage errors.

The commands' help texts are ours and already Indonesian; what click (inside typer) writes
itself is English: "Usage:", "Options", "[default: ...]", "Show this message and exit.", "Missing
argument", "No such option". Help passes through a formatter, so a formatter of our own gives it
in Indonesian; a usage error is caught where the command line starts and printed in Indonesian,
with its exit code (2). Nothing here is imported for more than `--help` or a usage error needs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import typer

_HEADINGS = {"Arguments": "Argumen", "Options": "Opsi", "Commands": "Perintah"}
_METAVARS = {
    "<path>": "LOKASI",
    "<str>": "TEKS",
    "<int range>": "BILANGAN",
    "<int>": "BILANGAN",
    "<float range>": "ANGKA",
    "<float>": "ANGKA",
}
_USAGE_WORDS = (("[OPTIONS]", "[OPSI]"), ("COMMAND", "PERINTAH"), ("[ARGS]", "[ARGUMEN]"))
_HELP_TEXT = "Show this message and exit."


def _term(term: str) -> str:
    """An option or argument as listed: click's type names as Indonesian placeholders."""
    for english, indonesian in _METAVARS.items():
        term = term.replace(english, indonesian)
    return re.sub(r" <list\[\w+\]>", "", term)


def _description(text: str) -> str:
    text = text.replace(_HELP_TEXT, "Tampilkan bantuan ini, lalu keluar.")
    return re.sub(r"\[([^\]]*)\]\s*$", lambda m: "[" + m.group(1).replace("default: ", "bawaan: ").replace(
        "required", "wajib") + "]", text)


def _usage(args: str) -> str:
    for english, indonesian in _USAGE_WORDS:
        args = args.replace(english, indonesian)
    return re.sub(r"\{([^{}\s]+)\}", lambda m: m.group(1) if m.group(1) != m.group(1).lower() else m.group(1).upper(), args)


def formatter_class(base: type) -> type:
    """click's help formatter, writing Indonesian headings, usage and option notes."""

    class Formatter(base):
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, _usage(args), prefix="Penggunaan: ")

        def section(self, name: str) -> Any:
            return super().section(_HEADINGS.get(name, name))

        def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
            super().write_dl([(_term(term), _description(text)) for term, text in rows], *args, **kwargs)

    return Formatter


class Konteks(typer.Context):
    """click's context with the Indonesian help formatter."""

    formatter_class = formatter_class(typer.Context.formatter_class)


# Patterns as text: compiled (and cached by re) only when a usage error is shown, not at start-up.
_ERRORS: tuple[tuple[str, str], ...] = (
    (r"^Missing argument '(.+)'\.$", r"argumen \1 wajib diisi."),
    (r"^Missing option '(.+)'\.(.*)$", r"opsi \1 wajib diisi.\2"),
    (r"^No such option: (\S+) \(Possible options: (.+)\)$", r"opsi tidak dikenal: \1 (mungkin maksudnya: \2)"),
    (r"^No such option: (\S+)$", r"opsi tidak dikenal: \1"),
    (r"^No such command '(.+)'\. Did you mean '(.+)'\?$", r"perintah tidak dikenal: \1 (mungkin maksudnya: \2)"),
    (r"^No such command '(.+)'\.$", r"perintah tidak dikenal: \1"),
    (r"^Got unexpected extra arguments? \((.+)\)$", r"argumen berlebih: \1"),
    (r"^Option '(.+)' requires an argument\.$", r"opsi \1 memerlukan nilai."),
    (r"^Option '(.+)' requires (\d+) arguments\.$", r"opsi \1 memerlukan \2 nilai."),
    (r"^Option '(.+)' does not take a value\.$", r"opsi \1 tidak menerima nilai."),
    (r"^Invalid value for (.+?): (.+)$", r"nilai tidak sah untuk \1: \2"),
    (r"^Invalid value: (.+)$", r"nilai tidak sah: \1"),
)
_VALUES: tuple[tuple[str, str], ...] = (
    (r"'(.*)' is not a valid integer( range)?\.", r"'\1' bukan bilangan bulat."),
    (r"'(.*)' is not a valid float( range)?\.", r"'\1' bukan angka."),
    (r"(\S+) is not in the range (.+)\.", r"\1 di luar rentang \2."),
    (r"'(.*)' is not one of (.+)\.", r"'\1' bukan salah satu dari \2."),
    (r"(File|Directory|Path) '(.*)' does not exist\.", r"'\2' tidak ada."),
    # typer checks values with pydantic: its messages
    (r"Input should be a valid integer.*", "harus berupa bilangan bulat"),
    (r"Input should be a valid number.*", "harus berupa angka"),
    (r"Input should be greater than or equal to (\S+)", r"tidak boleh kurang dari \1"),
    (r"Input should be less than or equal to (\S+)", r"tidak boleh lebih dari \1"),
    (r"Input should be greater than (\S+)", r"harus lebih dari \1"),
)


def usage_error(message: str) -> str:
    """click's usage error message in Indonesian (an unknown one stays as click wrote it)."""
    for pattern, replacement in _VALUES:
        message = re.sub(pattern, replacement, message)
    for pattern, replacement in _ERRORS:
        if re.match(pattern, message):
            return re.sub(pattern, replacement, message)
    return message


def show_usage_error(exc: Any) -> None:
    """Usage line, where to find help, and the error, as click shows them, in Indonesian; for a
    command given without its arguments, its help."""
    if type(exc).__name__ == "NoArgsIsHelpError":
        typer.echo(exc.format_message())
        return
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        typer.echo(ctx.get_usage(), err=True)
        typer.echo(f"Coba '{ctx.command_path} --help' untuk bantuan.\n", err=True)
    typer.secho("Galat:", fg="red", bold=True, err=True, nl=False)
    typer.echo(f" {usage_error(exc.format_message())}", err=True)
