"""Page furniture: what a printed page carries besides the decree, found so it can be dropped.

A decree's text as a PDF, a scan or a web page gives it still has its pages' furniture in it:
page numbers ("-2-", "- 2 -", a bare "2"), the header a later page repeats (the decree's title,
number and date), the column-number row a table repeats on every page ("1 2 3"), catchwords at a page's foot that repeat the start of the next page ("KESATU ...",
"3. Undang-Undang ..."), e-signature footers with their token, the addresses and link texts of
the web page the text was copied from, and stray marks where an image stood ("^", "|"). Left in,
they become law: a page number inside a Mengingat item, a catchword as a bogus diktum.

Each piece found is listed with what it is, so the import report can say what was dropped; a
piece that is only part of a line (a page marker run into the text, a link text at its end) is
cut from the line and the rest kept.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from dataclasses import dataclass

_PAGE_NUMBER = re.compile(
    r"^(?:-\s*\d{1,3}\s*-|\d{1,3}|(?:halaman|hal\.)\s*\d+(?:\s*(?:dari|/)\s*\d+)?|anda di halaman \d+\s*dari \d+)$", re.I
)
_PAGE_MARK_PREFIX = re.compile(r"^(?P<mark>\d{1,3}\s+-\s*\d{1,3}\s*-)\s+(?=\S)")
"""A page marker run into the first line of a page by a web transcript: "2 -2- (Lembaran ..."."""
_COLUMN_NUMBERS = re.compile(r"^1(?:\s+\d{1,2})+$")
_CATCHWORD = re.compile(r"^(?:[/|]\.?)?[\s_]*(?P<head>[^\s_].*?)\s*(?:\.\s*){3,}$|^(?:[/|]\.?)?[\s_]*(?P<head2>[^\s_].*?)\s*\u2026$")
"""A catchword at a page's foot: the next page's first words and dots, "/" or "/_" before them
as typists marked it ("/_ MEMUTUSKAN ......"; OCR reads the "/" as "|." too)."""
_ESIGN = re.compile(r"^dokumen ini (?:telah )?ditandatangani secara elektronik\b", re.I)
_ESIGN_REST = re.compile(r"\b(?:sertifikat elektronik|BSrE|BBSrE|token\s*:)", re.I)
_TOKEN = re.compile(r"^token\s*:\s*\S+$", re.I)
_ADDRESS = re.compile(r"^(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+\.?(?:/\S*)?$", re.I)
_ADDRESS_PIECE = re.compile(r"^(?:id|com|org|net|go\.id|ac\.id)$", re.I)
_LINK_TEXT = re.compile(r"\s*(?P<link>lebih lengkap,? klik di sini\.?)$", re.I)
_SITE_LINE = re.compile(r"^(?:status\s*:\s*(?:sudah tidak berlaku|masih berlaku|berlaku)\b.*|iklan|advertisements?)$", re.I)
"""A web page's own line: a legal database's status line, a blog's label over its advertisement."""
_MARKS = re.compile(r"^[\^|#*~_=\u00a6\u2022\u25cf]+(?:\s+[\^|#*~_=\u00a6\u2022\u25cf]+)*$")
_INITIALS = re.compile(r"^-\s?[a-z]{1,4}\s?-$")
"""The typist's initials under the distribution list ("-wh-")."""
_ONE_WORD_CATCHWORDS = re.compile(r"^(?:menimbang|mengingat|memperhatikan|menetapkan|memutuskan|ke[a-z]+|pertama)$", re.I)
_TITLE = re.compile(r"^KEPUTUSAN\b", re.I)
_SHORT_WORDS = frozenset("ttd dto nip no ket yth dan di cap plt plh an ub".split())

COLUMN_NUMBERS = "nomor kolom tabel"
"""The kind of a table's column-number row ("1 2 3"): dropped, but its raw line is kept, since
its numbers stand over the columns of its page (lines.prepare, tables.aligned_rows)."""

CATCHWORD_REACH = 8
"""How many lines after a catchword the next page's first line may stand (OCR debris, the page
number and a running header can come between)."""


@dataclass(frozen=True, slots=True)
class Furniture:
    """One piece of page furniture: the line (counted from 0), what it is (Indonesian, for the
    report), the text dropped, and what remains of the line ("" when the whole line goes)."""

    line: int
    kind: str
    text: str
    rest: str = ""


def find(texts: list[str]) -> list[Furniture]:
    """The furniture among whitespace-normalised lines, in line order, at most one per line."""
    found: dict[int, Furniture] = {}
    for i, text in enumerate(texts):
        if not text:
            continue
        piece = _single(i, text, texts)
        if piece is not None:
            found[i] = piece
    _esign_continuations(texts, found)
    _running_header(texts, found)
    _repeated_catchword(texts, found)
    _debris(texts, found)
    return [found[i] for i in sorted(found)]


_HEADER_TITLE = re.compile(r"^(?:\d{1,3}\s+)?KEPUTUSAN\b[^a-z]*$")
_HEADER_NOMOR = re.compile(r"^NOMOR\b\s*:?\s*\S", re.I)
_HEADER_DATE = re.compile(r"^TANGGAL\s*:", re.I)
_LAMPIRAN = re.compile(r"^LAMPIRAN\b", re.I)


def _running_header(texts: list[str], found: dict[int, Furniture]) -> None:
    """The header a later page repeats at its top: "KEPUTUSAN KETUA LAPAN" (a page number may
    stand before it), "NOMOR : <the decree's own number>", and its "TANGGAL : ..." line. A
    Lampiran's heading names the number too, but under its LAMPIRAN line, and stays."""
    filled = [i for i, t in enumerate(texts) if t]
    title = next((k for k, i in enumerate(filled) if _TITLE.match(texts[i])), None)
    if title is None:
        return
    own = next((k for k in range(title, min(title + 4, len(filled))) if _HEADER_NOMOR.match(texts[filled[k]])), None)
    if own is None:
        return
    number = re.sub(r"[\s:]", "", texts[filled[own]]).upper()
    for k in range(own + 1, len(filled)):
        i = filled[k]
        if k < 1 or i in found or not _HEADER_NOMOR.match(texts[i]):
            continue
        dated = k + 1 < len(filled) and _HEADER_DATE.match(texts[filled[k + 1]]) is not None
        repeated = re.sub(r"[\s:]", "", texts[i]).upper()
        # the number as printed, or, framed by the header's title and date lines, as OCR reads a
        # hand-written number ("KEP/6 76 /IN/1997" for KEP/046/IV/1997)
        if repeated != number and not (dated and SequenceMatcher(None, repeated, number).ratio() >= 0.6):
            continue
        head = filled[k - 1]
        if not _HEADER_TITLE.match(texts[head]) or k >= 2 and _LAMPIRAN.match(texts[filled[k - 2]]):
            continue
        for j in (head, i) + ((filled[k + 1],) if dated else ()):
            found[j] = Furniture(j, "kepala halaman", texts[j])


def _repeated_catchword(texts: list[str], found: dict[int, Furniture]) -> None:
    """A catchword without its dots (OCR loses them): the last words of a page, up to three, that
    the next page opens with again, past its page number ("... Perundang-undangan (Lembaran" /
    "2 -2- (Lembaran Negara ..."); cut from the line they end."""
    for i, piece in sorted(found.items()):
        if piece.kind != "nomor halaman":
            continue
        after = piece.rest or next((t for t in texts[i + 1: i + 3] if t), "")
        j = next((j for j in range(i - 1, max(i - 3, -1), -1) if texts[j]), None)
        if j is None or j in found or not after:
            continue
        words, opening = texts[j].split(), after.split()
        for n in (3, 2, 1):
            if len(words) >= n and len(opening) > n and words[-n:] == opening[:n]:
                head = " ".join(words[-n:])
                found[j] = Furniture(j, "kata penghubung halaman", head, " ".join(words[:-n]))
                break


def _debris(texts: list[str], found: dict[int, Furniture]) -> None:
    """OCR debris where a scan has it: above the title (emblem, letterhead marks) and just after a
    page's foot (a catchword or page number). Elsewhere a short scrap may be text ("2008;")."""
    title = next((i for i, t in enumerate(texts) if _TITLE.match(t)), 0)
    near = {j for i, f in found.items() if f.kind in ("nomor halaman", "kata penghubung halaman") for j in (i + 1, i + 2)}
    for i, text in enumerate(texts):
        if text and i not in found and (i < title or i in near) and is_debris(text):
            found[i] = Furniture(i, "sisa pindaian", text)


def _single(i: int, text: str, texts: list[str]) -> Furniture | None:
    if _PAGE_NUMBER.match(text):
        return Furniture(i, "nomor halaman", text)
    if m := _PAGE_MARK_PREFIX.match(text):
        return Furniture(i, "nomor halaman", m["mark"], text[m.end():])
    if _COLUMN_NUMBERS.match(text) and text.split() == [str(n) for n in range(1, len(text.split()) + 1)]:
        return Furniture(i, COLUMN_NUMBERS, text)
    if _ESIGN.match(text) or _TOKEN.match(text):
        return Furniture(i, "kaki halaman tanda tangan elektronik", text)
    if _ADDRESS.match(text) and not re.match(r"^\d", text):
        return Furniture(i, "alamat situs", text)
    if _SITE_LINE.match(text):
        return Furniture(i, "keterangan situs", text)
    if m := _LINK_TEXT.search(text):
        return Furniture(i, "tautan situs", m["link"], text[: m.start()])
    if _MARKS.match(text):
        return Furniture(i, "tanda bekas gambar", text)
    if _catchword(i, text, texts):
        return Furniture(i, "kata penghubung halaman", text)
    if _INITIALS.match(text):
        return Furniture(i, "paraf pengetik", text)
    return None


def _catchword(i: int, text: str, texts: list[str]) -> bool:
    """Whether the line ends in dots and repeats the start of a line shortly after it: the
    catchword at a page's foot ("KESATU ...", "3. Undang-Undang ...", "/ Memperhatikan .....").
    A form's blank ("DESA ........") repeats nothing and stays."""
    m = _CATCHWORD.match(text)
    if not m:
        return False
    head = " ".join((m["head"] or m["head2"] or "").split()).casefold()
    if not head or len(head.split()) > 8 or len(head.split()) == 1 and not _ONE_WORD_CATCHWORDS.match(head):
        return False
    following = [t for t in texts[i + 1: i + 1 + CATCHWORD_REACH] if t]
    return any(" ".join(t.split()).casefold().startswith(head) and t != text for t in following)


def _esign_continuations(texts: list[str], found: dict[int, Furniture]) -> None:
    """The e-signature footer wrapped over two lines: the second goes with the first."""
    for i in [i for i, f in found.items() if f.kind.startswith("kaki halaman")]:
        j = i + 1
        if j < len(texts) and j not in found and texts[j] and _ESIGN_REST.search(texts[j]) and len(texts[j].split()) <= 16:
            found[j] = Furniture(j, "kaki halaman tanda tangan elektronik", texts[j])
    # a web address broken over two lines ("jdih.kpu.go." / "id")
    for i in [i for i, f in found.items() if f.kind == "alamat situs" and f.text.endswith(".")]:
        k = next((j for j in range(i + 1, min(i + 3, len(texts))) if texts[j]), None)
        if k is not None and k not in found and _ADDRESS_PIECE.match(texts[k]):
            found[k] = Furniture(k, "alamat situs", texts[k])


def is_debris(text: str) -> bool:
    """OCR debris from a scan: a line of at most two short scraps with hardly any letters
    ("BP", "ih", "(3 PAN"), none of them a word a decree uses on its own ("ttd", "NIP")."""
    tokens = text.split()
    if not tokens or len(tokens) > 2:
        return False
    letters = sum(ch.isalpha() for ch in text)
    if re.search(r"\d{4}|\.{3}|\u2026", text):  # a telephone number, a year, a form's blank
        return False
    if letters > 4 or any(t.lower().strip(".,:;()/") in _SHORT_WORDS for t in tokens):
        return False
    return not re.match(r"^(?:[a-zA-Z]|\d{1,3})[.)]|^[IVXLC]+\.?$", text)
