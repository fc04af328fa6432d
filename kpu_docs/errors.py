"""The library's errors, in Bahasa Indonesia: one base class the command line maps to exit codes,
and input errors that name the field path and the problem."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import ValidationError


class KpuDocsError(Exception):
    """Base of every error kpu-docs raises on purpose. Its message is Indonesian and says what
    to fix; `exit_code` is what the command line exits with: 2 for bad input (data, a template,
    a file refused), 1 for a step that failed on good input (a conversion)."""

    exit_code = 2


_MESSAGES = {
    "missing": "wajib diisi",
    "extra_forbidden": "kunci tidak dikenal (periksa ejaan)",
    "string_type": "harus berupa teks",
    "string_too_short": "tidak boleh kosong",
    "int_type": "harus berupa bilangan bulat",
    "int_parsing": "harus berupa bilangan bulat",
    "int_from_float": "harus berupa bilangan bulat",
    "float_type": "harus berupa angka",
    "float_parsing": "harus berupa angka",
    "bool_type": "harus berupa true atau false",
    "bool_parsing": "harus berupa true atau false",
    "date_type": "harus berupa tanggal dengan format TTTT-BB-HH, misalnya 2025-09-03",
    "date_parsing": "harus berupa tanggal dengan format TTTT-BB-HH, misalnya 2025-09-03",
    "date_from_datetime_parsing": "harus berupa tanggal dengan format TTTT-BB-HH, misalnya 2025-09-03",
    "date_from_datetime_inexact": "harus berupa tanggal saja, tanpa jam",
    "list_type": "harus berupa daftar (butir-butir diawali '-')",
    "dict_type": "harus berupa pemetaan kunci: nilai",
    "model_type": "harus berupa pemetaan kunci: nilai",
    "model_attributes_type": "harus berupa pemetaan kunci: nilai",
    "path_type": "harus berupa lokasi berkas",
}


@dataclass(frozen=True)
class Masalah:
    """One problem in the input: where (a field path) and what, in Indonesian."""

    lokasi: str
    pesan: str

    def __str__(self) -> str:
        return f"{self.lokasi}: {self.pesan}" if self.lokasi else self.pesan


class InputError(KpuDocsError, ValueError):
    """The decree data is not valid; `masalah` lists every problem found."""

    def __init__(self, masalah: list[Masalah], sumber: str | None = None):
        self.masalah = masalah
        self.sumber = sumber
        head = f"{sumber}: " if sumber else ""
        super().__init__(head + "data keputusan tidak sah:\n" + "\n".join(f"  - {m}" for m in masalah))


def _path(loc: tuple) -> str:
    """Dotted field path; list positions count from 1 and stand in brackets: mengingat[3].tahun."""
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item + 1}]")
            continue
        text = str(item)
        if "[" in text or text[:1].isupper() or text in ("str", "int", "constrained-str"):
            continue  # union branch and validator names, not fields
        if parts and parts[-1] == f".{text}":
            continue  # a block's wrapper key repeated by its model
        parts.append(f".{text}")
    return "".join(parts).lstrip(".")


_NOT_PRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff\ud800-\udfff]")


def _not_printable(text: str) -> str:
    """Which character a Word document cannot hold, and where: the text is refused, not trimmed."""
    bad = _NOT_PRINTABLE.search(text)
    if bad is None:
        return "memuat karakter yang tidak dapat dicetak"
    char = bad.group()
    what = "carriage return; gunakan baris baru biasa" if char == "\r" else "karakter kendali atau bukan karakter"
    return f"memuat karakter U+{ord(char):04X} ({what}) pada posisi {bad.start() + 1}; hapus karakter itu"


def _message(error: dict) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind in ("string_pattern_mismatch", "string_unicode") and isinstance(error.get("input"), str):
        return _not_printable(error["input"])
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error", error["msg"])).removeprefix("Value error, ")
    if kind == "too_short":
        return f"minimal berisi {ctx.get('min_length')} butir"
    if kind == "too_long":
        return f"maksimal berisi {ctx.get('max_length')} butir"
    if kind == "greater_than_equal":
        return f"tidak boleh kurang dari {ctx.get('ge')}"
    if kind == "less_than_equal":
        return f"tidak boleh lebih dari {ctx.get('le')}"
    if kind == "literal_error":
        return f"harus salah satu dari: {ctx.get('expected')}"
    if kind in _MESSAGES:
        return _MESSAGES[kind]
    return error["msg"]


def from_validation_error(error: ValidationError, sumber: str | None = None) -> InputError:
    """Translate pydantic's errors; for a text-or-citation item, report the citation's problems."""
    seen: dict[str, Masalah] = {}
    for item in error.errors(include_url=False):
        loc = item["loc"]
        if "constrained-str" in loc and not isinstance(item.get("input"), str):
            continue  # the free-text branch of a text-or-citation item, when the item was not text
        m = Masalah(_path(loc), _message(item))
        seen.setdefault(str(m), m)
    return InputError(list(seen.values()), sumber)
