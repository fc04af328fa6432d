"""Imported data written as a YAML data file, in the same shape as examples/*.yaml.

Long texts are written as folded blocks (">-") as in the example file; the written text is read
back and compared with the data, and written plainly should folding ever change a value.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import FoldedScalarString

from kpu_docs.files import write_atomic

FOLD_FROM = 80
"""Texts longer than this many characters are written as folded blocks."""


def _fold(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _fold(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_fold(v) for v in value]
    if isinstance(value, str) and len(value) > FOLD_FROM and "\n" not in value and "  " not in value and value == value.strip():
        return FoldedScalarString(value)
    return value


def _dump(data: dict) -> str:
    yaml = YAML()
    yaml.width = 100
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


def to_yaml(data: dict, tidak_terbaca: list[str] | None = None, dibuang: list[str] | None = None) -> str:
    """YAML text of the data; what could not be read, and the lines dropped as page furniture, are
    listed in comments at the top."""
    body = _dump(_fold(data))
    if YAML(typ="safe").load(body) != data:  # pragma: no cover - folding is checked, not trusted
        body = _dump(data)
    head = ""
    if tidak_terbaca:
        head = "# Tidak terbaca saat impor (periksa dan lengkapi sendiri):\n"
        head += "".join("#   - " + " ".join(item.split()) + "\n" for item in tidak_terbaca) + "\n"
    if dibuang:
        head += "# Dibuang sebagai kelengkapan halaman (nomor halaman, kepala dan kaki halaman):\n"
        head += "".join("#   - " + " ".join(item.split()) + "\n" for item in dibuang) + "\n"
    return head + body


def write_yaml(
    data: dict, path: str | Path, tidak_terbaca: list[str] | None = None, dibuang: list[str] | None = None
) -> Path:
    """Write the data to a .yaml file (UTF-8, atomically), with the unread parts and the dropped
    page furniture as comments at the top."""
    path = Path(path)
    write_atomic(path, to_yaml(data, tidak_terbaca, dibuang).encode("utf-8"))
    return path
