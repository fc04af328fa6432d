"""Field paths as our error messages write them (`penutup.tanggal`, `lampiran[1].isi[2].tabel`).

A spreadsheet header names fields in the notation a secretariat already sees in messages, so
the same words point at the same place in both directions. Positions count from 1; inside, a
path is a tuple of keys (str) and 0-based indexes (int).
"""

from __future__ import annotations

import difflib
import re
import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from kpu_docs.errors import format_path

Path = tuple[Union[str, int], ...]

_SEGMENT = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)((?:\[\d+\])*)$")
_INDEX = re.compile(r"\[(\d+)\]")


class PathError(ValueError):
    """A path that cannot be read or does not fit the data; the message is Indonesian."""


def parse(text: str) -> Path:
    """`lampiran[1].isi[2]` -> ("lampiran", 0, "isi", 1); PathError when it is not a path."""
    parts: list[str | int] = []
    for segment in text.strip().split("."):
        match = _SEGMENT.match(segment)
        if not match:
            raise PathError(f"{text!r} bukan letak bidang (contoh: penutup.tanggal, lampiran[1].judul)")
        parts.append(match.group(1))
        for number in _INDEX.findall(match.group(2)):
            if int(number) < 1:
                raise PathError(f"{text}: nomor urut dihitung mulai 1")
            parts.append(int(number) - 1)
    return tuple(parts)


def _alternatives(tp: Any) -> list[Any]:
    """The concrete types a field may hold: Annotated, Optional and Union unwrapped."""
    if get_origin(tp) is Annotated:
        return _alternatives(get_args(tp)[0])
    if get_origin(tp) in (Union, types.UnionType):
        return [alt for arg in get_args(tp) for alt in _alternatives(arg)]
    return [tp]


def check_model_path(model: type[BaseModel], path: Path) -> None:
    """PathError unless `path` leads through the fields and lists of `model` (any union branch)."""
    current: list[Any] = [model]
    for depth, part in enumerate(path):
        following: list[Any] = []
        names: set[str] = set()
        for tp in (alt for t in current for alt in _alternatives(t)):
            if isinstance(part, int):
                if get_origin(tp) is list:
                    following.append(get_args(tp)[0])
            elif isinstance(tp, type) and issubclass(tp, BaseModel):
                names.update(tp.model_fields)
                if part in tp.model_fields:
                    following.append(tp.model_fields[part].annotation)
        if not following:
            where = format_path(path[:depth]) or "keputusan"
            if isinstance(part, int):
                raise PathError(f"{where} bukan daftar, tidak bisa diberi nomor urut [{part + 1}]")
            guess = difflib.get_close_matches(part, sorted(names), n=1)
            hint = f" (maksudnya {guess[0]}?)" if guess else ""
            raise PathError(f"{where} tidak punya bidang {part!r}{hint}")
        current = following


def get(data: Any, path: Path) -> Any:
    """The value at `path` in plain data; PathError when it is not there."""
    for depth, part in enumerate(path):
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            raise PathError(f"{format_path(path[: depth + 1])} tidak ada di berkas dasar") from None
    return data


def put(data: Any, path: Path, value: Any) -> Any:
    """A copy of `data` with `value` at `path`; only the containers along the path are copied.

    The rest is shared with `data`, so applying a row to a large base costs little and never
    changes the base. An index one past the end appends (a new mapping or list is made on the
    way when the path goes on).
    """
    return _put(data, path, value, 0)


def apply(data: Any, changes: tuple[tuple[Path, Any], ...]) -> Any:
    """`data` with each (path, value) of `changes` put in, in order."""
    for path, value in changes:
        data = put(data, path, value)
    return data


def _put(data: Any, path: Path, value: Any, depth: int) -> Any:
    if depth == len(path):
        return value
    part, here = path[depth], format_path(path[:depth])
    if isinstance(part, int):
        if data is None:
            data = []
        if not isinstance(data, list):
            raise PathError(f"{here} di berkas dasar bukan daftar")
        items = list(data)
        if part < len(items):
            items[part] = _put(items[part], path, value, depth + 1)
        elif part == len(items):
            items.append(_put(None, path, value, depth + 1))
        else:
            raise PathError(
                f"{format_path(path[: depth + 1])}: nomor urut melewati akhir daftar "
                f"({len(items)} butir; butir baru hanya [{len(items) + 1}])"
            )
        return items
    if data is None:
        data = {}
    if not isinstance(data, dict):
        kind = "daftar" if isinstance(data, list) else "teks" if isinstance(data, str) else "nilai tunggal"
        raise PathError(
            f"{here} di berkas dasar berupa {kind}, tidak bisa diisi per bagian: "
            f"isi seluruhnya dengan kolom {here}"
        )
    copy = dict(data)
    copy[part] = _put(copy.get(part), path, value, depth + 1)
    return copy
