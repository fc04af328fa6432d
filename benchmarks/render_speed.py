"""How long rendering the reference decree takes, as a ratio to opening and saving its template.

The baseline (python-docx reading templates/keputusan.docx and writing it back) is the floor any
renderer pays; the ratio says how much our filling, numbering and composing add to it. Both run
in this process on the same data; no absolute times are asserted anywhere.

Run: python benchmarks/render_speed.py [ROUNDS]
"""

from __future__ import annotations

import io
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from docx import Document

import kpu_docs
from kpu_docs.word.templates import template_path

ROOT = Path(__file__).resolve().parents[1]


def baseline() -> None:
    Document(str(template_path("keputusan.docx"))).save(io.BytesIO())


def render(keputusan) -> None:
    kpu_docs.render_bytes(keputusan)


def timed(fn, rounds: int) -> float:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def peak_memory(fn) -> int:
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    keputusan = kpu_docs.load(ROOT / "examples" / "keputusan-11-2025.yaml")
    render(keputusan)  # warm up imports and caches
    base_t, render_t = timed(baseline, rounds), timed(lambda: render(keputusan), rounds)
    base_m, render_m = peak_memory(baseline), peak_memory(lambda: render(keputusan))
    print(f"rounds: {rounds}")
    print(f"time   render / baseline: {render_t / base_t:.1f}x")
    print(f"memory render / baseline: {render_m / base_m:.1f}x (peak traced allocations)")


if __name__ == "__main__":
    main()
