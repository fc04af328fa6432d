"""The library's errors, in Bahasa Indonesia: one base class the command line maps to exit codes,
and input errors that name the field path, the key as typed, the place in the file and the fix.

pydantic reports a value tried against several types (a text or a citation, a text or a cell)
once per type, in locations that mix the data's keys with the names of those types; here the
location is read against the data itself, so that only real keys and list positions make the
path, and the tries of one value become one message that says what to do.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, NamedTuple

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError


class KpuDocsError(Exception):
    """Base of every error kpu-docs raises on purpose. Its message is Indonesian and says what
    to fix; `exit_code` is what the command line exits with: 2 for bad input (data, a template,
    a file refused), 1 for a step that failed on good input (a conversion)."""

    exit_code = 2


class Posisi(NamedTuple):
    """Where a value stands in its file, counted from 1 as an editor shows it."""

    baris: int
    kolom: int
    teks: str | None = None
    """The value as typed, when it is a scalar without quotes (`045`, `1.10`): what to quote."""


Letak = Callable[[tuple], "Posisi | None"]
"""Finds the place of a path (keys and 0-based list positions) in the file the data came from."""

JUGA_DITAMPILKAN = 8
"""How many of the other places of a repeated mistake a message names."""


@dataclass(frozen=True)
class Masalah:
    """One problem in the input: where (a field path, and the line and column in the file when
    the data came from one), what, in Indonesian, and the key as typed when a key is at fault.
    A mistake repeated in many places (every row of a table) is one Masalah; `juga` holds the
    other places."""

    lokasi: str
    pesan: str
    baris: int | None = None
    kolom: int | None = None
    kunci: str | None = None
    juga: tuple[Masalah, ...] = field(default=(), repr=False)

    def __str__(self) -> str:
        text = f"{self.lokasi}: {self.pesan}" if self.lokasi else self.pesan
        if self.baris is not None:
            text = f"baris {self.baris}, kolom {self.kolom}: {text}"
        if self.juga:
            if all(m.baris is not None for m in self.juga):
                places = "baris " + ", ".join(str(m.baris) for m in self.juga[:JUGA_DITAMPILKAN])
            else:
                places = ", ".join(m.lokasi for m in self.juga[:JUGA_DITAMPILKAN])
            more = ", ..." if len(self.juga) > JUGA_DITAMPILKAN else ""
            text += f" (kesalahan yang sama di {len(self.juga)} tempat lain: {places}{more})"
        return text


class InputError(KpuDocsError, ValueError):
    """The decree data is not valid; `masalah` lists every problem found."""

    def __init__(self, masalah: list[Masalah], sumber: str | None = None):
        self.masalah = masalah
        self.sumber = sumber
        head = f"{sumber}: " if sumber else ""
        super().__init__(head + "data keputusan tidak sah:\n" + "\n".join(f"  - {m}" for m in masalah))


class MissingFileError(InputError):
    """An input file that is not there: said as such, not as invalid data."""

    def __init__(self, sumber: str):
        self.masalah = [Masalah("", "berkas tidak ditemukan")]
        self.sumber = sumber
        Exception.__init__(self, f"{sumber}: berkas tidak ditemukan")

    def __str__(self) -> str:
        return str(self.args[0])


def format_path(path: tuple) -> str:
    """Dotted field path; list positions count from 1 and stand in brackets: mengingat[3].tahun."""
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


PEMETAAN = "pemetaan kunci: nilai"

_MESSAGES = {
    "missing": "wajib diisi",
    "string_too_short": "tidak boleh kosong",
    "int_parsing": "harus berupa bilangan bulat",
    "int_from_float": "harus berupa bilangan bulat",
    "float_parsing": "harus berupa angka",
    "bool_parsing": "harus berupa true atau false",
    "date_parsing": "harus berupa tanggal dengan format TTTT-BB-HH, misalnya 2025-09-03",
    "date_from_datetime_parsing": "harus berupa tanggal dengan format TTTT-BB-HH, misalnya 2025-09-03",
    "date_from_datetime_inexact": "harus berupa tanggal saja, tanpa jam",
    "path_type": "harus berupa lokasi berkas",
}

_EXPECTED = {
    "string_type": "teks",
    "int_type": "bilangan bulat",
    "float_type": "angka",
    "bool_type": "true atau false",
    "date_type": "tanggal dengan format TTTT-BB-HH, misalnya 2025-09-03",
    "list_type": "daftar (butir-butir diawali '-')",
    "dict_type": PEMETAAN,
    "model_type": PEMETAAN,
    "model_attributes_type": PEMETAAN,
}
"""The errors that say only "not of this type": what the value should have been."""

_YES_NO = {"yes": "true", "ya": "true", "y": "true", "on": "true", "1": "true",
           "no": "false", "tidak": "false", "n": "false", "off": "false", "0": "false"}


@dataclass
class _Galat:
    """One pydantic error read against the data."""

    jalur: tuple  # keys and 0-based list positions in the data
    jenis: str  # pydantic's error type
    nilai: Any  # the value at fault
    cabang: bool  # the location named types besides keys: the value was tried as one of several
    ctx: dict
    msg: str
    harapan: list[str] = field(default_factory=list)  # for type errors: every type tried


def _walk(loc: tuple, data: Any, missing: bool) -> tuple[tuple, bool]:
    """The part of pydantic's `loc` that is keys and positions in `data`, and whether the rest
    named anything else: the type of a union's branch ("Sel", "constrained-str"), a block's tag,
    a validator. A part is a key only where the data holds a mapping with that key (or, for a
    missing key, at the end); a capitalised key the user typed is a key like any other."""
    from pydantic import BaseModel

    node, branch = data, False
    path: list[str | int] = []
    for i, part in enumerate(loc):
        if isinstance(part, int) and isinstance(node, (list, tuple)) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
        elif isinstance(part, str) and isinstance(node, dict) and (part in node or (missing and i == len(loc) - 1)):
            path.append(part)
            node = node.get(part)
        elif isinstance(part, str) and isinstance(node, BaseModel) and part in type(node).model_fields:
            path.append(part)
            node = getattr(node, part)
        else:
            branch = True
    return tuple(path), branch


def _alternatives(types: list[Any]) -> list[Any]:
    """The concrete types a field may hold: Annotated, Optional and Union unwrapped."""
    import types as builtin_types
    from typing import Annotated, Union, get_args, get_origin

    found: list[Any] = []
    for tp in types:
        if get_origin(tp) is Annotated:
            found += _alternatives([get_args(tp)[0]])
        elif get_origin(tp) in (Union, builtin_types.UnionType):
            found += _alternatives(list(get_args(tp)))
        else:
            found.append(tp)
    return found


def _field_names(model: type[BaseModel] | None, path: tuple) -> list[str]:
    """The keys a mapping at `path` may hold: the fields of every model that can stand there."""
    from typing import get_args, get_origin

    from pydantic import BaseModel

    current: list[Any] = [model] if model is not None else []
    for part in path:
        following = []
        for tp in _alternatives(current):
            if isinstance(part, int):
                if get_origin(tp) is list:
                    following.append(get_args(tp)[0])
            elif isinstance(tp, type) and issubclass(tp, BaseModel) and part in tp.model_fields:
                following.append(tp.model_fields[part].annotation)
        current = following
    names = {name for tp in _alternatives(current) if isinstance(tp, type) and issubclass(tp, BaseModel)
             for name in tp.model_fields}
    return sorted(names)


def suggest(key: str, names: list[str]) -> str | None:
    """The field meant by a key that is none: the same in other case or with spaces or hyphens
    for underscores (`NIP`, `atas nama`), else the closest in spelling (`tanggall`)."""
    import difflib  # only once something failed

    normal = {name.lower(): name for name in names}
    typed = re.sub(r"[\s-]+", "_", key.strip().lower())
    if typed in normal:
        return normal[typed]
    close = difflib.get_close_matches(typed, list(normal), n=1, cutoff=0.75)
    return normal[close[0]] if close else None


def _typed(value: Any) -> str:
    """A scalar as YAML would have it typed, when the file is not at hand."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return str(value)


TIDAK_DICETAK = "\x00-\x08\x0b-\x1f\ufffe\uffff"
"""The characters a decree's text may not hold (a regex character class): the control characters
but tab and new line (XML 1.0 allows no others, and a carriage return would silently become a
space), and U+FFFE/U+FFFF. The models refuse them (models.base.DAPAT_DICETAK); the message names
the one found."""
_NOT_PRINTABLE = re.compile(f"[{TIDAK_DICETAK}\ud800-\udfff]")  # and lone surrogates, which pydantic refuses itself


def _not_printable(text: str) -> str:
    """Which character a Word document cannot hold, and where: the text is refused, not trimmed."""
    bad = _NOT_PRINTABLE.search(text)
    if bad is None:
        return "memuat karakter yang tidak dapat dicetak"
    char = bad.group()
    what = "carriage return; gunakan baris baru biasa" if char == "\r" else "karakter kendali atau bukan karakter"
    return f"memuat karakter U+{ord(char):04X} ({what}) pada posisi {bad.start() + 1}; hapus karakter itu"


QUOTE = "harus berupa teks; beri tanda kutip"


def _message(galat: _Galat, names: Callable[[tuple], list[str]], typed: str | None) -> str:
    """The message for one error: what is wrong and, for the common mistakes, the fix."""
    kind, ctx, value = galat.jenis, galat.ctx, galat.nilai
    key = galat.jalur[-1] if galat.jalur and isinstance(galat.jalur[-1], str) else None
    if galat.harapan:
        if value is None:
            return "tidak boleh kosong" if "teks" in galat.harapan else f"kosong; harus berupa {galat.harapan[0]}"
        if "teks" in galat.harapan and not isinstance(value, (str, dict, list)):
            text = json.dumps(typed if typed is not None else _typed(value), ensure_ascii=False)
            fix = f"{key}: {text}" if key else text
            return f"{QUOTE}: {fix}"
        wanted = " atau ".join(dict.fromkeys(galat.harapan))
        return f"harus berupa {wanted}"
    if kind == "extra_forbidden":
        meant = suggest(str(key), names(galat.jalur[:-1]))
        return f"kunci tidak dikenal; maksud Anda {meant}?" if meant else "kunci tidak dikenal (periksa ejaan)"
    if kind == "blok_tidak_dikenal" and isinstance(value, dict):
        meant = next(filter(None, (suggest(str(k), names(galat.jalur)) for k in value)), None)
        return galat.msg + (f"; maksud Anda {meant}?" if meant else "")
    if kind in ("string_pattern_mismatch", "string_unicode") and isinstance(value, str):
        return _not_printable(value)
    if kind == "bool_parsing" and isinstance(value, str) and value.strip().lower() in _YES_NO:
        fix = _YES_NO[value.strip().lower()]
        return f"harus berupa true atau false; tulis {key + ': ' if key else ''}{fix}"
    if kind == "float_parsing" and isinstance(value, str) and re.fullmatch(r"-?[0-9]+,[0-9]+", value.strip()):
        return f"harus berupa angka dengan titik desimal: {value.strip().replace(',', '.')}"
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error", galat.msg)).removeprefix("Value error, ")
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
    return _MESSAGES.get(kind, galat.msg)


def _read(error: ValidationError, data: Any) -> list[_Galat]:
    """pydantic's errors with their paths in the data."""
    found = []
    for item in error.errors(include_url=False):
        path, branch = _walk(item["loc"], data, item["type"] == "missing")
        found.append(_Galat(path, item["type"], item.get("input"), branch, item.get("ctx") or {}, item["msg"]))
    return found


def _one_per_value(found: list[_Galat]) -> list[_Galat]:
    """Drop the tries of a value as a type it was not meant as, and join what is left.

    A mapping tried as a text or a citation fails as text ("not a string") and, inside, as a
    citation: the citation's problems are the ones to report. A number tried as a text or a
    cell fails as both on its type alone: one message, that says to quote it.
    """
    deeper = {g.jalur[:n] for g in found for n in range(len(g.jalur))}
    not_type = {g.jalur for g in found if g.jenis not in _EXPECTED}
    joined: dict[tuple, _Galat] = {}
    kept = []
    for g in found:
        if g.jenis in _EXPECTED:
            if g.cabang and (g.jalur in deeper or g.jalur in not_type):
                continue  # the value was meant as another of the types tried
            if g.jalur in joined:
                joined[g.jalur].harapan.append(_EXPECTED[g.jenis])
                continue
            g.harapan = [_EXPECTED[g.jenis]]
            joined[g.jalur] = g
        kept.append(g)
    return kept


def _without_missing_meant(found: list[_Galat], names: Callable[[tuple], list[str]]) -> list[_Galat]:
    """A misspelt key is one mistake: `Menimbang:` is an unknown key meant as menimbang, and
    menimbang is not also reported missing."""
    meant = set()
    for g in found:
        if g.jenis == "extra_forbidden" and g.jalur:
            guess = suggest(str(g.jalur[-1]), names(g.jalur[:-1]))
            if guess:
                meant.add((*g.jalur[:-1], guess))
    return [g for g in found if not (g.jenis == "missing" and g.jalur in meant)]


def from_validation_error(
    error: ValidationError,
    sumber: str | None = None,
    *,
    data: Any,
    model: type[BaseModel] | None = None,
    letak: Letak | None = None,
) -> InputError:
    """Translate pydantic's errors on `data` (validated as `model`): one message per mistake,
    named by its field path and, with `letak`, its line and column in the file (and then in the
    file's order)."""
    cache: dict[tuple, list[str]] = {}

    def names(path: tuple) -> list[str]:
        if path not in cache:
            cache[path] = _field_names(model, path)
        return cache[path]

    found = _without_missing_meant(_one_per_value(_read(error, data)), names)
    groups: dict[tuple, list[Masalah]] = {}
    for g in found:
        where = letak(g.jalur) if letak else None
        pesan = _message(g, names, where.teks if where else None)
        same = QUOTE if pesan.startswith(QUOTE) else pesan  # the quoted value differs from row to row
        key = g.jalur[-1] if g.jalur and isinstance(g.jalur[-1], str) else None
        m = Masalah(format_path(g.jalur), pesan, where.baris if where else None, where.kolom if where else None, key)
        shape = tuple(None if isinstance(part, int) else part for part in g.jalur)
        groups.setdefault((shape, same), []).append(m)
    masalah = [first if not others else Masalah(first.lokasi, first.pesan, first.baris, first.kolom, first.kunci,
                                                 tuple(others))
               for first, *others in groups.values()]
    if letak:
        masalah.sort(key=lambda m: (m.baris or 0, m.kolom or 0))  # in the order of the file
    return InputError(masalah, sumber)
