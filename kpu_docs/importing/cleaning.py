"""Cleaning a scanned page before OCR: upright, straight, and without the coloured ink of stamps.

A scanned decree page carries, besides its typed text, the cap (stamp) and the signature laid on it
after signing, usually in blue, violet, red or green ink. Tesseract reads the stamp's ring text and
the scribbles of a signature as words, which then land in the signature block; a page scanned
sideways reads as nothing, a page at a slant of a few degrees splits its lines. `clean_page` turns
the page upright (Tesseract's own orientation detection), straightens it (a projection profile
measured here with numpy) and whitens coloured ink (saturation and hue) where it forms a large mark,
a cap or a signature, leaving black and grey text, even on tinted or yellowed paper, any black
stroke crossing the ink, and coloured writing smaller than a cap: a date stamped in blue beside
"pada tanggal" is the decree's date, for the OCR to read or the import to name as unread.

The result is grayscale, not binarized: Tesseract binarizes itself (binarizing here first was not
measured to help). A pure function of the image: no files, no output; Tesseract's OSD runs as a
subprocess on a copy of at most 1800 (when unsure 3900) pixels high.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytesseract
from PIL import Image, ImageChops

__all__ = ["Cleaned", "clean_page"]


@dataclass(frozen=True)
class Cleaned:
    """A page ready for OCR, and what was done to it.

    Angles follow the page as it lay: `rotated` and `skew` are the degrees counter-clockwise at
    which the scan lay (Pillow's `rotate` convention), so the page was turned that many degrees
    clockwise to correct it. A page scanned upside down has rotated 180; one lying 1.4 degrees
    clockwise has skew -1.4.
    """

    image: Image.Image
    """Mode "L": upright, deskewed, the coloured ink of caps and signatures whitened."""
    rotated: int
    """0, 90, 180 or 270."""
    skew: float
    """Degrees of slant corrected; 0.0 when the page was left as it was."""
    ink_removed: float
    """Share of the page's dark pixels whitened as coloured ink (0..1); 0 for a grayscale scan."""


# --- coloured ink --------------------------------------------------------------------------------
# Tuned on the colour scans of the corpus (Bupati Donggala 2025, 300 ppi; LAPAN 2018, 150 ppi):
# black type there has chroma (max - min of R, G, B) below 40 in all but 0.1 % of its dark pixels
# (the Donggala JPEG's colour fringes reach 60), and saturation below 60 on the blue-tinted LAPAN
# paper; the blue stamp and signature ink has saturation above 100 in its strokes and a pale fringe,
# saturation 20 to 60, around them. Chroma keeps near-black pixels, whose saturation is noise, out
# of the ink (the 1997 LAPAN page's blue-black signature and its hand-written number and date, in
# black pen, stay); the fringe is taken only next to a stroke and where it is light.
_INK_SATURATION = 80
"""A pixel at least this saturated, and coloured enough (`_INK_CHROMA`), is an ink stroke."""
_INK_CHROMA = 40
_FRINGE_SATURATION = 20
"""The fringe of a stroke: this saturated, this coloured, this light, and within `_FRINGE_REACH`."""
_FRINGE_CHROMA = 12
_FRINGE_LIGHT = 110
_FRINGE_REACH = 3
"""Pixels: the fringe of a stroke is 2-4 pixels wide at 300 ppi, 1-2 at 150 ppi (a wider reach at
150 ppi only takes more of the pale fringe, which Tesseract does not read anyway)."""
_PAPER_HUES = (14, 50)
"""Hues (Pillow's 0..255 circle) of yellowed paper and of faded brown-black type: never ink.
Red ink lies below, green, blue and violet above."""
_DARK = 160
"""A pixel darker than this (gray level) counts as ink or type in `ink_removed`."""
_BAND = 1024
"""Rows of the page whitened at a time: a 40-megapixel page's masks stay a few tens of MB."""


_CELL_CM = 0.25
"""Coloured ink is grouped on a grid of cells this size: ink in touching cells is one mark."""
_MARK_CM = 1.0
"""A mark whose shorter side is at least this is a cap or
a signature, and whitened; a smaller one is writing: a date stamped beside "pada tanggal" (LAPAN
162/2018, 0.35 cm high) or a number written in by pen, kept for the OCR to read (or to name as
unread). The LAPAN signature is 1.9 cm high, the Donggala cap 4 cm across."""


def _whiten_ink(rgb: Image.Image, ppi: float) -> tuple[Image.Image, float]:
    """The page in gray, the coloured ink of caps and signatures turned white; the share of dark
    pixels so removed."""
    gray = rgb.convert("L")
    red, green, blue = rgb.split()
    light = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    chroma_image = ImageChops.subtract(light, ImageChops.darker(ImageChops.darker(red, green), blue))
    chroma = np.asarray(chroma_image)
    if not (chroma >= _INK_CHROMA).any():
        return gray, 0.0  # a black-and-white or grayscale scan (JPEG noise has less chroma than ink)
    lightness = np.asarray(light)
    ink = np.zeros(chroma.shape, dtype=bool)
    for top in range(0, rgb.height, _BAND):
        bottom = min(rgb.height, top + _BAND)
        # the band with _FRINGE_REACH rows either side: a stroke just outside still has its fringe inside
        above, below = max(0, top - _FRINGE_REACH), min(rgb.height, bottom + _FRINGE_REACH)
        band = _ink(rgb.crop((0, above, rgb.width, below)), chroma[above:below], lightness[above:below])
        if band is not None:
            ink[top:bottom] = band[top - above : top - above + bottom - top]
    if not ink.any():
        return gray, 0.0
    ink &= _large_marks(ink, max(1, round(ppi * _CELL_CM / 2.54)))
    if not ink.any():
        return gray, 0.0
    pixels = np.array(gray)
    dark = pixels < _DARK
    removed = int((ink & dark).sum())
    dark_total = int(dark.sum())
    pixels[ink] = 255
    return Image.fromarray(pixels, "L"), (removed / dark_total if dark_total else 0.0)


def _large_marks(ink: np.ndarray, cell: int) -> np.ndarray:
    """Where the page's large coloured marks lie (caps, signatures): a mask of whole grid cells.

    The ink is counted on a grid of `cell`-pixel squares; cells with ink are grouped into marks
    (8-connected: ink in neighbouring cells is one mark); a mark whose bounding box is at least
    _MARK_CM on its shorter side is large. Cells are not grown first: the LAPAN 2005 date stamp
    ends a few millimetres from a violet paraf, and grown, the two made one mark.
    """
    rows, cols = -(-ink.shape[0] // cell), -(-ink.shape[1] // cell)
    padded = np.zeros((rows * cell, cols * cell), dtype=bool)
    padded[: ink.shape[0], : ink.shape[1]] = ink
    counts = padded.reshape(rows, cell, cols, cell).sum(axis=(1, 3))
    grid = counts >= 2
    large = np.zeros_like(grid)
    seen = np.zeros_like(grid)
    least = _MARK_CM / _CELL_CM
    for start in zip(*np.nonzero(grid)):
        if seen[start]:
            continue
        seen[start] = True
        stack, members = [start], []
        while stack:
            r, c = stack.pop()
            members.append((r, c))
            for nr in range(max(0, r - 1), min(rows, r + 2)):
                for nc in range(max(0, c - 1), min(cols, c + 2)):
                    if grid[nr, nc] and not seen[nr, nc]:
                        seen[nr, nc] = True
                        stack.append((nr, nc))
        rs = [m[0] for m in members]
        cs = [m[1] for m in members]
        if min(max(rs) - min(rs) + 1, max(cs) - min(cs) + 1) >= least:
            large[tuple(zip(*members))] = True
    cells = np.repeat(np.repeat(large, cell, axis=0), cell, axis=1)
    return cells[: ink.shape[0], : ink.shape[1]]


def _ink(rgb: Image.Image, chroma: np.ndarray, light: np.ndarray) -> np.ndarray | None:
    """Which pixels of a band of the page are coloured ink: strokes and their fringe; None for none."""
    if not (chroma >= _INK_CHROMA).any():
        return None
    hsv = np.asarray(rgb.convert("HSV"))
    hue, saturation = hsv[..., 0], hsv[..., 1]
    coloured = (hue < _PAPER_HUES[0]) | (hue > _PAPER_HUES[1])
    core = coloured & (saturation >= _INK_SATURATION) & (chroma >= _INK_CHROMA)
    if not core.any():
        return None
    fringe = _dilate(core, _FRINGE_REACH)
    fringe &= coloured
    fringe &= saturation >= _FRINGE_SATURATION
    fringe &= chroma >= _FRINGE_CHROMA
    fringe &= light >= _FRINGE_LIGHT
    return core | fringe


def _dilate(mask: np.ndarray, reach: int) -> np.ndarray:
    """`mask` grown by `reach` pixels each way (a square), as two separable passes of shifted ORs.

    Only the rows and columns that hold part of the mask are touched: ink is a small part of a page.
    """
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    top, bottom = max(0, rows[0] - reach), min(mask.shape[0], rows[-1] + reach + 1)
    left, right = max(0, cols[0] - reach), min(mask.shape[1], cols[-1] + reach + 1)
    part = mask[top:bottom, left:right]
    across = part.copy()
    for shift in range(1, reach + 1):
        across[:, shift:] |= part[:, :-shift]
        across[:, :-shift] |= part[:, shift:]
    grown = across.copy()
    for shift in range(1, reach + 1):
        grown[shift:, :] |= across[:-shift, :]
        grown[:-shift, :] |= across[shift:, :]
    out = np.zeros_like(mask)
    out[top:bottom, left:right] = grown
    return out


# --- orientation ---------------------------------------------------------------------------------
# Measured on the corpus scans turned by 0/90/180/270: OSD on a copy 1800 px high (about 150 ppi on
# A4/F4) answers right on the Donggala and LAPAN 2018 pages in 0.4 s a page, the full 300-ppi page in
# 0.8-1.5 s; but its confidence is often low (0.2-3) and on the typewritten LAPAN 1997 page at
# 100 ppi it answers wrong with confidence up to 1.7 (never above 2 on these pages). So an upright
# answer is taken as it is, a turn when confident, or when a second reading agrees (and one of
# the two is fairly sure): the larger page, or a small page enlarged by half (where the LAPAN 1997
# page's wrong answers disagree).
_OSD_HEIGHT = 1800
_OSD_FULL_HEIGHT = 3900
"""The second opinion reads the page at most this high (300 ppi on F4)."""
_OSD_CONFIDENT = 2.0
_OSD_AGREED = 1.0
"""Two readings that agree need this confidence in one of them: on a signature block cut from a
page (a stamp, a scribble, two lines of capitals) OSD says 180 at every scale, confidence <= 0.34."""


def _orientation(gray: Image.Image) -> int:
    """Degrees counter-clockwise at which the page lies (0, 90, 180, 270); 0 when OSD cannot judge."""
    rotate, confidence = _osd(_at_most(gray, _OSD_HEIGHT))
    if rotate == 0 or confidence >= _OSD_CONFIDENT:
        return rotate
    if gray.height > _OSD_HEIGHT:
        larger = _at_most(gray, _OSD_FULL_HEIGHT)
    else:
        larger = gray.resize((gray.width * 3 // 2, gray.height * 3 // 2), Image.Resampling.BICUBIC)
    again, again_confidence = _osd(larger)
    if again == rotate and max(confidence, again_confidence) >= _OSD_AGREED:
        return rotate
    return again if again_confidence >= _OSD_CONFIDENT else 0


def _osd(gray: Image.Image) -> tuple[int, float]:
    """Tesseract's "Rotate: R" (the page turned R degrees clockwise is upright) and its confidence."""
    try:
        osd = pytesseract.image_to_osd(
            gray, config="--psm 0 -c min_characters_to_try=5", output_type=pytesseract.Output.DICT
        )
    except pytesseract.TesseractError:
        return 0, 0.0  # too few characters, or an empty page: leave it as it is
    rotate = int(osd.get("rotate", 0)) % 360
    return (rotate, float(osd.get("orientation_conf", 0.0))) if rotate in (90, 180, 270) else (0, 0.0)


def _at_most(gray: Image.Image, height: int) -> Image.Image:
    """`gray` scaled down (box filter) to `height` pixels high, or as it is when not higher."""
    if gray.height <= height:
        return gray
    width = max(1, round(gray.width * height / gray.height))
    return gray.resize((width, height), Image.Resampling.BOX)


_UPRIGHT = {
    90: Image.Transpose.ROTATE_270,  # ROTATE_270 turns 270 counter-clockwise, i.e. 90 clockwise
    180: Image.Transpose.ROTATE_180,
    270: Image.Transpose.ROTATE_90,
}


# --- deskew --------------------------------------------------------------------------------------
_SKEW_WIDTH = 1250
"""Deskew measures a copy this wide (about 150 ppi on A4/F4): on the corpus scans turned by
-3.5..4.5 degrees, mean error 0.02, worst 0.16, in 0.05 s (1800 wide: worst 0.11, in 0.2 s)."""
_SKEW_RANGE = 6.0
_SKEW_MIN = 0.3
"""A slant smaller than this is left alone: Tesseract's line finder takes it in its stride, and
turning the page resamples every glyph (the LAPAN 1997 typewritten scan, 0.24 degrees, imported
at 0.645 turned and 0.710 as scanned)."""
_SKEW_MOST_DARK = 0.4
"""A page darker than this share is not text on paper (text pages: 3-12 %)."""


def _skew(gray: Image.Image) -> float:
    """Degrees counter-clockwise at which the text lines lie, by projection profile.

    Each dark pixel of a downscaled copy is projected onto the vertical along candidate angles;
    the angle at which the text lines stack into the sharpest rows (largest sum of squared row
    counts) is the slant. Coarse steps over the whole range, then fine ones around the best, then
    a parabola through the best three.
    """
    small = _at_most(gray, round(_SKEW_WIDTH * gray.height / gray.width))  # the copy _SKEW_WIDTH wide
    pixels = np.asarray(small)
    threshold = _otsu(pixels)
    ys, xs = np.nonzero(pixels < threshold)
    if len(ys) < 200 or len(ys) > pixels.size * _SKEW_MOST_DARK:
        return 0.0  # next to nothing on the page, or a photograph or a black page: no lines to measure
    # centre x so that rotation about the page's middle does not shift rows by a large offset
    x = xs.astype(np.float64) - small.width / 2
    y = ys.astype(np.float64)

    def score(angle: float) -> float:
        # text lying `angle` degrees counter-clockwise rises to the right: row = y + x tan(angle)
        rows = np.rint(y + x * np.tan(np.radians(angle))).astype(np.int64)
        rows -= rows.min()
        counts = np.bincount(rows).astype(np.float64)
        return float(np.dot(counts, counts))

    coarse = np.arange(-_SKEW_RANGE, _SKEW_RANGE + 1e-9, 0.5)
    best = float(coarse[int(np.argmax([score(a) for a in coarse]))])
    step = 0.05
    fine = np.arange(best - 0.5, best + 0.5 + 1e-9, step)
    scores = np.array([score(a) for a in fine])
    i = int(np.argmax(scores))
    angle = float(fine[i])
    if 0 < i < len(fine) - 1:
        left, mid, right = scores[i - 1], scores[i], scores[i + 1]
        curve = left - 2 * mid + right
        if curve < 0:
            angle += step * 0.5 * (left - right) / curve
    return angle


def _otsu(pixels: np.ndarray) -> int:
    """Otsu's threshold of an 8-bit gray image: the level that best splits type from paper."""
    hist = np.bincount(pixels.ravel(), minlength=256).astype(np.float64)
    levels = np.arange(256, dtype=np.float64)
    weight = np.cumsum(hist)
    total = weight[-1]
    mean = np.cumsum(hist * levels)
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mean[-1] * weight - mean * total) ** 2 / (weight * (total - weight))
    between = np.nan_to_num(between)
    return int(np.argmax(between)) + 1


# --- the page ------------------------------------------------------------------------------------
def clean_page(
    image: Image.Image, *, orientation: bool = True, ink: bool = True, ppi: float | None = None
) -> Cleaned:
    """The page upright, deskewed, the coloured ink of its caps and signatures whitened, in gray ("L").

    `orientation=False` skips Tesseract's orientation detection (0.4 s a page, 1-1.5 s when it is
    unsure) where the caller knows the pages are upright. A page OSD cannot judge (too little text)
    stays as it is. Coloured writing smaller than a cap or a signature (a date stamp, a number
    written by pen) is kept; `ink=False` keeps all coloured ink. `ppi` sizes the marks: by default
    the image's own dpi, else the image taken for a whole page about 12.5 inches high (A4 to F4).
    """
    if image.mode in ("1", "L") or image.mode.startswith(("I", "F")):
        gray, ink_removed = _eight_bit(image), 0.0
    elif ink:
        gray, ink_removed = _whiten_ink(_flatten(image), ppi or _ppi(image))
    else:
        gray, ink_removed = _flatten(image).convert("L"), 0.0
    rotated = _orientation(gray) if orientation else 0
    if rotated:
        gray = gray.transpose(_UPRIGHT[rotated])
    skew = round(float(_skew(gray)), 2)
    if abs(skew) < _SKEW_MIN:
        skew = 0.0
    else:
        gray = gray.rotate(-skew, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    return Cleaned(image=gray, rotated=rotated, skew=skew, ink_removed=ink_removed)


def _ppi(image: Image.Image) -> float:
    """The image's pixels per inch as it says, or as a whole page (A4 11.7, F4 13 inches high)."""
    dpi = image.info.get("dpi")
    if isinstance(dpi, tuple) and dpi and isinstance(dpi[0], (int, float)) and 50 <= dpi[0] <= 2400:
        return float(dpi[0])
    return max(image.size) / 12.5


def _eight_bit(image: Image.Image) -> Image.Image:
    """A gray page in mode "L"; a 16-bit or float scan scaled to 0..255 rather than clipped white."""
    if image.mode in ("1", "L"):
        return image.convert("L")  # a copy, also of an "L" page: the caller's image is never returned
    levels = np.asarray(image).astype(np.float64)
    top = float(levels.max()) if levels.size else 0.0
    if top > 255:
        levels *= 255 / (65535 if top <= 65535 else top)
    return Image.fromarray(np.clip(np.rint(levels), 0, 255).astype(np.uint8), "L")


def _flatten(image: Image.Image) -> Image.Image:
    """The page in RGB, transparency laid on white paper."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(paper, rgba).convert("RGB")
    return image if image.mode == "RGB" else image.convert("RGB")
