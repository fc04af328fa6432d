"""Time of cleaning a scanned page (kpu_docs/importing/cleaning.py) against Tesseract's reading of it.

Each page of the scans given is rendered as the import renders it (pypdfium2, 300 ppi; not timed),
then timed, median of ROUNDS runs:

- clean_page as the import calls it (orientation detection on), and its parts: whitening the
  coloured ink, orientation detection (OSD), deskew (measuring the slant; turning the page);
- Tesseract's recognition of the cleaned page (image_to_data, Indonesian model), once;

and the ratio of the cleaning to the recognition. Last, the largest page clean_page is given
(about 40 megapixels): the first page rendered at 600 ppi.

The scans are not in the repository: give their paths, e.g. the Donggala decree of the import
corpus (tests/importing/corpus/sources.yaml names its source, donggala-057a-2025: a 300-ppi colour
scan with a blue cap and a black signature) and LAPAN 162/2018 (150-ppi scan, blue signature):

    python benchmarks/cleaning.py SCAN.pdf [SCAN.pdf ...] [--rounds N]

Measured on this project's 2-core machine (Donggala 057A/2025, 4 pages; LAPAN 162/2018, 5 pages, both
rendered at 300 ppi): clean_page 0.48-0.88 s a page (whitening 0.03-0.16 s, OSD 0.30-0.33 s,
measuring the slant 0.03-0.04 s, turning 0.20-0.24 s where turned), 7-16 % of Tesseract's
recognition of a full page (2.3-8.3 s), 29 % of a half-empty closing page; a 39-megapixel page
(600 ppi) 1.2 s.

Nothing is asserted: tests never time anything.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import pypdfium2
import pytesseract
from PIL import Image

from kpu_docs.importing import cleaning
from kpu_docs.importing.cleaning import clean_page


def render(path: Path, index: int, ppi: int) -> Image.Image:
    pdf = pypdfium2.PdfDocument(path)
    try:
        return pdf[index].render(scale=ppi / 72).to_pil().convert("RGB")
    finally:
        pdf.close()


def timed(work, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(label: str, image: Image.Image, ppi: int, rounds: int, recognise: bool = True) -> None:
    whole = timed(lambda: clean_page(image, ppi=ppi), rounds)
    ink = timed(lambda: cleaning._whiten_ink(image, ppi), rounds)
    gray = cleaning._whiten_ink(image, ppi)[0]
    osd = timed(lambda: cleaning._orientation(gray), rounds)
    slant = timed(lambda: cleaning._skew(gray), rounds)
    cleaned = clean_page(image, ppi=ppi)
    turn = timed(
        lambda: gray.rotate(-2.0, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255), rounds
    )
    line = (
        f"{label:<34} {image.width}x{image.height} ({image.width * image.height / 1e6:4.1f} MP): "
        f"clean_page {whole:5.2f} s (ink {ink:4.2f}, OSD {osd:4.2f}, skew {slant:4.2f} + turn {turn:4.2f}) "
        f"rotated {cleaned.rotated}, skew {cleaned.skew:+.2f}, ink {cleaned.ink_removed:.3f}"
    )
    if recognise:
        start = time.perf_counter()
        pytesseract.image_to_data(cleaned.image, lang="ind")
        ocr = time.perf_counter() - start
        line += f"; tesseract {ocr:5.2f} s, cleaning/OCR {whole / ocr:.2f}"
    print(line, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scans", nargs="+", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    for scan in args.scans:
        pdf = pypdfium2.PdfDocument(scan)
        pages = len(pdf)
        pdf.close()
        for index in range(pages):
            measure(f"{scan.stem} p{index + 1} 300 ppi", render(scan, index, 300), 300, args.rounds)
    first = args.scans[0]
    measure(f"{first.stem} p1 600 ppi", render(first, 0, 600), 600, 1, recognise=False)


if __name__ == "__main__":
    main()
