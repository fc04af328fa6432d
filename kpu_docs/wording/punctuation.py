"""List punctuation: items in a decree list end with ";" and the last with "."."""

_TRAILING = ";.,:"


def bare(text: str) -> str:
    """The text without the closing punctuation an author may or may not have typed."""
    return text.rstrip().rstrip(_TRAILING).rstrip()


def punctuate(items: list[str], last: str = ".", other: str = ";") -> list[str]:
    """Close every item with `other` and the last with `last`, whatever the input ended with."""
    closed = [bare(item) + other for item in items]
    if closed:
        closed[-1] = bare(items[-1]) + last
    return closed
