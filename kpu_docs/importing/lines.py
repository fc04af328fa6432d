"""Lines of a hand-written decree: OCR debris removed, typed list labels and wrapped lines read.

Shared by the reader of the decree's parts (layout) and of its Lampiran (lampiran_text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kpu_docs.importing import furniture, reflow
from kpu_docs.importing.signature import AN, MARK as TTD  # shared with the Lampiran's closing
from kpu_docs.wording.punctuation import bare

ARTEFACT = re.compile(r"^(?:(?:[-\u2013\u2022\u00b7\u25aa*|]|:)(?:\s+|$))+")
"""OCR and typing debris before a line's text: "- ", "- : ", ": " (the colon column of a layout),
"| " (a layout table's cell border, as a web page gives it)."""
LONE_LABEL = re.compile(r"^(?:[a-z]|\d{1,3})[.)]$")
"""A list label on a line of its own: its item's text follows on the next line."""
LABEL = re.compile(r"^(?:(?P<letter>[a-z])[.)]|(?P<number>\d{1,3})[.)](?!\d)|\((?P<paren>\d{1,3})\))\s*(?P<text>\S.*)$")
"""A typed list label and its item's text ("a. ...", "12.melaksanakan" as OCR runs them together);
not the start of a number that wrapped to the line ("100.2.2.6/4845/OTDA")."""
SALINAN = re.compile(r"^salinan\s+sesuai\s+dengan\s+aslinya\s*[.,:]?\s*(?P<rest>.*)$", re.I)
LAMPIRAN = re.compile(r"^(?:LAMPIRAN|Lampiran)(?:\s+(?P<roman>[IVXLC]+)(?![\w]))?\s*[:.]?\s*(?P<rest>.*)$")
ITEM_END = re.compile(r";\s*(?:dan|atau)?$")
"""An item that closes as list items do: ";", "; dan", "; atau"."""


@dataclass(slots=True)
class Src:
    """One line of the source: its number, the raw text (tabs kept) and the cleaned text."""

    number: int
    raw: str
    text: str
    bullet: bool = False
    """The line began with a bullet or colon left over from the layout: it starts an item."""


def prepare(lines: list[str], dropped: list[str]) -> list[Src]:
    """Numbered, cleaned lines; page furniture (page numbers, footers, catchwords: furniture.find)
    becomes blank lines, or is cut from its line, and is listed in `dropped`."""
    numbers, raws, texts = [], [], []
    cleaned = [raw.replace("\f", "").rstrip() for raw in lines]
    # a transcript that lost its line breaks lost them on every page: once one line is flat, every
    # long line is broken again, also a page whose text names no part of the decree
    normal = [" ".join(raw.split()) for raw in cleaned]  # tabs become single spaces too
    long = [len(text) > reflow.FLAT_FROM for text in normal]  # is_flat's cheap half, first
    flat = any(reflow.is_flat(text) for text, over in zip(normal, long) if over)
    for number, (raw, text, over) in enumerate(zip(cleaned, normal, long), start=1):
        split = reflow.split(text) if over and (flat or reflow.is_flat(text)) else [text]
        for piece in split:  # a line that lost its breaks becomes several, all with its number
            numbers.append(number)
            raws.append(raw if len(split) == 1 else piece)
            texts.append(piece)
    pieces = {f.line: f for f in furniture.find(texts)}
    out = []
    for index, (number, raw, text) in enumerate(zip(numbers, raws, texts)):
        if (found := pieces.get(index)) is not None:
            dropped.append(f"baris {number} ({found.kind}): {found.text}")
            if not found.rest:
                # a table's column-number row keeps its layout: where a page sets the columns
                out.append(Src(number, raw if found.kind == furniture.COLUMN_NUMBERS else "", ""))
                continue
            raw = text = found.rest
        m = ARTEFACT.match(text)
        bullet = m is not None and bool(text[m.end():])
        if m:
            text = text[m.end():]
        out.append(Src(number, raw, text, bullet))
    return out


def list_label(text: str) -> tuple[str | None, int | None, str]:
    """A typed list label: kind ("a.", "1.", "a)", "1)", "(1)"), its ordinal, and the text after it."""
    m = LABEL.match(text)
    if not m:
        return None, None, text
    if m["letter"]:
        kind = "a." if text[1] == "." else "a)"
        return kind, ord(m["letter"]) - ord("a") + 1, m["text"]
    if m["number"]:
        kind = "1." if text[len(m["number"])] == "." else "1)"
        return kind, int(m["number"]), m["text"]
    return "(1)", int(m["paren"]), m["text"]


_BREAK = re.compile(r"(?P<word>[^\W\d_]+)(?P<mark> ?-)$")
"""A word the typist broke at the line end: "Keuang-", "tang -" (a typewriter's justified hyphen)."""


def _glue(a: str, b: str) -> tuple[int, str]:
    """How `b` continues `a`: how many characters come off the end of `a`, and what follows.

    A word hyphenated at the line end is one word again ("Keuang-" "an" -> "Keuangan", "tang -"
    "gal" -> "tanggal"), unless its halves repeat a root, as Indonesian reduplication does
    ("Perundang-" "undangan", "terus-" "menerus": the hyphen is the word's own). A number broken
    after its slash loses the hyphen the typist added ("Kep/076/-" "VI/1994"); one broken at its own
    hyphen is closed up ("13887/R-" "AK.02.03/SD/K/2025")."""
    if a.endswith("/-") and b[:1].isalnum():
        return 1, b
    if re.search(r"/\S*-$", a) and b[:1].isalnum():  # a number broken at its own hyphen
        return 0, b
    if a.endswith("/") and b[:1].isalnum():  # broken after a slash: "kompleks/" "khusus", "41/PER/" "2007"
        return 0, b
    if b[:1].islower() and (m := _BREAK.search(a)):
        letters = re.match(r"[^\W\d_]*", b)
        assert letters is not None  # a pattern that matches the empty string always matches
        first, second = m["word"].casefold(), letters[0].casefold()
        if any(first[-k:] in second for k in range(3, len(first) + 1)):
            return len(m["mark"]), f"-{b}"  # reduplication: the hyphen kept, a " -" closed up
        return len(m["mark"]), b
    if a.endswith("-") and b[:1].islower():
        return 0, b
    return 0, f" {b}"


def join(a: str, b: str) -> str:
    """Two pieces of one wrapped text; a word hyphenated at the break is rejoined (see _glue)."""
    if not a:
        return b
    cut, glue = _glue(a, b)
    return a[: len(a) - cut] + glue


class Wrapped:
    """One text wrapped over several lines, joined as `join` joins them, in time linear in its length.

    `join` in a loop copies the text so far for every line, quadratic for a paragraph wrapped
    over thousands of lines; and the readers decide whether a line continues a text by how the
    text ends (";", ",", "; dan", a connective word). So the lines are kept as pieces, and `end`
    holds the text's last characters: enough for those checks, since the text is whitespace-
    normalised (its lines are, and join adds one space), so no such ending is longer than a word.
    """

    __slots__ = ("_pieces", "end")
    END = 100

    def __init__(self, first: str = ""):
        self._pieces = [first]
        self.end = first[-self.END:]

    def add(self, line: str) -> None:
        """join(text, line): join only looks at whether the text is empty and how its last word ends."""
        if not self.end:
            self._pieces.append(line)
        else:
            cut, glue = _glue(self.end, line)
            while cut:  # a hyphen (" -") taken off the text's end: at most two characters
                last = self._pieces[-1]
                self._pieces[-1] = last[: max(0, len(last) - cut)]
                cut -= min(cut, len(last))
                if not self._pieces[-1] and len(self._pieces) > 1:
                    self._pieces.pop()
            self._pieces.append(glue)
        tail, size = [], 0
        for piece in reversed(self._pieces):
            tail.append(piece)
            size += len(piece)
            if size >= self.END:
                break
        self.end = "".join(reversed(tail))[-self.END:]

    def __bool__(self) -> bool:
        return bool(self.end)

    def __str__(self) -> str:
        return "".join(self._pieces)


def strip_item(text: str) -> str:
    """An item without the list punctuation the renderer adds back ("; dan" included)."""
    return bare(re.sub(r";\s*(?:dan|atau)$", "", text))
