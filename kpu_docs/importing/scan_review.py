"""What a person must check in a decree imported from a scan, field by field.

The OCR's unsure words (scan.Unsure) are found again in the imported data, so the review names
the field each one landed in (menimbang[2], penutup.tanggal) and not only its place on the page.
A field that could not be read is emptied and said to be unread, never kept as the OCR's guess:
the number when it does not have the shape of a decree number or was read with little confidence
(a hand-written number), the date of enactment when its year is not the decree's (a date stamp
read as "17 MAR 2618"), and a short field every word of which the OCR was unsure of (a name under
a stamp).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kpu_docs.checks import NOMOR_KOSONG
from kpu_docs.errors import format_path
from kpu_docs.importing.scan import UNREAD_BELOW, UNSURE_BELOW, PageNote, Repair, ScanReading, Unsure

_NUMBER_SHAPE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z./\-]*$")
_CONFUSED_DIGITS = re.compile(r"^(?=.*\d)(?=.*[IlOo])[\dIlOo]+$")
"""A part of a number that mixes digits with the letters OCR takes them for ("I1O" for a hand-written
110); a part like "057A" or "IV" is a number's own."""
"""A decree number: digits, letters, ".", "/" and "-", beginning with a digit or letter."""
SHORT_FIELD = 6
"""Words at most in a field that is unread when the OCR could hardly read any (a name, a place)."""
"""UNREAD_BELOW (scan): confidence under which a word is taken as not read at all: on the
corpus's scans, marks of a signature or stamp read as letters ("Tilas 2" for a name under a seal)
and hand-written digits; a typed word Tesseract doubts sits between it and UNSURE_BELOW."""
_LABEL = re.compile(r"^\(?\w{1,3}[.)]$")


@dataclass(frozen=True)
class Unread:
    """A field emptied because the scan could not be read there: what the OCR made of it, and why."""

    path: tuple
    read: str
    why: str


@dataclass(frozen=True)
class UnsureWord:
    """An unsure word and the field it landed in (None where it is in no field: a kop line)."""

    word: Unsure
    path: tuple | None


@dataclass
class ScanReview:
    """Everything to check in an imported scan, for the review file beside the YAML."""

    unread: list[Unread] = field(default_factory=list)
    unsure: list[UnsureWord] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    pages: list[PageNote] = field(default_factory=list)

    def notes(self) -> list[str]:
        """One line per unread field, for the import's list of what could not be read."""
        return [f"{format_path(u.path)}: tidak terbaca pada pindaian ({u.why}; terbaca: {u.read!r}), "
                "isi sendiri dari halaman aslinya" for u in self.unread]


def _fields(data, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every text (and date) of the data with its path."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _fields(value, path + (key,))
    elif isinstance(data, list):
        for k, value in enumerate(data):
            yield from _fields(value, path + (k,))
    elif isinstance(data, (str, datetime.date)) and not isinstance(data, bool):
        yield path, str(data)


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _where(word: Unsure, texts: list[tuple[tuple, str]]) -> tuple | None:
    """The field the word landed in: found with the words around it (both sides, then each side),
    else alone when it is long enough to be told apart (a "4" is in many fields)."""
    tokens = word.context.split()
    at = word.position
    for lo, hi in ((at - 2, at + 3), (at, at + 3), (at - 2, at + 1), (at - 1, at + 2)):
        context = " ".join(tokens[max(lo, 0):hi])
        if context != word.text:
            for path, text in texts:
                if context in text:
                    return path
    bare = word.text.strip(".,;:()")
    if len(bare) < 4:
        return None
    alone = re.compile(r"(?<!\w)" + re.escape(bare) + r"(?!\w)")
    found = [path for path, text in texts if alone.search(text)]
    return found[0] if len(found) == 1 else None


_NOMOR_LINE = re.compile(r"\bNOMOR\s*:?\s*(?P<nomor>.+)$", re.I)


def _printings(nomor: str, lines: list[str]) -> int:
    """How many lines print the number as read: "NOMOR : KEP/046/IV/1997" in the title, the
    running header, a Lampiran heading (spaces the OCR put into it left out)."""
    bare = "".join(nomor.split())
    return sum(1 for line in lines if (m := _NOMOR_LINE.search(line))
               and "".join(m["nomor"].split()).upper().startswith(bare.upper()))


_ENACTED = re.compile(r"^(?:Ditetapkan|DITETAPKAN)\b")
_ON = re.compile(r"^pada\b", re.I)


def _date_line(reading: ScanReading) -> int | None:
    """The line of the date of enactment: "pada tanggal ..." just after "Ditetapkan di"."""
    enacted = next((k for k, line in enumerate(reading.lines) if _ENACTED.match(line)), None)
    if enacted is None:
        return None
    return next((k for k in range(enacted, min(enacted + 3, len(reading.lines))) if _ON.match(reading.lines[k])), None)


def _doubted_date(reading: ScanReading) -> list[str]:
    """The words of the date of enactment (its line and the line after it) that Tesseract could
    hardly read."""
    on = _date_line(reading)
    if on is None:
        return []
    return [f"{w.text} ({w.conf:.0f}%)" for w in reading.unsure
            if w.line in (on, on + 1) and w.conf < UNREAD_BELOW and any(c.isdigit() for c in w.text)]


def review(data: dict, reading: ScanReading) -> ScanReview:
    """The review of an import from a scan; unread fields are emptied in `data` (nomor becomes
    the blank number, other fields are removed) so no guess reaches the decree."""
    out = ScanReview(repairs=list(reading.repairs), pages=list(reading.pages))
    texts = [(path, _squeeze(text)) for path, text in _fields(data)]
    out.unsure = [UnsureWord(word, _where(word, texts)) for word in reading.unsure]
    unsure_in: dict[tuple, list[Unsure]] = {}
    unread_in: dict[tuple, int] = {}
    for item in out.unsure:
        if item.path is not None:
            unsure_in.setdefault(item.path, []).append(item.word)
            unread_in[item.path] = unread_in.get(item.path, 0) + (item.word.conf < UNREAD_BELOW)

    nomor = data.get("nomor")
    if isinstance(nomor, str) and nomor != NOMOR_KOSONG:
        doubtful = [f"{w.text} ({w.conf:.0f}%)" for w in unsure_in.get(("nomor",), []) if w.conf < UNREAD_BELOW]
        if not _NUMBER_SHAPE.match(nomor):
            out.unread.append(Unread(("nomor",), nomor, "bukan bentuk nomor keputusan"))
        elif any(_CONFUSED_DIGITS.match(part) for part in re.split(r"[/.\-]", nomor)):
            out.unread.append(Unread(("nomor",), nomor, "angka bercampur huruf yang mirip angka (I, l, O)"))
        elif doubtful and _printings(nomor, reading.lines) < 2:
            # a hand-written number Tesseract is unsure of stands only where a second printing of
            # it (the next page's header, the Lampiran's heading) reads the same
            out.unread.append(Unread(("nomor",), nomor, f"OCR tidak yakin membaca {' '.join(doubtful)}"))
    tahun = data.get("tahun")
    penutup = data.get("penutup")
    tanggal = penutup.get("tanggal") if isinstance(penutup, dict) else None
    if isinstance(tanggal, datetime.date) and isinstance(tahun, int) and tanggal.year != tahun:
        out.unread.append(Unread(("penutup", "tanggal"), tanggal.isoformat(),
                                 f"tahunnya bukan {tahun}, tahun keputusan ini"))
    elif isinstance(penutup, dict) and "tanggal" in penutup and tanggal is None:
        line = _date_line(reading)
        out.unread.append(Unread(("penutup", "tanggal"), reading.lines[line] if line is not None else "",
                                 "bukan tanggal yang dapat dibaca"))
    elif isinstance(tanggal, datetime.date) and (doubted := _doubted_date(reading)):
        # a hand-written day or a stamp's digits Tesseract could hardly read: "2" for 24
        out.unread.append(Unread(("penutup", "tanggal"), tanggal.isoformat(),
                                 f"OCR tidak yakin membaca {' '.join(doubted)}"))
    for path, text in texts:
        words = text.split()
        if (0 < len(words) <= SHORT_FIELD and unread_in.get(path, 0) >= len(words) and path != ("nomor",)
                and not any(u.path == path for u in out.unread)):
            out.unread.append(Unread(path, text, "tidak satu kata pun terbaca dengan yakin"))
    for unread in out.unread:
        _empty(data, unread.path)
    return out


def _empty(data: dict, path: tuple) -> None:
    if path == ("nomor",):
        data["nomor"] = NOMOR_KOSONG
        return
    if path == ("penutup", "tanggal"):
        data["penutup"].pop("tanggal", None)  # absent, as the model names a missing date
        return
    node = data
    for part in path[:-1]:
        node = node[part]
    if isinstance(node, dict) and len(node) > 1:
        del node[path[-1]]
    else:  # a list item (or a block's one text) stays in its place, so the items after it keep their numbers
        node[path[-1]] = ""


def _cm(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def _section(title: str, items: list[str]) -> list[str]:
    return [f"## {title}", "", *(items or ["- tidak ada"]), ""]


def markdown(source: str, review: ScanReview, line_of=None) -> str:
    """The review file, in Bahasa Indonesia: unread fields, repairs, unsure words with their
    page, place and field. `line_of(path)` gives the field's line in the written YAML."""

    def field_name(path: tuple | None) -> str:
        if path is None:
            return "(di luar isian: label butir, kop, kepala atau kaki halaman)"
        line = line_of(path) if line_of else None
        return f"`{format_path(path)}`" + (f" (baris {line})" if line else "")

    out = [f"# Periksa hasil impor pindaian: {source}", ""]
    out += ["Keputusan ini dibaca dari gambar halaman dengan OCR (Tesseract, bahasa Indonesia). "
            "Cocokkan setiap butir di bawah dengan halaman aslinya sebelum keputusan dipakai.", ""]
    out += ["## Halaman", ""]
    for note in review.pages:
        done = []
        if note.rotated:
            done.append(f"diputar {note.rotated}°")
        if abs(note.skew) >= 0.05:
            done.append(f"diluruskan {_cm(note.skew)}°")
        if note.ink_removed >= 0.001:
            done.append(f"tinta berwarna (cap, paraf, tanda tangan) dihapus: {_cm(note.ink_removed * 100)}% tinta")
        out.append(f"- halaman {note.page}: {note.words} kata" + (f"; {', '.join(done)}" if done else ""))
    out.append("")
    out += _section("Tidak terbaca (kosong, isi sendiri)",
                    [f"- {field_name(u.path)}: {u.why}; OCR membaca `{u.read}`" for u in review.unread])
    out += _section("Diperbaiki dari urutan dan bentuk keputusan",
                    [f"- {r.place}: `{r.read}` menjadi `{r.made}` ({r.why})" for r in review.repairs])
    out += [f"## Kata yang kurang yakin (keyakinan OCR di bawah {UNSURE_BELOW}%)", ""]
    if review.unsure:
        out += ["| halaman | posisi (dari kiri, dari atas) | kata | keyakinan | isian |", "| --- | --- | --- | --- | --- |"]
        for item in review.unsure:
            w = item.word
            text = w.text.replace("|", "\\|").replace("`", "'")
            out.append(f"| {w.place.page} | {_cm(w.place.x_cm)} cm, {_cm(w.place.y_cm)} cm | `{text}` | "
                       f"{w.conf:.0f}% | {field_name(item.path)} |")
    else:
        out.append("- tidak ada")
    out.append("")
    return "\n".join(out)


def write_review(target, source: str, review: ScanReview) -> Path:
    """NAME.periksa.md beside the imported YAML `target` (already written): what to check against
    the scanned pages, each field with its line in that YAML."""
    from kpu_docs.files import write_atomic
    from kpu_docs.review import review_path
    from kpu_docs.yaml_readers import round_trip_yaml
    from kpu_docs.yaml_source import line_of

    target = Path(target)
    tree = round_trip_yaml().load(target.read_text(encoding="utf-8"))
    path = review_path(target)
    write_atomic(path, markdown(source, review, lambda field_path: line_of(tree, field_path)).encode("utf-8"))
    return path
