"""References inside the decree: a diktum, a letter of a list or a Lampiran the decree does not have.

Only references whose referent is this decree are checked: in the diktum and the Lampiran,
"Diktum KEEMPAT" or "Lampiran II" followed by "Keputusan ini" or by nothing that names another
regulation ("Diktum KESATU Keputusan Komisi Pemilihan Umum Nomor 476 Tahun 2022" cites another
decree and passes); a letter where the list is known: "Diktum KESATU huruf d", "sebagaimana
dimaksud pada huruf d" inside a diktum's lettered sub-list (that list), or inside a Menimbang
(the Menimbang's own letters; its closing point is the rule menimbang-huruf's). In a decree
that amends or revokes another ("tentang Perubahan atas Keputusan ..."), and in a text that words
an amendment ("Ketentuan Diktum KEEMPAT diubah sehingga berbunyi"), the diktum and Lampiran named
are the other decree's unless followed by "Keputusan ini".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kpu_docs.checks.aturan import Hasil, aturan
from kpu_docs.checks.tercetak import Teks, teks_tercetak
from kpu_docs.models import Keputusan

_UNITS = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
          "sembilan": 9}
_ORDINAL = (r"(?:pertama|ke(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas)"
            r"(?:\s+(?:belas|puluh(?:\s+(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan))?))?)")
_JOIN = r"(?:\s*,\s*(?:dan\s+|atau\s+)?|\s+(?:dan|atau|sampai\s+dengan|hingga)\s+|\s*(?:s\.\s?d\.|s/d|[-\u2013])\s*)"
_DIKTUM = re.compile(rf"\bdiktum\s+({_ORDINAL}(?:{_JOIN}(?:diktum\s+)?{_ORDINAL})*)\b", re.I)
_ORDINAL_RE = re.compile(_ORDINAL, re.I)
_LETTER = "(?:" + "|".join(f"{c}{{1,3}}" for c in "abcdefghijklmnopqrstuvwxyz") + ")"
"""A list letter as Word prints it: a ... z, aa ... zz, aaa ..."""
_LETTERS = re.compile(rf"\s+huruf\s+({_LETTER}(?:{_JOIN}(?:huruf\s+)?{_LETTER})*)\b")
_NUMBERS = re.compile(rf"\s+angka\s+(\d+(?:{_JOIN}(?:angka\s+)?\d+)*)\b")
_LETTER_RE = re.compile(r"\b(([a-z])\2{0,2})\b")
_DIMAKSUD_HURUF = re.compile(r"\bdimaksud\s+(?:dalam|pada|di)(?=\s+huruf\s)", re.I)
_LAMPIRAN = re.compile(r"\b[Ll]ampiran(?:\s+([IVXL]+)\b)?")
_LAMPIRAN_OWN = re.compile(r"\b(?:tercantum|termuat|dimaksud|tersebut)\s+(?:dalam|pada|di)\s+$", re.I)
_LAMPIRAN_OWN_AFTER = re.compile(r"\s+(?:Keputusan\s+ini|yang\s+merupakan\s+bagian)\b", re.I)
"""An unnumbered Lampiran that is this decree's: "tercantum dalam Lampiran", "Lampiran Keputusan ini"."""
_OTHER = re.compile(r"\s*,?\s*(?:undang|peraturan|perpres|permen|pkpu|keputusan(?!\s+ini\b)|instruksi|surat|nota|"
                    r"pasal|ayat|berita\s+acara)", re.I)
"""What a reference continues with when its referent is another regulation or letter, or a part
of one ("huruf c Pasal 18 Undang-Undang ...")."""
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
_PERUBAHAN = re.compile(r"^\s*(?:perubahan|pencabutan)\b", re.I)
"""The title of a decree that amends or revokes another: its diktum speak of the other's parts."""
_MENGUBAH = re.compile(r"\b(?:diubah|dihapus|disisipkan|dicabut|berbunyi)\b", re.I)
"""Words of an amendment: "Ketentuan Diktum KEEMPAT diubah sehingga berbunyi ..."."""
_KEPUTUSAN_INI = re.compile(r"\s*,?\s*Keputusan\s+ini\b", re.I)


def diktum_ke(label: str) -> int:
    """The position an ordinal names: "KESATU" 1, "KEEMPAT" 4, "KEDUA BELAS" 12, "KEDUA PULUH
    SATU" 21 (the labels kpu_docs.formatting.ordinal_diktum prints; "PERTAMA" is 1)."""
    words = label.lower().split()
    if words[0] == "pertama":
        return 1
    first = words[0][2:]
    n = {"sepuluh": 10, "sebelas": 11}.get(first) or _UNITS[first]
    if len(words) > 1 and words[1] == "belas":
        return n + 10
    if len(words) > 1 and words[1] == "puluh":
        return n * 10 + (_UNITS[words[2]] if len(words) > 2 else 0)
    return n


def _roman(text: str) -> int:
    values = [_ROMAN[c] for c in text]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _huruf(index: int) -> str:
    repeat, rem = divmod(index - 1, 26)
    return chr(ord("a") + rem) * (repeat + 1)


def _index(letter: str) -> int:
    return (len(letter) - 1) * 26 + ord(letter[0]) - ord("a") + 1


def _letters(text: str) -> list[str]:
    return [m.group(1) for m in _LETTER_RE.finditer(text)]


def _in_body(keputusan: Keputusan) -> Iterator[Teks]:
    """The texts that refer to this decree's parts: the diktum and the Lampiran."""
    return (t for t in teks_tercetak(keputusan) if t.path[0] in ("diktum", "lampiran"))


def _amending(keputusan: Keputusan, text: str) -> bool:
    """Whether a text may speak of another decree's parts without naming it: in a decree that
    amends or revokes another, or in words of an amendment ("diubah sehingga berbunyi"). Such a
    text's references are checked only where they say "Keputusan ini"."""
    return bool(keputusan.tentang and _PERUBAHAN.match(keputusan.tentang)) or bool(_MENGUBAH.search(text))


_WORDS = {v: k for k, v in _UNITS.items()}


def _label(n: int) -> str:
    """A diktum's label for a message, "Diktum KEDUA BELAS", as kpu_docs.formatting.ordinal_diktum
    prints it for n < 100 (`check` does not import the number wording)."""
    if n < 10:
        words = _WORDS[n]
    elif n < 20:
        words = {10: "sepuluh", 11: "sebelas"}.get(n) or f"{_WORDS[n - 10]} belas"
    else:
        tens, unit = divmod(n, 10)
        words = f"{_WORDS[tens]} puluh" + (f" {_WORDS[unit]}" if unit else "")
    return f"Diktum KE{words.upper()}"


def _roman_of(n: int) -> str:
    out = ""
    for value, symbol in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out += symbol * count
    return out


def _diktum_refs(text: str, explicit: bool = False) -> Iterator[tuple[list[int], str, str]]:
    """(the diktum positions, the reference as written, the text after it) for each reference to
    this decree's diktum; `explicit`: only those followed by "Keputusan ini"."""
    for m in _DIKTUM.finditer(text):
        rest = text[m.end():]
        sub = _LETTERS.match(rest) or _NUMBERS.match(rest)
        after = rest[sub.end():] if sub else rest
        if _OTHER.match(after) or (explicit and not _KEPUTUSAN_INI.match(after)):
            continue
        yield [diktum_ke(o.group()) for o in _ORDINAL_RE.finditer(m.group(1))], m.group(), rest


@aturan("rujukan-diktum", "UU 12/2011 Lampiran II, Teknik Pengacuan: yang diacu adalah diktum, huruf atau angka "
                          "yang ada dalam keputusan")
def _rujukan_diktum(keputusan: Keputusan) -> Hasil:
    count = len(keputusan.diktum)
    for teks in _in_body(keputusan):
        if "iktum" not in teks.teks and "IKTUM" not in teks.teks:
            continue
        for positions, written, rest in _diktum_refs(teks.teks, explicit=_amending(keputusan, teks.teks)):
            missing = [n for n in positions if n > count]
            if missing:
                yield teks.lokasi, (f"merujuk \"{written}\", padahal keputusan ini hanya memiliki {count} diktum")
                continue
            if len(positions) != 1:
                continue
            diktum = keputusan.diktum[positions[0] - 1]
            if letters := _LETTERS.match(rest):
                cited = _letters(letters.group(1))
                size = len(diktum.rincian) if diktum.penomoran == "a." else 0
                if any(_index(letter) > size for letter in cited):
                    have = f"rincian huruf a sampai dengan huruf {_huruf(size)}" if size > 1 else (
                        "rincian huruf a" if size else "rincian berhuruf")
                    yield teks.lokasi, (f"merujuk \"{written}{letters.group()}\", padahal {written} "
                                        f"{'hanya memiliki' if size else 'tidak memiliki'} {have}")
            elif numbers := _NUMBERS.match(rest):
                cited_n = [int(n) for n in re.findall(r"\d+", numbers.group(1))]
                size = len(diktum.rincian) if diktum.penomoran == "1." else 0
                if any(n > size or n < 1 for n in cited_n):
                    have = f"rincian angka 1 sampai dengan angka {size}" if size > 1 else (
                        "rincian angka 1" if size else "rincian bernomor")
                    yield teks.lokasi, (f"merujuk \"{written}{numbers.group()}\", padahal {written} "
                                        f"{'hanya memiliki' if size else 'tidak memiliki'} {have}")


def _own_letters(text: str) -> Iterator[tuple[list[str], str]]:
    """The letters a text cites of its own list ("sebagaimana dimaksud pada huruf a dan huruf b"),
    with the reference as written; a letter of another regulation's article passes."""
    for m in _DIMAKSUD_HURUF.finditer(text):
        letters = _LETTERS.match(text, m.end())
        if letters and not _OTHER.match(text[letters.end():]):
            yield _letters(letters.group(1)), letters.group().strip()


@aturan("rujukan-huruf", "UU 12/2011 Lampiran II, Teknik Pengacuan: \"sebagaimana dimaksud pada huruf ...\" "
                         "merujuk huruf yang ada dalam daftar itu")
def _rujukan_huruf(keputusan: Keputusan) -> Hasil:
    points = len(keputusan.menimbang) + (1 if keputusan.menimbang_penutup != "" else 0)
    if points > 1:  # a single consideration has no letter
        for i, text in enumerate(keputusan.menimbang, start=1):
            for cited, written in _own_letters(text):
                if any(_index(letter) > points for letter in cited):
                    yield f"menimbang[{i}]", (f"merujuk \"{written}\", padahal Menimbang hanya sampai dengan huruf "
                                              f"{_huruf(points)}")
    for d, diktum in enumerate(keputusan.diktum, start=1):
        if diktum.penomoran != "a." or not diktum.rincian:
            continue
        for r, text in enumerate(diktum.rincian, start=1):
            if _amending(keputusan, text):
                continue
            for cited, written in _own_letters(text):
                if any(_index(letter) > len(diktum.rincian) for letter in cited):
                    yield f"diktum[{d}].rincian[{r}]", (
                        f"merujuk \"{written}\", padahal rincian {_label(d)} hanya sampai dengan huruf "
                        f"{_huruf(len(diktum.rincian))}")


@aturan("rujukan-lampiran", "UU 12/2011 Lampiran II, Lampiran dan Teknik Pengacuan: lampiran yang dirujuk batang "
                            "tubuh ada, dan bila lebih dari satu diberi nomor urut angka Romawi")
def _rujukan_lampiran(keputusan: Keputusan) -> Hasil:
    count = len(keputusan.lampiran)
    have = "tidak memiliki lampiran" if count == 0 else (
        "hanya memiliki satu lampiran (LAMPIRAN, tanpa nomor)" if count == 1 else f"hanya memiliki {count} lampiran "
                                                                                  f"(LAMPIRAN I sampai dengan "
                                                                                  f"LAMPIRAN {_roman_of(count)})")
    for teks in _in_body(keputusan):
        text = teks.teks
        if "ampiran" not in text:
            continue
        explicit = _amending(keputusan, text)
        for m in _LAMPIRAN.finditer(text):
            rest = text[m.end():]
            if _OTHER.match(rest) or (explicit and not _KEPUTUSAN_INI.match(rest)):
                continue
            if m.group(1):
                n = _roman(m.group(1))
                if n > count:
                    yield teks.lokasi, f"merujuk \"{m.group()}\", padahal keputusan ini {have}"
            elif count == 0 and (_LAMPIRAN_OWN.search(text[:m.start()]) or _LAMPIRAN_OWN_AFTER.match(text[m.end():])):
                yield teks.lokasi, f"merujuk \"{m.group()}\", padahal keputusan ini {have}"
