"""Running-text capitalisation for words a decree prints only in capitals.

The title, the jabatan and the signatory's name are printed upper-case, but the data keeps them
as written in running text ("Komisi Pemilihan Umum Kota Mataram"). Where the same words occur
in mixed case elsewhere in the document, that casing is taken; otherwise it is guessed.
"""

from __future__ import annotations

import re
from functools import cached_property

PARTICLES = frozenset(
    "dan atau di ke dari yang untuk pada dalam tentang atas bagi oleh dengan serta sebagai "
    "terhadap kepada antara daripada sampai".split()
)
"""Words written in lower case inside a title (PUEBI), unless they open it."""

FIND_WORDS_MAX = 200
"""Words of a text in capitals whose running-text casing is looked up: a title is some tens; a
page of capitals taken for a title (a pattern of 150,000 words took 900 MB and 30 s to compile)
is only guessed."""

_ROMAN = re.compile(r"^[IVXLC]+$")
_ACRONYM = re.compile(r"\W*[A-Z][A-Z0-9]+\W*")
_TWO_CAPITALS = re.compile(r"[A-Z][A-Z0-9]")


def is_capitals(text: str) -> bool:
    """Whether the text has letters and they are (nearly) all capitals: a printed heading."""
    letters = list(filter(str.isalpha, text))
    if len(letters) < 2:
        return False
    upper = sum(map(str.isupper, letters))
    return upper / len(letters) >= 0.9


def mixed_case_texts(texts: list[str]) -> list[str]:
    """The texts that are running text, not headings in capitals."""
    return [t for t in texts if t and t != t.upper()]


def find_casing(capitals: str, texts: list[str]) -> str | None:
    """The first mixed-case occurrence of `capitals` (compared case-insensitively) in `texts`."""
    words = capitals.split()
    if not words or len(words) > FIND_WORDS_MAX:
        return None
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)", re.I)
    target = " ".join(words).upper()
    # one search through the texts joined by NUL, which no word of the pattern holds (else text by
    # text): no match spans two texts, and matches come in the same order
    for text in texts if "\0" in capitals else ["\0".join(texts)]:
        for match in pattern.finditer(text):
            found = " ".join(match.group(0).split())
            if found != found.upper() and found.upper() == target:
                return found
    return None


def acronyms(texts: list[str]) -> set[str]:
    """Words written in capitals inside running text (KPU, SDM, WBK): kept in capitals when guessing.

    Only short runs count: three or more capitalised words in a row are a heading run into the
    text (OCR joins columns), not acronyms.
    """
    found: set[str] = set()
    for text in mixed_case_texts(texts):
        if not _TWO_CAPITALS.search(text):
            continue  # no word of it can be an acronym
        words = text.split()
        caps = [bool(_ACRONYM.fullmatch(w)) for w in words]
        i = 0
        while i < len(words):
            if not caps[i]:
                i += 1
                continue
            j = i
            while j < len(words) and caps[j]:
                j += 1
            if j - i <= 2:
                found.update(re.sub(r"\W", "", w) for w in words[i:j])
            i = j
    return found


def _capitalise(word: str) -> str:
    """"UNDANG-UNDANG" -> "Undang-Undang", "KABUPATEN/KOTA" -> "Kabupaten/Kota", "MOCH." -> "Moch."."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0)[0].upper() + m.group(0)[1:].lower(), word)


def title_case(capitals: str, keep: set[str] | frozenset[str] = frozenset(), particles: bool = True) -> str:
    """A guess at running-text casing: words capitalised, particles lower case, acronyms kept."""
    out = []
    for i, word in enumerate(capitals.split()):
        core = word.strip("(),.;:\"'")
        if core and (core in keep or _ROMAN.match(core) and len(core) > 1 or any(c.isdigit() for c in core)):
            out.append(word)
        elif particles and i > 0 and word.lower() in PARTICLES:
            out.append(word.lower())
        else:
            out.append(_capitalise(word))
    return " ".join(out)


class Casing:
    """The running-text casing of one document's texts, each scan done once.

    A decree asks for the running-text form of its title, jabatan, names and units, and each
    question used to rescan every text of the document (its acronyms word by word).
    """

    def __init__(self, texts: list[str]):
        self.texts = texts
        self._found: dict[str, str | None] = {}

    @cached_property
    def mixed(self) -> list[str]:
        """The texts that are running text (mixed_case_texts)."""
        return mixed_case_texts(self.texts)

    @cached_property
    def acronyms(self) -> set[str]:
        return acronyms(self.mixed)

    def find(self, capitals: str) -> str | None:
        """The first mixed-case occurrence of `capitals` in the document (find_casing), each asked once:
        the same words come back (the jabatan of the decree, its signatory, the salinan)."""
        if capitals not in self._found:
            self._found[capitals] = find_casing(capitals, self.mixed)
        return self._found[capitals]

    def running_text(self, capitals: str, particles: bool = True) -> tuple[str, bool]:
        """Mixed-case form of `capitals` and whether it was found (True) or guessed (False)."""
        if capitals != capitals.upper():
            return capitals, True
        found = self.find(capitals)
        if found is not None:
            return found, True
        return title_case(capitals, self.acronyms, particles), False

    def name(self, capitals: str) -> str:
        """A person's name printed in capitals, in the casing found in the document or capitalised."""
        return self.running_text(capitals, particles=False)[0]
