"""Rebuild a scanned decree as a small multi-page JPEG PDF for the import corpus.

The JDIH scans are 1-4 MB each; the corpus keeps the scan itself so that the OCR importer is
scored from the scan alone, so a scan over 1,000,000 bytes is rebuilt, page by page:

1. the page is rendered at the resolution of its largest image (its scan), capped at 300 ppi.
   Rendering rather than extracting the image keeps what the page shows on top of the scan
   (the Donggala signature pages carry the seal as a second, transparent image);
2. the bitmap is re-encoded as JPEG with Pillow, in colour unless ``--gray`` (stamps and
   signatures are told apart by colour), at the lowest quality of ``--qualities`` whose
   ``tesseract -l ind --psm 6`` output agrees with the output for the lossless bitmap on at
   least ``--agree`` of the document's words (difflib over the word sequences; per page too,
   printed), or, where no quality reaches that, within ``--slack`` of the best one reaches
   (tesseract's noise on a table or a seal wavers at every quality);
3. the pages are written as one PDF with Pillow at the scan's resolution, so every page keeps
   its original size (Pillow takes one resolution per file: the first page's, with a warning
   where the pages' differ; the corpus's scans have one each).

Usage: python tools/make_scan_pdf.py SOURCE.pdf TARGET.scan.pdf [--gray]
It prints the resolution, the quality chosen and the OCR agreement per page, for sources.yaml.
"""

from __future__ import annotations

import argparse
import difflib
import io
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytesseract
from PIL import Image

MAX_PPI = 300.0


def page_ppi(page: pdfium.PdfPage) -> float:
    """Resolution of the page's scan: its largest image's long side over the page's long side.

    Long sides, since a landscape Lampiran page is often a portrait scan turned by /Rotate.
    """
    long_pt = max(page.get_size())
    sides = [max(obj.get_px_size()) for obj in page.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_IMAGE])]
    if not sides:
        return MAX_PPI
    return min(MAX_PPI, max(sides) * 72.0 / long_pt)


def ocr_words(image: Image.Image) -> list[str]:
    """The words tesseract reads on a page, as the corpus makes its texts."""
    return str(pytesseract.image_to_string(image, lang="ind", config="--psm 6")).split()


def agreement(reference: list[str], other: list[str]) -> float:
    """Share of words the two readings have in common, in order."""
    if not reference and not other:
        return 1.0
    return difflib.SequenceMatcher(None, reference, other, autojunk=False).ratio()


def jpeg(image: Image.Image, quality: int) -> Image.Image:
    """The image as it comes back from a JPEG of that quality."""
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, optimize=True)
    buffer.seek(0)
    return Image.open(buffer)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--gray", action="store_true", help="grayscale (a black-and-white typescript)")
    parser.add_argument("--qualities", default="35,45,55,65,75", help="JPEG qualities to try, lowest first")
    parser.add_argument("--agree", type=float, default=0.98, help="least OCR word agreement over the document")
    parser.add_argument("--slack", type=float, default=0.02, help="below the best agreement, when none reaches --agree")
    args = parser.parse_args(argv)

    pdf = pdfium.PdfDocument(str(args.source))
    pages: list[tuple[Image.Image, float, list[str]]] = []
    for page in pdf:
        ppi = page_ppi(page)
        bitmap = page.render(scale=ppi / 72.0).to_pil()
        bitmap = bitmap.convert("L" if args.gray else "RGB")
        pages.append((bitmap, ppi, ocr_words(bitmap)))

    qualities = [int(q) for q in args.qualities.split(",")]
    reference = [word for _, _, words in pages for word in words]
    tried: dict[int, float] = {}
    for quality in qualities:
        readings = [ocr_words(jpeg(bitmap, quality)) for bitmap, _, _ in pages]
        per_page = [agreement(words, reading) for (_, _, words), reading in zip(pages, readings)]
        tried[quality] = agreement(reference, [word for reading in readings for word in reading])
        print(
            f"quality {quality}: agreement {tried[quality]:.3f}, per page "
            + ", ".join(f"{s:.3f}" for s in per_page)
        )
        if tried[quality] >= args.agree:
            break
    # Judged over the whole document's words: on a page tesseract cannot read (a ruled table, the
    # seal over the signature) its noise wavers between any two encodings, at every quality; and
    # where no quality reaches --agree, the lowest within --slack of the best is as near the
    # original as any.
    best = max(tried.values())
    quality = min(q for q, score in tried.items() if score >= min(args.agree, best - args.slack))

    first, *rest = [bitmap for bitmap, _, _ in pages]
    ppis = {round(ppi) for _, ppi, _ in pages}
    if len(ppis) > 1:
        print(f"warning: pages differ in resolution {sorted(ppis)}; the first page's is used")
    # Pillow encodes each page with the same JPEG settings as jpeg() above, so the PDF holds
    # exactly the images whose OCR was compared.
    first.save(
        args.target, "PDF", save_all=True, append_images=rest, resolution=pages[0][1],
        quality=quality, optimize=True,
    )
    total_words = sum(len(words) for _, _, words in pages)
    print(
        f"{args.target}: {len(pages)} pages, {sorted(ppis)} ppi, "
        f"{'grayscale' if args.gray else 'colour'} JPEG quality {quality}, "
        f"OCR word agreement {tried[quality]:.3f} over {total_words} words, "
        f"{args.target.stat().st_size} bytes"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
