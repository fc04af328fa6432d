"""A scanned decree read into lines for the layout reader, with what the OCR was unsure of.

A scan's pages are cleaned (turned upright, straightened, stamps and signatures in coloured ink
whitened: importing.cleaning), read word by word by Tesseract (importing.ocr), and set into lines
by the words' positions, as a born-digital PDF's text layer is: words side by side on the page
make one line, a ruled table becomes tab-separated lines cell by cell (importing.ruled_tables),
pages are separated by a page break. The same reader then finds the decree's parts in those lines.

What the OCR is unsure of is kept, never smoothed over: every word below UNSURE_BELOW confidence
is listed with its page and place on the page, and every repair made to a line (a list label the
sequence proves, an item end that the OCR read as "," or ":") is listed with what was read, so a
person checks exactly those against the paper. Specks (marks far smaller than the text) are
dropped and listed as page furniture.
"""

from __future__ import annotations

import os
import re
import statistics
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import groupby
from pathlib import Path

from PIL import Image

from kpu_docs.bounds import FileRefused
from kpu_docs.importing import ocr, scan_pages
from kpu_docs.importing.ocr import Word
from kpu_docs.importing.pdf_text import PAGE_BREAK, table_lines
from kpu_docs.nomor.pola import BULAN_ROMAWI

UNSURE_BELOW = 80
"""Words Tesseract gives less confidence than this are listed for a person to check: on the
corpus's scans about one word in twenty, among them nearly every word it read wrong."""
UNREAD_BELOW = 50
"""Confidence under which Tesseract has hardly read a mark at all (scan_review says the same of
a field)."""
_RULE = re.compile(r"^[\u2014\u2013\u2212_\-\s]{2,}$")
"""A line of dashes: a heading's underline or a rule read as "———", never an item."""
CELL_MARK_BELOW = 60
"""A short mark in a table cell read with less confidence than this is a speck or a rule's edge."""
WEAK_LINE = 50
"""Mean confidence under which a line is read again on its own (see _reread_weak_bands)."""
SPECK_HEIGHT = 0.35
"""A mark less tall than this share of the page's text height is a speck of dust or a punch
hole's edge, not a letter (the smallest letters and punctuation of a line are boxed at the
line's full height by Tesseract)."""
STROKE_HEIGHT = 2.2
"""A mark more than this many times as tall as the page's text, read with little confidence, is
a paraf or a signature's stroke beside a line ("&" and "ai" beside KEPALA BIRO UMUM), not a word."""
_SYMBOLS = re.compile(r"^[|!~`'\"^*#_=+<>\\/\u2018\u2019\u201c\u201d]+$")
"""Marks that are no punctuation of a decree: a punch hole's rim or a fold read as "|" or "'"."""
_DOTS = re.compile(r"^[.\-\u2026]+$")
"""Dots and dashes: short, but a catchword's "...." or a blank to fill, never a speck."""
_GLUED_LABEL = re.compile(r"^(?P<label>\d{1,2}\.|[a-z]\.)(?P<word>[A-Za-z]{2}\S*)$")
"""A list label the OCR ran into its item's first word: "2.Memantau"."""
_CONFUSABLE = str.maketrans({"l": "1", "I": "1", "|": "1", "i": "1", "O": "0", "o": "0"})
_INDENT_SAME = 25
"""Pixels (at 300 ppi, 2 mm) two labels' left edges may differ by and still stand in one list."""
_NUMBER_LABEL = re.compile(r"^(\d{1,2})\.$")
_LABEL_MISPUNCTUATED = re.compile(r"^(\d{1,2})[:;,]$")
"""A list label whose point the OCR read as ":" ("1:" above "2."): proved by the label after it."""
_JUNK_LABEL = re.compile(r"^[1lIiL|!][A-Za-z]?[.,:;]?$")
"""What OCR makes of a "1." in a poor scan ("LA,", "l,", "I."): a "1." when "2." follows it."""
_LETTER_MISREAD = re.compile(r"^[.,'`\"]+([a-z])[.,]$")
"""A letter label with a speck before it (".a.")."""
_LETTER_LABEL = re.compile(r"^([a-z])\.$")


@dataclass(frozen=True)
class Place:
    """Where on which page: centimetres from the page's left and top edges, as a ruler reads."""

    page: int
    x_cm: float
    y_cm: float

    def __str__(self) -> str:
        return f"halaman {self.page}, {self.x_cm:.1f} cm dari kiri, {self.y_cm:.1f} cm dari atas".replace(".", ",")


@dataclass(frozen=True)
class Unsure:
    """A word read with little confidence, the words around it (to find it in the imported text)
    and its line in the list of lines given to the layout reader."""

    text: str
    conf: float
    place: Place
    context: str
    """The words around it on its line (two on each side)."""
    position: int
    """Where the word is among the words of `context`."""
    line: int


@dataclass(frozen=True)
class Repair:
    """A change made to what the OCR read, and why: listed for a person to confirm."""

    read: str
    made: str
    why: str
    place: Place


@dataclass(frozen=True)
class PageNote:
    """What cleaning did to one page before it was read."""

    page: int
    rotated: int = 0
    skew: float = 0.0
    ink_removed: float = 0.0
    words: int = 0


@dataclass
class ScanReading:
    """A scan as lines for the layout reader, with everything a person should check."""

    lines: list[str] = field(default_factory=list)
    unsure: list[Unsure] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    specks: list[str] = field(default_factory=list)
    pages: list[PageNote] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)
    """The closing's signature block as read, line by line in lower case: known again under a Lampiran."""


def read(paths: Iterable[str | Path], progress: Callable[[int, int], None] | None = None) -> ScanReading:
    """Every page of the files (a scanned PDF, or page images in order), read into lines.

    Pages are recognised side by side, one Tesseract process per core (each limited to one
    thread: Tesseract's own threads only fight each other then), and set into lines in order.
    `progress(done, total)` is called before the first page and after each page.
    """
    ocr.check_installed()
    files = [Path(p) for p in paths]
    total = scan_pages.count(files)
    reading = ScanReading()
    if progress:
        progress(0, total)
    workers = max(1, min(os.cpu_count() or 1, 4))
    pending: deque[Future[_Recognised]] = deque()
    with ThreadPoolExecutor(workers) as pool:
        try:
            for page in scan_pages.pages(files):
                pending.append(pool.submit(_recognise, page))
                while len(pending) > workers:  # at most a page per worker waits: pages are 30 MB each
                    _assemble(pending.popleft().result(), reading, progress, total)
            while pending:
                _assemble(pending.popleft().result(), reading, progress, total)
        finally:
            for future in pending:
                future.cancel()
    if not any(note.words for note in reading.pages):
        named = ", ".join(str(p) for p in files)
        raise FileRefused(f"{named}: tidak ada teks yang terbaca pada {len(reading.pages)} halaman pindaian "
                          "(halaman kosong, atau gambar yang bukan halaman bertulisan)")
    return reading


@dataclass
class _Recognised:
    """One page as recognised: its words outside tables and its tables' lines, with its place."""

    page: scan_pages.Page
    note: PageNote
    words: list[Word]
    tables: list[tuple[tuple[int, int, int, int], list[str]]]
    width: int
    repairs: list[Repair]
    """Repairs made in reading the tables (a row number the sequence proves)."""


def _recognise(page: scan_pages.Page) -> _Recognised:
    """Clean the page, read its words and its ruled tables (run in a worker thread)."""
    from kpu_docs.importing import cleaning, ruled_tables

    assert isinstance(page.image, Image.Image)
    cleaned = cleaning.clean_page(page.image, ppi=page.ppi)  # marks sized on paper: a cap, a date stamp
    image = cleaned.image
    words = _reread_weak_bands(image, ocr.words(image, where=f"halaman {page.number}"), page.number)
    note = PageNote(page.number, cleaned.rotated, cleaned.skew, cleaned.ink_removed, len(words))
    tables = []
    repairs: list[Repair] = []
    words = [_roman_month(image, w, page, repairs) for w in words]
    for grid in ruled_tables.find_grids(image):
        relabelled: list[tuple[str, str]] = []
        rows, renumbered = _numbered(ruled_tables.read_grid(image, grid, partial(_cell_text, repaired=relabelled)))
        tables.append((grid.box, table_lines(rows)))
        where = _place_at(grid.box[0], grid.box[1], page)
        repairs += [Repair(read, made, f"nomor baris tabel antara {int(made.rstrip('.')) - 1} dan "
                           f"{int(made.rstrip('.')) + 1} (tabel mulai di sini)", where) for read, made in renumbered]
        repairs += [Repair(read, made, "label butir di dalam sel tabel, sebelum 2. (tabel mulai di sini)", where)
                    for read, made in relabelled]
        words = [w for w in words if not _inside(w, grid.box)]
    return _Recognised(scan_pages.Page(page.number, None, page.ppi), note, words, tables, image.width, repairs)


def _roman_month(image, word: Word, page: scan_pages.Page, repairs: list[Repair]) -> Word:
    """The word with a month part of "1"s inside a number made Roman where its glyphs show an I
    (roman_glyphs), and the repair added to `repairs`."""
    from kpu_docs.importing.roman_glyphs import MONTH_OF_ONES, roman_month

    if not MONTH_OF_ONES.search(word.text):
        return word
    made = roman_month(image.crop((word.left, word.top, word.right, word.bottom)), word.text)
    if made is None:
        return word
    repairs.append(Repair(word.text, made, "bulan dengan angka Romawi di dalam nomor: bentuknya huruf I, "
                          "berkait di kedua sisi, bukan angka 1", _place(word, page)))
    return replace(word, text=made)


def _reread_weak_bands(image, words: list[Word], number: int) -> list[Word]:
    """Lines Tesseract hardly read (a signature drawn across them: "Pa sa" for "Drs. M. CHAWARI,
    MM" and the "Tembusan :" beside it) are read again on their own, in the band between the
    well-read lines above and below: a signature's strokes that spoil the page's line finding
    often leave a band alone legible. The new reading is kept where Tesseract is surer of it,
    and sure enough that it is text (a seal's rim read again is still marks)."""
    lines = sorted(_by_line(words), key=_middle)
    weak = [statistics.mean(w.conf for w in line) < WEAK_LINE for line in lines]
    out = [w for line, bad in zip(lines, weak) if not bad for w in line]
    k = 0
    band = 0
    while k < len(lines):
        if not weak[k]:
            k += 1
            continue
        end = k
        while end + 1 < len(lines) and weak[end + 1]:
            end += 1
        top = max((w.bottom for w in lines[k - 1]), default=0) if k else 0
        bottom = min((w.top for w in lines[end + 1]), default=image.height) if end + 1 < len(lines) else image.height
        old = [w for line in lines[k:end + 1] for w in line]
        band += 1
        new = []
        if bottom - top > 10:
            found = ocr.words(image.crop((0, top, image.width, bottom)), where=f"halaman {number}")
            new = [Word(w.text, w.conf, w.left, w.top + top, w.width, w.height, (1000 + band, *w.line[1:]))
                   for w in found]
        mean = statistics.mean(w.conf for w in new) if new else 0.0
        surer = mean >= WEAK_LINE and mean > statistics.mean(w.conf for w in old)
        out += new if surer else old
        k = end + 1
    return out


_ROW_NUMBER = re.compile(r"^(\d{1,3})(\.?)$")


def _numbered(rows: list[list[str]]) -> tuple[list[list[str]], list[tuple[str, str]]]:
    """A table's number column with a number the OCR misread ("o." between "8." and "10.") put
    right, where the numbers before and after it prove it, and a number that lost its point ("5"
    between "4." and "6.") given it back where the table's numbers have one; and each (read, made)."""
    firsts = [row[0] if row else "" for row in rows]
    numbers = [int(m[1]) if (m := _ROW_NUMBER.match(text)) else None for text in firsts]
    made: list[tuple[str, str]] = []
    if sum(n is not None for n in numbers) < 3:
        return rows, made
    for k in range(0, len(rows) - 1):
        before, after = numbers[k - 1] if k else None, numbers[k + 1]
        if numbers[k] is not None or len(firsts[k]) > 3 or after is None or not any(rows[k][1:]):
            continue
        # between two numbers that leave one out, or an empty cell before "2." under the heading
        # (a ruled row is a row: an empty number cell is a number the OCR did not see)
        if before is not None and after == before + 2 or before is None and after == 2 and not firsts[k]:
            point = _ROW_NUMBER.match(firsts[k + 1])
            rows[k][0] = f"{after - 1}{point[2] if point else ''}"
            made.append((firsts[k] or "(kosong)", rows[k][0]))
            numbers[k] = after - 1
    pointed = [rows[k][0].endswith(".") for k, n in enumerate(numbers) if n is not None]
    if sum(pointed) * 3 >= len(pointed) * 2:  # the table writes "1.", "2.": a "5" in its sequence lost its point
        for k, n in enumerate(numbers):
            if n is None or rows[k][0] != str(n) or not any(c.isalpha() for c in "".join(rows[k][1:])):
                continue
            if (k and numbers[k - 1] == n - 1) or (k + 1 < len(rows) and numbers[k + 1] == n + 1):
                made.append((rows[k][0], f"{n}."))
                rows[k][0] = f"{n}."
    return rows, made


def _spaced(image, word: Word) -> str:
    """A word in capitals printed with its letters spaced out ("N A M A" heading a column) as it
    is printed: Tesseract reads it as one word, but the ink shows a gap after every letter."""
    import numpy as np

    text = word.text
    if len(text) < 3 or not text.isalpha() or not text.isupper():
        return text
    box = np.asarray(image.convert("L").crop((word.left, word.top, word.right, word.bottom)))
    darkest = box.min(axis=0) if box.size else np.zeros(0)
    columns = [int(v) < 128 for v in np.atleast_1d(darkest)]  # which columns of the word's box hold ink
    spans = [(inked, len(list(group))) for inked, group in groupby(columns)]
    runs = sum(1 for inked, _ in spans if inked)
    gaps = [width for k, (inked, width) in enumerate(spans) if not inked and 0 < k < len(spans) - 1]
    wide = [g for g in gaps if g > 0.4 * word.height]
    return " ".join(text) if runs == len(text) and len(wide) == len(text) - 1 else text


def _cell_text(crop, scanned, repaired: list[tuple[str, str]]) -> str:
    """A table cell's text, line by line: Tesseract's words less the marks it hardly read (the
    grey band of a column-number row, a rule's edge read as "|" or "j"); a label of the cell's
    own list read as "|." above "2." made "1.", and added to `repaired`.

    The cell is read twice, cleaned and as scanned, and the reading Tesseract is surer of is
    kept: cleaning drops specks and a rule's stray ends, and with them the faint strokes of a
    150-ppi scan ("Diproduksi/buatan" read "Diproduksi'buatan" at 17% cleaned, right at 89% as
    scanned); Tesseract's confidence in the word does not tell beforehand which cell that is (the
    apostrophe is read at 83% in another row)."""
    words = _cell_words(crop)
    again = _cell_words(scanned)
    if again and _sureness(again) > _sureness(words):
        words = again
    texts = [[_spaced(crop, w) for w in line] for line in _by_line(words)]
    for k in range(len(texts) - 1):  # "|." above "2." (its item wrapped or not) in a cell's own list is "1."
        if texts[k] and texts[k][0] in ("|.", "l.", "I.", "i.") and next(
                (t[:1] == ["2."] for t in texts[k + 1:] if t and _NUMBER_LABEL.match(t[0])), False):
            repaired.append((texts[k][0], "1."))
            texts[k][0] = "1."
    return "\n".join(" ".join(line) for line in texts)


def _cell_words(crop) -> list[Word]:
    """A cell's words less the marks Tesseract hardly read."""
    return [w for w in ocr.words(crop) if not _SYMBOLS.match(w.text)
            and (w.conf >= CELL_MARK_BELOW or (len(w.text) > 2 and any(c.isalnum() for c in w.text)))]


def _sureness(words: list[Word]) -> float:
    """How much of a reading Tesseract is sure of: every letter counts for its word's confidence
    above UNREAD_BELOW, and against it below, so that a reading that leaves out what it could not
    read ("1 Diproduksi buatan" for "1. Diproduksi/buatan") is not the surer for it."""
    return sum((w.conf - UNREAD_BELOW) * len(w.text) for w in words)


def _assemble(done: _Recognised, reading: ScanReading, progress, total: int) -> None:
    """The page's lines after those of the pages before it."""
    reading.pages.append(done.note)
    reading.repairs += done.repairs
    words = _without_specks(done.words, done.page, reading)
    if reading.lines:
        reading.lines.append(PAGE_BREAK)
    _set_lines(_closing_columns(_lines_of(words), done.width, done.page, reading), done.tables, done.page, reading)
    if progress:
        progress(done.page.number, total)


def _inside(word: Word, box: tuple[int, int, int, int]) -> bool:
    x0, top, x1, bottom = box
    return x0 <= word.left + word.width / 2 <= x1 and top <= word.middle <= bottom


def _place(word: Word, page: scan_pages.Page) -> Place:
    return _place_at(word.left, word.top, page)


def _place_at(x: float, y: float, page: scan_pages.Page) -> Place:
    """A point of the page image, in pixels, as a place on paper."""
    return Place(page.number, x / page.ppi * 2.54, y / page.ppi * 2.54)


def _stray(word: Word) -> bool:
    """A short mark Tesseract hardly read, not a catchword's dots: a speck, a stroke."""
    return word.conf < UNREAD_BELOW and len(word.text) <= 3 and not _DOTS.match(word.text)


def _debris(word: Word) -> bool:
    """A mark that is no word: short, hardly read, not a list label or a catchword's dots. A
    line of nothing else is debris (the strokes of a signature and the rim of a seal read as
    "ad", "Koh", "Na PL" between the position and the name)."""
    return _stray(word) and _label_of([word.text]) is None


def _without_specks(words: list[Word], page: scan_pages.Page, reading: ScanReading) -> list[Word]:
    """The words less the specks: marks much smaller than the page's text, or lone symbols read
    with little confidence (a punch hole's rim as "|")."""
    if not words:
        return words
    height = statistics.median(w.height for w in words)
    kept = []
    for word in words:
        small = word.height < SPECK_HEIGHT * height and not _DOTS.match(word.text)
        if small or (_SYMBOLS.match(word.text) and word.conf < UNREAD_BELOW and len(word.text) < 3):
            reading.specks.append(f"{_place(word, page)} (noda pindaian): {word.text}")
        elif word.height > STROKE_HEIGHT * height and word.conf < 60:
            reading.specks.append(f"{_place(word, page)} (coretan paraf atau tanda tangan): {word.text}")
        else:
            kept.append(word)
    return kept


def _lines_of(words: list[Word]) -> list[list[Word]]:
    """Words into printed lines, top to bottom, each left to right: Tesseract's own lines, and
    lines it read apart that stand side by side at the same height (a label column and its
    text) joined. Heights are the words' middles, so a tall mark (a paraf beside a line) does
    not pull the line above into it."""
    lines = sorted((sorted(g, key=lambda w: w.left) for g in _by_line(words)), key=_middle)
    merged: list[list[Word]] = []
    for line in lines:
        if merged:
            last = merged[-1]
            height = statistics.median(w.height for w in last + line)
            apart = line[0].left > last[-1].right or line[-1].right < last[0].left
            if apart and abs(_middle(line) - _middle(last)) < 0.5 * height:
                merged[-1] = sorted(last + line, key=lambda w: w.left)
                continue
        merged.append(line)
    return merged


def _by_line(words: list[Word]) -> list[list[Word]]:
    """The words in Tesseract's lines, in its reading order."""
    groups: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        groups.setdefault(word.line, []).append(word)
    return list(groups.values())


def _middle(line: list[Word]) -> float:
    return statistics.median(w.middle for w in line)


_DITETAPKAN = re.compile(r"^(?:Ditetapkan|DITETAPKAN|Dikeluarkan|DIKELUARKAN)$")
COLUMN_GAP = 0.06
"""A gap between words wider than this share of the page parts two columns of the closing."""


def _closing_columns(lines: list[list[Word]], width: int, page: scan_pages.Page,
                     reading: ScanReading) -> list[list[Word]]:
    """From "Ditetapkan di" on, a page's closing is two columns: the place, date and signature
    block on the right, Tembusan or the salinan's certification on the left, often level with
    the signatory's name. Each column is read down on its own, the right one first, as the
    decree is read; a line that spans both at a wide gap is parted there. The paraf marks of the
    signature block are dropped and listed in `reading` (_without_paraf), and of the block again
    at the foot of a page without the closing (_signature_again)."""
    start = next((k for k, line in enumerate(lines) if len(line) > 1 and _DITETAPKAN.match(line[0].text)
                  and line[1].text.casefold().startswith("di") and line[0].left > 0.3 * width), None)
    if start is None:
        return _signature_again(lines, width, page, reading)
    middle = 0.4 * width
    left: list[list[Word]] = []
    right: list[list[Word]] = []
    for line in lines[start:]:
        cut = next((k for k in range(1, len(line)) if line[k].left - line[k - 1].right > COLUMN_GAP * width
                    and line[k].left >= middle and line[k - 1].right < middle), None)
        if cut is not None:
            left.append(line[:cut])
            right.append(line[cut:])
        elif line[0].left >= middle or line[0].left > 0.3 * width and line[-1].right > 0.6 * width:
            right.append(line)
        else:
            left.append(line)
    return lines[:start] + _without_paraf(right, page, reading) + left


_ON_DATE = re.compile(r"^(?:pada|tanggal)$", re.I)
_ON_BEHALF = re.compile(r"^(?:a\.\s?n\.?|u\.\s?b\.?)$", re.I)
"""The first word of an "a.n." or "u.b." line, which opens a signature block."""
_FOOT_LINES = 6
"""Lines at a page's foot in which a signature block repeated under a Lampiran is looked for."""


def _without_paraf(right: list[list[Word]], page: scan_pages.Page, reading: ScanReading) -> list[list[Word]]:
    """The signature block (the closing's right column below its date) less the marks of the
    paraf, signature and stamp drawn over and beside it (_cleared); its lines are kept in
    `reading.signature`, so that the block is known again under a Lampiran."""
    on = next((k for k, line in enumerate(right) if _ON_DATE.match(line[0].text)), None)
    if on is None:
        return right
    block = _cleared(right[on + 1:], page, reading)
    reading.signature = [_text(line).casefold() for line in block]
    return right[:on + 1] + block


def _signature_again(lines: list[list[Word]], width: int, page: scan_pages.Page,
                     reading: ScanReading) -> list[list[Word]]:
    """A page without the closing whose foot repeats the signature block (a Lampiran signed under
    its table: "A.n. KEPALA", "SEKRETARIS UTAMA", the name): from its first line, an "a.n." line
    or a line of the closing's block as read on an earlier page, to the page's end, the block
    less its paraf marks (_cleared), as in the closing. Lines in the page's right half only."""
    for k in range(max(0, len(lines) - _FOOT_LINES), len(lines)):
        words = [w for w in lines[k] if w.conf >= UNREAD_BELOW and not _DOTS.match(w.text)]
        if not words or lines[k][0].left < 0.4 * width:
            continue
        if any(_ON_BEHALF.match(w.text) for w in words[:2]) or _text(words).casefold() in reading.signature:
            return lines[:k] + _cleared(lines[k:], page, reading)
    return lines


def _text(line: list[Word]) -> str:
    return " ".join(w.text for w in line)


def _cleared(block: list[list[Word]], page: scan_pages.Page, reading: ScanReading) -> list[list[Word]]:
    """A signature block less the marks of the paraf, signature and stamp drawn over and beside
    it: a line with no word Tesseract could read ("A 5 Am L" for the strokes above the name),
    marks it hardly read at a line's ends ("5" and "Hy" on either side of SEKRETARIS UTAMA, a
    stroke's end read as "-" an inch off KEPALA), whatever stands before the "a.n." that opens its
    line, and a stroke glued before a line's first word ("£SEKRETARIS"). The block holds nothing
    else: position, name, rank. Each is listed."""
    out = []
    for line in block:
        if not any(w.conf >= UNREAD_BELOW and sum(c.isalnum() for c in w.text) >= 3 for w in line):
            reading.specks.append(f"{_place(line[0], page)} (coretan paraf atau tanda tangan): {_text(line)}")
            continue
        opening = next((i for i, w in enumerate(line[:3]) if _ON_BEHALF.match(w.text)), 0)
        for mark in line[:opening]:  # "a.n." opens its line: what stands before it is a paraf (read "4")
            reading.specks.append(f"{_place(mark, page)} (coretan paraf di tepi baris): {mark.text}")
        line = line[opening:]
        height = statistics.median(w.height for w in line)
        capitals = all(w.text.isupper() for w in line if w.conf >= UNSURE_BELOW and w.text.isalpha())
        line = _trimmed(line, partial(_paraf_end, height=height, capitals=capitals), "coretan paraf di tepi baris",
                        page, reading)
        first = line[0].text
        if len(first) > 3 and _GLUED_STROKE.match(first):
            reading.specks.append(f"{_place(line[0], page)} (coretan paraf di tepi baris): {first[0]}")
            line = [replace(line[0], text=first[1:])] + line[1:]
        out.append(line)
    return out


_GLUED_STROKE = re.compile(r"^[^\w\s(\"'\u201c\u2018][A-Z][A-Za-z]+[,.]?$")
"""A mark glued before a word of capitals ("£SEKRETARIS", "&KEPALA"): no position or name opens so."""


def _paraf_end(word: Word, gap: int, height: float, capitals: bool) -> bool:
    """A mark at a signature line's end: a dash standing apart, or short and hardly read and
    unlike the line's words: taller than its letters, or a digit or small letter in a line of
    capitals ("5", "Hy"). A degree read with little confidence ("MM" after a name in capitals,
    "KPU" after KETUA) is like its line and stays."""
    text = word.text.rstrip(",")
    if _DOTS.match(text):
        return gap > 3 * height
    if word.conf >= UNREAD_BELOW or len(text) > 3 or text.endswith("."):
        return False
    unlike = not text.isalpha() or (capitals and not text.isupper())
    return unlike or word.height > 1.5 * height


_BARS = ("|", "||", "!", "¦")
"""A bar at a line's end: a punch hole's or the binding's edge, a fold; running text has none
(a table's rules are read with the table)."""


def _without_stray_ends(line: list[Word], page: scan_pages.Page, reading: ScanReading) -> list[Word]:
    """A line less the marks an inch or more away at either end that Tesseract hardly read (a
    speck in the margin read as "La" before LAMPIRAN, "NN," before KEPUTUSAN), and bars at its ends."""
    return _trimmed(line, lambda word, gap: _stray(word) and gap > page.ppi or word.text in _BARS,
                    "noda di tepi baris", page, reading)


def _trimmed(line: list[Word], mark: Callable[[Word, int], bool], why: str, page: scan_pages.Page,
             reading: ScanReading) -> list[Word]:
    """The line less the words at either end that `mark(word, gap to its neighbour)` calls marks,
    each listed in `reading` with `why`; the line's last word always stays."""
    while len(line) > 1 and mark(line[0], line[1].left - line[0].right):
        reading.specks.append(f"{_place(line[0], page)} ({why}): {line[0].text}")
        line = line[1:]
    while len(line) > 1 and mark(line[-1], line[-1].left - line[-2].right):
        reading.specks.append(f"{_place(line[-1], page)} ({why}): {line[-1].text}")
        line = line[:-1]
    return line


_PAGE_NUMBER = re.compile(r"^(?:-\s*)?\d{1,3}(?:\s*-)?$")


def _page_number_apart(line: list[Word], page: scan_pages.Page) -> list[list[Word]]:
    """A page number printed level with the running header a later page repeats ("2" centred,
    KEPUTUSAN KETUA LAPAN / NOMOR ... on the right) is a line of its own, so each is known as
    page furniture."""
    if len(line) > 1 and _PAGE_NUMBER.match(line[0].text) and line[1].left - line[0].right > page.ppi:
        return [line[:1], line[1:]]
    return [line]


def _set_lines(lines: list[list[Word]], tables: list[tuple[tuple[int, int, int, int], list[str]]],
               page: scan_pages.Page, reading: ScanReading) -> None:
    """The page's lines and tables in order of height, repaired, with the unsure words noted."""
    lines = [part for line in lines for part in _page_number_apart(line, page)]
    lines = [_without_stray_ends(line, page, reading) for line in lines]
    debris = [line for line in lines if all(_debris(w) for w in line) or _RULE.match(_text(line))]
    for line in debris:
        reading.specks.append(f"{_place(line[0], page)} (coretan): {_text(line)}")
    lines = [line for line in lines if not any(line is d for d in debris)]
    # each printed line with its words in the order given (the closing's columns one after the
    # other), each table's rows (no words) before the first line below the table's top
    rows: list[tuple[list[str], list[Word] | None]] = []
    waiting = sorted(tables, key=lambda table: table[0][1])
    for words in lines:
        while waiting and waiting[0][0][1] < _middle(words):
            rows += [([row], None) for row in waiting.pop(0)[1]]
        rows.append(([w.text for w in words], list(words)))
    rows += [([row], None) for _, table in waiting for row in table]
    texts = [tokens for tokens, _ in rows]
    owners = [words for _, words in rows]
    _repair_words(texts, owners, page, reading)  # first: a part's colon read as "1" hides the label after it
    _repair_cited_dates(texts, owners, page, reading)
    _repair_number_colons(texts, owners, page, reading)
    _repair_labels(texts, owners, page, reading)
    _repair_item_ends(texts, owners, page, reading)
    start = len(reading.lines)
    for k, (tokens, owned) in enumerate(zip(texts, owners)):
        reading.lines.append(" ".join(tokens))
        if owned is None:
            continue
        for i, word in enumerate(owned):
            if word.conf < UNSURE_BELOW and any(c.isalnum() for c in tokens[i]):  # a word, not a colon
                lo = max(i - 2, 0)
                context = " ".join(tokens[lo:i + 3])
                reading.unsure.append(Unsure(tokens[i], word.conf, _place(word, page), context, i - lo, start + k))


def _label_at(tokens: list[str]) -> int:
    """Where a line's list label stands: first, or after a part's name and its colon
    ("Mengingat : 1. Undang-Undang ...")."""
    if len(tokens) > 1 and _KONSIDERANS.match(tokens[0]):
        return 2 if len(tokens) > 2 and tokens[1] == ":" else 1
    return 0


def _repair_labels(texts: list[list[str]], owners: list, page: scan_pages.Page, reading: ScanReading) -> None:
    """List labels the OCR misread, where the list's own sequence proves what they are: after
    "10." at the same indent, "ll." is "11." and "S5." after "4." is "5."; "1:" or "LA," where
    "2." follows at its place is "1."; a label run into its word ("2.Memantau") is set apart."""
    labels: list[tuple[int, int]] = []  # (left edge, number) of each numbered label seen, in order
    for tokens, words in zip(texts, owners):
        if not words or not tokens:
            continue
        at = _label_at(tokens)
        if at >= len(tokens):
            continue
        first = tokens[at]
        if m := _GLUED_LABEL.match(first):
            tokens[at:at + 1] = [m["label"], m["word"]]
            words[at:at + 1] = [words[at], words[at]]
            reading.repairs.append(Repair(first, f"{m['label']} {m['word']}", "label butir terpisah dari katanya",
                                          _place(words[at], page)))
            first = tokens[at]
        if m := _LETTER_MISREAD.match(first):
            reading.repairs.append(Repair(first, f"{m[1]}.", "label butir huruf", _place(words[at], page)))
            tokens[at] = first = f"{m[1]}."
        left = words[at].left
        if (m := _NUMBER_LABEL.match(first)) is not None:
            labels.append((left, int(m[1])))
            continue
        following = _next_label(texts, owners, tokens, left, words[at].right)
        m = _LABEL_MISPUNCTUATED.match(first)
        if following is not None and (m and following == int(m[1]) + 1 or following == 2 and _JUNK_LABEL.match(first)):
            label = f"{following - 1}."
            reading.repairs.append(Repair(first, label, f"label butir sebelum {following}.", _place(words[at], page)))
            tokens[at] = label
            labels.append((left, following - 1))
            continue
        previous = next((n for x, n in reversed(labels) if abs(x - left) <= _INDENT_SAME), None)
        if previous is None:
            continue
        expected = f"{previous + 1}."
        if m and int(m[1]) == previous + 1:  # "4," after "3."
            reading.repairs.append(Repair(first, expected, f"label butir sesudah {previous}.", _place(words[at], page)))
            tokens[at] = expected
            labels.append((left, previous + 1))
            continue
        for candidate in (first.translate(_CONFUSABLE), first[1:]):
            rest = candidate[len(expected):]
            if candidate.startswith(expected) and (not rest or rest.isalpha()):
                made = [expected, rest] if rest else [expected]
                reading.repairs.append(Repair(first, " ".join(made), f"label butir sesudah {previous}.",
                                              _place(words[at], page)))
                tokens[at:at + 1] = made
                words[at:at + 1] = [words[at]] * len(made)
                labels.append((left, previous + 1))
                break


def _next_label(texts: list[list[str]], owners: list, tokens: list[str], left: int, right: int) -> int | None:
    """The number of the next numbered label after the line `tokens`, aligned with its label on
    the left or on the right (labels are set flush right: "9." and "10." end together)."""
    after = next(k for k, t in enumerate(texts) if t is tokens) + 1
    for other, words in zip(texts[after:], owners[after:]):
        if not words or not other:
            continue
        at = min(_label_at(other), len(other) - 1, len(words) - 1)
        if abs(words[at].left - left) <= _INDENT_SAME or abs(words[at].right - right) <= _INDENT_SAME:
            m = _NUMBER_LABEL.match(other[at])
            return int(m[1]) if m else None
    return None


_KONSIDERANS = re.compile(r"^(?:Menimbang|Mengingat|Memperhatikan|Menetapkan)$", re.I)
_COLON_MISREAD = re.compile(r"^[1lI|!]?[:;]$|^[1lI|\u00bb\u00ab\"'*]$")
"""The colon after a part's name as OCR reads it in a poor scan: "1:", "|", "»"."""
_ROMAN_SEGMENT = re.compile(r"(?<=/)([IVX1l!|]{1,4})(?=/)")
_YTH = re.compile(r"^Y[il1|]th(?P<rest>\W*)$")
_DIKTUM_WORD = re.compile(r"^(?:KE[A-Z]+|PERTAMA)$")


def _repair_words(texts: list[list[str]], owners: list, page: scan_pages.Page, reading: ScanReading) -> None:
    """Letters the OCR confused in a decree's fixed words (ocr_words), the colon after a part's
    name read as "1:", and a month in Roman numerals inside a number ("/1II/" for /III/)."""
    from kpu_docs.importing.ocr_words import mended

    for tokens, words in zip(texts, owners):
        if not words:
            continue
        for k, token in enumerate(tokens):
            made = None
            why = ""
            if k == 1 and _KONSIDERANS.match(tokens[0]) and _COLON_MISREAD.match(token) and token != ":":
                made, why = ":", "titik dua sesudah nama bagian"
            elif k == 1 and _DIKTUM_WORD.match(tokens[0]) and token in ("1", "2", "z", "Z", "1:", ";", "|", "l"):
                made, why = ":", "titik dua sesudah label diktum"
            elif "/" in token and (m := _ROMAN_SEGMENT.search(token)) and not m[1].isdigit() and m[1] != _roman(m[1]):
                made = token[:m.start(1)] + _roman(m[1]) + token[m.end(1):]
                why = "bulan dengan angka Romawi di dalam nomor"
            elif m := _YTH.match(token):
                made, why = "Yth" + m["rest"], "singkatan Yth."
            elif token == "|" and 0 < k and tokens[k - 1][-1:].isalpha():
                made, why = "I", "angka Romawi I (\"Eselon I\")"
            elif (word := mended(token)) is not None:
                made, why = word, "huruf yang tertukar dalam kata baku keputusan"
            if made is not None:
                reading.repairs.append(Repair(token, made, why, _place(words[min(k, len(words) - 1)], page)))
                tokens[k] = made


_CITED_MONTH = re.compile(r"/(?P<month>[\dIVX]{1,4})/(?P<year>(?:19|20)\d\d)\b")
_YEAR_MISREAD = re.compile(r"^(?P<head>(?:19|20)\d)[/|!lI](?P<tail>[.,;:]?)$")


def _repair_cited_dates(texts: list[list[str]], owners: list, page: scan_pages.Page, reading: ScanReading) -> None:
    """What a citation's own date proves of its number, and its number of its date: "Nomor
    Kep/011/11/2001 tanggal 22 Februari 2001" has the Roman II (Arabic 11 would be November), and
    "Nomor Kep/001A/I/1997 tanggal 9 Januari 199/" has the year 1997 its number carries (a slash
    is no digit of a year). Tokens are followed over a line's end: a citation wraps."""
    from kpu_docs.importing.dates import month_number

    at = _token_places(texts, owners)
    for n, (k, i) in enumerate(at):
        number = _CITED_MONTH.search(texts[k][i])
        if number is None:
            continue
        places = at[n + 1:n + 6]
        after = [texts[a][b] for a, b in places]
        if len(after) > 4 and after[2].endswith("-"):  # "9 Ja-" "nuari 199/": the month broken at a line's end
            after[2:4] = [after[2][:-1] + after[3]]
            del places[3]
        if len(after) < 4 or after[0].casefold() != "tanggal" or not after[1].isdigit():
            continue
        month = month_number(after[2])
        if month is None:
            continue
        year = _YEAR_MISREAD.match(after[3])
        if after[3].rstrip(".,;:") != number["year"] and not (year and number["year"].startswith(year["head"])):
            continue  # not this number's date
        read = number["month"]
        if read.isdigit() and int(read) != month and _roman(read) == BULAN_ROMAWI[month - 1]:
            token = texts[k][i]
            made = token[:number.start("month")] + _roman(read) + token[number.end("month"):]
            reading.repairs.append(Repair(token, made, f"bulan nomor sesuai tanggalnya: {after[2]}",
                                          _place(owners[k][min(i, len(owners[k]) - 1)], page)))
            texts[k][i] = made
        if year:
            a, b = places[3]
            made = number["year"] + year["tail"]
            reading.repairs.append(Repair(texts[a][b], made, f"tahun tanggal sesuai nomornya: {number['year']}",
                                          _place(owners[a][min(b, len(owners[a]) - 1)], page)))
            texts[a][b] = made


def _token_places(texts: list[list[str]], owners: list) -> list[tuple[int, int]]:
    """(line, token) of every token of the page's printed lines in reading order (table rows left
    out), so that a phrase is followed over a line's end."""
    return [(k, i) for k, tokens in enumerate(texts) if owners[k] for i in range(len(tokens))]


_NUMBER_COLON_MISREAD = re.compile(r"^[$\u00a7;|!\u00bb\u00ab*]$")
_NUMBER_AFTER = re.compile(r"^[0-9A-Z][0-9A-Za-z.\-]*/\S+$")


def _repair_number_colons(texts: list[list[str]], owners: list, page: scan_pages.Page, reading: ScanReading) -> None:
    """The colon of "Nomor :" read as a symbol ("Nomor $ SE/03/M.PAN/01/2005"): a lone mark between
    the word Nomor and a number with its slashes is the colon the phrase has."""
    at = _token_places(texts, owners)
    for n in range(1, len(at) - 1):
        (k, i), (a, b), (c, d) = at[n - 1], at[n], at[n + 1]
        if texts[k][i] in ("Nomor", "NOMOR") and _NUMBER_COLON_MISREAD.match(texts[a][b]) and _NUMBER_AFTER.match(texts[c][d]):
            reading.repairs.append(Repair(texts[a][b], ":", "titik dua sesudah Nomor",
                                          _place(owners[a][min(b, len(owners[a]) - 1)], page)))
            texts[a][b] = ":"


def _roman(text: str) -> str:
    return text.replace("1", "I").replace("l", "I").replace("!", "I").replace("|", "I")


def _label_of(tokens: list[str]) -> tuple[str, int] | None:
    if not tokens:
        return None
    if m := _NUMBER_LABEL.match(tokens[0]):
        return "1", int(m[1])
    if _LETTER_LABEL.match(tokens[0]):
        return "a", ord(tokens[0][0]) - ord("a") + 1
    return None


def _repair_item_ends(texts: list[list[str]], owners: list, page: scan_pages.Page, reading: ScanReading) -> None:
    """An item's closing ";" that the OCR read as "," or ":": the line before a list's second or
    later label ends its item, and a decree's list items end in ";" (drafting.md: "; dan" before
    the last). A ":" before a first label ("a.", "1.") opens a list and stays."""
    for k in range(len(texts) - 1):
        tokens, words = texts[k], owners[k]
        nxt = _label_of(texts[k + 1]) if owners[k + 1] else None
        if not words or not tokens or nxt is None or nxt[1] < 2:
            continue
        at = len(tokens) - 2 if len(tokens) > 1 and tokens[-1] in ("dan", "atau") else len(tokens) - 1
        last = tokens[at]
        if last[-1:] in (",", ":") and len(last) > 1 and last[-2:-1].isalnum():
            made = last[:-1] + ";"
            reading.repairs.append(Repair(last, made, "akhir butir sebelum butir berikutnya", _place(words[at], page)))
            tokens[at] = made
