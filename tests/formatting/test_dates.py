"""Tests for Indonesian date wording in kpu_docs.formatting.dates."""

import datetime

import pytest

from kpu_docs.formatting import (
    format_bulan_tahun,
    format_rentang_bulan,
    format_tanggal,
    nama_bulan,
)

D = datetime.date

MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


@pytest.mark.parametrize("month, expected", list(enumerate(MONTHS, start=1)))
def test_nama_bulan_all_months(month, expected):
    assert nama_bulan(month) == expected


@pytest.mark.parametrize("month", [0, 13, -1, 100])
def test_nama_bulan_out_of_range(month):
    with pytest.raises(ValueError):
        nama_bulan(month)


@pytest.mark.parametrize("month", ["1", 1.0, None, True])
def test_nama_bulan_wrong_type(month):
    with pytest.raises(TypeError):
        nama_bulan(month)


@pytest.mark.parametrize("month, expected", list(enumerate(MONTHS, start=1)))
def test_format_tanggal_every_month(month, expected):
    assert format_tanggal(D(2025, month, 15)) == f"15 {expected} 2025"


@pytest.mark.parametrize(
    "d, expected",
    [
        (D(2025, 9, 3), "3 September 2025"),
        (D(2025, 1, 1), "1 Januari 2025"),
        (D(2024, 2, 29), "29 Februari 2024"),
        (D(2025, 12, 31), "31 Desember 2025"),
        (D(2026, 8, 17), "17 Agustus 2026"),
        (D(2025, 5, 9), "9 Mei 2025"),
    ],
)
def test_format_tanggal(d, expected):
    assert format_tanggal(d) == expected


def test_format_tanggal_day_not_zero_padded():
    assert format_tanggal(D(2025, 3, 7)) == "7 Maret 2025"
    assert not format_tanggal(D(2025, 3, 7)).startswith("0")


def test_format_tanggal_accepts_datetime():
    assert format_tanggal(datetime.datetime(2025, 10, 2, 23, 59)) == "2 Oktober 2025"


def test_format_tanggal_rejects_string():
    with pytest.raises(TypeError):
        format_tanggal("2025-09-03")


@pytest.mark.parametrize(
    "d, expected",
    [
        (D(2025, 9, 3), "September 2025"),
        (D(2025, 6, 30), "Juni 2025"),
        (D(2026, 1, 1), "Januari 2026"),
    ],
)
def test_format_bulan_tahun(d, expected):
    assert format_bulan_tahun(d) == expected


def test_rentang_same_year():
    assert format_rentang_bulan(D(2025, 9, 1), D(2025, 12, 31)) == "September s/d Desember 2025"


def test_rentang_same_month():
    assert format_rentang_bulan(D(2025, 9, 1), D(2025, 9, 30)) == "September 2025"


def test_rentang_same_day():
    assert format_rentang_bulan(D(2025, 9, 3), D(2025, 9, 3)) == "September 2025"


def test_rentang_different_years():
    assert (
        format_rentang_bulan(D(2025, 11, 1), D(2026, 2, 28))
        == "November 2025 s/d Februari 2026"
    )


def test_rentang_same_month_different_years():
    assert format_rentang_bulan(D(2025, 3, 1), D(2026, 3, 1)) == "Maret 2025 s/d Maret 2026"


def test_rentang_custom_separator():
    assert format_rentang_bulan(D(2025, 1, 1), D(2025, 3, 1), separator="sampai dengan") == (
        "Januari sampai dengan Maret 2025"
    )
    assert format_rentang_bulan(D(2025, 1, 1), D(2025, 3, 1), "–") == "Januari – Maret 2025"


def test_rentang_end_before_start_later_day_same_month_is_ok():
    # Comparison is by (year, month): a smaller day in the same month is fine.
    assert format_rentang_bulan(D(2025, 9, 20), D(2025, 9, 1)) == "September 2025"


@pytest.mark.parametrize(
    "start, end",
    [
        (D(2025, 12, 1), D(2025, 9, 1)),
        (D(2026, 1, 1), D(2025, 12, 31)),
        (D(2025, 10, 1), D(2025, 9, 30)),
    ],
)
def test_rentang_end_before_start(start, end):
    with pytest.raises(ValueError):
        format_rentang_bulan(start, end)
