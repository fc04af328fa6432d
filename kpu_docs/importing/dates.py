"""Indonesian dates as printed ("3 September 2025") back to datetime.date."""

from __future__ import annotations

import datetime
import re

from kpu_docs.formatting import nama_bulan

_MONTHS = {nama_bulan(m).lower(): m for m in range(1, 13)}
_MONTHS.update({"pebruari": 2, "nopember": 11, "agustus": 8, "agust": 8, "sept": 9, "okt": 10, "nop": 11, "nov": 11, "des": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "ags": 8})
_MONTHS.update({"may": 5, "aug": 8, "sep": 9, "oct": 10, "dec": 12})
"""A date stamp's English abbreviations ("26 MAY 2004"): the stamps offices bought print them."""


def month_number(name: str) -> int | None:
    """The month a printed month name stands for ("Februari", "Pebruari", "Feb", "MAY"), or None."""
    return _MONTHS.get(name.strip(".,;:").lower())


_DATE = re.compile(r"(\d{1,2})\s*([A-Za-z]+)\.?\s*(\d{4})")


def parse_tanggal(text: str) -> datetime.date | None:
    """The first "<day> <month name> <year>" in the text, or None when there is none (or it is impossible)."""
    for match in _DATE.finditer(text):
        month = _MONTHS.get(match.group(2).lower())
        if month is None:
            continue
        try:
            return datetime.date(int(match.group(3)), month, int(match.group(1)))
        except ValueError:
            continue
    return None
