"""The title and the konsiderans: each consideration a "bahwa" clause, a closing Menimbang that
cites every earlier consideration, and the decree's name the same in its title, its closing
Menimbang and after Menetapkan.

Only text the data gives is checked: a generated closing Menimbang or Menetapkan is right by
construction. Nothing here imports kpu_docs.wording, which `check` does not load at start-up.
"""

from __future__ import annotations

import re

from kpu_docs.checks.aturan import Hasil, aturan
from kpu_docs.models import Keputusan


@aturan("menimbang-bahwa", "UU 12/2011 Lampiran II, Konsiderans: tiap pokok pikiran diawali dengan kata \"bahwa\"")
def _bahwa(keputusan: Keputusan) -> Hasil:
    for i, text in enumerate(keputusan.menimbang, start=1):
        if not text.lower().startswith("bahwa"):
            yield f"menimbang[{i}]", "setiap pertimbangan diawali kata \"bahwa\""


# -- the letters the closing Menimbang cites ------------------------------------------------

_RUJUKAN = re.compile(r"\bdimaksud\s+(?:dalam|pada|di)\s+(huruf\b.*?)(?=,?\s*(?:perlu|serta|untuk)\b|;|$)", re.I | re.S)
"""The reference of the closing formula: "dimaksud dalam huruf a, huruf b, dan huruf c", up to
"perlu" (or "serta"/"untuk", which start another ground with letters of their own)."""
_LETTER = re.compile(r"(sampai dengan|s\.\s?d\.?|s/d|hingga|[-\u2013])|\b(([a-z])\3{0,2})\b", re.I)
"""A range word, or a list letter as Word prints it: a ... z, aa ... zz, aaa ..."""


def _index(letter: str) -> int:
    """"a" -> 1, "z" -> 26, "aa" -> 27: the position a list letter stands for."""
    return (len(letter) - 1) * 26 + ord(letter[0].lower()) - ord("a") + 1


def _letter(index: int) -> str:
    repeat, rem = divmod(index - 1, 26)
    return chr(ord("a") + rem) * (repeat + 1)


def _rujukan(indices: list[int]) -> str:
    """"huruf a", "huruf a dan huruf b", "huruf a, huruf b, dan huruf c" (UU 12/2011 Lampiran II)."""
    refs = [f"huruf {_letter(i)}" for i in indices]
    return " dan ".join(refs) if len(refs) <= 2 else ", ".join(refs[:-1]) + ", dan " + refs[-1]


def cited_letters(text: str) -> list[int] | None:
    """The positions the closing Menimbang cites ("huruf a sampai dengan huruf c" is 1, 2, 3), in
    order; None when it cites no letter."""
    match = _RUJUKAN.search(text)
    if match is None:
        return None
    cited: list[int] = []
    in_range = False
    for token in _LETTER.finditer(match.group(1)):
        if token.group(1):
            in_range = bool(cited)
            continue
        index = _index(token.group(2))
        start = cited[-1] + 1 if in_range else index
        cited.extend(i for i in range(start, index + 1) if i not in cited)
        in_range = False
    return cited or None


@aturan("menimbang-huruf", "UU 12/2011 Lampiran II, Konsiderans: butir terakhir merujuk semua pertimbangan "
                           "sebelumnya (\"sebagaimana dimaksud dalam huruf a dan huruf b\")")
def _huruf(keputusan: Keputusan) -> Hasil:
    if not keputusan.menimbang_penutup:
        return
    cited = cited_letters(keputusan.menimbang_penutup)
    expected = list(range(1, len(keputusan.menimbang) + 1))
    if cited is not None and sorted(cited) != expected:
        yield "menimbang_penutup", (
            f"merujuk {_rujukan(cited)}, padahal pertimbangan sebelumnya {_rujukan(expected)}; "
            f"tulis \"sebagaimana dimaksud dalam {_rujukan(expected)}\"")


# -- the decree's name in its three places ----------------------------------------------------

_MARKUP = re.compile(r"/\{|\}/|\+\{|\}\+")
_GLOSS = re.compile(r"\([^()]*\)")
_WORD = re.compile(r"\w+")
_SUBJECT_AFTER_PERLU = re.compile(r"\bperlu\b.*?\btentang\b(.*)", re.I | re.S)
_SUBJECT = re.compile(r"\btentang\b(.*)", re.I | re.S)


def _words(text: str) -> list[str]:
    """The words of a name, without emphasis markers and glosses in brackets ("(Chief Information
    Officer)", "(WBK)"): a gloss added in one place is not a different name."""
    return _WORD.findall(_GLOSS.sub(" ", _MARKUP.sub("", text)))


def _subjects(keputusan: Keputusan) -> dict[str, list[str]]:
    """The decree's name (the words after "tentang") in each place the data gives it."""
    places = {"tentang": _words(keputusan.tentang or "")}
    closing = keputusan.menimbang_penutup and _SUBJECT_AFTER_PERLU.search(keputusan.menimbang_penutup)
    if closing:
        places["menimbang_penutup"] = _words(closing.group(1))
    menetapkan = keputusan.menetapkan and _SUBJECT.search(keputusan.menetapkan)
    if menetapkan:
        places["menetapkan"] = _words(menetapkan.group(1))
    return places


def _changes(old: list[str], new: list[str], most: int = 3) -> str:
    """What differs, word by word: '"Aksi" menjadi "KERJA"; "Bebas Korupsi" menjadi "BEBAS DARI
    KORUPSI"' (a word added or left out is shown between its neighbours)."""
    import difflib  # only when the names differ

    matcher = difflib.SequenceMatcher(a=[w.lower() for w in old], b=[w.lower() for w in new], autojunk=False)
    shown = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag != "replace":  # an insertion or a deletion: with the words either side
            i1, j1 = max(i1 - 1, 0), max(j1 - 1, 0)
            i2, j2 = min(i2 + 1, len(old)), min(j2 + 1, len(new))
        shown.append(f"\"{' '.join(old[i1:i2])}\" menjadi \"{' '.join(new[j1:j2])}\"")
    return "; ".join(shown[:most]) + ("; ..." if len(shown) > most else "")


@aturan("judul-seragam", "UU 12/2011 Lampiran II, Konsiderans dan Diktum: nama keputusan pada judul diulang sama "
                         "persis pada butir terakhir Menimbang dan setelah kata Menetapkan")
def _judul_seragam(keputusan: Keputusan) -> Hasil:
    if not keputusan.tentang:
        return
    places = _subjects(keputusan)
    judul = places.pop("tentang")
    differing = {place: words for place, words in places.items()
                 if [w.lower() for w in words] != [w.lower() for w in judul]}
    if not differing:
        return
    where = " dan ".join(f"{place} ({_changes(judul, words)})" for place, words in differing.items())
    lokasi = next(iter(differing)) if len(differing) == 1 else "tentang"
    yield lokasi, f"nama keputusan pada judul (tentang) berbeda dengan {where}; tuliskan sama di ketiga tempat"
