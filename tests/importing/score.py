"""How well an import matches a hand-checked gold file: field accuracy over a decree's parts.

A decree is scored on the fields a user checks first: nomor, tahun, tentang, the place and date of
enactment, the signatory's name, position and form of signature (a.n., u.b., Plt./Plh., position
below the name), and, for Menimbang, Mengingat, Memperhatikan, diktum, the distribution lists and
the Lampiran tables, the number of items and the text of each. Texts are compared as printed:
a Mengingat counts whether it was imported as a structured citation or as free text, if its
words are right. Whitespace, inline emphasis markers and an item's closing list punctuation do
not count; letter case counts only in running text (a title or name printed in capitals cannot
tell its case).

Items are matched by position: a bogus item early in a list makes every later one wrong, as it
makes every later "Diktum KESATU" reference point at the wrong item.

A partial gold (the opening of a decree, as an excerpt gives it) is scored only on the fields it
has; a list cut off by the end of the excerpt is scored on its whole items, not on its count.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from pydantic import ValidationError

from kpu_docs import wording
from kpu_docs.importing.konsiderans import keputusan_stub
from kpu_docs.models import Peraturan
from kpu_docs.wording import kutipan

LISTS = ("menimbang", "mengingat", "memperhatikan", "diktum", "disampaikan_kepada", "tembusan")
"""The lists scored by count and item text, in the order of the decree."""

_MARKUP = re.compile(r"/\{|\}/|\+\{|\}\+")
_CLOSING = re.compile(r"(?:\s*[;,.:]\s*(?:dan|atau)?)+$")
_ROW_NUMBER = re.compile(r"^(?:\d{1,3}|[IVXLC]+)\.?$")


@dataclass(frozen=True)
class Nilai:
    """One scored field: its name ("nomor", "mengingat[3]", "diktum: jumlah"), the gold text and
    the imported text (None where the import has nothing there)."""

    field: str
    expected: str
    got: str | None
    ok: bool


@dataclass
class Skor:
    """The scored fields of one decree."""

    fields: list[Nilai] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        """The share of fields right; 1.0 for a gold with nothing to score."""
        return sum(f.ok for f in self.fields) / len(self.fields) if self.fields else 1.0

    @property
    def wrong(self) -> list[Nilai]:
        return [f for f in self.fields if not f.ok]

    def add(self, name: str, expected: str, got: str | None, same) -> None:
        self.fields.append(Nilai(name, expected, got, got is not None and same(expected, got)))


def normal(text: str) -> str:
    """Text as compared: emphasis markers dropped, whitespace collapsed, closing punctuation off."""
    return _CLOSING.sub("", " ".join(_MARKUP.sub("", text).split()))


def _exact(a: str, b: str) -> bool:
    return normal(a) == normal(b)


def _caseless(a: str, b: str) -> bool:
    return normal(a).casefold() == normal(b).casefold()


def _citation(a: str, b: str) -> bool:
    """Citations as their words: "Undang-undang", "Undang- Undang" and "1994(Lembaran" cite what
    "Undang-Undang" and "1994 (Lembaran" do (the importer writes a citation it structures in the
    standard spelling and spacing); letters, digits and punctuation must all be there."""
    return re.sub(r"\s+", "", normal(a).casefold()) == re.sub(r"\s+", "", normal(b).casefold())


def citation_text(item: object) -> str:
    """A Mengingat or Memperhatikan item as it prints: a structured citation rendered, text as is."""
    if isinstance(item, dict):
        try:
            return kutipan(Peraturan(**item))
        except (ValidationError, TypeError, ValueError):
            return " ".join(str(v) for v in item.values())
    return str(item)


def diktum_text(item: object) -> str:
    """A diktum as it reads: its text, its sub-list items and its "label : value" lines, in order
    (list labels are generated, so they are not part of the text)."""
    if not isinstance(item, dict):
        return str(item)
    parts = [str(item.get("isi", ""))]
    parts += [normal(str(r)) for r in item.get("rincian", [])]
    parts += [f"{b.get('label', '')} : {b.get('nilai', '')}" for b in item.get("rincian_nilai", [])]
    return " ".join(parts)


def menimbang_items(data: dict, generate: bool = True) -> list[str] | None:
    """The Menimbang points as printed, the closing point (given, or generated where the data
    leaves it out and `generate`) last; None when the data has no Menimbang."""
    if "menimbang" not in data:
        return None
    points = [str(p) for p in data["menimbang"]]
    closing = data.get("menimbang_penutup")
    if closing is None and generate and data.get("instansi"):
        stub = keputusan_stub(instansi=data["instansi"], tentang=data.get("tentang"), menimbang=points)
        closing = wording.menimbang_penutup(stub)
    return points + ([closing] if closing else [])


def list_items(data: dict, name: str, complete: bool = True) -> list[str] | None:
    """The items of one scored list as text, or None when the data has no such list. A partial
    gold names its closing Menimbang point where its excerpt has one: none is generated for it."""
    if name == "menimbang":
        return menimbang_items(data, generate=complete)
    if name not in data:
        return None
    if name in ("mengingat", "memperhatikan"):
        return [citation_text(i) for i in data[name]]
    if name == "diktum":
        return [diktum_text(i) for i in data[name]]
    return [str(i) for i in data[name]]


def signature_form(signer: dict) -> str:
    """The form of a signature: a.n., u.b., Plt./Plh. and where the position stands, as one text."""
    parts = []
    if signer.get("atas_nama"):
        parts.append(f"a.n. {signer['atas_nama']}")
    if signer.get("untuk_beliau"):
        parts.append(f"u.b. {signer['untuk_beliau']}")
    if signer.get("status"):
        parts.append(str(signer["status"]))
    if signer.get("letak_jabatan", "atas") != "atas":
        parts.append(f"jabatan di {signer['letak_jabatan']}")
    return " | ".join(parts) or "langsung"


def _cells(row: list) -> list[str]:
    return [str(c.get("teks", "")) if isinstance(c, dict) else str(c) for c in row]


def _row_text(cells: list[str]) -> str:
    """A table row as compared: cells joined by " | ", a leading row number left out (the renderer
    numbers rows itself, and "I." and "1" number the same row)."""
    if cells and _ROW_NUMBER.match(cells[0].strip()):
        cells = cells[1:]
    return " | ".join(" ".join(c.split()) for c in cells)


def tables(data: dict) -> Iterator[tuple[str, list[str]]]:
    """Every table of every Lampiran, in order: its header and its rows as text."""
    for lampiran in data.get("lampiran", []) or []:
        yield from _tables_in(lampiran.get("isi", []))


def _tables_in(blocks: list) -> Iterator[tuple[str, list[str]]]:
    for block in blocks:
        if not isinstance(block, dict):
            continue
        if "tabel" in block:
            table = block["tabel"]
            header = " | ".join(" ".join(str(k).split()) for k in table.get("kolom", []))
            yield header, [_row_text(_cells(r)) for r in table.get("baris", [])]
        elif "tabel_kelompok" in block:
            table = block["tabel_kelompok"]
            rows = [_row_text([g["nama"], *map(str, r)]) for g in table.get("kelompok", []) for r in g.get("baris", [])]
            yield _row_text([str(k) for k in table.get("kolom", [])]), rows
        for item in block.get("daftar", []):
            if isinstance(item, dict):
                yield from _tables_in(item.get("isi", []))


def _text(value: object) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def score(gold: dict, got: dict, complete: bool = True, cut: Iterable[str] = ()) -> Skor:
    """Score imported data against gold data (both plain data as in a YAML file).

    complete: the gold is the whole decree, so a list it does not have must be absent from the
    import too (a rule line read as a Tembusan item counts against it); otherwise only the
    gold's own fields are scored. cut: lists the excerpt cuts off, scored without their count.
    """
    skor = Skor()
    cut = set(cut)
    for name, same in (("nomor", _exact), ("tahun", _exact), ("tentang", _caseless)):
        if name in gold:
            skor.add(name, str(gold[name]), _text(got.get(name)), same)
    gold_penutup, got_penutup = gold.get("penutup") or {}, got.get("penutup") or {}
    for name, same in (("tempat", _caseless), ("tanggal", _exact)):
        if name in gold_penutup:
            skor.add(f"penutup.{name}", _text(gold_penutup[name]) or "", _text(got_penutup.get(name)), same)
    if "penandatangan" in gold_penutup:
        want, have = gold_penutup["penandatangan"], got_penutup.get("penandatangan") or {}
        for name in ("nama", "jabatan"):
            skor.add(f"penandatangan.{name}", str(want.get(name, "")), _text(have.get(name)), _caseless)
        skor.add("penandatangan.bentuk", signature_form(want), signature_form(have) if have else None, _caseless)
    for name in LISTS:
        want_items = list_items(gold, name, complete)
        if want_items is None and not complete:
            continue
        want_items = want_items or []
        have_items = list_items(got, name) or []
        if name not in cut:
            skor.add(f"{name}: jumlah", str(len(want_items)), str(len(have_items)), _exact)
        same = {"tembusan": _caseless, "mengingat": _citation, "memperhatikan": _citation}.get(name, _exact)
        for i, text in enumerate(want_items):
            skor.add(f"{name}[{i + 1}]", text, have_items[i] if i < len(have_items) else None, same)
    if complete or "lampiran" in gold:
        want_tables, have_tables = list(tables(gold)), list(tables(got))
        skor.add("lampiran, tabel: jumlah", str(len(want_tables)), str(len(have_tables)), _exact)
        for t, (header, rows) in enumerate(want_tables, start=1):
            have_header, have_rows = have_tables[t - 1] if t <= len(have_tables) else (None, [])
            skor.add(f"tabel {t}: kolom", header, have_header, _caseless)
            skor.add(f"tabel {t}: jumlah baris", str(len(rows)), str(len(have_rows)), _exact)
            for r, row in enumerate(rows, start=1):
                skor.add(f"tabel {t} baris {r}", row, have_rows[r - 1] if r <= len(have_rows) else None, _exact)
    return skor
