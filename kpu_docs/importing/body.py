"""A Lampiran body as nested blocks: titles, sections, paragraphs, lists with items holding blocks.

Both readers (our own .docx and hand-written text) first produce lists in a working form that
remembers each list's label kind; `finish` then turns that into model data, writing `penomoran`
only where the labels differ from the default for the list's depth, as the renderer chooses it.
"""

from __future__ import annotations

from kpu_docs.models import Peraturan
from kpu_docs.models.lampiran import penomoran_bawaan
from kpu_docs.wording import kutipan_daftar

KIND = "_kind"
"""Working key of a list: its labels, one of HIERARKI_PENOMORAN."""
KEY = "_key"
"""Working key of a list: what tells two adjacent lists apart (the Word list instance)."""


def new_list(kind: str, key: object = None) -> dict:
    """A list block in working form."""
    return {"daftar": [], KIND: kind, KEY: key}


def new_item(text: str) -> dict:
    """A list item in working form (blocks under it go to its "isi")."""
    return {"butir": text, "isi": []}


def finish(blocks: list[dict], mengingat: list | None = None) -> list[dict]:
    """Model data from working blocks: penomoran where needed, items without blocks as plain text,
    and a list that repeats the Mengingat citations word for word as {daftar_mengingat: true}."""
    return _finish(blocks, kutipan_daftar(mengingat) if mengingat else None, 0)


def _finish(blocks: list[dict], printed_mengingat: list | None, depth: int) -> list[dict]:
    """finish() at a depth, with the Mengingat list printed once for the whole body."""
    out = []
    for block in blocks:
        if "judul" in block:
            depth = 0
        elif "bagian" in block:
            depth = 1
        if "daftar" not in block:
            out.append(block)
            continue
        items = []
        for item in block["daftar"]:
            isi = _finish(item["isi"], printed_mengingat, depth + 1) if item["isi"] else []
            items.append({"butir": item["butir"], "isi": isi} if isi else item["butir"])
        default = penomoran_bawaan(depth)
        if (
            printed_mengingat is not None
            and block[KIND] == default
            and items == printed_mengingat
        ):
            out.append({"daftar_mengingat": True})
            continue
        result: dict = {"daftar": items}
        if block[KIND] != default:
            result["penomoran"] = block[KIND]
        out.append(result)
    return out


def mengingat_models(mengingat: list) -> list:
    """Imported Mengingat data as the models kutipan_daftar expects (citations as Peraturan)."""
    return [Peraturan(**m) if isinstance(m, dict) else m for m in mengingat]
