"""Reading a Keputusan from YAML or JSON: files map one to one onto the models, dates in ISO form.

A decree file may come from anywhere, so reading it is bounded (kpu_docs.bounds): the file's
size before it is parsed, and the number of values after it is, with YAML aliases counted as
often as they are used, before anything walks the data (a 9 KB file of nested aliases would
otherwise expand to millions of values in validation).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from kpu_docs import bounds
from kpu_docs.errors import InputError, Masalah, from_validation_error
from kpu_docs.models import Keputusan

DEPTH_MAX = 100
"""Lists and mappings inside each other: a decree nests about 20 deep (a Lampiran's lists)."""


def read_text(path: Path) -> str:
    """A decree file's text: UTF-8, at most bounds.TEXT_FILE_MAX bytes."""
    try:
        raw = bounds.read_bytes(path, bounds.TEXT_FILE_MAX, "berkas data")
    except FileNotFoundError:
        raise InputError([Masalah("", "berkas tidak ditemukan")], str(path)) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError([Masalah("", "berkas bukan teks UTF-8")], str(path)) from None


def yaml_error(exc: YAMLError, path: Path) -> InputError:
    """A YAML parser error as an input error naming the line."""
    mark = getattr(exc, "problem_mark", None)
    where = f"baris {mark.line + 1}" if mark else ""
    problem = getattr(exc, "problem", None) or str(exc)
    return InputError([Masalah(where, f"YAML tidak sah: {problem}")], str(path))


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict:
    """A JSON object whose keys are all different: a repeated key would silently keep its last value."""
    data: dict = {}
    for key, value in pairs:
        if key in data:
            raise InputError([Masalah(key, f"kunci '{key}' muncul lebih dari sekali dalam satu objek JSON")])
        data[key] = value
    return data


def read_data(path: Path) -> Any:
    """The raw data of a .yaml/.yml or .json file."""
    path = Path(path)
    text = read_text(path)
    try:
        if path.suffix.lower() == ".json":
            try:
                data = json.loads(text, object_pairs_hook=_unique_keys)
            except json.JSONDecodeError as exc:
                raise InputError([Masalah(f"baris {exc.lineno}", f"JSON tidak sah: {exc.msg}")], str(path)) from None
            except InputError as exc:
                raise InputError(exc.masalah, str(path)) from None
        else:
            try:
                data = YAML(typ="safe", pure=False).load(text)  # libyaml (ruamel.yaml.clib) parses, ruamel resolves: YAML 1.2
            except YAMLError as exc:
                raise yaml_error(exc, path) from None
    except RecursionError:
        raise InputError([Masalah("", f"isi berkas bersarang terlalu dalam (batas {DEPTH_MAX} tingkat)")], str(path)) from None
    check_size(data, str(path))
    return data


def check_size(data: Any, sumber: str | None = None) -> None:
    """Refuse data with more than bounds.DATA_VALUES_MAX values or bounds.DATA_CHARS_MAX
    characters of text, an alias counted each time it is used; nested more than DEPTH_MAX deep;
    or holding itself (a YAML alias inside its own anchor). Each distinct list and mapping is
    looked at once, so the cost is that of the file, not of its expansion."""
    if not isinstance(data, (dict, list)):
        return
    sizes: dict[int, tuple[int, int]] = {}  # id of a list or mapping -> (values, characters) expanded
    open_: set[int] = set()  # started, not finished: the ancestors of what is being looked at
    stack: list[tuple[Any, int, bool]] = [(data, 1, False)]
    while stack:
        value, depth, finished = stack.pop()
        key = id(value)
        children = [*value.keys(), *value.values()] if isinstance(value, dict) else value
        if finished:
            open_.discard(key)
            values, chars = 1, 0
            for child in children:
                child_values, child_chars = sizes.get(id(child)) or (1, len(child) if isinstance(child, str) else 0)
                values, chars = values + child_values, chars + child_chars
            if values > bounds.DATA_VALUES_MAX or chars > bounds.DATA_CHARS_MAX:
                what = "nilai" if values > bounds.DATA_VALUES_MAX else "huruf"
                limit = bounds.DATA_VALUES_MAX if what == "nilai" else bounds.DATA_CHARS_MAX
                raise InputError([Masalah("", f"data terlalu besar: lebih dari {limit:,} {what}".replace(",", ".")
                                          + " (alias YAML dihitung setiap kali dipakai)")], sumber)
            sizes[key] = (values, chars)
            continue
        if key in sizes:
            continue
        if key in open_:
            raise InputError([Masalah("", "alias YAML dipakai di dalam jangkarnya sendiri (data tak berujung)")], sumber)
        if depth > DEPTH_MAX:
            raise InputError([Masalah("", f"isi berkas bersarang terlalu dalam (batas {DEPTH_MAX} tingkat)")], sumber)
        open_.add(key)
        stack.append((value, depth, True))
        stack.extend((child, depth + 1, False) for child in children if isinstance(child, (dict, list)))


def _outside(logo: str) -> bool:
    """Whether a logo path leaves the decree's folder: absolute, or `..` above it."""
    return os.path.isabs(logo) or os.path.normpath(logo).replace("\\", "/").split("/")[0] == ".."


def from_data(data: Any, base_dir: Path | None = None, sumber: str | None = None) -> Keputusan:
    """Validate raw data into a Keputusan; a relative logo path is taken relative to `base_dir`.

    Data read from a file (`base_dir` given) may name a logo only inside that file's folder: a
    decree received from elsewhere cannot make kpu-docs read a picture from anywhere on this
    computer into the document it writes. Models built in Python take any path.
    """
    if not isinstance(data, dict):
        raise InputError([Masalah("", "isi berkas harus berupa pemetaan kunci: nilai")], sumber)
    if base_dir is not None and isinstance(data.get("logo"), str):
        if _outside(data["logo"]):
            raise InputError([Masalah(
                "logo",
                "harus berupa lokasi gambar di dalam folder berkas keputusan, misalnya logo.png atau "
                "gambar/logo.png (bukan lokasi mutlak atau ../); salin gambarnya ke folder itu",
            )], sumber)
        data = {**data, "logo": str(Path(base_dir) / data["logo"])}
    try:
        return Keputusan.model_validate(data)
    except ValidationError as exc:
        raise from_validation_error(exc, sumber) from None


def load(path: str | Path) -> Keputusan:
    """Load and validate a decree from a YAML or JSON file."""
    path = Path(path)
    return from_data(read_data(path), base_dir=path.parent, sumber=str(path))
