"""Tests for Indonesian number wording in kpu_docs.formatting.numbers."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpu_docs.formatting import (
    angka_dan_terbilang,
    from_roman,
    huruf,
    ordinal_diktum,
    roman,
    terbilang,
)

# --- terbilang ---------------------------------------------------------------


@pytest.mark.parametrize(
    "n, expected",
    [
        (0, "nol"),
        (1, "satu"),
        (2, "dua"),
        (3, "tiga"),
        (7, "tujuh"),
        (8, "delapan"),
        (9, "sembilan"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (21, "dua puluh satu"),
        (45, "empat puluh lima"),
        (99, "sembilan puluh sembilan"),
        (100, "seratus"),
        (101, "seratus satu"),
        (111, "seratus sebelas"),
        (200, "dua ratus"),
        (1000, "seribu"),
        (1001, "seribu satu"),
        (1100, "seribu seratus"),
        (2025, "dua ribu dua puluh lima"),
        (11000, "sebelas ribu"),
        (100000, "seratus ribu"),
        (1000000, "satu juta"),
        (2500000, "dua juta lima ratus ribu"),
        (1000000000, "satu miliar"),
        (10**12, "satu triliun"),
    ],
)
def test_terbilang(n, expected):
    assert terbilang(n) == expected


def test_terbilang_kuintiliun_spelling_fixed():
    # num2words says "kuantiliun"; KBBI spells 10**18 "kuintiliun".
    assert terbilang(10**18) == "satu kuintiliun"
    assert terbilang(3 * 10**18) == "tiga kuintiliun"


def test_terbilang_negative():
    with pytest.raises(ValueError):
        terbilang(-1)


def test_terbilang_too_large():
    with pytest.raises(ValueError):
        terbilang(10**36)


@pytest.mark.parametrize("n", [1.5, "3", None, True])
def test_terbilang_wrong_type(n):
    with pytest.raises(TypeError):
        terbilang(n)


@pytest.mark.parametrize(
    "n, expected",
    [
        (0, "0 (nol)"),
        (3, "3 (tiga)"),
        (14, "14 (empat belas)"),
        (30, "30 (tiga puluh)"),
        (150, "150 (seratus lima puluh)"),
    ],
)
def test_angka_dan_terbilang(n, expected):
    assert angka_dan_terbilang(n) == expected


# --- ordinal_diktum ----------------------------------------------------------

ORDINALS_1_TO_40 = [
    "KESATU",
    "KEDUA",
    "KETIGA",
    "KEEMPAT",
    "KELIMA",
    "KEENAM",
    "KETUJUH",
    "KEDELAPAN",
    "KESEMBILAN",
    "KESEPULUH",
    "KESEBELAS",
    "KEDUA BELAS",
    "KETIGA BELAS",
    "KEEMPAT BELAS",
    "KELIMA BELAS",
    "KEENAM BELAS",
    "KETUJUH BELAS",
    "KEDELAPAN BELAS",
    "KESEMBILAN BELAS",
    "KEDUA PULUH",
    "KEDUA PULUH SATU",
    "KEDUA PULUH DUA",
    "KEDUA PULUH TIGA",
    "KEDUA PULUH EMPAT",
    "KEDUA PULUH LIMA",
    "KEDUA PULUH ENAM",
    "KEDUA PULUH TUJUH",
    "KEDUA PULUH DELAPAN",
    "KEDUA PULUH SEMBILAN",
    "KETIGA PULUH",
    "KETIGA PULUH SATU",
    "KETIGA PULUH DUA",
    "KETIGA PULUH TIGA",
    "KETIGA PULUH EMPAT",
    "KETIGA PULUH LIMA",
    "KETIGA PULUH ENAM",
    "KETIGA PULUH TUJUH",
    "KETIGA PULUH DELAPAN",
    "KETIGA PULUH SEMBILAN",
    "KEEMPAT PULUH",
]


def test_ordinal_table_is_complete():
    assert len(ORDINALS_1_TO_40) == 40


@pytest.mark.parametrize("n, expected", list(enumerate(ORDINALS_1_TO_40, start=1)))
def test_ordinal_diktum_kesatu(n, expected):
    assert ordinal_diktum(n) == expected
    assert ordinal_diktum(n, style="kesatu") == expected


@pytest.mark.parametrize("n, expected", list(enumerate(ORDINALS_1_TO_40, start=1)))
def test_ordinal_diktum_pertama(n, expected):
    if n == 1:
        expected = "PERTAMA"
    assert ordinal_diktum(n, style="pertama") == expected


@pytest.mark.parametrize(
    "n, expected",
    [
        (99, "KESEMBILAN PULUH SEMBILAN"),
        (100, "KESERATUS"),
        (101, "KESERATUS SATU"),
        (111, "KESERATUS SEBELAS"),
        (120, "KESERATUS DUA PULUH"),
        (200, "KEDUA RATUS"),
        (1000, "KESERIBU"),
    ],
)
def test_ordinal_diktum_large(n, expected):
    assert ordinal_diktum(n) == expected


def test_ordinal_diktum_pertama_only_changes_one():
    assert ordinal_diktum(2, style="pertama") == "KEDUA"
    assert ordinal_diktum(21, style="pertama") == "KEDUA PULUH SATU"
    assert ordinal_diktum(101, style="pertama") == "KESERATUS SATU"


@pytest.mark.parametrize("n", [0, -1, -10])
def test_ordinal_diktum_below_one(n):
    with pytest.raises(ValueError):
        ordinal_diktum(n)


@pytest.mark.parametrize("style", ["", "Kesatu", "PERTAMA", "first", "ke"])
def test_ordinal_diktum_unknown_style(style):
    with pytest.raises(ValueError):
        ordinal_diktum(1, style=style)


# --- roman / from_roman ------------------------------------------------------


@pytest.mark.parametrize(
    "n, expected",
    [
        (1, "I"),
        (2, "II"),
        (3, "III"),
        (4, "IV"),
        (5, "V"),
        (6, "VI"),
        (7, "VII"),
        (8, "VIII"),
        (9, "IX"),
        (10, "X"),
        (14, "XIV"),
        (40, "XL"),
        (49, "XLIX"),
        (90, "XC"),
        (400, "CD"),
        (444, "CDXLIV"),
        (900, "CM"),
        (1999, "MCMXCIX"),
        (2025, "MMXXV"),
        (3999, "MMMCMXCIX"),
    ],
)
def test_roman_and_back(n, expected):
    assert roman(n) == expected
    assert from_roman(expected) == n
    assert from_roman(expected.lower()) == n


@pytest.mark.parametrize("n", [0, -1, 4000, 10000])
def test_roman_out_of_range(n):
    with pytest.raises(ValueError):
        roman(n)


def test_from_roman_mixed_case():
    assert from_roman("MmXxV") == 2025


@pytest.mark.parametrize(
    "s",
    ["", "IIII", "VV", "IC", "IL", "VX", "XM", "MMMM", "IIV", "ABC", "X I", " X", "IVI", "XCX", "12"],
)
def test_from_roman_invalid(s):
    with pytest.raises(ValueError):
        from_roman(s)


@given(st.integers(min_value=1, max_value=3999))
def test_roman_round_trip(n):
    assert from_roman(roman(n)) == n


# --- huruf -------------------------------------------------------------------


@pytest.mark.parametrize(
    "n, expected",
    [
        (1, "a"),
        (2, "b"),
        (3, "c"),
        (26, "z"),
        (27, "aa"),
        (28, "bb"),
        (52, "zz"),
        (53, "aaa"),
        (79, "aaaa"),
    ],
)
def test_huruf(n, expected):
    assert huruf(n) == expected
    assert huruf(n, upper=True) == expected.upper()


@pytest.mark.parametrize("n", [0, -1])
def test_huruf_below_one(n):
    with pytest.raises(ValueError):
        huruf(n)
