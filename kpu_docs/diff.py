"""What changed between two decrees, part by part, for the person who reviews next year's draft.

Two layers, so that nothing in the data can change unseen:

- **The printed wording.** Each part (judul, kop, menimbang, ..., penutup, salinan, each
  Lampiran) as the lines it prints, citations and generated formulas included, compared line by
  line: a change in structure that prints the same is no change, a change of one word shows as
  that item, and a changed table row shows cell by cell.
- **The form.** Everything that is not printed text: settings (pengaturan), list numbering,
  signature forms, table widths and spans, the logo. Each such field that differs is reported
  with its path, in the notation of the error messages (`lampiran[1].isi[2].penomoran`).

Every text field prints in some part (tests/test_diff.py changes each one in turn), so the two
layers together see every field of the model.
"""

from __future__ import annotations

import datetime
import difflib
import json
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from kpu_docs import wording
from kpu_docs.errors import format_path
from kpu_docs.formatting import format_tanggal
from kpu_docs.models import Keputusan
from kpu_docs.models.lampiran import (
    Bagian,
    Blok,
    Daftar,
    DaftarMengingat,
    Judul,
    Paragraf,
    RincianNilai,
    TabelBlok,
    TabelKelompokBlok,
)
from kpu_docs.wording.punctuation import bare


@dataclass
class Beda:
    """One difference: the part, the kind (+ added, - removed, ~ changed), the texts before and
    after, and where in the part (a table cell, or the path of a field of form), if narrower."""

    bagian: str
    jenis: str
    lama: str | None
    baru: str | None
    letak: str | None = None

    def __str__(self) -> str:
        if self.jenis == "+":
            return f"[{self.bagian}] + {self.baru}"
        if self.jenis == "-":
            return f"[{self.bagian}] - {self.lama}"
        if self.letak:
            return f"[{self.bagian}] ~ {self.letak}: {self.lama} → {self.baru}"
        return f"[{self.bagian}] ~ {self.lama}\n{' ' * (len(self.bagian) + 3)}→ {self.baru}"

    def as_dict(self) -> dict[str, str | None]:
        """For `diff --json`."""
        return asdict(self)


class _Baris(str):
    """A table row as printed ("SDM | Pola Mutasi | September 2025"), which keeps its cells by
    column and its place, so that a changed row is reported cell by cell."""

    sel: tuple[tuple[str, str], ...]
    tempat: str

    def __new__(cls, sel: list[tuple[str, str]], tempat: str) -> _Baris:
        row = super().__new__(cls, " | ".join(text for _, text in sel))
        row.sel, row.tempat = tuple(sel), tempat
        return row


def _header(k: Keputusan) -> list[str]:
    lines = wording.judul_baris(k) + [k.jabatan_penetap]
    return lines + ([k.pembukaan] if k.pembukaan else [])


def _kop(k: Keputusan) -> list[str]:
    if k.kop is None:
        return []
    return [*k.kop.baris, *filter(None, [k.kop.alamat, wording.kontak_kop(k.kop)])]


def _penutup(k: Keputusan) -> list[str]:
    p, electronic, block = k.penutup, k.penutup.tanda_tangan_elektronik, wording.blok_penutup(k)
    lines = [f"Ditetapkan di {p.tempat}", f"pada tanggal {format_tanggal(p.tanggal)}", *block.atas, block.nama]
    lines += block.bawah
    if electronic:
        lines += [f"QR: {electronic.qr}", electronic.catatan_kaki]
    return lines


def _salinan(k: Keputusan) -> list[str]:
    s = k.salinan
    if s is None:
        return []
    return [s.unit, s.jabatan, s.nama] + [f"NIP {s.nip}"] * bool(s.nip)


def _diktum(k: Keputusan) -> list[str]:
    out = []
    for n, d in enumerate(k.diktum, start=1):
        out.append(f"{wording.label_diktum(n, k.pengaturan.gaya_diktum)}: {d.isi}")
        out += [f"    {line.label} : {line.nilai}" for line in d.rincian_nilai]
        out += [f"    {item}" for item in d.rincian]
    return out


class _Tables:
    """Counts the tables of a Lampiran, so that a row says which table it is in."""

    def __init__(self) -> None:
        self.count = 0

    def next(self) -> str:
        self.count += 1
        return f"tabel {self.count}"


def _blocks(k: Keputusan, blocks: list[Blok], tables: _Tables, depth: int = 0) -> list[str]:
    pad = "    " * depth
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Judul):
            out.append(f"{pad}{block.judul.upper()}")
        elif isinstance(block, Bagian):
            out.append(f"{pad}Bagian: {block.bagian}")
        elif isinstance(block, Paragraf):
            out.append(f"{pad}{block.paragraf}")
        elif isinstance(block, Daftar):
            for item in block.daftar:
                out.append(f"{pad}- {item.butir}")
                out += _blocks(k, item.isi, tables, depth + 1)
        elif isinstance(block, DaftarMengingat):
            out += [f"{pad}- {t}" for t in wording.kutipan_daftar(k.mengingat)]
        elif isinstance(block, RincianNilai):
            out += [f"{pad}{line.label} : {line.nilai}" for line in block.rincian_nilai]
        elif isinstance(block, TabelBlok):
            tabel, name = block.tabel, tables.next()
            out.append(f"{pad}Tabel: " + " | ".join(tabel.kolom))
            columns = tabel.kolom[1:] if tabel.nomor_urut else tabel.kolom
            rows: dict[int, list[tuple[str, str]]] = {}
            for r, c, sel in tabel.penempatan():
                rows.setdefault(r, []).append((columns[c], sel.teks))
            out += [_Baris(cells, f"{name}, baris {r}") for r, cells in rows.items()]
        elif isinstance(block, TabelKelompokBlok):
            kelompok, name = block.tabel_kelompok, tables.next()
            out.append(f"{pad}Tabel: " + " | ".join(kelompok.kolom))
            n = 0
            for g, group in enumerate(kelompok.kelompok, start=1):
                for row in group.baris:
                    n += 1
                    out.append(_Baris(list(zip(kelompok.kolom[1:], [group.nama, *row])), f"{name}, kelompok {g}, baris {n}"))
    return out


def parts(k: Keputusan) -> dict[str, list[str]]:
    """Each part of the decree as a list of printed items, in order."""
    out = {
        "kop": _kop(k),
        "judul": _header(k),
        # list punctuation follows position (";" then "."): an added item is not a change of the last
        "menimbang": [bare(t) for t in wording.menimbang_butir(k)],
        "mengingat": [bare(t) for t in wording.kutipan_daftar(k.mengingat)],
        "memperhatikan": [bare(t) for t in wording.kutipan_daftar(k.memperhatikan)],
        "menetapkan": [wording.menetapkan(k)],
        "diktum": _diktum(k),
        "disampaikan kepada": list(k.disampaikan_kepada),
        "penutup": _penutup(k),
        "tembusan": list(k.tembusan),
        "salinan": _salinan(k),
    }
    for i, lampiran in enumerate(k.lampiran, start=1):
        out[f"lampiran {i}"] = ([lampiran.judul.upper()] if lampiran.judul else []) + _blocks(k, lampiran.isi, _Tables())
    return out


def _printed(name: str, a: list[str], b: list[str]) -> Iterator[Beda]:
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        for old, new in _paired(a[i1:i2], b[j1:j2]):
            if old is None:
                yield Beda(name, "+", None, new)
            elif new is None:
                yield Beda(name, "-", old, None)
            else:
                yield from _changed(name, old, new)


def _paired(old: list[str], new: list[str]) -> list[tuple[str | None, str | None]]:
    """Items of a replaced stretch, each old one paired in order with the new one most like it
    (an edit), the rest added or removed: an inserted "a.n." line is an addition, not an edit of
    the position line that follows it. Stretches of equal length, and long ones (the search is
    quadratic), pair in order."""
    if len(old) == len(new) or len(old) * len(new) > 400:
        paired = min(len(old), len(new))
        return [*zip(old, new), *((item, None) for item in old[paired:]), *((None, item) for item in new[paired:])]
    out: list[tuple[str | None, str | None]] = []
    j = 0
    for item in old:
        ratios = [difflib.SequenceMatcher(a=item, b=candidate, autojunk=False).ratio() for candidate in new[j:]]
        best = max(range(len(ratios)), key=ratios.__getitem__, default=None)
        if best is None or ratios[best] < 0.5:
            out.append((item, None))
            continue
        out += [(None, added) for added in new[j:j + best]] + [(item, new[j + best])]
        j += best + 1
    return out + [(None, added) for added in new[j:]]


def _changed(name: str, old: str, new: str) -> Iterator[Beda]:
    """A changed item; a table row with the same columns, cell by cell."""
    if isinstance(old, _Baris) and isinstance(new, _Baris) and [c for c, _ in old.sel] == [c for c, _ in new.sel]:
        for (column, a), (_, b) in zip(old.sel, new.sel):
            if a != b:
                yield Beda(name, "~", a, b, f"{new.tempat}, kolom {column}")
    else:
        yield Beda(name, "~", old, new)


# Fields of form: what prints no text of its own. Text fields are compared as printed; these
# numbers and dates by value only where their change did not print; everything else by value,
# and all of pengaturan (the font's name is text that never prints) and the number pattern.
_PRINTED_VALUES = {"tahun", "tanggal", "nilai"}
_ALL_FORM = {"pengaturan", "pola_nomor"}
_TITLE_FIELDS = {"nomor", "pola_nomor", "tahun", "tentang", "judul", "jabatan_penetap", "pembukaan", "instansi"}


def _is_choice(annotation: Any) -> bool:
    """A Literal field (or an optional one): its value is a setting, not text."""
    if get_origin(annotation) is Literal:
        return True
    return get_origin(annotation) is Union and any(get_origin(a) is Literal for a in get_args(annotation))


def _is_text(value: Any, annotation: Any) -> bool:
    """Text that prints: a string that is not a choice among fixed values."""
    return isinstance(value, str) and not _is_choice(annotation)


def _key(value: Any) -> str:
    return value.model_dump_json() if isinstance(value, BaseModel) else repr(value)


def _form(old: Any, new: Any, path: tuple = (), annotation: Any = None) -> Iterator[tuple[tuple, Any, Any, bool]]:
    """The fields of form that differ: (path, old, new, whether it may print). Lists are aligned
    first, so that an inserted item does not make every later one look changed; added and removed
    items print. A number or date that the wording may print (the year in "NOMOR 11 TAHUN 2025")
    is reported only where its part printed no difference (a number that carries its own year)."""
    if isinstance(old, BaseModel) and type(old) is type(new):
        for name, field in type(old).model_fields.items():
            yield from _form(getattr(old, name), getattr(new, name), (*path, name), field.annotation)
    elif (isinstance(old, list) and isinstance(new, list) and path[:1] != ("pengaturan",)
          and any(isinstance(x, (BaseModel, str, list)) for x in old + new)):  # a setting's list is one value
        matcher = difflib.SequenceMatcher(a=[_key(x) for x in old], b=[_key(x) for x in new], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "replace":
                for i, j in zip(range(i1, i2), range(j1, j2)):
                    yield from _form(old[i], new[j], (*path, j))
    elif old != new and not isinstance(old, BaseModel) and not isinstance(new, BaseModel):
        last = path[-1] if path else None
        if path[:1] and path[0] in _ALL_FORM:
            yield path, old, new, False
        elif not any(v is not None and _is_text(v, annotation) for v in (old, new)):
            values = [v for v in (old, new) if v is not None and not isinstance(v, bool)]
            may_print = last in _PRINTED_VALUES and all(isinstance(v, (int, float, datetime.date)) for v in values)
            yield path, old, new, may_print


def _part_of(path: tuple) -> str:
    head = path[0]
    if head == "lampiran" and len(path) > 1:
        return f"lampiran {path[1] + 1}"
    if head in _TITLE_FIELDS:
        return "judul"
    return {"logo": "kop", "disampaikan_kepada": "disampaikan kepada"}.get(head, head)


def _shown(value: Any) -> str:
    if value is None:
        return "(tidak ada)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (Path, datetime.date)):
        return str(value)
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def beda(old: Keputusan, new: Keputusan) -> list[Beda]:
    """The differences, part by part (printed wording, then form); empty when both are the same."""
    old_parts, new_parts = parts(old), parts(new)
    found: dict[str, list[Beda]] = {}
    for name in dict.fromkeys([*old_parts, *new_parts]):
        found[name] = list(_printed(name, old_parts.get(name, []), new_parts.get(name, [])))
    for path, a, b, may_print in _form(old, new):
        part = _part_of(path)
        if may_print and found.get(part):
            continue  # its change shows in the printed part
        found.setdefault(part, []).append(Beda(part, "~", _shown(a), _shown(b), format_path(path)))
    return [d for differences in found.values() for d in differences]


# --- for the terminal: the changed words, and repeated changes of a table column grouped -----

_WORD = re.compile(r"\s+|\w+|[^\w\s]")
CONTEXT = 6
"""Unchanged words kept on each side of a change; longer unchanged stretches are cut to "…"."""


def kata_berubah(lama: str, baru: str) -> list[tuple[str, str]]:
    """The new sentence as pieces: ("=", unchanged), ("-", deleted), ("+", inserted), with long
    unchanged stretches cut to their ends around "…": a 330-character Menimbang whose year
    changed reads "… Kota Mataram Tahun [-2025-]{+2026+};"."""
    a, b = _WORD.findall(lama), _WORD.findall(baru)
    opcodes = difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
    out: list[tuple[str, str]] = []
    for n, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag != "equal":
            if i2 > i1:
                out.append(("-", "".join(a[i1:i2])))
            if j2 > j1:
                out.append(("+", "".join(b[j1:j2])))
            continue
        words = b[j1:j2]
        keep_start = 0 if n == 0 else CONTEXT * 2  # tokens: a word and a space each
        keep_end = 0 if n == len(opcodes) - 1 else CONTEXT * 2
        if len(words) > keep_start + keep_end + 2:
            head = "".join(words[:keep_start])
            tail = "".join(words[len(words) - keep_end:] if keep_end else [])
            out.append(("=", f"{head}…{tail}"))
        else:
            out.append(("=", "".join(words)))
    return out


def perubahan_kata(lama: str, baru: str) -> tuple[tuple[str, str], ...]:
    """What a change does, without where: (deleted, inserted) for each changed stretch."""
    a, b = _WORD.findall(lama), _WORD.findall(baru)
    return tuple(("".join(a[i1:i2]), "".join(b[j1:j2]))
                 for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes() if tag != "equal")


_TABLE_CELL = re.compile(r"^(?P<tabel>tabel \d+), (?:kelompok \d+, )?baris \d+, kolom (?P<kolom>.+)$")


@dataclass
class Kelompok:
    """Changes of one table column that do the same (2025 → 2026) in several rows, shown once."""

    bagian: str
    letak: str
    baris: int
    perubahan: tuple[tuple[str, str], ...]

    def __str__(self) -> str:
        change = "; ".join(f"{old or '(kosong)'} → {new or '(kosong)'}" for old, new in self.perubahan)
        return f"[{self.bagian}] ~ {self.letak}: {self.baris} baris tabel: {change}"


def _group_key(d: Beda) -> tuple[str, str, str, tuple[tuple[str, str], ...]] | None:
    """(part, table, column, what changed) of a changed table cell; None for anything else."""
    cell = _TABLE_CELL.match(d.letak or "") if d.jenis == "~" and d.lama and d.baru else None
    return (d.bagian, cell["tabel"], cell["kolom"], perubahan_kata(d.lama or "", d.baru or "")) if cell else None


def dikelompokkan(differences: list[Beda]) -> list[Beda | Kelompok]:
    """The differences in order, a table column's cells that changed the same way in more than
    one row replaced, where the first of them was, by one Kelompok."""
    groups: dict[tuple, list[Beda]] = {}
    for d in differences:
        key = _group_key(d)
        if key:
            groups.setdefault(key, []).append(d)
    out: list[Beda | Kelompok] = []
    for d in differences:
        key = _group_key(d)
        members = groups[key] if key else [d]
        if len(members) == 1:
            out.append(d)
        elif key and members[0] is d:
            bagian, tabel, kolom, perubahan = key
            out.append(Kelompok(bagian, f"{tabel}, kolom {kolom}", len(members), perubahan))
    return out
