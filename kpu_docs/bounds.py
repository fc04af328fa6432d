"""How much of a file from outside is read: every limit in one place, each refusal one message.

Decrees, templates and documents to import come from other offices, from e-mail and from shared
drives. Each is checked against a limit before it is read, so a hostile or broken file costs
bounded time and memory and ends in one Indonesian message (tests/hostile/ holds the cases).
The limits sit far above real decrees: the reference decree is a 20 KB YAML file and a 60 KB
.docx; a 5,000-row member table makes a 400 KB YAML file and a 3.7 MB document.xml.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from kpu_docs.errors import KpuDocsError

MB = 1024 * 1024

TEXT_FILE_MAX = 5 * MB
"""A .yaml, .json or .txt decree: about 60,000 table rows of text."""
TEXT_LINE_MAX = 20_000
"""Characters of one line of a .txt to import: a paragraph typed on one line is a few thousand
(a 5 MB single line took 918 MB and 20 s to import)."""
TEXT_CONTROLS_MAX = 0.01
"""Share of control characters (other than tab, line and page breaks) a .txt may hold: text
has none; random bytes about one in eight."""
DATA_VALUES_MAX = 250_000
"""Values (texts, numbers, lists, mappings) in a decree file once YAML aliases are expanded: a
100,000-row table (400,000 values) takes 225 MB to validate; a billion-laughs file, millions."""
DATA_CHARS_MAX = 20_000_000
"""Characters of text in a decree file, aliases expanded: four times the largest file."""
PDF_FILE_MAX = 25 * MB
"""A decree's PDF, to import: a long decree with its Lampiran is a few megabytes."""
PDF_PAGES_MAX = 500
"""Pages of a PDF to import."""
PDF_STREAM_MAX = 32 * MB
"""One stream of a PDF, decoded (a page's text, a font, a picture): a page of a decree is tens of
KB of text operators, an embedded font a few MB; a PDF bomb, gigabytes from a few MB."""
PDF_DECODED_MAX = 128 * MB
"""All streams of a PDF together, decoded."""
PDF_OBJECTS_MAX = 200_000
"""Objects in a PDF: a 500-page decree has some tens of thousands."""
PDF_PAGE_CHARS_MAX = 20_000
"""Characters on one page of a PDF: a dense A4 page of 9-point text holds about 6,000; each takes
pdfplumber about 140 microseconds and 2 KB to lay out and read."""
PDF_CHARS_MAX = 1_000_000
"""Characters in all pages of a PDF: 500 pages of 2,000."""
LOGO_MAX = 5 * MB
"""A logo image: a scanned emblem at print resolution is a few hundred KB."""
PACKAGE_FILE_MAX = 25 * MB
"""A .docx to import or a template: Word files with photographs in a Lampiran stay below."""
PACKAGE_MEMBERS_MAX = 1000
"""Parts in a .docx: Word writes about 20, plus one per picture."""
XML_PART_MAX = 10 * MB
"""One XML part, uncompressed: reading it takes python-docx about 25 times its size in memory
(a 25,000-row table's 18.7 MB document.xml took 385 MB), and parsing a text node of more than
10 MB needs lxml's huge_tree, which stays off."""
PART_MAX = 20 * MB
"""Any other part (a picture), uncompressed."""
PACKAGE_TOTAL_MAX = 50 * MB
"""All parts together, uncompressed."""
RATIO_MAX = 200
"""Uncompressed to compressed size of a part larger than RATIO_FLOOR: Word's XML compresses
5 to 30 times, kpu-docs' own 25,000-row table 70 times; a zip bomb 300 to 1,000 times."""
RATIO_FLOOR = 1 * MB
TEMPLATE_STEPS_MAX = 500_000
"""Loop turns, calls and numbers given by range() in filling one part of a template: the shipped
templates take a few hundred; nested range(100000) loops, ten thousand million."""
TEMPLATE_SECONDS_MAX = 30
"""Seconds to fill one part of a template: a 25,000-row decree takes a few."""
TEMPLATE_TEXT_MAX = 32 * MB
"""Characters of one text a template makes ('A' * 10**9 is refused before it is made)."""
TEMPLATE_ITEMS_MAX = 1_000_000
"""Items of one list or range a template makes ([0] * 10**8 is 800 MB)."""
TEMPLATE_MADE_MAX = 128 * MB
"""Characters and items a template makes in filling one part, all together."""
TEMPLATE_OUTPUT_MAX = 64 * MB
"""Characters of one filled part: a 25,000-row table's document.xml is 18.7 MB."""
TEMPLATE_DIGITS_MAX = 10_000
"""Digits of a number a template computes (10 ** 10 ** 10 would take hours)."""


class FileRefused(KpuDocsError, ValueError):
    """A file kpu-docs will not read (too large, not the kind it claims, an unsafe archive)."""


class FileTooLarge(FileRefused):
    """A file, or a part or the content of one, beyond its limit."""


def size_text(size: int) -> str:
    """A size for people, with the Indonesian decimal comma: "1,2 MB", "850 KB"."""
    if size >= MB:
        return f"{size / MB:.1f} MB".replace(".", ",")
    return f"{max(size // 1024, 1)} KB"


def read_bytes(path: Path, limit: int, what: str) -> bytes:
    """The bytes of the regular file at `path`, refused (FileTooLarge) when it is larger than
    `limit`. Checked before reading and again while reading, so a file that grows, or a device
    such as /dev/zero, is never read past the limit. FileNotFoundError when there is none."""
    path = Path(path)
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise FileRefused(f"{path}: {what} harus berupa berkas biasa (bukan folder atau perangkat)")
    if info.st_size > limit:
        raise FileTooLarge(f"{path}: {what} terlalu besar ({size_text(info.st_size)}; batas {size_text(limit)})")
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(f"{path}: {what} terlalu besar (lebih dari {size_text(limit)})")
    return data


_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xef\xbb\xbf", "utf-8"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
"""Byte order marks, longest first: Notepad's "Unicode" is UTF-16 LE with its mark."""
_CONTROL = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f\ufffd]")


def read_text(path: Path, what: str = "berkas teks") -> str:
    """The text of a .txt to import, bounded in bytes (read_bytes) and line length, decoded by
    its byte order mark (UTF-8, UTF-16, UTF-32), else as UTF-8, else as Windows-1252; refused
    (FileRefused) when it holds NUL characters or is not text at all (a binary file named .txt)."""
    raw = read_bytes(path, TEXT_FILE_MAX, what)
    for mark, encoding in _BOMS:
        if raw.startswith(mark):
            try:
                text = raw[len(mark):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise FileRefused(f"{path}: {what} bertanda {encoding.upper()} tetapi rusak di byte {exc.start + len(mark)}") from None
            break
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
    controls = len(_CONTROL.findall(text))
    if controls > max(len(text) * TEXT_CONTROLS_MAX, 8):
        raise FileRefused(f"{path}: bukan berkas teks: {controls} dari {len(text)} karakter adalah karakter kendali "
                          "atau byte yang tidak terbaca; simpan sebagai teks biasa (UTF-8)")
    nul = text.find("\0")
    if nul >= 0:
        raise FileRefused(f"{path}: {what} memuat karakter NUL di baris {text.count(chr(10), 0, nul) + 1}: bukan teks "
                          "biasa (berkas Word, PDF atau biner yang dinamai .txt, atau UTF-16 tanpa tanda BOM?); "
                          "simpan sebagai teks biasa (UTF-8)")
    for number, line in enumerate(text.splitlines(), start=1):
        if len(line) > TEXT_LINE_MAX:
            raise FileTooLarge(f"{path}: baris {number} terlalu panjang ({len(line):,} karakter; batas "
                               f"{TEXT_LINE_MAX:,}); pisahkan paragrafnya menjadi beberapa baris".replace(",", "."))
    return text
