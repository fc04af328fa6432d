"""The text a reviewer reads: every field of the decree that prints, with its field path.

The walk is generic over the models, so that a field added later is checked too: every text the
decree holds prints, except the settings (`pengaturan`), the logo's file name, the number pattern
(`pola_nomor`), what the QR code of an electronic signature holds, and choices among fixed values (`penomoran`, `bentuk_nomor`, `dalam`, ...), which
print as labels and words kpu-docs writes itself. The amendments before the last of a regulation
cited "beberapa kali diubah terakhir dengan" do not print either (only the last one is cited).

Each text comes with whether the renderer replaces its closing punctuation (kpu_docs.wording:
Menimbang and Mengingat items end with ";" or "." whatever the data typed), which the rule on
doubled punctuation needs: ";." typed at the end of a Menimbang does not print. Nothing here
imports kpu_docs.wording, which `check` does not load at start-up.
"""

from __future__ import annotations

import functools
import types
from collections.abc import Iterator
from typing import Literal, NamedTuple, Union, get_args, get_origin

from pydantic import BaseModel

from kpu_docs.errors import format_path
from kpu_docs.models import Keputusan, Peraturan

_NOT_PRINTED = frozenset({"pengaturan", "logo", "pola_nomor"})
"""Fields of the decree itself that do not print as text."""
_NOT_TEXT = frozenset({"qr"})
"""Fields anywhere that print as something else: the electronic signature's QR code."""
_CLOSED_LISTS = ("menimbang", "mengingat", "memperhatikan")
"""Lists whose items the renderer closes with ";" or "." (unless tanda_baca_konsiderans says
seperti_ditulis, for the texts the data gives)."""


class Teks(NamedTuple):
    """One printed text: its path (keys and 0-based positions), the text, and whether the renderer
    replaces the punctuation it ends with."""

    path: tuple
    teks: str
    ditutup: bool = False

    @property
    def lokasi(self) -> str:
        """The field path as findings name it: lampiran[1].isi[2].tabel.baris[3][1]."""
        return format_path(self.path)


def _choice(model: type[BaseModel], name: str) -> bool:
    """Whether a field only takes fixed values (a Literal, optionally None)."""
    annotation = model.model_fields[name].annotation
    options = get_args(annotation) if get_origin(annotation) in (Union, types.UnionType) else (annotation,)
    return all(get_origin(o) is Literal or o is type(None) for o in options)


@functools.cache
def _text_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model that may hold printed text, in their order."""
    return tuple(name for name in model.model_fields if name not in _NOT_TEXT and not _choice(model, name))


def _walk(value: object, path: tuple, out: list[Teks]) -> None:
    if isinstance(value, str):
        out.append(Teks(path, value))
    elif isinstance(value, Peraturan):
        _citation(value, path, out)
    elif isinstance(value, BaseModel):
        for name in _text_fields(type(value)):
            _walk(getattr(value, name), (*path, name), out)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            _walk(item, (*path, i), out)


def _citation(p: Peraturan, path: tuple, out: list[Teks]) -> None:
    """A structured citation's fields in the order they print; its amendments as cited (only the
    last one when it is cited "beberapa kali diubah terakhir dengan")."""
    for name in ("jenis", "nomor", "tentang"):
        value = getattr(p, name)
        if value is not None:
            out.append(Teks((*path, name), value))
    if p.diundangkan is not None:
        _walk(p.diundangkan, (*path, "diundangkan"), out)
    amendments = list(enumerate(p.perubahan))
    if p.diubah_beberapa_kali:
        amendments = amendments[-1:]
    for i, amendment in amendments:
        _citation(amendment, (*path, "perubahan", i), out)


def _last_printed(p: Peraturan, path: tuple) -> tuple | None:
    """The path of the field a citation's sentence ends with, when it ends with a typed text (not
    with "Tahun 2017" or the closing bracket of its Lembaran)."""
    if p.perubahan:
        return _last_printed(p.perubahan[-1], (*path, "perubahan", len(p.perubahan) - 1))
    if p.diundangkan is not None:
        return None
    if p.tentang is not None:
        return (*path, "tentang")
    return (*path, "nomor") if p.tahun is None else None


_last: list = [None, ()]
"""The last decree walked and its texts: each rule reading the printed text walks it once."""


def teks_tercetak(keputusan: Keputusan) -> tuple[Teks, ...]:
    """Every printed text of the decree, from the title to the last Lampiran, in order."""
    if _last[0] is not keputusan:
        _last[:] = [keputusan, tuple(_texts(keputusan))]
    return _last[1]


def _texts(keputusan: Keputusan) -> Iterator[Teks]:
    as_typed = keputusan.pengaturan.tanda_baca_konsiderans == "seperti_ditulis"
    closed: set[tuple] = set()
    for field in _CLOSED_LISTS:
        for i, item in enumerate(getattr(keputusan, field)):
            if isinstance(item, Peraturan):
                last = _last_printed(item, (field, i))
                if last is not None:
                    closed.add(last)
            elif not as_typed:
                closed.add((field, i))
    if keputusan.menimbang_penutup and not as_typed:
        closed.add(("menimbang_penutup",))
    out: list[Teks] = []
    for name in _text_fields(Keputusan):
        if name not in _NOT_PRINTED:
            _walk(getattr(keputusan, name), (name,), out)
    for teks in out:
        yield teks._replace(ditutup=True) if teks.path in closed else teks
