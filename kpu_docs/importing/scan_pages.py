"""The page images of a scan: a PDF's pages rendered, or the frames of image files.

A scanned decree comes as a PDF whose pages are pictures, or as the pictures themselves (.png,
.jpg, a multi-page .tif). Each page is given as a Pillow image at the resolution Tesseract reads
best (ocr.DPI), bounded in pages and pixels before anything is decoded: a picture that claims a
billion pixels is refused by its header, not by running out of memory.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kpu_docs import bounds
from kpu_docs.bounds import FileRefused
from kpu_docs.importing import ocr

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
"""Page images that can be imported."""
PAGE_PIXELS_MAX = 40_000_000
"""Pixels of one page image: an F4 page (215 x 330 mm) at 300 ppi is 9.9 million; at 600 ppi,
39.5 million."""
IMAGE_FILE_MAX = 50 * bounds.MB
"""One page image file: an uncompressed 300-ppi colour F4 page is 30 MB."""


@dataclass(frozen=True)
class Page:
    """One page to read: its number (from 1), its image, and the image's pixels per inch."""

    number: int
    image: object
    """A Pillow image."""
    ppi: float


def count(paths: list[Path]) -> int:
    """How many pages the files hold, for a progress bar: without decoding any picture."""
    total = 0
    for path in paths:
        if path.suffix.lower() == ".pdf":
            total += len(_pdf(path))
        else:
            with _open_image(path) as image:
                total += getattr(image, "n_frames", 1)
    return total


def pages(paths: list[Path]) -> Iterator[Page]:
    """Every page of the files in order, numbered across them."""
    number = 0
    for path in paths:
        source = _pdf_pages(path) if path.suffix.lower() == ".pdf" else _image_pages(path)
        for image, ppi in source:
            number += 1
            if number > bounds.PDF_PAGES_MAX:
                raise FileRefused(f"{path}: lebih dari {bounds.PDF_PAGES_MAX} halaman sebuah keputusan")
            yield Page(number, image, ppi)


def _pdf(path: Path):
    import pypdfium2 as pdfium

    raw = bounds.read_bytes(path, bounds.PDF_FILE_MAX, "berkas PDF")
    try:
        pdf = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as exc:
        raise FileRefused(f"{path}: bukan berkas PDF yang dapat dibaca ({exc})") from None
    if len(pdf) > bounds.PDF_PAGES_MAX:
        raise FileRefused(f"{path}: {len(pdf)} halaman, lebih dari {bounds.PDF_PAGES_MAX} halaman sebuah keputusan")
    return pdf


def _pdf_pages(path: Path) -> Iterator[tuple[object, float]]:
    """Each page rendered in colour (a stamp is told from text by its colour) at the resolution
    of its scan, or at ocr.DPI where the scan has fewer pixels (Tesseract reads a 150-ppi scan
    better doubled), within PAGE_PIXELS_MAX."""
    pdf = _pdf(path)
    for page in pdf:
        width, height = page.get_size()  # points
        scale, ppi = _scale(page, width)
        if width * height * scale * scale > PAGE_PIXELS_MAX:  # a poster, or a scan at 1200 ppi
            shrink = (PAGE_PIXELS_MAX / (width * height * scale * scale)) ** 0.5
            scale, ppi = scale * shrink, ppi * shrink
        yield page.render(scale=scale).to_pil(), ppi


def _scale(page, width: float) -> tuple[float, float]:
    """The render scale (pixels per point) and the page's resolution in pixels per inch of
    paper. A scan is one picture covering the page: its pixels say the resolution, and where
    the PDF says the page is not paper-sized (a scanner that set 72 ppi makes an A4 page 83 cm
    wide), the paper is taken to be A4/F4 wide."""
    import pypdfium2.raw as pdfium_c

    images = list(page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2))
    area = lambda box: max(box[2] - box[0], 0) * max(box[3] - box[1], 0)  # noqa: E731
    scan = max(images, key=lambda image: area(image.get_bounds()), default=None)
    height = page.get_size()[1]
    if scan is None or area(scan.get_bounds()) < 0.5 * width * height:
        return ocr.DPI / 72, float(ocr.DPI)
    left, _, right, _ = scan.get_bounds()
    pixels = scan.get_px_size()[0]
    per_point = pixels / max(right - left, 1.0)
    paper_cm = width / 72 * 2.54
    scanned = per_point * 72 if 10 <= paper_cm <= 45 else pixels / _PAPER_WIDTH_INCHES
    wanted = min(max(scanned, ocr.DPI), 2 * ocr.DPI)
    return per_point * wanted / scanned, wanted


_PAPER_WIDTH_INCHES = 8.4
"""A4 (8.27 in) and F4 (8.5 in) are about as wide: the paper a scan whose PDF gives no believable
page size is taken to be."""


def _open_image(path: Path):
    from PIL import Image, UnidentifiedImageError

    raw = bounds.read_bytes(path, IMAGE_FILE_MAX, "berkas gambar")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(raw))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        # Pillow refuses by the header what it will not decode: said with our limit
        claimed = re.search(r"\((\d+) pixels\)", str(exc))
        size = f"{int(claimed[1]):,} piksel".replace(",", ".") if claimed else "terlalu banyak piksel"
        raise FileRefused(f"{path}: gambar {size}, lebih dari {PAGE_PIXELS_MAX // 1_000_000} juta piksel "
                          "sebuah halaman (batas)") from None
    except (UnidentifiedImageError, OSError) as exc:
        raise FileRefused(f"{path}: bukan gambar halaman yang dapat dibaca ({exc})") from None
    width, height = image.size
    if width * height > PAGE_PIXELS_MAX:
        raise FileRefused(f"{path}: gambar {width} x {height} piksel, lebih dari "
                          f"{PAGE_PIXELS_MAX // 1_000_000} juta piksel sebuah halaman (batas)")
    return image


def _image_pages(path: Path) -> Iterator[tuple[object, float]]:
    """Each frame of an image file, with the resolution its file states (300 when it states
    none or an implausible one: a photographed page says 72)."""
    from PIL import ImageSequence

    image = _open_image(path)
    with image:
        frames = getattr(image, "n_frames", 1)
        if frames > bounds.PDF_PAGES_MAX:
            raise FileRefused(f"{path}: {frames} halaman, lebih dari {bounds.PDF_PAGES_MAX} halaman sebuah keputusan")
        for frame in ImageSequence.Iterator(image):
            width, height = frame.size
            if width * height > PAGE_PIXELS_MAX:
                raise FileRefused(f"{path}: gambar {width} x {height} piksel, lebih dari "
                                  f"{PAGE_PIXELS_MAX // 1_000_000} juta piksel sebuah halaman (batas)")
            dpi = frame.info.get("dpi", (0, 0))[0] or 0
            ppi = float(dpi) if 100 <= float(dpi) <= 1200 else _guessed_ppi(width, height)
            try:
                frame.load()
            except OSError as exc:
                raise FileRefused(f"{path}: gambar rusak ({exc})") from None
            yield frame.convert("RGB") if frame.mode not in ("L", "RGB") else frame.copy(), ppi


def _guessed_ppi(width: int, height: int) -> float:
    """A picture that does not say its resolution is taken to be an A4/F4 page: its long side
    over 11.7 to 13 inches. A photograph of a page says 72, which is not what it is."""
    return max(width, height) / 12.4
