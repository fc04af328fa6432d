"""Indonesian number wording (terbilang, diktum ordinals, Roman numerals, list letters) for decrees."""

from __future__ import annotations

import re

from num2words import num2words

_ROMAN_VALUES: tuple[tuple[int, str], ...] = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_ROMAN_CHARS = re.compile(r"[IVXLCDM]+")

_ORDINAL_STYLES = ("kesatu", "pertama")

# num2words (0.5.x) spells 10**18 "kuantiliun"; the standard Indonesian word
# (KBBI) is "kuintiliun", so the wrapper corrects it.
_NUM2WORDS_FIXES = {"kuantiliun": "kuintiliun"}


def _require_int(value: object, name: str = "n") -> int:
    """Return ``value`` if it is a plain int (not bool), else raise TypeError."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    return value


def terbilang(n: int) -> str:
    """Return the lowercase Indonesian cardinal words for ``n`` (21 -> "dua puluh satu")."""
    _require_int(n)
    if n < 0:
        raise ValueError(f"n must be non-negative, got {n}")
    try:
        words = num2words(n, lang="id")
    except OverflowError as exc:  # num2words caps Indonesian at < 10**36
        raise ValueError(f"n is too large to spell out: {n}") from exc
    parts = [_NUM2WORDS_FIXES.get(word, word) for word in words.lower().split()]
    return " ".join(parts)


def angka_dan_terbilang(n: int) -> str:
    """Return the digits followed by the words in parentheses, e.g. "3 (tiga)"."""
    return f"{n} ({terbilang(n)})"


def ordinal_diktum(n: int, style: str = "kesatu") -> str:
    """Return the capitalised diktum label for ``n`` (1 -> "KESATU", 21 -> "KEDUA PULUH SATU").

    "KE" is prefixed to the first word of the cardinal; style "pertama" only
    changes 1 to "PERTAMA".
    """
    _require_int(n)
    if style not in _ORDINAL_STYLES:
        raise ValueError(f"unknown style {style!r}; expected one of {_ORDINAL_STYLES}")
    if n < 1:
        raise ValueError(f"n must be >= 1, got {n}")
    if n == 1 and style == "pertama":
        return "PERTAMA"
    return "KE" + terbilang(n).upper()


def roman(n: int) -> str:
    """Return the uppercase Roman numeral for ``n`` in 1..3999 (2025 -> "MMXXV")."""
    _require_int(n)
    if not 1 <= n <= 3999:
        raise ValueError(f"n must be in 1..3999, got {n}")
    out = []
    for value, symbol in _ROMAN_VALUES:
        count, n = divmod(n, value)
        out.append(symbol * count)
    return "".join(out)


def from_roman(s: str) -> int:
    """Parse a canonical Roman numeral (case-insensitive) into an int; ValueError otherwise."""
    if not isinstance(s, str):
        raise TypeError(f"s must be a str, got {type(s).__name__}")
    text = s.upper()
    if not _ROMAN_CHARS.fullmatch(text):
        raise ValueError(f"not a Roman numeral: {s!r}")
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN_DIGITS[ch]
        if i + 1 < len(text) and value < _ROMAN_DIGITS[text[i + 1]]:
            total -= value
        else:
            total += value
    # Round-tripping rejects non-canonical forms such as "IIII", "IC" or "VX".
    if not 1 <= total <= 3999 or roman(total) != text:
        raise ValueError(f"not a canonical Roman numeral: {s!r}")
    return total


def huruf(n: int, upper: bool = False) -> str:
    """Return the list letter for ``n`` as Word and LibreOffice print a lettered list (w:numFmt
    lowerLetter): 1 -> "a", 26 -> "z", 27 -> "aa", 28 -> "bb", 53 -> "aaa". The closing Menimbang
    cites these letters, so they must be the printed ones."""
    _require_int(n)
    if n < 1:
        raise ValueError(f"n must be >= 1, got {n}")
    repeat, rem = divmod(n - 1, 26)
    result = chr(ord("a") + rem) * (repeat + 1)
    return result.upper() if upper else result
