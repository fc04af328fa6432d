"""Ten thousand generated decrees with arbitrary Unicode in every text field (issue 10, item 10).

Each decree comes from tests/fuzzing.py's generator: all of Unicode in every text field, XML
specials, template-tag look-alikes, emphasis markers, control characters, RTL and zero-width
marks, emoji, combining marks. Each is either refused with an input error naming its field, or
rendered, opened in python-docx, and searched for every one of its texts, in order.

Prints how many were rendered and refused, how many texts were looked for, how many were lost
(printed nowhere or out of order: must be 0) and how many decrees raised anything else (must be
0), with the first few of each. Exit code 1 when any was lost or raised.

Run: python benchmarks/fuzz.py [EXAMPLES]   (default 10,000; about 0.05 s each on 2 cores)
"""

from __future__ import annotations

import sys
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, given, settings

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fuzzing import check, decree_data  # noqa: E402


def main() -> int:
    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    totals = {"decrees": 0, "rendered": 0, "refused": 0, "texts": 0, "lost": 0, "raised": 0}
    lost: list[tuple[str, str]] = []
    raised: list[str] = []

    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(decree_data())
    def one(data: dict) -> None:
        totals["decrees"] += 1
        try:
            result = check(data)
        except Exception:  # counted and shown, so that the run goes on and reports them all
            totals["raised"] += 1
            raised.append(traceback.format_exc(limit=4))
            return
        totals["refused" if result.refused else "rendered"] += 1
        totals["texts"] += result.checked
        totals["lost"] += len(result.lost)
        lost.extend(result.lost)

    start = time.perf_counter()
    one()
    seconds = time.perf_counter() - start
    print(f"generated decrees    {totals['decrees']:>8,}   ({seconds:.0f} s, {seconds / max(totals['decrees'], 1):.3f} s each)")
    print(f"  rendered           {totals['rendered']:>8,}")
    print(f"  refused (named)    {totals['refused']:>8,}")
    print(f"texts looked for     {totals['texts']:>8,}")
    print(f"texts lost           {totals['lost']:>8,}")
    print(f"other exceptions     {totals['raised']:>8,}")
    for part, text in lost[:5]:
        print(f"  lost in {part}: {text!r}")
    for trace in raised[:3]:
        print(trace)
    return 1 if totals["lost"] or totals["raised"] else 0


if __name__ == "__main__":
    sys.exit(main())
