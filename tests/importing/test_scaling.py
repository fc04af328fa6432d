"""Import costs grow with the document, not faster: the mechanisms that keep them linear.

No timings here (they would flake); instead each test counts the work that used to be repeated
per paragraph, per row or per line, or checks that the linear form gives the same answer as the
quadratic one it replaced. benchmarks/import_speed.py measures the times.
"""

from __future__ import annotations

from functools import reduce

from hypothesis import given, settings
from hypothesis import strategies as st

from kpu_docs.importing.lines import Wrapped, join
from kpu_docs.importing.tables import _joined

piece = st.text(alphabet="aB- ;,.", max_size=6) | st.sampled_from(["dan", "; dan", "atau", "x-", "Kata-", ""])


@settings(deadline=None)  # a loaded machine is not a failure
@given(st.lists(piece, min_size=1, max_size=12))
def test_wrapped_joins_like_join(lines):
    wrapped = Wrapped(lines[0])
    for line in lines[1:]:
        wrapped.add(line)
    expected = reduce(join, lines[1:], lines[0])
    assert str(wrapped) == expected
    assert wrapped.end == expected[-Wrapped.END:]
    assert bool(wrapped) == bool(expected)


def _join_pairwise(a: str, b: str) -> str:
    """How typed table cells were joined line by line before (quadratic when folded)."""
    if not a:
        return b
    if not b:
        return a
    if a.endswith("-") and b[:1].islower():
        return a + b
    return f"{a} {b}"


@settings(deadline=None)  # a loaded machine is not a failure
@given(st.lists(piece, min_size=1, max_size=12))
def test_typed_cells_join_like_pairwise(pieces):
    assert _joined(pieces) == reduce(_join_pairwise, pieces[1:], pieces[0])
