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

    def scalar_span_in(self, parent, key) -> tuple[int, int]:
        """scalar_span for the value parent[key], found through its parent node."""
        start = tuple(parent.lc.value(key) if isinstance(parent, CommentedMap) else parent.lc.item(key))
        following = bisect.bisect_right(self._starts, start)
        end = self._absolute(self._starts[following]) if following < len(self._starts) else len(self.text)
        begin = self._absolute(start)
        if self.text[begin:begin + 1] in ("|", ">"):
            return begin, _block_end(self.text, begin, end)
        token = _SCALAR.match(self.text, begin, end)
        if token is None or self.text[begin:begin + 1] in "[{":
            raise ValueError("nilai tidak dapat disunting di tempat")
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


# -- writing new data into a file's own text -------------------------------------------------

class NotInPlace(Exception):
    """A change the text editor below does not make (flow-style lists, a document that is not a
    block mapping): the caller writes the data another way."""


def format_scalar(value, old: str = "") -> str:
    """A value as YAML text, in the style of the token `old` it replaces where that style can
    hold it (plain stays plain, '...' stays single-quoted), else double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float, datetime.date)):
        return value.isoformat() if isinstance(value, datetime.date) else str(value)
    text = str(value)
    if "\n" not in text and text == text.strip() and text:
        if old.startswith("'"):
            return "'" + text.replace("'", "''") + "'"
        if not old.startswith('"') and _plain_ok(text):
            return text
    return quoted(text)


def _plain_ok(text: str) -> bool:
    """Whether `text` written without quotes reads back as the same text."""
    if re.search(r"[#:]\s|\s#|^[-?:,\[\]{}#&*!|>'\"%@`]|:$", text):
        return False
    try:
        return safe_yaml(pure=True).load(f"x: {text}\n") == {"x": text}
    except YAMLError:
        return False


def _dump_block(value, indent: int) -> str:
    """`value` (an item `- ...` when a list of one, or `key: ...` when a mapping) as block YAML,
    each line indented by `indent` spaces."""
    import io

    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    buffer = io.StringIO()
    yaml.dump(value, buffer)
    import textwrap

    dumped = textwrap.dedent(buffer.getvalue())  # a list dumps with its offset: "  - a"
    return "".join(" " * indent + line if line.strip() else line for line in dumped.splitlines(keepends=True))


class _Writer:
    """Edits of one text that turn its data into new data: values replaced where they stand,
    list items and keys removed and inserted as whole lines."""

    def __init__(self, source: Source):
        self.source = source
        self.edits: list[tuple[int, int, str]] = []
        self.inserts: dict[int, list[str]] = {}
        self._line_starts = source._offsets
        lines = source.text.splitlines()
        self._token_lines = sorted({line for line in _entry_lines(source.tree, set()) if line < len(lines)})
        self._indent = {line: len(lines[line]) - len(lines[line].lstrip(" ")) for line in self._token_lines}

    # where things are
    def _offset(self, pos: tuple[int, int]) -> int:
        return self.source._absolute(pos)

    def _line_start(self, offset: int) -> int:
        return self.source.text.rfind("\n", 0, offset) + 1

    def _end(self, pos: tuple[int, int], col: int) -> int:
        """Where the entry or item starting at `pos`, whose own column is `col`, ends: the line
        of the next token standing at `col` or left of it."""
        lines = self.source.text.splitlines(keepends=True)
        end_line = len(lines)
        for line in self._token_lines[bisect.bisect_right(self._token_lines, pos[0]):]:
            if self._indent[line] <= col:
                end_line = line
                break
        while end_line - 1 > pos[0]:  # comments and blank lines just before what follows belong to it
            line = lines[end_line - 1]
            stripped = line.strip()
            if stripped and not (stripped.startswith("#") and len(line) - len(line.lstrip(" ")) <= col):
                break
            end_line -= 1
        return self._line_starts[end_line] if end_line < len(lines) else len(self.source.text)

    def _key_entry(self, node: CommentedMap, key) -> tuple[int, int, int]:
        line, col = node.lc.key(key)
        return self._line_starts[line], self._end((line, col), col), col

    def _item_entry(self, node: CommentedSeq, i: int) -> tuple[int, int, int]:
        line, col = node.lc.item(i)
        text = self.source.text
        start = self._line_starts[line]
        dash = text.rfind("-", start, start + col)
        if dash < 0 or text[start:dash].strip(" -"):
            raise NotInPlace("butir daftar tidak dalam bentuk blok")
        dash_col = text.index("-", start) - start if not text[start:dash].strip(" ") else dash - start
        return start, self._end((line, col), dash_col), dash_col

    def _insert(self, offset: int, text: str) -> None:
        self.inserts.setdefault(offset, []).append(text)

    # the walk
    def value(self, node, new, parent, key) -> None:
        """Turn `node` (the value at parent[key]) into `new`."""
        old = plain(node)
        if old == new:
            return
        if isinstance(node, CommentedMap) and isinstance(new, dict):
            self.mapping(node, new)
        elif isinstance(node, CommentedSeq) and isinstance(new, list):
            self.sequence(node, new)
        elif not isinstance(node, (CommentedMap, CommentedSeq)) and not isinstance(new, (dict, list)):
            self.scalar(parent, key, new)
        else:
            self.replace_entry(parent, key, new)

    def scalar(self, parent, key, new) -> None:
        path_node = parent
        try:
            begin, end = self.source.scalar_span_in(path_node, key)
        except ValueError:
            raise NotInPlace("nilai tidak dapat disunting di tempat") from None
        old = self.source.text[begin:end]
        if old[:1] in ("|", ">") and isinstance(new, str):
            self.edits.append((begin, end, _block_scalar(old, new)))
        else:
            if isinstance(new, str) and "\n" in new:
                self.edits.append((begin, end, quoted(new)))
            else:
                self.edits.append((begin, end, format_scalar(new, old)))

    def mapping(self, node: CommentedMap, new: dict) -> None:
        if node.fa.flow_style():
            raise NotInPlace("pemetaan bergaya {...}")
        for key in list(node):
            if key not in new:
                if plain(node[key]) in ([], None, {}):
                    continue  # an empty value means what a missing one does: left as written
                start, end, _ = self._key_entry(node, key)
                position = list(node).index(key)
                if position > 0:  # the comments just above a key go with it
                    start = self._key_entry(node, list(node)[position - 1])[1]
                self.edits.append((start, end, ""))
        keys = list(new)
        for i, key in enumerate(keys):
            if key in node:
                self.value(node[key], new[key], node, key)
                continue
            following = next((k for k in keys[i + 1:] if k in node), None)
            before = [k for k in node if k != following]
            before = before[:list(node).index(following)] if following is not None else before
            if following is not None and before:
                _, at, _ = self._key_entry(node, before[-1])
                col = self._key_entry(node, following)[2]
            elif following is not None:
                at, _, col = self._key_entry(node, following)
            else:
                last = list(node)[-1]
                _, at, col = self._key_entry(node, last)
                if at == len(self.source.text) and not self.source.text.endswith("\n"):
                    self._insert(at, "\n")
            self._insert(at, _dump_block({key: new[key]}, col))

    def sequence(self, node: CommentedSeq, new: list) -> None:
        if node.fa.flow_style() or not len(node):
            raise NotInPlace("daftar bergaya [...] atau kosong")
        import difflib

        old = [plain(v) for v in node]
        keys_old = [json.dumps(v, sort_keys=True, default=str) for v in old]
        keys_new = [json.dumps(v, sort_keys=True, default=str) for v in new]
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=keys_old, b=keys_new, autojunk=False).get_opcodes():
            if tag == "equal":
                continue
            if tag == "replace" and i2 - i1 == j2 - j1:
                for k in range(i2 - i1):
                    self.value(node[i1 + k], new[j1 + k], node, i1 + k)
                continue
            common = min(i2 - i1, j2 - j1) if tag == "replace" else 0
            for k in range(common):
                self.value(node[i1 + k], new[j1 + k], node, i1 + k)
            for i in range(i1 + common, i2):
                start, end, _ = self._item_entry(node, i)
                if i > 0:  # the comments just above an item go with it
                    start = self._item_entry(node, i - 1)[1]
                self.edits.append((start, end, ""))
            if j2 - (j1 + common) > 0:
                if 0 < i1 + common < len(node):  # after the item before: its comments stay with the next
                    _, at, _ = self._item_entry(node, i1 + common - 1)
                    col = self._item_entry(node, i1 + common)[2]
                elif i1 + common < len(node):
                    at, _, col = self._item_entry(node, i1 + common)
                else:
                    _, at, col = self._item_entry(node, len(node) - 1)
                    if at == len(self.source.text) and not self.source.text.endswith("\n"):
                        self._insert(at, "\n")
                self._insert(at, _dump_block(new[j1 + common:j2], col))

    def replace_entry(self, parent, key, new) -> None:
        if isinstance(parent, CommentedMap):
            start, end, col = self._key_entry(parent, key)
            self.edits.append((start, end, _dump_block({key: new}, col)))
        else:
            start, end, col = self._item_entry(parent, key)
            self.edits.append((start, end, _dump_block([new], col)))

    def result(self) -> str:
        edits = list(self.edits)
        for offset, texts in self.inserts.items():
            edits.append((offset, offset, "".join(texts)))
        spans = sorted((a, b) for a, b, _ in edits)
        for (a1, b1), (a2, b2) in zip(spans, spans[1:]):
            if a2 < b1:
                raise NotInPlace("perubahan bertumpuk")
        return apply_edits(self.source.text, edits)


def _entry_lines(node, out: set) -> set:
    """The lines where a key or a list item starts, anywhere in a round-trip tree."""
    if isinstance(node, CommentedMap):
        for key, value in node.items():
            out.add(node.lc.key(key)[0])
            _entry_lines(value, out)
    elif isinstance(node, CommentedSeq):
        for i, value in enumerate(node):
            out.add(node.lc.item(i)[0])
            _entry_lines(value, out)
    return out


def _block_scalar(old: str, new: str) -> str:
    """`new` as a block scalar in the form of `old` (its header, indentation and line width)."""
    import textwrap

    header, _, body = old.partition("\n")
    lines = [line for line in body.splitlines() if line.strip()]
    indent = " " * (len(lines[0]) - len(lines[0].lstrip(" "))) if lines else "  "
    if header.startswith(">") and "\n" not in new.strip("\n"):
        width = max([len(line) for line in lines] + [80])
        wrapped = textwrap.fill(new, width=width, initial_indent=indent, subsequent_indent=indent,
                                break_long_words=False, break_on_hyphens=False)
        return header + "\n" + wrapped
    if header.startswith("|"):
        head = "|-" if not new.endswith("\n") else "|"
        return head + "\n" + "\n".join(indent + line if line else "" for line in new.rstrip("\n").split("\n"))
    return quoted(new)




def rewrite(text: str, data, source: Source | None = None) -> str:
    """`text` changed so that it reads as `data`, touching only what changed: a changed value
    is replaced where it stands (in its own quoting style), a removed list item or key goes with
    its lines, a new one is inserted as lines where it belongs; comments, key order and the rest
    of the layout stay. A change this cannot make in place (a flow-style [...] list) is written
    by ruamel's round-trip dumper, which keeps comments and key order but may re-indent.
    Raises ValueError when neither reads back as `data`. `source`, the text's Source when the
    caller has it already (parsing the round-trip tree is most of the cost)."""
    import io

    source = source if source is not None and source.text == text else Source(text)
    if plain(source.tree) == data:
        return text
    if isinstance(source.tree, CommentedMap) and isinstance(data, dict):
        writer = _Writer(source)
        try:
            writer.mapping(source.tree, data)
            result = writer.result()
            if safe_yaml().load(result) == data:  # read back as `check` reads it (libyaml)
                return result
        except (NotInPlace, KeyError, IndexError, ValueError, YAMLError):
            pass
    yaml = round_trip_yaml()
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    tree = load_round_trip(text)  # a fresh tree: `source`'s may be shared
    _merge(tree, data)
    buffer = io.StringIO()
    yaml.dump(tree, buffer)
    result = buffer.getvalue()
    if not same_data(result, data):
        raise ValueError("data tidak dapat ditulis kembali ke YAML dengan setia")
    return result


def _merge(node, new):
    """The round-trip tree `node` changed in place to hold `new` (comments of kept keys stay)."""
    if isinstance(node, CommentedMap) and isinstance(new, dict):
        for key in [k for k in node if k not in new]:
            del node[key]
        for key, value in new.items():
            if key in node and isinstance(node[key], (CommentedMap, CommentedSeq)):
                merged = _merge(node[key], value)
                if merged is not node[key]:
                    node[key] = merged
            else:
                node[key] = value
        return node
    if isinstance(node, CommentedSeq) and isinstance(new, list):
        for i, value in enumerate(new):
            if i < len(node):
                merged = _merge(node[i], value) if isinstance(node[i], (CommentedMap, CommentedSeq)) else value
                node[i] = merged
            else:
                node.append(value)
        del node[len(new):]
        return node
    return new
