"""Our own .docx read back exactly: the data kept in it, reconciled with what it now prints.

kpu-docs keeps a decree's data inside the .docx it renders (kpu_docs.word.source_data). Text
alone cannot give everything back (a title printed in capitals, a generated number column, a
name whose capitals differ from it), and a person may have edited the document in Word or
LibreOffice since. So the printed text is read as always (kpu_docx), and so is the text the
kept data prints today; where both readings agree, nobody changed that part and the kept value
is used; where they differ, the document was edited there and the reading of the document is
used. Lists are aligned item by item (an added Menimbang, a deleted table row), mappings key by
key, so an edit replaces the field it touched and nothing else.
"""

from __future__ import annotations

import datetime
import io
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from kpu_docs.errors import KpuDocsError
from kpu_docs.importing.tables import as_grouped, as_numbered
from kpu_docs.word.source_data import NAMESPACE, VERSION, data_of

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
_SIMILAR = 0.5
"""How alike (difflib's ratio) an edited list item must be to the item it replaces, to be read
as that item edited rather than one deleted and another added."""


@dataclass
class Kept:
    """The data kept in a .docx, and whether the file holds its Lampiran."""

    data: dict
    combined: bool


def kept_data(document: Document) -> Kept | None:
    """The data the renderer kept in the document, if it is there and readable."""
    for rel in document.part.rels.values():
        if rel.reltype != RT.CUSTOM_XML or rel.is_external:
            continue
        try:
            root = etree.fromstring(rel.target_part.blob, _PARSER)
        except (etree.XMLSyntaxError, ValueError):
            continue
        if root.tag != f"{{{NAMESPACE}}}keputusan":
            continue
        try:
            content = json.loads(root.text or "")
        except ValueError:
            return None
        if isinstance(content, dict) and content.get("versi") == VERSION and isinstance(content.get("data"), dict):
            return Kept(content["data"], bool(content.get("lampiran_di_berkas", True)))
    return None


def reconcile(document: Document) -> tuple[dict, list[str]] | None:
    """The document's data and notes: every part nobody edited as the kept data has it, every
    edited part as the document now reads. None when the document keeps no data.

    Kept data this version cannot use (not a valid decree) is noted, and the document is read
    from its text alone. The logo's path is never taken from the kept data.
    """
    from docx import Document as open_docx

    from kpu_docs.importing import kpu_docx
    from kpu_docs.loading import from_data
    from kpu_docs.word.document import render_packages

    found = kept_data(document)
    if found is None:
        return None
    # the one path a decree holds: a file from elsewhere must not make this machine read its files
    # (the logo is not imported from a .docx: its note says so)
    kept = {k: v for k, v in found.data.items() if k != "logo"}
    try:
        keputusan = from_data(kept)
        printed = render_packages(keputusan, combined=found.combined)[0]
        ours = _plain(data_of(keputusan))
        known = tuple(_texts(ours))
        base, base_notes = kpu_docx.read(open_docx(io.BytesIO(printed)), known)
    except (KpuDocsError, OSError, ValueError):
        data, notes = kpu_docx.read(document)
        return data, [*notes, "catatan: data yang tersimpan di berkas tidak dapat dipakai; semuanya dibaca dari teksnya"]
    theirs, notes = kpu_docx.read(document, known)
    merged = merge(ours, *_shaped(ours, base, theirs))
    try:
        from_data(merged)
    except KpuDocsError:
        return theirs, [*notes, "catatan: suntingan tidak dapat dipadukan dengan data yang tersimpan; semuanya dibaca dari teksnya"]
    remaining = Counter(base_notes)
    fresh = []
    for note in notes:  # what the kept data's own print gives too is no news about this document
        if remaining[note]:
            remaining[note] -= 1
        else:
            fresh.append(note)
    return merged, fresh


def _texts(value: Any) -> list[str]:
    """Every text of the data, in order."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []


def _shaped(ours: dict, base: dict, theirs: dict) -> tuple[dict, dict]:
    """The two readings in the shape of the kept data where the text alone cannot tell its shape:
    a closing Menimbang the reader cannot tell from the others (it is not the standard formula)
    is menimbang_penutup when the kept data has one."""
    if ours.get("menimbang_penutup") and not base.get("menimbang_penutup"):  # "" reads as: no closing Menimbang
        count = len(ours.get("menimbang", []))
        if len(base.get("menimbang", [])) == count + 1 and theirs.get("menimbang") and not theirs.get("menimbang_penutup"):
            base = {**base, "menimbang": base["menimbang"][:-1], "menimbang_penutup": base["menimbang"][-1]}
            theirs = {**theirs, "menimbang": theirs["menimbang"][:-1], "menimbang_penutup": theirs["menimbang"][-1]}
    lampiran = ours.get("lampiran", [])
    if lampiran and len(lampiran) == len(base.get("lampiran", [])) == len(theirs.get("lampiran", [])):
        shaped = [_title_in_body(*parts) for parts in zip(lampiran, base["lampiran"], theirs["lampiran"])]
        base = {**base, "lampiran": [b for b, _ in shaped]}
        theirs = {**theirs, "lampiran": [t for _, t in shaped]}
    return base, theirs


def _title_in_body(ours: dict, base: dict, theirs: dict) -> tuple[dict, dict]:
    """A Lampiran without a judul whose body opens with a title block prints like one with a
    judul: the readings' judul back into the body."""
    isi = ours.get("isi") or [{}]
    if "judul" in ours or not isinstance(isi[0], dict) or "judul" not in isi[0]:
        return base, theirs

    def moved(reading: dict) -> dict:
        if "judul" not in reading:
            return reading
        rest = {k: v for k, v in reading.items() if k != "judul"}
        return {**rest, "isi": [{"judul": reading["judul"]}, *reading.get("isi", [])]}

    return moved(base), moved(theirs)


def _plain(value: Any, key: str = "") -> Any:
    """File data as an import gives it: a date as a date (the only date fields are "tanggal")."""
    if isinstance(value, dict):
        return {k: _plain(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if key == "tanggal" and isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)


TEXT_KEYS = ("isi", "butir", "paragraf", "teks")
"""The key holding the text of a mapping that a file may also write as its text alone (a diktum,
a list item, a paragraph block, a table cell)."""


def merge(ours: Any, base: Any, theirs: Any) -> Any:
    """Three-way merge: `ours` the kept data, `base` the reading of what it prints, `theirs` the
    reading of the document. Unchanged reading: ours; changed: theirs, as finely as the shapes of
    the three allow."""
    if theirs == base:
        return ours
    if isinstance(ours, dict) and isinstance(base, str) and isinstance(theirs, str):
        key = next((k for k in TEXT_KEYS if isinstance(ours.get(k), str)), None)
        if key is not None:  # the reading's short form of a mapping: what it does not print stays
            return _merge_mappings(ours, {**ours, key: base}, {**ours, key: theirs})
    if isinstance(ours, dict) and isinstance(base, dict) and isinstance(theirs, dict):
        base, theirs = _table_kind(ours, base), _table_kind(ours, theirs)
        return _merge_mappings(ours, base, theirs)
    if isinstance(ours, list) and isinstance(base, list) and isinstance(theirs, list) and len(ours) == len(base):
        return _merge_lists(ours, base, theirs)
    return theirs


_READ_AS: dict[str, tuple[str, Callable[[dict], dict | None]]] = {
    "tabel": ("tabel_kelompok", as_numbered), "tabel_kelompok": ("tabel", as_grouped),
}
"""A table block's kind -> the other kind the same Word table may read as, and how to turn that
reading into this kind."""


def _table_kind(ours: dict, reading: dict) -> dict:
    """A reading of a table block in the kind of the kept block: a numbered table whose first
    cell spans rows prints as a grouped table does, and a grouped table of one-row groups as a
    numbered table, so the text reads them as the other kind. Left in the other kind, an edited
    cell in one would merge into a block with both keys (no block at all)."""
    kind = next((k for k in _READ_AS if k in ours), None)
    if kind is None:
        return reading
    other, convert = _READ_AS[kind]
    if other not in reading or kind in reading or not isinstance(reading[other], dict):
        return reading
    converted = convert(reading[other])
    if converted is None:
        return reading
    return {**{k: v for k, v in reading.items() if k != other}, kind: converted}


def _merge_mappings(ours: dict, base: dict, theirs: dict) -> dict:
    out: dict = {}
    for key in [*ours, *(k for k in theirs if k not in ours)]:
        if key in base and key not in theirs:
            continue  # printed before, no longer: removed
        if key not in theirs:
            out[key] = ours[key]  # never printed as a field of its own (a setting): kept
        elif key not in base:
            out[key] = theirs[key]  # newly printed
        elif key in ours:
            out[key] = merge(ours[key], base[key], theirs[key])
        elif theirs[key] != base[key]:
            out[key] = theirs[key]  # a default the print changed
    return out


def _merge_lists(ours: list, base: list, theirs: list) -> list:
    base_keys, their_keys = [_key(v) for v in base], [_key(v) for v in theirs]
    out: list = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, base_keys, their_keys, autojunk=False).get_opcodes():
        if tag == "equal":
            out += ours[i1:i2]
        elif tag == "insert":
            out += theirs[j1:j2]
        elif tag == "replace":
            out += _merge_replaced(ours[i1:i2], base[i1:i2], base_keys[i1:i2], theirs[j1:j2], their_keys[j1:j2])
    return out


def _merge_replaced(ours: list, base: list, base_keys: list[str], theirs: list, their_keys: list[str]) -> list:
    """Items of the document in place of some of the print's: each paired, in order, with the
    most alike printed item it may be an edit of; the others are added (or were deleted)."""
    out: list = []
    start = 0
    pairs: dict[int, int] = {}
    for i, key in enumerate(base_keys):
        best, best_ratio = None, _SIMILAR
        for j in range(start, len(theirs)):
            ratio = SequenceMatcher(None, key, their_keys[j], autojunk=False).ratio()
            if ratio > best_ratio:
                best, best_ratio = j, ratio
        if best is not None:
            pairs[best] = i
            start = best + 1
    for j, value in enumerate(theirs):
        paired = pairs.get(j)
        out.append(value if paired is None else merge(ours[paired], base[paired], value))
    return out
