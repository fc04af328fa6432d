"""Editing values in a YAML file's own text, so its comments, key order and layout stay.

ruamel's round-trip loader records where every key, item and scalar starts; a value's source
runs from its start to the next token's. `next-year` edits the digits of years there, `nomor
ambil` replaces the nomor. Whoever edits reads the result back and compares it with the data it
meant (`same_data`) before writing anything.
"""

from __future__ import annotations

import bisect
import datetime
import json
import re

from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import ScalarString

from kpu_docs.yaml_readers import round_trip_yaml, safe_yaml

_SCALAR = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'|[^\s#]+(?:[ \t]+[^\s#]+)*")
"""A one-line scalar as written: double-quoted (with escapes), single-quoted, or plain up to a comment."""


def load_round_trip(text: str):
    """The round-trip tree of a YAML text: values with their positions."""
    return round_trip_yaml().load(text)


def same_data(text: str, data) -> bool:
    """Whether `text` reads as exactly `data` (plain values): the check before writing an edit."""
    return safe_yaml(pure=True).load(text) == data


def _positions(node, out: list) -> list[tuple[int, int]]:
    """(line, col) of every key, item and scalar in a round-trip tree: where each token starts."""
    if isinstance(node, CommentedMap):  # a round-trip tree's mappings and lists carry their positions
        for key, value in node.items():
            out.append(tuple(node.lc.key(key)))
            if not isinstance(value, (dict, list)):
                out.append(tuple(node.lc.value(key)))
            _positions(value, out)
    elif isinstance(node, CommentedSeq):
        for i, value in enumerate(node):
            if not isinstance(value, (dict, list)):
                out.append(tuple(node.lc.item(i)))
            _positions(value, out)
    return out


def value_start(tree, path: tuple) -> tuple[int, int]:
    """(line, col), from 0, where the value at `path` (keys and list indices) starts."""
    node = tree
    for part in path[:-1]:
        node = node[part]
    last = path[-1]
    return tuple(node.lc.value(last) if isinstance(node, CommentedMap) else node.lc.item(last))


def line_of(tree, path: tuple) -> int | None:
    """The line, counted from 1 as an editor shows it, where the value at `path` starts."""
    try:
        return value_start(tree, path)[0] + 1
    except (KeyError, IndexError, TypeError, AttributeError):
        return None


class Source:
    """A YAML text and its round-trip tree, for finding the source text of each value."""

    @classmethod
    def from_file(cls, path: Path) -> Source:
        """A decree file read within the data bounds: its size, then its values counted with
        every alias use before anything expands them (loading.check_size); a parse error is an
        input error naming the line."""
        from kpu_docs.loading import check_size, read_text, yaml_error

        text = read_text(path)
        try:
            tree = load_round_trip(text)
        except YAMLError as exc:
            raise yaml_error(exc, path, text) from None
        check_size(tree, str(path))
        return cls(text, tree)

    def __init__(self, text: str, tree=None):
        self.text = text
        self.tree = tree if tree is not None else load_round_trip(text)
        self._offsets = [0]
        for line in text.splitlines(keepends=True):
            self._offsets.append(self._offsets[-1] + len(line))
        self._starts = sorted(set(_positions(self.tree, [])))

    def _absolute(self, pos: tuple[int, int]) -> int:
        return self._offsets[pos[0]] + pos[1]

    def span(self, path: tuple) -> tuple[int, int]:
        """Offsets of the value's source: from its start to the next token (comments included)."""
        start = value_start(self.tree, path)
        following = bisect.bisect_right(self._starts, start)
        end = self._absolute(self._starts[following]) if following < len(self._starts) else len(self.text)
        return self._absolute(start), end

    def scalar_span(self, path: tuple) -> tuple[int, int]:
        """Offsets of a scalar itself, without what follows it: a one-line scalar to the end of
        its token, a block scalar (`|`, `>-`) from its indicator to its last line of text."""
        begin, end = self.span(path)
        if self.text[begin:begin + 1] in ("|", ">"):
            return begin, _block_end(self.text, begin, end)
        token = _SCALAR.match(self.text, begin, end)
        if token is None:
            raise ValueError(f"nilai {'.'.join(map(str, path))} tidak dapat disunting di tempat")
        return begin, token.end()


def _block_end(text: str, begin: int, end: int) -> int:
    """Where a block scalar whose indicator is at `begin` ends: after its last line indented as
    deep as its first (blank lines and less indented comments after it are not its own)."""
    header_end = text.find("\n", begin, end)
    if header_end < 0:
        return end
    last, indent, at = header_end, None, header_end + 1
    while at < end:
        line_end = text.find("\n", at, end)
        line = text[at:line_end if line_end >= 0 else end]
        if line.strip():
            depth = len(line) - len(line.lstrip(" "))
            if indent is None:
                indent = depth
            if depth < indent:
                break
            last = at + len(line)
        if line_end < 0:
            break
        at = line_end + 1
    return last


def quoted(value: str) -> str:
    """A string as a YAML double-quoted scalar (JSON's quoting is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def apply_edits(text: str, edits: list[tuple[int, int, str]]) -> str:
    """Replace each (start, end) of `text` with its new text; the spans must not overlap."""
    for a, b, value in sorted(edits, reverse=True):
        text = text[:a] + value + text[b:]
    return text


def plain(node):
    """Round-trip YAML nodes as plain Python values, as the safe loader gives them."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if isinstance(node, ScalarString):
        return str(node)
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, datetime.datetime):
        return node
    if isinstance(node, datetime.date):
        return datetime.date(node.year, node.month, node.day)
    return node
