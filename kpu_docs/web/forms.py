"""Form fields <-> the decree's data, by the CLI's field paths.

A field's name is the path errors.format_path prints: `nomor`, `menimbang[2]`,
`penutup.penandatangan.nama`, `lampiran[1].isi[3].tabel.baris[4][2]` (positions from 1).
`to_data` builds the file's data from the submitted fields, typed by the model (years as
numbers, dates as dates, yes/no as booleans), so that the YAML written holds what a person
would have typed. Control fields end in a part starting with "_":
`kop._ada` (an optional part is present), `menimbang_penutup._mode` (generated, own text, none),
`mengingat[3]._bentuk` (which form an item takes); they are read here and never written.
"""

from __future__ import annotations

import datetime
import re
import types
import typing
from pathlib import Path
from typing import Any, Union

from pydantic import BaseModel

from kpu_docs.errors import Masalah

_TOKEN = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\.")
MODES = {"otomatis": None, "kosong": "", "sendiri": ...}
"""`<field>._mode` of a text generated unless given: omitted, empty (printed as none), own text."""


def parse_name(name: str) -> tuple:
    """`lampiran[1].isi[3]` -> ("lampiran", 0, "isi", 2); positions from 0 as the data has them."""
    parts: list[Any] = []
    at = 0
    while at < len(name):
        found = _TOKEN.match(name, at)
        if found is None:
            raise ValueError(f"nama isian tidak sah: {name}")
        if found.group(1):
            parts.append(found.group(1))
        elif found.group(2):
            parts.append(int(found.group(2)) - 1)
        at = found.end()
    return tuple(parts)


def name_of(path: tuple) -> str:
    from kpu_docs.errors import format_path

    return format_path(path)


# -- what kind of value a model's annotation holds --------------------------------------------

def strip(tp: Any) -> tuple[Any, bool]:
    """The annotation without Annotated wrappers and None; whether None was allowed."""
    optional = False
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) < len(typing.get_args(tp)):
                optional = True
            if len(args) == 1:
                tp = args[0]
            else:
                return Union[tuple(args)], optional
        else:
            return tp, optional


def alternatives(tp: Any) -> list[Any]:
    """The members of a union annotation (each stripped), or [tp]."""
    tp, _ = strip(tp)
    if typing.get_origin(tp) in (Union, types.UnionType):
        return [strip(a)[0] for a in typing.get_args(tp)]
    return [tp]


def is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def is_list(tp: Any) -> bool:
    return typing.get_origin(tp) is list


def item_type(tp: Any) -> Any:
    return typing.get_args(tp)[0]


def pick_model(options: list[Any], value: Any) -> Any:
    """The model of a union a mapping is: all its keys are the model's fields, its required ones there."""
    models = [o for o in options if is_model(o)]
    if isinstance(value, dict):
        keys = set(value)
        for model in models:
            fields = model.model_fields
            required = {k for k, f in fields.items() if f.is_required()}
            if keys <= set(fields) and required <= keys:
                return model
        for model in models:
            if keys & set(model.model_fields):
                return model
    return models[0] if models else None


# -- fields -> data ---------------------------------------------------------------------------

def _nest(fields: list[tuple[str, str]]) -> dict:
    """The fields as nested dicts; list positions as int keys (made lists later)."""
    root: dict = {}
    for name, value in fields:
        if name == "csrf" or name == "hash" or not name:
            continue
        try:
            path = parse_name(name)
        except ValueError:
            continue
        if path[-1] == "_bentuk":
            continue  # which form an item takes: its fields say it
        node = root
        for part in path[:-1]:
            nxt = node.get(part)
            if not isinstance(nxt, dict):
                nxt = node[part] = {}
            node = nxt
        node[path[-1]] = value.replace("\r\n", "\n")
    return root


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _scalar(value: str, tp: Any) -> Any:
    """A submitted text as the type the model wants, when it reads as one (else as typed, so
    validation names the field)."""
    text = value.strip()
    if tp is bool:
        return {"true": True, "false": False}.get(text, value)
    if tp is int and re.fullmatch(r"-?\d+", text):
        return int(text)
    if tp is float and re.fullmatch(r"-?\d+([.,]\d+)?", text):
        number = float(text.replace(",", "."))
        return int(number) if number.is_integer() and "." not in text and "," not in text else number
    if tp is datetime.date:
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            return value
    return value


def _as_list(node: Any) -> list:
    if isinstance(node, dict) and all(isinstance(k, int) for k in node):
        return [node[k] for k in sorted(node)]
    if isinstance(node, list):
        return node
    return [node]


def coerce(node: Any, tp: Any) -> Any:
    """Nested form values as the file's data for annotation `tp`."""
    tp, _ = strip(tp)
    options = alternatives(tp)
    if isinstance(node, str):
        literal = [a for o in options if typing.get_origin(o) is typing.Literal for a in typing.get_args(o)]
        if literal and all(isinstance(a, bool) for a in literal):
            return _scalar(node, bool)
        scalar = next((o for o in options if o in (bool, int, float, datetime.date)), None)
        return _scalar(node, scalar) if scalar is not None else node
    if is_list(tp):
        inner = item_type(tp)
        return [coerce(item, inner) for item in _as_list(node)]
    if isinstance(node, dict) and node and all(isinstance(k, int) for k in node):
        return [coerce(item, tp) for item in _as_list(node)]
    if isinstance(node, dict):
        model = tp if is_model(tp) else pick_model(options, {k: v for k, v in node.items() if not str(k).startswith("_")})
        if model is None:
            return node
        return model_data(node, model)
    return node


def model_data(node: dict, model: type[BaseModel]) -> dict:
    data: dict = {}
    for key, field in model.model_fields.items():
        if key not in node and f"_{key}" not in node:
            continue
        value = node.get(key)
        ftp, optional = strip(field.annotation)
        sub = node.get(key) if isinstance(node.get(key), dict) else {}
        if isinstance(sub, dict) and "_opsional" in sub:  # an optional part: present only when ticked
            if sub.get("_ada") != "1":
                continue
            value = {k: v for k, v in sub.items() if k not in ("_ada", "_opsional")}
        if isinstance(sub, dict) and "_mode" in sub:  # generated unless given
            mode = sub.get("_mode")
            if mode == "otomatis":
                continue
            data[key] = "" if mode == "kosong" else str(sub.get("_teks", "")).replace("\r\n", "\n").strip()
            continue
        if isinstance(value, dict) and "_kosong" in value and len(value) == 1:
            value = {}  # a list whose every item was removed
        if value == "" and (optional or not field.is_required()):
            continue  # left empty: the default (bawaan)
        if isinstance(value, dict) and not value and is_list(ftp):
            if field.is_required():
                data[key] = []
            continue
        data[key] = coerce(value, field.annotation)
    return data


def to_data(fields: list[tuple[str, str]], model: type[BaseModel] | None = None) -> dict:
    """The decree's data from submitted form fields (names as the CLI's field paths)."""
    if model is None:
        from kpu_docs.models import Keputusan

        model = Keputusan
    return model_data(_nest(fields), model)


# -- messages beside their fields -------------------------------------------------------------

def messages_by_field(masalah: list[Masalah], temuan: list[Any]) -> dict[str, list[tuple[str, str, str]]]:
    """field path -> [(kind "galat"/"peringatan", message, rule id)], for showing each beside its field."""
    found: dict[str, list[tuple[str, str, str]]] = {}
    for m in masalah:
        for one in (m, *m.juga):
            found.setdefault(one.lokasi, []).append(("galat", one.pesan, ""))
    for t in temuan:
        found.setdefault(t.lokasi, []).append(("peringatan", t.pesan, t.aturan))
    return found

