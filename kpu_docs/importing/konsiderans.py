"""What the renderer generates in the konsiderans and the Menetapkan line, recognised on import.

The closing Menimbang ("bahwa berdasarkan pertimbangan ... perlu menetapkan Keputusan <instansi>
tentang <subject>") and the Menetapkan line are generated from the title. When a decree's own
text equals the generated one the data leaves it out; otherwise it keeps the decree's words.
The closing formula also carries the instansi and subject in running-text capitals, which the
title prints only in capitals.
"""

from __future__ import annotations

import re
from typing import Any

from kpu_docs import wording
from kpu_docs.formatting import ordinal_diktum
from kpu_docs.models import Keputusan

DIKTUM_LABELS = {ordinal_diktum(n): n for n in range(1, 101)} | {"PERTAMA": 1}
"""Diktum labels as printed, to their number: KESATU ... KESERATUS, and the older PERTAMA."""

_CLOSING = re.compile(
    r"^bahwa berdasarkan pertimbangan sebagaimana dimaksud (?:dalam|pada) (?P<refs>.+?), "
    r"perlu menetapkan Keputusan (?P<rest>.+)$",
    re.S | re.I,
)


def keputusan_stub(**fields: Any) -> Keputusan:
    """A Keputusan holding only the fields the wording functions read, to compute generated text."""
    base: dict[str, Any] = {"menimbang": [], "menimbang_penutup": None, "menetapkan": None, "tentang": None, "instansi": ""}
    return Keputusan.model_construct(**{**base, **fields})


def casing_from_closing(closing: str, instansi_caps: str, tentang_caps: str | None) -> tuple[str, str | None] | None:
    """Instansi and subject as the closing formula writes them, if it names exactly the title's."""
    m = _CLOSING.match(closing)
    if not m:
        return None
    rest = m["rest"]
    expected = instansi_caps + (f" TENTANG {tentang_caps}" if tentang_caps is not None else "")
    if rest.upper() != expected.upper() or len(rest) != len(expected):
        return None
    instansi = rest[: len(instansi_caps)]
    if tentang_caps is None:
        return instansi, None
    if not rest[len(instansi_caps):].startswith(" tentang "):
        return None
    return instansi, rest[len(instansi_caps) + len(" tentang "):]


def is_closing(text: str) -> bool:
    """Whether a Menimbang point is the closing formula ("bahwa berdasarkan pertimbangan ...")."""
    return bool(re.match(r"^bahwa berdasarkan pertimbangan\b", text, re.I))


def split_menimbang(points: list[str], instansi: str, tentang: str | None) -> tuple[list[str], str | None]:
    """The menimbang list and menimbang_penutup (None: the generated formula; "": none)."""
    if len(points) >= 2 and is_closing(points[-1]):
        stub = keputusan_stub(instansi=instansi, tentang=tentang, menimbang=points[:-1])
        closing = None if wording.menimbang_penutup(stub) == points[-1] else points[-1]
        return points[:-1], closing
    return points, ""


def menetapkan_field(text: str, instansi: str, tentang: str | None) -> str | None:
    """The menetapkan field: None when the text is what the title generates."""
    if text == wording.menetapkan(keputusan_stub(instansi=instansi, tentang=tentang)):
        return None
    return text
