"""Mengingat and Memperhatikan: the order of the citations and where each cited regulation was
promulgated.

Order (UU 12/2011 Lampiran II, Dasar Hukum): by the hierarchy of legislation (Pasal 7 and 8),
and within one kind of regulation by date, the oldest first. A keputusan (of the President, a
minister, the KPU), an instruction or a circular is not in that hierarchy: it is never compared
with a regulation, only with earlier decisions of its own kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kpu_docs.checks.aturan import Hasil, aturan
from kpu_docs.models import Keputusan, Peraturan
from kpu_docs.models.dasar_hukum import DasarHukum

_FIELDS = ("mengingat", "memperhatikan")

_HIERARCHY = [
    (r"undang-undang dasar", 0),
    (r"ketetapan (majelis permusyawaratan rakyat|mpr)", 1),
    (r"(undang-undang|peraturan pemerintah pengganti undang-undang)\b", 2),
    (r"peraturan pemerintah\b", 3),
    (r"peraturan presiden\b", 4),
    # Perda and a governor's regulation share a level: regional decrees cite them in either order.
    (r"(peraturan daerah|qanun|peraturan gubernur)\b", 6),
    (r"peraturan (bupati|wali ?kota)\b", 7),
    (r"peraturan desa\b", 8),
    (r"peraturan\b", 5),  # a minister's, agency's or commission's (PKPU), Pasal 8 ayat (1)
]
_HIERARCHY_RE = [(re.compile(pattern, re.I), rank) for pattern, rank in _HIERARCHY]
_ARTICLE = re.compile(r"^(?:pasal|bab)\b.*?(?=\b(?:undang-undang|peraturan|ketetapan|keputusan)\b)", re.I | re.S)
"""A citation of an article first: "Pasal 18 ayat (6) Undang-Undang Dasar ..."."""
_FREE_CITATION = re.compile(r"^(?P<jenis>.+?)\s+Nomor\s*:?\s*(?P<nomor>[^\s,]+?),?\s+Tahun\s+(?P<tahun>\d{4})\b",
                            re.I | re.S)
"""A citation in free text: "Undang-Undang Nomor 32 Tahun 2004 tentang ..."."""
_YEAR_IN_NUMBER = re.compile(r"/((?:19|20)\d\d)$")
_KIND_SUFFIX = re.compile(r"\s+(republik indonesia|ri)$")


def _jenis(item: DasarHukum) -> str:
    """The kind as written: the structured jenis, or free text from its start."""
    return item.jenis if isinstance(item, Peraturan) else _ARTICLE.sub("", item)


def _nama(item: DasarHukum) -> str:
    """The kind of a citation, to name it in a message: "Peraturan Presiden RI"."""
    return re.split(r"\s+(?:Nomor|Tahun|tentang)\b", _jenis(item).strip(), maxsplit=1)[0][:80]


def _rank(item: DasarHukum) -> int | None:
    text = _jenis(item).lstrip()
    for pattern, rank in _HIERARCHY_RE:
        if pattern.match(text):
            return rank
    return None


@aturan("urutan-hierarki", "UU 12/2011 Pasal 7-8 dan Lampiran II, Dasar Hukum: dasar hukum disusun menurut "
                           "hierarki peraturan perundang-undangan (keputusan tidak termasuk hierarki)")
def _hierarki(keputusan: Keputusan) -> Hasil:
    for field in _FIELDS:
        ranked = [(i, r) for i, item in enumerate(getattr(keputusan, field), start=1)
                  if (r := _rank(item)) is not None]
        items = getattr(keputusan, field)
        for (j, before), (i, after) in zip(ranked, ranked[1:]):
            if after < before:
                yield f"{field}[{i}]", ("urutan tidak mengikuti hierarki peraturan perundang-undangan: "
                                        f"{_nama(items[i - 1])} dicantumkan sesudah {_nama(items[j - 1])} "
                                        f"({field}[{j}])")


def _dated(item: DasarHukum) -> tuple[str, str, int, int | None] | None:
    """(kind for comparing, citation as shown, year, number when it is a plain number), or None
    for a citation without a year."""
    if isinstance(item, Peraturan):
        jenis, nomor, tahun = item.jenis, item.nomor, item.tahun
    else:
        match = _FREE_CITATION.match(_ARTICLE.sub("", item).lstrip())
        if match is None:
            return None
        jenis, nomor, tahun = match["jenis"], match["nomor"], int(match["tahun"])
    shown = f"{jenis} Nomor {nomor}"
    if tahun is not None:
        shown += f" Tahun {tahun}"
    elif year := _YEAR_IN_NUMBER.search(nomor):  # 41/PER/M.KOMINFO/11/2007
        tahun = int(year.group(1))
    else:
        return None
    kind = _KIND_SUFFIX.sub("", " ".join(jenis.lower().replace("undang undang", "undang-undang").split()))
    return kind, shown, tahun, int(nomor) if nomor.isdigit() else None


def _older(tahun: int, nomor: int | None, than_tahun: int, than_nomor: int | None) -> bool:
    """Earlier by year, or in the same year by a smaller number (numbers run through a year)."""
    if tahun != than_tahun:
        return tahun < than_tahun
    return nomor is not None and than_nomor is not None and nomor < than_nomor


@aturan("urutan-kronologis", "UU 12/2011 Lampiran II, Dasar Hukum: peraturan yang setingkat disusun secara kronologis "
                             "berdasarkan saat pengundangan atau penetapannya (tahun, lalu nomor)")
def _kronologis(keputusan: Keputusan) -> Hasil:
    for field in _FIELDS:
        newest: dict[str, tuple[int, str, int, int | None]] = {}  # kind: the newest cited so far
        for i, item in enumerate(getattr(keputusan, field), start=1):
            dated = _dated(item)
            if dated is None:
                continue
            kind, shown, tahun, nomor = dated
            if kind in newest and _older(tahun, nomor, *newest[kind][2:]):
                j, shown_before = newest[kind][:2]
                yield f"{field}[{i}]", (f"{shown} lebih lama daripada {shown_before} ({field}[{j}]) tetapi "
                                        "dicantumkan sesudahnya; yang setingkat disusun dari yang terlama")
            else:
                newest[kind] = (i, shown, tahun, nomor)


# -- where a cited regulation was promulgated ---------------------------------------------------

_LEMBARAN_NEGARA = re.compile(r"^(undang-undang|peraturan pemerintah|peraturan presiden)", re.I)
_PENJELASAN = re.compile(r"^(undang-undang|peraturan pemerintah)\b", re.I)
"""Kinds with an elucidation (penjelasan), hence a Tambahan number: UU, Perppu, PP."""
_BERITA_NEGARA = re.compile(r"^peraturan (menteri|komisi|badan|lembaga|kepala|bawaslu)", re.I)
_LEMBARAN_DAERAH = re.compile(r"^(peraturan daerah|qanun)\b", re.I)
_BERITA_DAERAH = re.compile(r"^peraturan (gubernur|bupati|wali ?kota)\b", re.I)


def _promulgated(field: str, keputusan: Keputusan) -> Iterator[tuple[str, Peraturan]]:
    """Every structured citation of the field with its path, amendments included."""

    def walk(p: Peraturan, where: str) -> Iterator[tuple[str, Peraturan]]:
        yield where, p
        for n, amendment in enumerate(p.perubahan, start=1):
            yield from walk(amendment, f"{where}.perubahan[{n}]")

    for i, item in enumerate(getattr(keputusan, field), start=1):
        if isinstance(item, Peraturan):
            yield from walk(item, f"{field}[{i}]")


def _cited(keputusan: Keputusan) -> Iterator[tuple[str, Peraturan]]:
    for field in _FIELDS:
        yield from _promulgated(field, keputusan)


_UNDANGAN = "UU 12/2011 Bab IX Pengundangan"


@aturan("pengundangan-media", f"{_UNDANGAN}: UU, Perppu, PP dan Perpres dalam Lembaran Negara; peraturan menteri, "
                              "badan, lembaga dan komisi dalam Berita Negara; Perda dalam Lembaran Daerah; "
                              "peraturan kepala daerah dalam Berita Daerah")
def _media(keputusan: Keputusan) -> Hasil:
    expected = {"lembaran_negara": (_LEMBARAN_NEGARA, "Lembaran Negara"),
                "berita_negara": (_BERITA_NEGARA, "Berita Negara"),
                "lembaran_daerah": (_LEMBARAN_DAERAH, "Lembaran Daerah"),
                "berita_daerah": (_BERITA_DAERAH, "Berita Daerah")}
    for where, p in _cited(keputusan):
        if p.diundangkan is None:
            continue
        dalam = p.diundangkan.dalam
        for media, (kinds, name) in expected.items():
            if media != dalam and kinds.search(p.jenis) and not expected[dalam][0].search(p.jenis):
                yield where, f"{p.jenis} diundangkan dalam {name}, bukan {expected[dalam][1]}"


@aturan("tambahan-kosong", f"{_UNDANGAN}: penjelasan UU, Perppu dan PP dimuat dalam Tambahan Lembaran Negara, "
                           "yang nomornya ikut dikutip")
def _tambahan_kosong(keputusan: Keputusan) -> Hasil:
    for where, p in _cited(keputusan):
        d = p.diundangkan
        if d and d.dalam == "lembaran_negara" and not d.tambahan and _PENJELASAN.search(p.jenis):
            yield where, "nomor Tambahan Lembaran Negara belum diisi"


@aturan("tambahan-tanpa-penjelasan", f"{_UNDANGAN}: Tambahan Lembaran memuat penjelasan; Peraturan Presiden dan "
                                     "peraturan lain tanpa penjelasan tidak bernomor Tambahan")
def _tambahan_lebih(keputusan: Keputusan) -> Hasil:
    for where, p in _cited(keputusan):
        d = p.diundangkan
        if d and d.tambahan and not (_PENJELASAN.search(p.jenis) or _LEMBARAN_DAERAH.search(p.jenis)):
            media = "Lembaran Negara" if d.dalam == "lembaran_negara" else "Lembaran Daerah"
            yield where, (f"{p.jenis} tidak mempunyai Tambahan {media} (tidak berpenjelasan); "
                          f"periksa nomor tambahan {d.tambahan}")


_MEDIA_NAMES = {"lembaran_negara": "Lembaran Negara", "berita_negara": "Berita Negara",
                "lembaran_daerah": "Lembaran Daerah", "berita_daerah": "Berita Daerah"}
_TEXT_CITATION = re.compile(r"\bNomor\s*:?\s*(?P<nomor>[^\s,()]+?),?\s+Tahun\s+(?P<tahun>\d{4})\b", re.I)
_TEXT_PROMULGATION = re.compile(r"\((?P<media>(?:Lembaran|Berita)\s+(?:Negara|Daerah))\b[^()]*?\bTahun\s+"
                                r"(?P<tahun>\d{4})\b", re.I)


def _year_of(p: Peraturan) -> int | None:
    """The regulation's own year: its tahun, or the year its number string ends with."""
    if p.tahun is not None:
        return p.tahun
    year = _YEAR_IN_NUMBER.search(p.nomor)
    return int(year.group(1)) if year else None


def _free_text_promulgations(text: str) -> Iterator[tuple[str, int, str, int]]:
    """(citation as written, its year, the Lembaran or Berita, its year) for each promulgation in
    a free-text citation, paired with the citation just before it (an amendment has its own)."""
    last: tuple[str, int] | None = None
    tokens = sorted([*_TEXT_CITATION.finditer(text), *_TEXT_PROMULGATION.finditer(text)], key=lambda m: m.start())
    for m in tokens:
        if m.re is _TEXT_CITATION:
            last = (" ".join(m.group().split()), int(m["tahun"]))
        elif last is not None:
            yield last[0], last[1], " ".join(m["media"].split()), int(m["tahun"])
            last = None


@aturan("pengundangan-tahun", f"{_UNDANGAN}: peraturan diundangkan setelah ditetapkan, maka tahun Lembaran atau "
                              "Berita tidak mendahului tahun peraturan itu")
def _pengundangan_tahun(keputusan: Keputusan) -> Hasil:
    found = []
    for where, p in _cited(keputusan):
        year = _year_of(p)
        if p.diundangkan is not None and year is not None and p.diundangkan.tahun < year:
            media = _MEDIA_NAMES[p.diundangkan.dalam]
            shown = f"{p.jenis} Nomor {p.nomor}" + (f" Tahun {p.tahun}" if p.tahun is not None else "")
            found.append((where, f"{media} Tahun {p.diundangkan.tahun} lebih awal daripada tahun peraturannya sendiri "
                                 f"({shown}); periksa tahun {media} atau tahun peraturannya"))
    for field in _FIELDS:
        for i, item in enumerate(getattr(keputusan, field), start=1):
            if isinstance(item, str):
                for shown, year, media, promulgated in _free_text_promulgations(item):
                    if promulgated < year:
                        found.append((f"{field}[{i}]", f"{media} Tahun {promulgated} lebih awal daripada tahun "
                                                       f"peraturannya sendiri ({shown}); periksa tahun {media} "
                                                       "atau tahun peraturannya"))
    order = {f"{field}[{i}]": n for n, (field, i) in enumerate(
        (f, i) for f in _FIELDS for i in range(1, len(getattr(keputusan, f)) + 1))}
    found.sort(key=lambda item: order.get(item[0].split(".")[0], 0))
    yield from found
