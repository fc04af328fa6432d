"""Time of the redline (`kpu-docs diff OLD NEW --docx`): each example against its next-year draft.

    python benchmarks/redline.py [--runs 5]

For each example it renders both decrees once, then times the comparison of the two documents
alone (kpu_docs.redline.redline_bytes) and the whole of `redline` (both renders included), and
prints the median of `--runs` runs and the number of tracked changes. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import kpu_docs  # noqa: E402
from kpu_docs.next_year import next_year  # noqa: E402
from kpu_docs.redline import redline, redline_bytes  # noqa: E402
from kpu_docs.word.document import render_bytes  # noqa: E402


def median_time(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        for source in sorted((ROOT / "examples").rglob("*.yaml")):
            draft = Path(folder) / f"{source.stem}-draf.yaml"
            next_year(source, draft)
            old, new = kpu_docs.load(source), kpu_docs.load(draft)
            old_docx, new_docx = render_bytes(old), render_bytes(new)
            result = redline_bytes(old_docx, new_docx)
            document = zipfile.ZipFile(io.BytesIO(result)).read("word/document.xml")
            changes = document.count(b"<w:ins ") + document.count(b"<w:del ")
            compare = median_time(lambda: redline_bytes(old_docx, new_docx), runs)
            whole = median_time(lambda: redline(old, new), runs)
            print(f"{source.name:28} {changes:4} changes  compare {compare * 1000:6.0f} ms  with rendering {whole * 1000:6.0f} ms")


if __name__ == "__main__":
    main()
