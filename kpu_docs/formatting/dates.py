"""Indonesian date wording for decrees, so every document spells dates the same way."""

from __future__ import annotations

import datetime

from babel.dates import format_date, get_month_names

_LOCALE = "id"


def _require_date(value: object, name: str) -> datetime.date:
    """Return ``value`` if it is a date (or datetime), else raise TypeError."""
    if not isinstance(value, datetime.date):
        raise TypeError(f"{name} must be a datetime.date, got {type(value).__name__}")
    return value


def nama_bulan(month: int) -> str:
    """Return the Indonesian month name for ``month`` (1 -> "Januari")."""
    if isinstance(month, bool) or not isinstance(month, int):
        raise TypeError(f"month must be an int, got {type(month).__name__}")
    if not 1 <= month <= 12:
        raise ValueError(f"month must be in 1..12, got {month}")
    return str(get_month_names("wide", context="format", locale=_LOCALE)[month])


def format_tanggal(d: datetime.date) -> str:
    """Format a date as "3 September 2025" (day not zero padded)."""
    _require_date(d, "d")
    return format_date(d, "d MMMM y", locale=_LOCALE)


def format_hari_tanggal(d: datetime.date) -> str:
    """Format a date with its weekday, e.g. "Kamis, 19 Maret 2026"."""
    _require_date(d, "d")
    return format_date(d, "EEEE, d MMMM y", locale=_LOCALE)


def format_bulan_tahun(d: datetime.date) -> str:
    """Format a date as month and year, e.g. "September 2025"."""
    _require_date(d, "d")
    return format_date(d, "MMMM y", locale=_LOCALE)


def format_rentang_bulan(
    start: datetime.date, end: datetime.date, separator: str = "s/d"
) -> str:
    """Format a month range, e.g. "September s/d Desember 2025".

    The year is written once when both ends share it, and the range collapses
    to a single "Bulan Tahun" when both ends fall in the same month.
    """
    _require_date(start, "start")
    _require_date(end, "end")
    if (end.year, end.month) < (start.year, start.month):
        raise ValueError(f"end ({end}) is before start ({start})")
    if (start.year, start.month) == (end.year, end.month):
        return format_bulan_tahun(start)
    if start.year == end.year:
        return f"{nama_bulan(start.month)} {separator} {format_bulan_tahun(end)}"
    return f"{format_bulan_tahun(start)} {separator} {format_bulan_tahun(end)}"
