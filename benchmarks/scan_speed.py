"""Time of `import_file` on the corpus's scans, against Tesseract reading the same pages plainly.

For each scan in tests/importing/corpus (NAME.scan.pdf): the whole import (pages rendered,
cleaned, read word by word side by side, bands read again, tables cell by cell, the layout reader,
the review), and as the baseline, in the same process on the same rendered pages, one plain
`tesseract -l ind --psm 6` reading of each page after the other, the way the corpus's texts were
first made (single-threaded, as the import runs each Tesseract: OMP_THREAD_LIMIT=1). Prints
seconds, pages, seconds per page and the ratio import / baseline.

Run: python benchmarks/scan_speed.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pytesseract  # noqa: E402

from kpu_docs.importing import import_file, scan_pages  # noqa: E402

CORPUS = ROOT / "tests" / "importing" / "corpus"


def main() -> None:
    print(f"| {'scan':<28} | pages | import s | s/page | tesseract s | ratio |")
    print(f"| {'-' * 28} | ----: | -------: | -----: | ----------: | ----: |")
    total_import = total_plain = 0.0
    total_pages = 0
    for path in sorted(CORPUS.glob("*.scan.pdf")):
        start = time.perf_counter()
        import_file(path)
        took = time.perf_counter() - start
        pages = [page.image.convert("L") for page in scan_pages.pages([path])]
        start = time.perf_counter()
        for image in pages:
            pytesseract.image_to_string(image, lang="ind", config="--psm 6")
        plain = time.perf_counter() - start
        total_import, total_plain, total_pages = total_import + took, total_plain + plain, total_pages + len(pages)
        print(f"| {path.name:<28} | {len(pages):>5} | {took:>8.1f} | {took / len(pages):>6.2f} | {plain:>11.1f} | "
              f"{took / plain:>5.2f} |")
    print(f"\nall: {total_pages} pages, import {total_import:.1f} s ({total_import / total_pages:.2f} s a page), "
          f"plain Tesseract {total_plain:.1f} s, ratio {total_import / total_plain:.2f}")


if __name__ == "__main__":
    main()
