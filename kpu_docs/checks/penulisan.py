"""What a reviewer sees on the page before signing: a gap still to fill, a doubled mark.

Both rules read every printed field (kpu_docs.checks.tercetak), the citations, the diktum's
sub-lists, the closing, the tembusan and every paragraph, list and table cell of the Lampiran.

Decided on the ellipsis, which is also a legitimate mark:
- "[ISI ...]", "XXX"/"xxx" and a year "20XX" are gaps wherever they stand; "XXX" after "Bab",
  "Bagian" or "Lampiran" is the Roman numeral 30 and passes.
- "..." and "…" are a gap, except as the omission mark of a quotation: inside square brackets
  ("[...]") or inside quotation marks with other words ("“... tugas dan wewenang ...”"). A regulation's
  title never holds one, so in a citation it is always a gap.
- In a Lampiran, a run of four dots or more is the dotted line of a blank form, printed on purpose
  to be filled in by hand ("Nama : ..........."): it passes. Elsewhere it is a gap ("Rp.......").
- A Lampiran, or the part of one under a title (`judul`), named a form or a model ("FORMAT SURAT
  ...", "FORMULIR", "MODEL", "CONTOH", "BLANKO") prints a template on purpose: its "...", "…" and
  "XXX" pass. "[ISI ...]", kpu-docs' own mark of a value still to give, never does.
- Two dots (".." or ". .") are a doubled full stop, not an ellipsis: the punctuation rule reports them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kpu_docs.checks.aturan import Hasil, aturan
from kpu_docs.checks.tercetak import Teks, teks_tercetak
from kpu_docs.models import Keputusan
from kpu_docs.nomor.pola import NOMOR_KOSONG

_ISI = re.compile(r"\[\s*ISI\b[^\]\n]*\]", re.I)
_XXX = re.compile(r"\b(?:X{3,}|x{3,}|(?:19|20)[Xx]{2})\b")
_ROMAN_CONTEXT = re.compile(r"\b(?:bab|bagian|lampiran|jilid)\s+$", re.I)
"""Words after which "XXX" is a Roman numeral: "BAB XXX"."""
_DOTS = re.compile(r"…+(?:[ \u00a0]?\.)*|\.(?:[ \u00a0]?[.…])+")
"""A run of full stops or ellipsis characters, with at most one space between them."""
_ENCLOSED = re.compile(r"\[[^\[\]\n]*\]|\"[^\"\n]*\"|“[^”\n]*”|‘[^’\n]*’")
"""A span in square brackets or quotation marks, where an ellipsis marks an omission (not
between straight apostrophes, which "Jum'at" and "Qur'an" hold too)."""
_WORD = re.compile(r"\w")
_SUSPECT_GAP = re.compile(r"\[\s*isi|xx|…|\.[ \u00a0]?[.…]", re.I)
"""What every gap holds: one search passes most texts (a table's cells) at once."""


def _dots(run: str) -> int:
    return run.count(".") + 3 * run.count("…")


def _omission(text: str, start: int, end: int) -> bool:
    """Whether the ellipsis at text[start:end] marks an omission in a quotation."""
    for span in _ENCLOSED.finditer(text):
        if span.start() < start and end < span.end():
            if span.group().startswith("["):
                return not _ISI.fullmatch(span.group())
            inside = text[span.start() + 1:start] + text[end:span.end() - 1]
            return bool(_WORD.search(inside))
    return False


def _shown(text: str, start: int, end: int) -> str:
    """The gap with the word before it, as a reviewer would quote it: "sebesar Rp...."."""
    word = re.search(r"\w*$", text[max(0, start - 40):start])
    return f"{word.group() if word else ''}{text[start:end]}"


def tempat_isian(text: str, lampiran: bool = False, formulir: bool = False) -> list[str]:
    """The gaps left to fill in a printed text, as they read, in order: "[ISI NAMA]", "XXX",
    "Rp...". `lampiran`: the text stands in a Lampiran, where dotted lines of a form pass;
    `formulir`: in a form or model printed as a template, where only "[ISI ...]" is a gap."""
    if not _SUSPECT_GAP.search(text):
        return []
    found: list[tuple[int, str]] = [(m.start(), m.group()) for m in _ISI.finditer(text)]
    if formulir:
        return [gap for _, gap in found]
    for m in _XXX.finditer(text):
        if not (m.group() == "XXX" and _ROMAN_CONTEXT.search(text[:m.start()])):
            found.append((m.start(), m.group()))
    for m in _DOTS.finditer(text):
        dots = _dots(m.group())
        if dots < 3 or (lampiran and dots >= 4):
            continue
        if any(start <= m.start() < start + len(isi) for start, isi in found):  # "[ISI ...]"
            continue
        if not _omission(text, m.start(), m.end()):
            found.append((m.start(), _shown(text, m.start(), m.end())))
    return [gap for _, gap in sorted(found)]


def _printed(keputusan: Keputusan) -> Iterator[Teks]:
    for teks in teks_tercetak(keputusan):
        if teks.path == ("nomor",):  # "[ISI NOMOR]" in the number itself: the rule nomor-kosong
            teks = teks._replace(teks=teks.teks.replace(NOMOR_KOSONG, ""))
        yield teks


_FORMULIR = re.compile(r"\b(?:format|formulir|model|contoh|templat|blanko|spesimen)\b", re.I)


def _formulir(keputusan: Keputusan) -> set[tuple]:
    """The paths of the Lampiran, and of the parts of one after a title, that print a template:
    ("lampiran", 0) for a whole Lampiran, ("lampiran", 0, "isi", 3) for a block."""
    forms: set[tuple] = set()
    for i, lampiran in enumerate(keputusan.lampiran):
        if lampiran.judul and _FORMULIR.search(lampiran.judul):
            forms.add(("lampiran", i))
            continue
        under_form = False
        for j, blok in enumerate(lampiran.isi):
            judul = getattr(blok, "judul", None)
            if isinstance(judul, str):
                under_form = bool(_FORMULIR.search(judul))
            if under_form:
                forms.add(("lampiran", i, "isi", j))
    return forms


@aturan("tempat-isian", "Tata Naskah Dinas: naskah dinas ditandatangani setelah konsepnya lengkap dan diperiksa "
                        "(diparaf); tempat isian \"[ISI ...]\", \"...\" atau \"XXX\" tidak boleh tercetak")
def _tempat_isian(keputusan: Keputusan) -> Hasil:
    forms = _formulir(keputusan)
    for teks in _printed(keputusan):
        formulir = bool(forms) and (teks.path[:2] in forms or teks.path[:4] in forms)
        gaps = tempat_isian(teks.teks, lampiran=teks.path[0] == "lampiran", formulir=formulir)
        if gaps:
            shown = ", ".join(f"\"{gap}\"" for gap in dict.fromkeys(gaps))
            yield teks.lokasi, f"masih ada tempat isian {shown}; isi sebelum keputusan ditandatangani"


# -- doubled punctuation ------------------------------------------------------------------------

_DOUBLED = re.compile(r"[;,:][ \u00a0]?[;,:.](?![ \u00a0]?[.…])")
"""A comma, semicolon or colon followed by another mark: ";.", ";;", ",,", ", ;", "::". A full
stop followed by a comma or semicolon is an abbreviation's ("S.H., M.H.", "dll.;"): it passes."""
_TRAILING = ";.,:"
_SUSPECT_MARKS = re.compile(r"[;,:.][ \u00a0]?[;,:.]")
_BEFORE = re.compile(r"(?:[^\s;,:.]+ ?){0,2}$")
"""The (at most two) words before a mark, to show it where it stands."""


def _bare(text: str) -> str:
    """The text as the renderer closes it: without the closing punctuation typed (as
    kpu_docs.wording.punctuation.bare, which `check` does not import)."""
    return text.rstrip().rstrip(_TRAILING).rstrip()


def tanda_baca_ganda(text: str) -> list[str]:
    """The doubled marks in a printed text, each with the words before it: "Pemilihan Umum;."."""
    if not _SUSPECT_MARKS.search(text):
        return []
    found = [(m.start(), m.end()) for m in _DOUBLED.finditer(text)]
    found += [(m.start(), m.end()) for m in _DOTS.finditer(text) if m.group().count(".") == 2 and "…" not in m.group()]
    out = []
    for start, end in sorted(found):
        before = _BEFORE.search(text, max(0, start - 80), start)
        out.append(f"{before.group() if before else ''}{text[start:end]}")
    return out


@aturan("tanda-baca-ganda", "PUEBI/EYD Edisi V, Tanda Baca, dan UU 12/2011 Lampiran II, Ragam Bahasa: satu tanda "
                            "baca menutup satu bagian kalimat (\";.\", \";;\", \",,\", \"..\" adalah salah ketik)")
def _tanda_baca_ganda(keputusan: Keputusan) -> Hasil:
    for teks in teks_tercetak(keputusan):
        text = _bare(teks.teks) + ";" if teks.ditutup else teks.teks
        doubled = tanda_baca_ganda(text)
        if doubled:
            shown = ", ".join(f"\"{d}\"" for d in doubled)
            yield teks.lokasi, f"tanda baca ganda: {shown}; hapus salah satunya"
