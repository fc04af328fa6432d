"""List punctuation: items in a decree list end with ";" and the last with "."."""

from collections.abc import Collection

_TRAILING = ";.,:"


def bare(text: str) -> str:
    """The text without the closing punctuation an author may or may not have typed."""
    return text.rstrip().rstrip(_TRAILING).rstrip()


def punctuate(items: list[str], last: str = ".", other: str = ";", as_typed: Collection[int] = ()) -> list[str]:
    """Close every item with `other` and the last with `last`, whatever the input ended with;
    the items at the positions in `as_typed` (counted from 0) print as given, their own
    punctuation included (pengaturan.tanda_baca_konsiderans: seperti_ditulis)."""
    as_typed = frozenset(as_typed)
    closed = [item if i in as_typed else bare(item) + other for i, item in enumerate(items)]
    if closed and len(items) - 1 not in as_typed:
        closed[-1] = bare(items[-1]) + last
    return closed
