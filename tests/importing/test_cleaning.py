"""Cleaning a scanned page before OCR, on real pages (tests/importing/pages/, cut from the corpus scans):

- donggala-057a-2025-p2.jpg: page 2 of Keputusan Bupati Donggala 57a/2025 (300-ppi colour scan),
  gray, 105 ppi; the page lies about 0.3 degrees clockwise as scanned.
- donggala-057a-2025-p4-ttd.jpg: its page 4's signature block as the PDF renders it (the blue
  "BUPATI DONGGALA" cap is an image laid over the scan), 150 ppi; the signature is black.
- lapan-162-2018-p5-ttd.jpg: Keputusan Kepala LAPAN 162/2018, page 5, the signature block as scanned
  (150 ppi): a blue ballpoint signature and a blue date stamp "12 MAR 2018"; the paper is tinted blue.
- lapan-046-1997-p1.jpg: Keputusan Kepala LAPAN 46/1997, page 1, a grayscale scan, 100 ppi.
- lapan-034-2005-p2-tanggal.jpg: Keputusan Kepala LAPAN KEP/034/III/2005, page 2, "Pada tanggal"
  with a violet date stamp and a violet paraf beside it (150 ppi).

Tesseract runs in these tests (ind model), as the import will run it on the cleaned page.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pypdfium2
import pytesseract
import pytest
from PIL import Image

from kpu_docs.importing.cleaning import Cleaned, clean_page

pytestmark = pytest.mark.ocr  # Tesseract's OSD, and Tesseract reading the cleaned pages back

PAGES = Path(__file__).parent / "pages"
CORPUS = Path(__file__).parent / "corpus"


def page(name: str) -> Image.Image:
    image = Image.open(PAGES / name)
    image.load()
    return image


def words(image: Image.Image, psm: int = 3) -> list[str]:
    """What Tesseract reads on the image, word by word: as it reads a page by default (--psm 3),
    or taking all of it for one block of text (--psm 6), where it reads whatever is dark."""
    return pytesseract.image_to_string(image, lang="ind", config=f"--psm {psm}").split()


def lettered(tokens: list[str]) -> list[str]:
    """The tokens with two letters or more: what could pass for a word in an import."""
    return [t for t in tokens if len(re.findall(r"[A-Za-z]", t)) >= 2]


@pytest.fixture(scope="module")
def born_digital() -> Image.Image:
    """Page 1 of a born-digital decree in the corpus (kulonprogo-296-2012.pdf) rendered at 100 ppi:
    a real page whose lines are exactly level."""
    pdf = pypdfium2.PdfDocument(CORPUS / "kulonprogo-296-2012.pdf")
    try:
        return pdf[0].render(scale=100 / 72).to_pil().convert("L")
    finally:
        pdf.close()


# --- orientation ---------------------------------------------------------------------------------
@pytest.mark.parametrize("angle", [90, 180, 270])
def test_a_page_lying_sideways_or_upside_down_is_turned_upright(angle):
    upright = page("donggala-057a-2025-p2.jpg")
    lying = upright.rotate(angle, expand=True)
    cleaned = clean_page(lying)
    assert cleaned.rotated == angle
    # turned back exactly: the same page, the same pixels, as the upright scan cleaned
    straight = clean_page(upright)
    assert straight.rotated == 0
    assert cleaned.image.size == upright.size
    assert np.array_equal(np.asarray(cleaned.image), np.asarray(straight.image))


@pytest.mark.parametrize("angle", [0, 90, 180, 270])
def test_a_page_osd_reads_unsure_is_never_turned_the_wrong_way(angle):
    # The typewritten 1997 page at 100 ppi: OSD answers 270 for the page turned by 90, 90 for 270,
    # with confidences up to 1.7. Turned right or left alone, never turned wrong.
    lying = page("lapan-046-1997-p1.jpg").rotate(angle, expand=True)
    assert clean_page(lying).rotated in (0, angle)


def test_a_page_with_too_little_text_for_osd_stays_as_it_is():
    block = page("donggala-057a-2025-p4-ttd.jpg")  # OSD says 180, unsure, at every scale
    assert clean_page(block).rotated == 0
    margin = page("donggala-057a-2025-p2.jpg").crop((0, 1250, 880, 1353))  # the page's empty foot
    cleaned = clean_page(margin)
    assert (cleaned.rotated, cleaned.skew) == (0, 0.0)
    assert cleaned.image.size == margin.size


def test_orientation_can_be_left_to_the_caller():
    lying = page("donggala-057a-2025-p2.jpg").rotate(180, expand=True)
    assert clean_page(lying, orientation=False).rotated == 0


# --- deskew --------------------------------------------------------------------------------------
def test_a_straight_page_is_not_turned(born_digital):
    cleaned = clean_page(born_digital)
    assert abs(cleaned.skew) < 0.15
    assert np.array_equal(np.asarray(cleaned.image), np.asarray(born_digital))  # not resampled either


@pytest.mark.parametrize("angle", [2.0, -3.5, 0.5])
def test_a_slanted_page_is_measured_and_straightened(born_digital, angle):
    slanted = born_digital.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    cleaned = clean_page(slanted)
    assert abs(cleaned.skew - angle) < 0.2
    # straightened: the type lies where the level page has it (turned, it is mostly elsewhere)
    assert overlap(slanted, born_digital) < 0.25
    assert overlap(cleaned.image, born_digital) > 0.85


def overlap(page_a: Image.Image, page_b: Image.Image) -> float:
    """Intersection over union of the two pages' dark pixels."""
    a, b = np.asarray(page_a) < 128, np.asarray(page_b) < 128
    return float((a & b).sum() / (a | b).sum())


@pytest.mark.parametrize("angle", [2.0, -3.5])
def test_a_slanted_scan_is_measured_with_its_own_slant(angle):
    scan = page("donggala-057a-2025-p2.jpg")
    own = clean_page(scan, orientation=False).skew
    assert -0.6 < own < -0.2  # the page lies 0.3 degrees clockwise: its long lines' baselines by Tesseract
    cleaned = clean_page(scan.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255), orientation=False)
    assert abs(cleaned.skew - (own + angle)) < 0.2


# --- coloured ink --------------------------------------------------------------------------------
DONGGALA_TYPED = ["BUPATI", "DONGGALA,", "VERA", "ELENA", "LARUNI"]


def test_the_stamp_over_the_signature_block_is_not_read_as_words():
    block = page("donggala-057a-2025-p4-ttd.jpg")
    # uncleaned, Tesseract takes the block for a picture and reads "1 DONGGALA," (and as one block
    # of text, the cap's letters and eagle as words: "1 AAN", "LEG", "N Sa Ky", "V LENA LARUNI")
    assert lettered(words(block)) != DONGGALA_TYPED
    cleaned = clean_page(block)
    assert cleaned.image.mode == "L"
    assert 0.2 < cleaned.ink_removed < 0.7
    read = words(cleaned.image)
    # The position and name, and nothing else: the cap's ring text "BUPATI ... DONGGALA" is gone.
    # The cap image lies over the top of the R of VERA in the PDF itself: it reads as K, cleaned or not.
    assert [w.replace("VEKA", "VERA") for w in read] == DONGGALA_TYPED


LAPAN_TYPED = [
    "Ditetapkan", "di", "Jakarta", "pada", "tanggal", "MAR",  # the date stamp's month ("1? MAR 2018")
    "KEPALA", "LEMBAGA", "PENER",  # the crop cuts "PENERBANGAN" and "NASIONAL,"
    "DAN", "ANTARIKSA", "NASIONA",
    "THOMAS", "DJAMALUDDIN",
]


def lapan_words(image: Image.Image, psm: int = 3) -> list[str]:
    # the stamp beside "pada tanggal" draws the two words together, cleaned or not
    return " ".join(lettered(words(image, psm))).replace("padatanggal", "pada tanggal").split()


def test_a_blue_signature_is_whitened_the_blue_date_stamp_kept_the_typed_block_reads():
    block = page("lapan-162-2018-p5-ttd.jpg")
    cleaned = clean_page(block)
    assert 0.15 < cleaned.ink_removed < 0.6
    # the signature looped through "ANTARIKSA" no longer breaks it ("ANTAR, 5" uncleaned); nothing
    # of the signature is read as a word, even taking the block as one text; the date stamp, a
    # line of writing rather than a cap or a signature, is kept for the OCR (year read right)
    assert lapan_words(block, psm=6) != LAPAN_TYPED
    assert lapan_words(cleaned.image) == LAPAN_TYPED
    assert lapan_words(cleaned.image, psm=6) == LAPAN_TYPED
    assert "2018" in words(cleaned.image)


def test_a_date_stamp_beside_a_paraf_keeps_its_year():
    # LAPAN KEP/034/III/2005, page 2: the violet date stamp "1 MAR 2005" ends a few millimetres from
    # a violet paraf; neither is a cap or a signature, and the year stays whole for the OCR
    block = page("lapan-034-2005-p2-tanggal.jpg")
    cleaned = clean_page(block)
    assert cleaned.ink_removed == 0
    read = words(cleaned.image)
    assert "MAR" in read and "2005" in read


def test_coloured_ink_can_be_kept_whole():
    block = page("lapan-162-2018-p5-ttd.jpg")
    kept = clean_page(block, ink=False)
    assert kept.ink_removed == 0
    assert only_straightened(block, kept)


def only_straightened(original: Image.Image, cleaned: Cleaned) -> bool:
    """The cleaned page is the original in gray, turned by its skew and nothing else."""
    gray = original.convert("L")
    if cleaned.skew:
        gray = gray.rotate(-cleaned.skew, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    return np.array_equal(np.asarray(cleaned.image), np.asarray(gray))


def test_black_type_on_tinted_paper_stays():
    # The LAPAN 2018 scan's paper and type are tinted blue (hue 200-250 degrees, saturation < 60):
    # "Ditetapkan di Jakarta / pada tanggal", up to the date stamp, keep every pixel.
    typed = page("lapan-162-2018-p5-ttd.jpg").crop((0, 0, 470, 135))
    cleaned = clean_page(typed, orientation=False)
    assert cleaned.ink_removed == 0
    assert only_straightened(typed, cleaned)


@pytest.mark.parametrize("mode", ["L", "RGB"])
def test_a_grayscale_scan_keeps_every_pixel(mode):
    # The 1997 scan is gray; its PDF delivers it as RGB with three equal channels.
    scan = page("lapan-046-1997-p1.jpg").convert(mode)
    cleaned = clean_page(scan, orientation=False)
    assert cleaned.ink_removed == 0
    assert only_straightened(scan, cleaned)


def test_a_16_bit_grayscale_scan_is_scaled_not_clipped():
    scan = page("lapan-046-1997-p1.jpg")
    deep = Image.fromarray(np.asarray(scan).astype(np.uint16) * 257)  # as a 16-bit TIFF scanner gives it
    assert deep.mode == "I;16"
    cleaned = clean_page(deep, orientation=False)
    assert np.array_equal(np.asarray(cleaned.image), np.asarray(clean_page(scan, orientation=False).image))


def test_the_result_is_a_gray_page_and_its_account():
    cleaned = clean_page(page("lapan-162-2018-p5-ttd.jpg").convert("RGBA"))
    assert isinstance(cleaned, Cleaned)
    assert cleaned.image.mode == "L"
    assert cleaned.image.size == (640, 460)
    assert cleaned.rotated == 0 and isinstance(cleaned.skew, float)
