"""Inline emphasis in the decree's text: `/{miring}/` prints in italic, `+{tebal}+` in bold.

The markup is parsed here into spans of text with their emphasis; writing them as Word runs is
the renderer's business (kpu_docs.word). The markers are made of characters that never stand
together in decree text, and the rules keep every other text printing exactly as typed:

- `/{` opens italic and `}/` closes it (the slash, *garis miring*, for *huruf miring*); `+{`
  opens bold and `}+` closes it. Spans nest (`+{/{both}/}+`), and each closes the innermost open
  span of its kind.
- A marker pairs only within its line: an opening marker that no closing marker follows on the
  same line prints as it is, and so does a closing marker with nothing open. Markers that cross
  (`/{a +{b}/ c}+`) close the first and print the inner opening and the stray closing as typed.
  A stray marker never hides text.
- A backslash right before a marker prints the marker itself (`\\/{` prints `/{`, `\\}+`
  prints `}+`); two backslashes before a marker print one. Every other backslash is ordinary text.

Nothing else is markup: `&`, `<`, `>`, `{{ x }}`, docxtpl's `{_{ x }_}` and lone braces print
literally, inside a span or outside. None of the markers is special in YAML where a text starts
(`*`, `&`, `!` would be), so a plain YAML string may start with one.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_MARKER = re.compile(r"(\\*)(/\{|\+\{|\}/|\}\+)|\n")
_OPENS = {"/{": "i", "+{": "b"}
_CLOSES = {"}/": "i", "}+": "b"}


class Span(NamedTuple):
    """A stretch of text printed with one emphasis."""

    text: str
    bold: bool = False
    italic: bool = False

    @property
    def plain(self) -> bool:
        return not (self.bold or self.italic)


def may_have_markup(text: str) -> bool:
    """False when the text certainly prints as it is: every marker and escape has a brace."""
    return "{" in text or "}" in text


def spans(text: str) -> list[Span]:
    """The text as printed, in spans of the same emphasis (markers and escapes resolved).

    Text without markup is one plain span holding it unchanged; empty text is no span.
    """
    if not may_have_markup(text):
        return [Span(text)] if text else []
    # pieces: literal strings, and [marker, kind, opens, paired] lists for markers
    pieces: list[str | list] = []
    open_markers: list[list] = []
    position = 0
    for match in _MARKER.finditer(text):
        pieces.append(text[position:match.start()])
        position = match.end()
        if match.group() == "\n":
            open_markers.clear()  # a span never crosses a line: what is open stays literal
            pieces.append("\n")
            continue
        backslashes, marker = match.group(1), match.group(2)
        pieces.append("\\" * (len(backslashes) // 2))
        if len(backslashes) % 2:
            pieces.append(marker)  # escaped
            continue
        if marker in _OPENS:
            token = [marker, _OPENS[marker], True, False]
            open_markers.append(token)
            pieces.append(token)
            continue
        kind = _CLOSES[marker]
        token = [marker, kind, False, False]
        pieces.append(token)
        for depth in range(len(open_markers) - 1, -1, -1):
            if open_markers[depth][1] == kind:
                opener = open_markers[depth]
                del open_markers[depth:]  # markers opened inside it and never closed stay literal
                opener[3] = token[3] = True
                break
    pieces.append(text[position:])

    result: list[Span] = []
    active = {"b": 0, "i": 0}
    for piece in pieces:
        if isinstance(piece, list):
            marker, kind, opens, paired = piece
            if paired:
                active[kind] += 1 if opens else -1
                continue
            literal: str = marker  # a marker without its pair prints as typed
        else:
            literal = piece
        if not literal:
            continue
        bold, italic = active["b"] > 0, active["i"] > 0
        if result and result[-1].bold == bold and result[-1].italic == italic:
            result[-1] = Span(result[-1].text + literal, bold, italic)
        else:
            result.append(Span(literal, bold, italic))
    return result


def plain(text: str) -> str:
    """The printed text without its emphasis: for file properties and other plain-text places."""
    if not may_have_markup(text):
        return text
    return "".join(span.text for span in spans(text))


def escape_markup(text: str) -> str:
    """Text that prints as it is even where it holds markers: each marker (and the backslashes
    right before it) escaped. `spans(escape_markup(t))` is one plain span holding `t`."""
    if not may_have_markup(text):
        return text
    return _MARKER.sub(lambda m: m.group() if m.group() == "\n" else m.group(1) * 2 + "\\" + m.group(2), text)


_TRAILING_BACKSLASHES = re.compile(r"\\+\Z")


def isolate(text: str) -> str:
    """The same printed text and emphasis, written so that every marker pairs within `text`:
    an opening marker left open or a stray closing one comes back escaped.

    For the sentences composed of several fields (a citation's number and its subject, the
    instansi and tentang in Menetapkan): a marker left open in one field must print as typed,
    as it would alone, not pair with a marker in the next field. `spans(isolate(t)) == spans(t)`.
    """
    if not may_have_markup(text):
        return text
    return marked(spans(text))


def marked(parts: list[Span]) -> str:
    """Text with markup that `spans` reads back as exactly these spans: the inverse of `spans`,
    for text read from a document's runs (kpu_docs.importing). One thing the markup cannot
    say: a "}" printed right before an emphasised span (it would close a marker)."""
    out = ""
    for span in parts:
        lines = []
        for line in span.text.split("\n") if not span.plain else [span.text]:  # a span never crosses a line
            body = escape_markup(line)
            if body and not span.plain:  # the closing marker follows: backslashes must not escape it
                body = _TRAILING_BACKSLASHES.sub(lambda m: m.group() * 2, body)
                body = ("/{" + body + "}/") if span.italic else body
                body = ("+{" + body + "}+") if span.bold else body
            lines.append(body)
        piece = "\n".join(lines)
        if piece.startswith(("/{", "+{")):  # an opening marker follows: the same for what precedes it
            out = _TRAILING_BACKSLASHES.sub(lambda m: m.group() * 2, out)
        out += piece
    return out
