"""Reading a Keputusan from YAML or JSON: files map one to one onto the models, dates in ISO form."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from kpu_docs.errors import InputError, Masalah, from_validation_error
from kpu_docs.models import Keputusan


def read_data(path: Path) -> Any:
    """The raw data of a .yaml/.yml or .json file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError([Masalah("", "berkas tidak ditemukan")], str(path)) from None
    except UnicodeDecodeError:
        raise InputError([Masalah("", "berkas bukan teks UTF-8")], str(path)) from None
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError([Masalah(f"baris {exc.lineno}", f"JSON tidak sah: {exc.msg}")], str(path)) from None
    try:
        return YAML(typ="safe", pure=False).load(text)  # libyaml (ruamel.yaml.clib) parses, ruamel resolves: YAML 1.2
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"baris {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError([Masalah(where, f"YAML tidak sah: {problem}")], str(path)) from None


def from_data(data: Any, base_dir: Path | None = None, sumber: str | None = None) -> Keputusan:
    """Validate raw data into a Keputusan; a relative logo path is taken relative to `base_dir`."""
    if not isinstance(data, dict):
        raise InputError([Masalah("", "isi berkas harus berupa pemetaan kunci: nilai")], sumber)
    if base_dir is not None and isinstance(data.get("logo"), str) and not Path(data["logo"]).is_absolute():
        data = {**data, "logo": str(Path(base_dir) / data["logo"])}
    try:
        return Keputusan.model_validate(data)
    except ValidationError as exc:
        raise from_validation_error(exc, sumber) from None


def load(path: str | Path) -> Keputusan:
    """Load and validate a decree from a YAML or JSON file."""
    path = Path(path)
    return from_data(read_data(path), base_dir=path.parent, sumber=str(path))
