"""The title block: KEPUTUSAN <INSTANSI> / NOMOR ... / TENTANG / <SUBJECT>, and the letterhead's
contact line above it."""

from kpu_docs.models import Keputusan, Kop
from kpu_docs.nomor.pola import nomor_bertahun
from kpu_docs.wording.emphasis import isolate


def judul_instansi(keputusan: Keputusan) -> str:
    """First title line, "KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA MATARAM"."""
    return f"KEPUTUSAN {keputusan.instansi.upper()}"


TITLE_LINE_CHARS = 46
"""The most capitals of the bold 12 pt title that a line of 16 cm holds with room to spare (in
Arial or Bookman Old Style): a longer title line is broken by kpu-docs, as a typist breaks it,
rather than wrapped by Word, which leaves a single word on the next line."""
REGION_WORDS = ("PROVINSI", "KABUPATEN", "KOTA", "KECAMATAN", "DESA", "KELURAHAN")
"""A title breaks before the region first: "KEPUTUSAN KOMISI PEMILIHAN UMUM / KABUPATEN BANDUNG BARAT"."""
UNIT_WORDS = ("UNIVERSITAS", "INSTITUT", "SEKOLAH", "POLITEKNIK", "LEMBAGA", "BADAN", "KOMISI", "DEWAN",
              "KEMENTERIAN", "DINAS", "SEKRETARIAT", "PENGADILAN", "BALAI", "PANITIA")
"""Then before the unit: "KEPUTUSAN KEPALA / LEMBAGA PENERBANGAN DAN ANTARIKSA NASIONAL"."""
_NEVER_LAST = frozenset({"DAN", "ATAU", "DI", "KE", "DARI", "UNTUK", "PADA", "ISLAM", *REGION_WORDS, *UNIT_WORDS})
"""Words a line never ends on: they belong with the word after them."""


def pisah_baris(line: str, paksa: list[str] | None = None, most: int = TITLE_LINE_CHARS) -> list[str]:
    """A centred title line as the lines a typist types: whole when it fits; else broken before
    each of `paksa` (the words the data says begin a line), or once, before the region, else
    before the unit, else where the two lines are most even, never leaving one word alone (a
    line too long for two: the first full, the rest broken again). Only a plain space is a place
    to break: a no-break space, or any other character, stays inside its word as typed."""
    words = line.split(" ")
    if paksa:
        starts = _starts(words, paksa)
        if starts:
            edges = [0, *starts, len(words)]
            return [" ".join(words[a:b]) for a, b in zip(edges, edges[1:])]
    if len(line) <= most or len(words) < 4:
        return [line]

    def fits(i: int) -> bool:
        first, rest = " ".join(words[:i]), " ".join(words[i:])
        return len(first) <= most and len(rest) <= most and len(words) - i >= 2 and words[i - 1] not in _NEVER_LAST

    def evenness(i: int) -> int:
        return abs(len(" ".join(words[:i])) - len(" ".join(words[i:])))

    candidates = range(2, len(words) - 1)
    for preferred in (REGION_WORDS, UNIT_WORDS):
        breaks = [i for i in candidates if words[i] in preferred and fits(i)]
        if breaks:
            i = breaks[0]
            return [" ".join(words[:i]), " ".join(words[i:])]
    breaks = [i for i in candidates if fits(i)]
    if breaks:
        i = min(breaks, key=evenness)
        return [" ".join(words[:i]), " ".join(words[i:])]
    # too long for two lines: the first as full as it goes, the rest broken the same way
    full = [i for i in candidates if len(" ".join(words[:i])) <= most and words[i - 1] not in _NEVER_LAST]
    if not full:
        return [line]
    i = full[-1]
    return [" ".join(words[:i]), *pisah_baris(" ".join(words[i:]), most=most)]


def _starts(words: list[str], paksa: list[str]) -> list[int]:
    """Word indexes at which each forced line begins (in order; those not found are skipped)."""
    found: list[int] = []
    for phrase in paksa:
        wanted = phrase.upper().split(" ")
        for i in range(1, len(words) - len(wanted) + 1):
            if words[i:i + len(wanted)] == wanted and (not found or i > found[-1]):
                found.append(i)
                break
    return found


def nomor_judul(keputusan: Keputusan) -> str:
    """"NOMOR 11 TAHUN 2025" (or "Nomor : 11 Tahun 2025") for a plain number; a number that
    carries its year (45/PP.04.1-Kpt/5201/2025), or any string with "/", as given after the word.
    A pola_nomor decides by its {tahun}."""
    word, year = ("NOMOR", "TAHUN") if keputusan.pengaturan.bentuk_nomor == "NOMOR" else ("Nomor :", "Tahun")
    if nomor_bertahun(keputusan.nomor, keputusan.pola_nomor):
        return f"{word} {keputusan.nomor}"
    return f"{word} {keputusan.nomor} {year} {keputusan.tahun}"


def judul_baris(keputusan: Keputusan) -> list[str]:
    """All lines of the title block, in order, without closing punctuation."""
    lines = [*pisah_baris(judul_instansi(keputusan), keputusan.pengaturan.pisah_judul), nomor_judul(keputusan)]
    if keputusan.tentang:
        lines += (["TENTANG"] if keputusan.pengaturan.baris_tentang else []) + [keputusan.tentang.upper()]
    return lines


def kontak_kop(kop: Kop) -> str | None:
    """"Telepon ..., Faksimile ..., Laman ..., Pos-el ...": the letterhead's contact line, or None.
    Each value's emphasis markers pair within it (the line is composed of several fields)."""
    parts = [f"{label} {isolate(value)}" for label, value in (
        ("Telepon", kop.telepon), ("Faksimile", kop.faksimile), ("Laman", kop.laman), ("Pos-el", kop.pos_el)) if value]
    return ", ".join(parts) or None
