"""A citation sentence back into Peraturan data, kept only when it prints back word for word.

The renderer composes a citation from its parts (kpu_docs.wording.kutipan); importing runs that
composition backwards. The rule that keeps the importer honest: a parse is accepted only if
kutipan() of the result reproduces the text exactly. Anything else stays free text, so an import
never rewrites a citation it did not understand.
"""

from __future__ import annotations

import difflib
import re

from pydantic import ValidationError

from kpu_docs.models import Peraturan
from kpu_docs.wording import kutipan
from kpu_docs.wording.punctuation import bare

_ONCE = " sebagaimana telah diubah dengan "
_MAX_SPLITS = 6
_SEVERAL = " sebagaimana telah beberapa kali diubah terakhir dengan "

_IDENTITY = re.compile(
    r"^(?P<jenis>[A-Z].*?) Nomor (?P<nomor>\S*\d\S*)(?: Tahun (?P<tahun>\d{4}))? tentang (?P<tentang>\S.*?)"
    r"(?: \((?P<pub>(?:Lembaran|Berita) [^()]*)\))?$",
    re.S,
)
_NEGARA = re.compile(
    r"^(?P<media>Lembaran|Berita) Negara Republik Indonesia Tahun (?P<tahun>\d{4}) Nomor (?P<nomor>[^\s,]+)"
    r"(?:, Tambahan Lembaran Negara Republik Indonesia Nomor (?P<tambahan>\S+))?$"
)
_DAERAH = re.compile(
    r"^(?P<media>Lembaran|Berita) Daerah (?P<wilayah>\S.*?) Tahun (?P<tahun>\d{4}) Nomor (?P<nomor>[^\s,]+)"
    r"(?:, Tambahan Lembaran Daerah (?P=wilayah) Nomor (?P<tambahan>\S+))?$"
)


def parse_citation(text: str, normalise: bool = False) -> dict | str:
    """Peraturan data for a standard citation sentence, or the text itself (closing ";"/"." stripped).

    With `normalise`, hand-typed variants ("Undang-undang", "tahun 2014", "beberapa diubah", missing
    spaces, misspelt publication words) are corrected first; the corrected text must round-trip.
    """
    text = bare(" ".join(text.split()))
    candidate = normalise_citation(text) if normalise else text
    parsed = _parse(candidate)
    return parsed if parsed is not None else text


def _parse(text: str) -> dict | None:
    """Structured data whose citation prints exactly `text`, or None."""
    if " Nomor " not in text or " tentang " not in text:
        return None
    for data in _candidates(text):
        try:
            if kutipan(Peraturan(**data)) == text:
                return data
        except (ValidationError, TypeError, ValueError):
            continue
    return None


def _candidates(text: str):
    """Every reading of `text` worth checking: split at each amendment clause first, then as one
    regulation (a subject swallowing the clause would also print back, but wrongly)."""
    for marker, several in ((_SEVERAL, True), (_ONCE, False)):
        start = 0
        while (pos := text.find(marker, start)) != -1:
            start = pos + 1
            base = _parse(text[:pos])
            if base is None or base.get("perubahan"):
                continue
            rest = text[pos + len(marker):]
            amendments = [rest] if several else list(_amendment_lists(rest))
            for parts in amendments:
                parts = [parts] if isinstance(parts, str) else parts
                parsed = [_parse(p) for p in parts]
                if any(p is None for p in parsed):
                    continue
                data = {**base, "perubahan": parsed}
                if several:
                    data["beberapa_kali"] = True
                elif len(parsed) > 1:
                    data["beberapa_kali"] = False
                yield data
    single = _identity(text)
    if single is not None:
        yield single


def _amendment_lists(text: str) -> list[list[str]]:
    """Ways to read "A, dan B, dan C" as amendments, the most amendments first: the split at
    ", dan <Jenis> Nomor" is the grammar of the clause; a subject containing it is the rarer case."""
    readings = [[text]]
    splits = list(re.finditer(r", dan (?=[A-Z]\S*.*? Nomor )", text))
    if len(splits) > _MAX_SPLITS:  # too many to try every combination: all or nothing
        return [re.split(r", dan (?=[A-Z]\S*.*? Nomor )", text), [text]]
    for m in splits:
        head, tail = text[: m.start()], text[m.end():]
        readings += [[head, *rest] for rest in _amendment_lists(tail)]
    return sorted(readings, key=len, reverse=True)


def _identity(text: str) -> dict | None:
    m = _IDENTITY.match(text)
    if not m:
        return None
    data: dict = {"jenis": m["jenis"], "nomor": m["nomor"]}
    if m["tahun"]:
        data["tahun"] = int(m["tahun"])
    data["tentang"] = m["tentang"]
    if m["pub"]:
        pub = _publication(m["pub"])
        if pub is None:
            # "(Lembaran ...)" that is not a publication: it belongs to the subject
            data["tentang"] = f"{m['tentang']} ({m['pub']})"
        else:
            data["diundangkan"] = pub
    return data


def _publication(text: str) -> dict | None:
    m = _NEGARA.match(text)
    wilayah = None
    if m is None:
        m = _DAERAH.match(text)
        if m is None:
            return None
        wilayah = m["wilayah"]
    media = "lembaran" if m["media"] == "Lembaran" else "berita"
    data: dict = {
        "dalam": f"{media}_{'daerah' if wilayah else 'negara'}",
        "tahun": int(m["tahun"]),
        "nomor": m["nomor"],
    }
    if m["tambahan"]:
        data["tambahan"] = m["tambahan"]
    if wilayah:
        data["wilayah"] = wilayah
    return data


# --- normalising hand-typed citations -------------------------------------------------------

_PUBLICATION_WORDS = ("Lembaran", "Negara", "Republik", "Indonesia", "Tambahan", "Berita", "Daerah", "Tahun", "Nomor")


def _fix_publication_words(match: re.Match) -> str:
    """Inside a "(Lembaran ...)" or "(Berita ...)" group, snap misspelt fixed words to their spelling."""
    words = []
    for word in re.sub(r"\s*,\s*", ", ", match.group(0)).split(" "):
        core = word.strip("(),")
        if core.isalpha() and core not in _PUBLICATION_WORDS:
            close = difflib.get_close_matches(core, _PUBLICATION_WORDS, n=1, cutoff=0.8)
            if close:
                word = word.replace(core, close[0])
        words.append(word)
    return " ".join(words)


def normalise_citation(text: str) -> str:
    """Correct what typists and OCR commonly get wrong in a citation, leaving the wording alone."""
    t = " ".join(text.split())
    # the kind of a cited law, before its number; elsewhere ("Undang Undang 1950 Nomor 12" in a
    # subject) the words are the cited title's own and stay as written
    t = re.sub(r"\bundang[\s-]*undang\b(?=\s*(?:Nomor|NOMOR|nomor)\b)", "Undang-Undang", t, flags=re.I)
    t = re.sub(r"\bNomor(?=\d)", "Nomor ", t, flags=re.I)
    t = re.sub(r"\bTahun(?=\d)", "Tahun ", t, flags=re.I)
    t = re.sub(r"(?<=\d)(tentang|Tahun|Nomor)\b", r" \1", t, flags=re.I)
    t = re.sub(r"\b(?:nomor|NOMOR)(?= \S*\d)", "Nomor", t)
    t = re.sub(r"\b(?:tahun|TAHUN)(?= \d{4}\b)", "Tahun", t)
    # a list number displaced by OCR into the year: "Tahun 7. 2020"
    t = re.sub(r"\bTahun \d{1,2}\. (?=\d{4}\b)", "Tahun ", t)
    t = re.sub(r"(?<=\d) (?:Tentang|TENTANG) ", " tentang ", t)
    t = re.sub(r"\)(?=sebagaimana)", ") ", t)
    t = re.sub(r"(?<=\S)\((?=(?:Lembaran|Berita)\b)", " (", t)
    t = re.sub(r"\( ", "(", t)
    t = re.sub(r" \)", ")", t)
    t = re.sub(r"\bsebagaimana telah beberapa(?: kali)? diubah(?: terakhir)? dengan\b",
               "sebagaimana telah beberapa kali diubah terakhir dengan", t, flags=re.I)
    t = re.sub(r"\bsebagaimana telah diubah dengan\b", "sebagaimana telah diubah dengan", t, flags=re.I)
    t = re.sub(r"\((?:[^()]*)\)", lambda m: _fix_publication_words(m) if re.match(r"\(\s*\w+\s+(?:Negara|Daerah)", m.group(0)) else m.group(0), t)
    return t
