"""A Roman I in a number's month told from the digit 1 by its glyph.

The word images are real: each is one number as the scan importer cuts it from its cleaned page
(the corpus scans in tests/importing/corpus, sources.yaml names them):
- lapan-046-1997-p1-nomor-bulan-I.png: "Kep/001A/I/1997", typewritten, LAPAN 046/1997 page 1;
- lapan-046-1997-p2-nomor-bulan-I.png: "S.43/Lahta/I/1997", the same decree, page 2;
- lapan-110-2004-p1-nomor-bulan-II.png: "Kep/011/II/2001", printed, LAPAN 110/2004 page 1,
  scanned at 150 ppi.
Tesseract reads all three months as digits.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from kpu_docs.importing.roman_glyphs import MONTH_OF_ONES, roman_month

PAGES = Path(__file__).parent / "pages"
FONTS = Path("/usr/share/fonts/truetype/dejavu")
ocr = pytest.mark.ocr


@ocr
@pytest.mark.parametrize(("image", "read", "made"), [
    ("lapan-046-1997-p1-nomor-bulan-I.png", "Kep/001A/1/1997", "Kep/001A/I/1997"),
    ("lapan-046-1997-p2-nomor-bulan-I.png", "S.43/Lahta/1/1997", "S.43/Lahta/I/1997"),
])
def test_a_typed_roman_month_read_as_1_is_told_by_its_serifs(image: str, read: str, made: str) -> None:
    assert roman_month(Image.open(PAGES / image), read) == made


@ocr
def test_a_glyph_too_coarse_to_tell_stays_as_read() -> None:
    # at 150 ppi the serifs of II are a pixel wide: the number's own date proves it instead
    # (scan._repair_cited_dates), the glyph alone does not
    assert roman_month(Image.open(PAGES / "lapan-110-2004-p1-nomor-bulan-II.png"), "Kep/011/11/2001") is None


def _drawn(text: str, font: Path) -> Image.Image:
    face = ImageFont.truetype(str(font), 44)
    image = Image.new("L", (700, 90), 255)
    ImageDraw.Draw(image).text((10, 15), text, font=face, fill=0)
    return image.crop(image.point(lambda v: 255 - v).getbbox())


@ocr
@pytest.mark.parametrize("font", ["DejaVuSerif.ttf", "DejaVuSansMono.ttf"])
def test_a_digit_1_month_stays_and_a_roman_one_is_made_roman(font: str) -> None:
    path = FONTS / font
    if not path.exists():
        pytest.skip("DejaVu fonts are not installed")
    # an Arabic month is a number's own (some offices write Kep/25/1/2020): its flag shows it
    assert roman_month(_drawn("Kep/25/1/2020", path), "Kep/25/1/2020") is None
    assert roman_month(_drawn("Kep/25/11/2024", path), "Kep/25/11/2024") is None
    assert roman_month(_drawn("Kep/25/I/2020", path), "Kep/25/1/2020") == "Kep/25/I/2020"
    assert roman_month(_drawn("Kep/25/II/2024", path), "Kep/25/11/2024") == "Kep/25/II/2024"


@ocr
def test_a_bare_stroke_is_roman_only_beside_the_numbers_own_flagged_1() -> None:
    path = FONTS / "DejaVuSans.ttf"
    if not path.exists():
        pytest.skip("DejaVu fonts are not installed")
    # a sans-serif I is a bare stroke, as a hand-written 1 may be: alone it proves nothing ...
    assert roman_month(_drawn("Kep/25/I/2020", path), "Kep/25/1/2020") is None
    # ... beside the year's 1, drawn with its flag in the same print, it is the letter
    assert roman_month(_drawn("Kep/25/I/1998", path), "Kep/25/1/1998") == "Kep/25/I/1998"
    assert roman_month(_drawn("Kep/25/1/1998", path), "Kep/25/1/1998") is None


def test_only_a_month_of_ones_before_a_year_is_looked_at() -> None:
    assert MONTH_OF_ONES.search("Kep/001A/1/1997")
    assert MONTH_OF_ONES.search("B/11/2004")
    assert not MONTH_OF_ONES.search("Kep/010/IV/2001")  # read as letters already
    assert not MONTH_OF_ONES.search("LT.10.1/341/1997")  # 341 is no month
    assert not MONTH_OF_ONES.search("1/1/19970")
    assert roman_month(Image.new("L", (40, 20), 255), "Nomor 12 Tahun 2001") is None
