"""Ruled tables in scanned pages (issue 19, item 1): how fast find_grids is, and how many cells
Tesseract reads as printed through read_grid, for the real pages in tests/importing/pages/.

find_grids is timed on each page as committed (the Donggala pages at 200 ppi, the LAPAN page at its
scan's 150) and enlarged 1.5 times (the Donggala scans' own 300 ppi), best of five; reading, on
the page as committed, is timed once (it is Tesseract's time, cell by cell).

    python benchmarks/ruled_tables.py

Nothing is asserted: tests never time anything.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kpu_docs.importing.ruled_tables import find_grids, read_grid  # noqa: E402
from tests.importing.test_ruled_tables import ENTRIES, PAGES, _gold, _same, recognise  # noqa: E402


def best(f, n: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(n):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    print(f"{'page':40} {'as is':>8} {'x 1.5':>8} {'grid':>10} {'read':>6}  cells right")
    for name, entry in ENTRIES.items():
        page = Image.open(PAGES / name).convert("L")
        big = page.resize((page.width * 3 // 2, page.height * 3 // 2), Image.BICUBIC)
        t200 = best(lambda: find_grids(page))
        t300 = best(lambda: find_grids(big))
        grids = find_grids(page)
        gold = _gold(entry)
        shape = "x".join(str(len(r)) for r in grids[0].rows) if grids else "none"
        if not grids:
            print(f"{name:40} {t200:8.3f} {t300:8.3f} {shape:>10}")
            continue
        t = time.perf_counter()
        rows = read_grid(page, grids[0], recognise)
        t_read = time.perf_counter() - t
        pairs = [(r, g) for row, grow in zip(rows, gold) for r, g in zip(row, grow)]
        right = sum(_same(r, g) for r, g in pairs)
        total = sum(len(g) for g in gold)
        print(f"{name:40} {t200:8.3f} {t300:8.3f} {shape:>10} {t_read:6.1f}  {right}/{total}")
        for r, g in pairs:
            if not _same(r, g):
                print(f"    read {r!r}, printed {g!r}")


if __name__ == "__main__":
    main()
