"""A thousand generated decrees rendered and imported back from their .docx (issue 15, item 6).

Each decree comes from tests/round_trip.py's generator: every field of the model, optional ones
present or absent, every setting, every kind of Lampiran block, every text legal wording in mixed
case (ß, &, <, quotes) or all of Unicode. Each is rendered as `kpu-docs render` writes it,
imported back from the file's bytes, loaded, and compared with the decree field by field.

Three runs over the same kind of decrees:
- `kept`: the import as it is: must be 0 differing fields.
- `edited`: one text (a Menimbang, a Tembusan item, a diktum, the place, a Lampiran paragraph
  or a table cell) changed in the .docx, compared with the decree with that field changed:
  must be 0 differing fields.
- `text alone`: the same import reading the printed text only (use_kept=False), what issue 15
  measured on main (2,181 of 23,569 fields over 200 decrees): for comparison, not a limit.

Prints decrees, refused (must be 0: the generator writes valid decrees), fields compared,
differing fields and decrees with any, with the first few differences. Exit code 1 when a
`kept` or `edited` field differs or a decree is refused.

Run: python benchmarks/round_trip.py [DECREES]   (default 1,000; about 0.1 s a decree a run)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.round_trip import EDITABLE, decree, edited, round_trip  # noqa: E402


def run(name: str, examples: int, strategy, one) -> dict:
    totals = {"decrees": 0, "refused": 0, "fields": 0, "differing": 0, "decrees differing": 0}
    shown: list = []

    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def each(args) -> None:
        outcome = one(*args)
        if outcome is None:
            return
        totals["decrees"] += 1
        if outcome.refused:
            totals["refused"] += 1
            shown.append(("refused", outcome.refused))
            return
        totals["fields"] += outcome.fields
        totals["differing"] += len(outcome.differing)
        totals["decrees differing"] += bool(outcome.differing)
        shown.extend(outcome.differing[:2])

    start = time.perf_counter()
    each()
    seconds = time.perf_counter() - start
    print(f"{name:<12} {totals['decrees']:>6,} decrees ({seconds:.0f} s)   refused {totals['refused']:,}   "
          f"fields {totals['fields']:,}   differing fields {totals['differing']:,}   "
          f"decrees differing {totals['decrees differing']:,}")
    for item in shown[:4]:
        print("    ", str(item)[:200])
    return totals


def _edited(data: dict, kind: str, index: int):
    result = edited(data, kind, index)
    return None if result is None else result[0]


def main() -> int:
    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000
    kept = run("kept", examples, st.tuples(decree()), round_trip)
    changed = run("edited", examples, st.tuples(decree(), st.sampled_from(EDITABLE), st.integers(0, 5)), _edited)
    run("text alone", examples, st.tuples(decree()), lambda data: round_trip(data, use_kept=False))
    bad = kept["differing"] + kept["refused"] + changed["differing"] + changed["refused"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
