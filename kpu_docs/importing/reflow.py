"""A decree whose line breaks were lost, broken into lines again at the words its parts begin with.

A web page's transcript or a JDIH database's text extraction often holds a whole page, or the
whole decree, on one line. The layout reader goes by lines, so such a line is broken before the
words that open a part (KEPUTUSAN, NOMOR, TENTANG, Menimbang, Mengingat, MEMUTUSKAN, KESATU :,
Ditetapkan di, ...), before a list label that follows an item's end ("; b. bahwa", ": 1. Undang-
Undang"), around the opening formula and an e-signature footer, and between the lines of the
signature. Nothing is removed: the pieces are the line's text, in order.
"""

from __future__ import annotations

import re

from kpu_docs.importing.konsiderans import DIKTUM_LABELS

FLAT_FROM = 300
"""A line longer than this, naming two or more parts of a decree, has lost its line breaks."""

_PARTS = re.compile(r"\b(?:Menimbang|Mengingat|Memperhatikan|Menetapkan|KEPUTUSAN|NOMOR|TENTANG)\b")
_DIKTUM = "|".join(sorted(DIKTUM_LABELS, key=len, reverse=True))
_POSITION = r"(?:KETUA|BUPATI|WALI ?KOTA|GUBERNUR|REKTOR|KEPALA|MENTERI|DIREKTUR|DEKAN|PRESIDEN)"

_TITLE = [re.compile(r"(?=\bKEPUTUSAN\b)"), re.compile(r"(?<=\S) (?=NOMOR\b)"), re.compile(r"(?<=\S) (?=TENTANG\b)")]
"""The title's lines: broken at their first occurrence only (the Menetapkan text repeats them)."""
_BREAKS = [
    re.compile(r"(?<=\S) (?=DENGAN RAHMAT TUHAN YANG MAHA ESA\b)"),
    re.compile(r"(?<=\bDENGAN RAHMAT TUHAN YANG MAHA ESA) "),
    re.compile(r"(?<=\S) (?=(?:Menimbang|Mengingat|Memperhatikan|Menetapkan)\s*(?::|(?:[a-z]|\d{1,2})\.\s|bahwa\b))"),
    re.compile(r"(?<=\S) (?=(?:M E M U T U S K A N|MEMUTUSKAN)\b)"),
    re.compile(r"(?<=\bM E M U T U S K A N) |(?<=\bMEMUTUSKAN) (?=Menetapkan)"),
    re.compile(r"(?<=[;:.]) (?=(?:[a-z]|\d{1,2})\.\s)"),
    re.compile(rf"(?<=[.;:]) (?=(?:{_DIKTUM})\s*:)"),
    re.compile(r"(?<=\S) (?=(?:Ditetapkan di\s*:?\s*[A-Z]|[Pp]ada [Tt]anggal\s*:?\s*\d))"),
    re.compile(r"(?<=\S) (?=Dokumen ini (?:telah )?ditandatangani secara elektronik\b)"),
    re.compile(r"(?<=\S) (?=(?:Tembusan\b|Salinan (?:sesuai|Keputusan)\b|LAMPIRAN\b))"),
]
_TOKEN = re.compile(r"\bToken\s*:\s*\S+", re.I)
_SIGNATURE_START = re.compile(r"[Pp]ada [Tt]anggal\s*:?\s*\d{1,2}\s+\w+\s+\d{4}")


def is_flat(text: str) -> bool:
    """Whether a line holds several parts of a decree: its breaks were lost."""
    return len(text) > FLAT_FROM and len(set(_PARTS.findall(text))) >= 2


def split(text: str) -> list[str]:
    """The line's pieces, broken where a decree's parts and list items begin."""
    cuts = {m.start() for pattern in _BREAKS for m in pattern.finditer(text)}
    cuts |= {m.start() for pattern in _TITLE if (m := pattern.search(text))}
    cuts |= {m.end() for m in _TOKEN.finditer(text)}  # after an e-signature footer's token
    cuts |= _jabatan_cut(text)
    cuts |= _signature_cuts(text)
    pieces, start = [], 0
    for cut in sorted(c for c in cuts if 0 < c < len(text)):
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p.strip()]


def _jabatan_cut(text: str) -> set[int]:
    """Before the enacting official's line: the last position word of the capitals before the first
    "Menimbang" ("... TAHUN 2018 KETUA KOMISI PEMILIHAN UMUM, Menimbang")."""
    m = re.search(r"\bMenimbang\b", text)
    if not m:
        return set()
    head = text[: m.start()]
    run = re.search(r"[A-Z0-9 ,./()&-]+$", head)
    if not run:
        return set()
    starts = [p.start() + run.start() for p in re.finditer(rf"\b{_POSITION}\b", run.group(0))]
    return {starts[-1]} if starts else set()


def _signature_cuts(text: str) -> set[int]:
    """In the signature after "pada tanggal <date>": after the date, after a line's closing comma,
    and around a mark left where an image stood ("REKTOR, ^ AAN JAELANI")."""
    m = _SIGNATURE_START.search(text)
    if not m:
        return set()
    cuts = {m.end()}
    tail = text[m.end():]
    cuts |= {m.end() + c.end() for c in re.finditer(r"[A-Z],(?= )", tail)}
    for c in re.finditer(r" [\^|#] ", tail):
        cuts |= {m.end() + c.start() + 1, m.end() + c.end() - 1}
    return cuts
