"""Reading a Keputusan from YAML or JSON: files map one to one onto the models, dates in ISO form.

A decree file may come from anywhere, so reading it is bounded (kpu_docs.bounds): the file's
size before it is parsed, and the number of values after it is, with YAML aliases counted as
often as they are used, before anything walks the data (a 9 KB file of nested aliases would
otherwise expand to millions of values in validation).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kpu_docs import bounds
from kpu_docs.errors import InputError, Letak, Masalah, MissingFileError, Posisi, from_validation_error
from kpu_docs.models import Keputusan
from kpu_docs.yaml_readers import safe_yaml

DEPTH_MAX = 100
"""Lists and mappings inside each other: a decree nests about 20 deep (a Lampiran's lists)."""


def read_text(path: Path) -> str:
    """A decree file's text: UTF-8, at most bounds.TEXT_FILE_MAX bytes."""
    try:
        raw = bounds.read_bytes(path, bounds.TEXT_FILE_MAX, "berkas data")
    except FileNotFoundError:
        raise MissingFileError(str(path)) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError([Masalah("", "berkas bukan teks UTF-8")], str(path)) from None


_TAB = "tab dipakai untuk indentasi; YAML hanya menerima spasi di awal baris: ganti tab itu dengan spasi"

_YAML_PROBLEMS: list[tuple[str, str]] = [
    # libyaml's wording (the C parser that `check` and `render` use), then ruamel's own where it differs
    (r"tab character|found character '\\t'", _TAB),
    (r'found duplicate key "(.*?)"', 'kunci "{0}" muncul lebih dari sekali dalam satu pemetaan; hapus atau ganti salah satunya'),
    (r"mapping values are not allowed", "titik dua dan spasi (': ') di tengah nilai tanpa tanda kutip; beri tanda kutip{kutip}"),
    (r"cannot start any token", "karakter {karakter} tidak dapat mengawali nilai tanpa tanda kutip; beri tanda kutip{kutip}"),
    (r"end of stream", "tanda kutip yang dibuka di sini tidak ditutup; akhiri nilainya dengan tanda kutip yang sama"),
    (r"did not find expected key|expected <block end>",
     "indentasi tidak sesuai, atau ada teks sesudah nilai bertanda kutip: setiap kunci sejajar dengan kunci lain "
     "di pemetaannya (yang dimulai pada baris {mulai})"),
    (r"expected '-' indicator", "butir daftar diawali '-' dan sejajar dengan butir lain di daftarnya (yang dimulai pada baris {mulai})"),
    (r"expected ',' or '\]'", "kurung siku '[' pada baris {mulai} tidak ditutup dengan ']', atau butirnya tidak dipisah koma"),
    (r"expected ',' or '\}'", "kurung kurawal '{{' pada baris {mulai} tidak ditutup dengan '}}', atau pasangannya tidak dipisah koma"),
    (r"could not find expected ':'",
     "titik dua ':' tidak ditemukan: baris {mulai} harus berbentuk kunci: nilai (nilai yang berlanjut ke baris berikut "
     "ditulis menjorok ke dalam)"),
    (r"undefined alias", "alias (*nama) merujuk ke jangkar (&nama) yang tidak ada; beri tanda kutip bila '*' bagian dari teks{kutip}"),
    (r"unknown escape character",
     "garis miring terbalik (\\) di dalam tanda kutip ganda memulai kode yang tidak dikenal; pakai tanda kutip tunggal, atau tulis \\\\"),
    (r"alphabetic or numeric character", "'&' atau '*' di awal nilai dibaca sebagai jangkar atau alias YAML; beri tanda kutip{kutip}"),
    (r"directive", "'%' di awal baris dibaca sebagai arahan YAML; beri tanda kutip pada nilainya"),
    (r"expected comment or line break|chomping or indentation indicators",
     "sesudah '|' atau '>' hanya boleh '-', '+', angka indentasi atau komentar; teksnya dimulai di baris berikutnya"),
    (r"sequence entries are not allowed",
     "butir daftar '- ' tidak boleh di baris yang sama dengan kuncinya; pindahkan ke baris berikutnya, menjorok ke dalam"),
    (r"could not determine a constructor for the tag '(.*?)'", "tag YAML {0} tidak didukung; hapus tag itu"),
    (r"found another document", "berkas memuat lebih dari satu dokumen YAML ('---' di tengah berkas); satu berkas untuk satu keputusan"),
    (r"expected node content", "nilai tidak ditemukan di tempat yang seharusnya; periksa tanda baca dan indentasi"),
    (r"second occurrence", "nama jangkar (&nama) dipakai dua kali; beri nama lain"),
    (r"characters are not allowed", "berkas memuat karakter {karakter}, yang tidak boleh ada di YAML; hapus karakter itu"),
]
"""What the YAML parsers say, and what to tell the user in their place: the first pattern found
in the parser's problem wins. An unknown problem keeps its English text after an Indonesian lead-in."""


def _quote_fix(line: str) -> str:
    """`: key: "value"`, the line's value quoted, when the line is a plain `key: value` or `- value`."""
    found = re.match(r"\s*(-\s+)?(?:([^\s\"'#-][^:#]*?):\s+)?(.+?)\s*$", line)
    if found is None or found.group(3)[0] in "\"'|>":
        return ""
    value = re.sub(r"\s+#.*$", "", found.group(3))
    return f": {'- ' if found.group(1) else ''}{found.group(2) + ': ' if found.group(2) else ''}" + json.dumps(
        value, ensure_ascii=False)


def yaml_error(exc: YAMLError, path: Path, text: str | None = None) -> InputError:
    """A YAML parser error as an input error in Indonesian, naming the line and column, with the
    fix for the common mistakes when the file's `text` is given."""
    problem = getattr(exc, "problem", None) or getattr(exc, "reason", None) or str(exc)
    context = getattr(exc, "context", None) or ""
    mark, start = getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None)
    lines = text.splitlines() if text is not None else []
    if mark is not None:
        line, column = mark.line, mark.column
    elif isinstance(position := getattr(exc, "position", None), int) and text is not None:  # a reader error: an offset
        line = text.count("\n", 0, position)
        column = position - (text.rfind("\n", 0, position) + 1)
    else:
        line = column = None
    if "end of stream" in problem and "quoted" in context and start is not None:
        line, column = start.line, start.column  # where the quote opens, not the end of the file
    here = lines[line] if line is not None and line < len(lines) else ""
    char = here[column:column + 1] if column is not None else ""
    if isinstance(character := getattr(exc, "character", None), int):
        char = chr(character)
    shown = f"'{char}'" if char.isprintable() and char else f"U+{ord(char):04X}" if char else ""
    for pattern, template in [(r"^", _TAB)] * (char == "\t") + _YAML_PROBLEMS:
        found = re.search(pattern, problem)
        if found:
            groups = [group.replace("tag:yaml.org,2002:", "!!") for group in found.groups()]
            message = template.format(*groups, karakter=shown, kutip=_quote_fix(here),
                                      mulai=opened.line + 1 if (opened := start or mark) else "?")
            break
    else:
        message = f"{context + ': ' if context else ''}{problem} (pesan pengurai YAML)"
    baris, kolom = (line + 1, column + 1) if line is not None else (None, None)
    return InputError([Masalah("", f"YAML tidak sah: {message}", baris, kolom)], str(path))


_JSON_PROBLEMS = {
    "Expecting ',' delimiter": "koma ',' diharapkan di antara butir atau pasangan",
    "Expecting ':' delimiter": "titik dua ':' diharapkan sesudah kunci",
    "Expecting property name enclosed in double quotes": "kunci diapit tanda kutip ganda (atau ada koma berlebih sebelum '}')",
    "Expecting value": "nilai diharapkan di sini (atau ada koma berlebih sebelum ']' atau '}')",
    "Unterminated string starting at": "teks yang dimulai di sini tidak ditutup dengan tanda kutip ganda",
    "Extra data": "masih ada isi sesudah data selesai",
    "Invalid control character at": "karakter kendali (tab atau baris baru) di dalam teks; tulis \\t atau \\n",
    "Invalid \\escape": "garis miring terbalik (\\) memulai kode yang tidak dikenal; tulis \\\\",
    "Invalid \\uXXXX escape": "kode \\u harus diikuti empat angka heksadesimal",
}


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict:
    """A JSON object whose keys are all different: a repeated key would silently keep its last value."""
    data: dict = {}
    for key, value in pairs:
        if key in data:
            raise InputError([Masalah(key, f"kunci '{key}' muncul lebih dari sekali dalam satu objek JSON")])
        data[key] = value
    return data


def read_data(path: Path) -> Any:
    """The raw data of a .yaml/.yml or .json file."""
    path = Path(path)
    return parse(read_text(path), path)


def parse(text: str, path: Path) -> Any:
    """The raw data of a decree file's text; `path` tells JSON from YAML and names the file in errors."""
    try:
        if path.suffix.lower() == ".json":
            try:
                data = json.loads(text, object_pairs_hook=_unique_keys)
            except json.JSONDecodeError as exc:
                message = _JSON_PROBLEMS.get(exc.msg, f"{exc.msg} (pesan pengurai JSON)")
                raise InputError([Masalah("", f"JSON tidak sah: {message}", exc.lineno, exc.colno)], str(path)) from None
            except InputError as exc:
                raise InputError(exc.masalah, str(path)) from None
        else:
            try:
                data = safe_yaml().load(text)  # libyaml (ruamel.yaml.clib) parses, ruamel resolves: YAML 1.2
            except YAMLError as exc:
                raise yaml_error(exc, path, text) from None
    except RecursionError:
        raise InputError([Masalah("", f"isi berkas bersarang terlalu dalam (batas {DEPTH_MAX} tingkat)")], str(path)) from None
    check_size(data, str(path))
    return data


def check_size(data: Any, sumber: str | None = None) -> None:
    """Refuse data with more than bounds.DATA_VALUES_MAX values or bounds.DATA_CHARS_MAX
    characters of text, an alias counted each time it is used; nested more than DEPTH_MAX deep;
    or holding itself (a YAML alias inside its own anchor). Each distinct list and mapping is
    looked at once, so the cost is that of the file, not of its expansion."""
    if not isinstance(data, (dict, list)):
        return
    sizes: dict[int, tuple[int, int]] = {}  # id of a list or mapping -> (values, characters) expanded
    open_: set[int] = set()  # started, not finished: the ancestors of what is being looked at
    stack: list[tuple[Any, int, bool]] = [(data, 1, False)]
    while stack:
        value, depth, finished = stack.pop()
        key = id(value)
        children = [*value.keys(), *value.values()] if isinstance(value, dict) else value
        if finished:
            open_.discard(key)
            values, chars = 1, 0
            for child in children:
                child_values, child_chars = sizes.get(id(child)) or (1, len(child) if isinstance(child, str) else 0)
                values, chars = values + child_values, chars + child_chars
            if values > bounds.DATA_VALUES_MAX or chars > bounds.DATA_CHARS_MAX:
                what = "nilai" if values > bounds.DATA_VALUES_MAX else "huruf"
                limit = bounds.DATA_VALUES_MAX if what == "nilai" else bounds.DATA_CHARS_MAX
                raise InputError([Masalah("", f"data terlalu besar: lebih dari {limit:,} {what}".replace(",", ".")
                                          + " (alias YAML dihitung setiap kali dipakai)")], sumber)
            sizes[key] = (values, chars)
            continue
        if key in sizes:
            continue
        if key in open_:
            raise InputError([Masalah("", "alias YAML dipakai di dalam jangkarnya sendiri (data tak berujung)")], sumber)
        if depth > DEPTH_MAX:
            raise InputError([Masalah("", f"isi berkas bersarang terlalu dalam (batas {DEPTH_MAX} tingkat)")], sumber)
        open_.add(key)
        stack.append((value, depth, True))
        stack.extend((child, depth + 1, False) for child in children if isinstance(child, (dict, list)))


def _outside(logo: str) -> bool:
    """Whether a logo path leaves the decree's folder: absolute, or `..` above it."""
    return os.path.isabs(logo) or os.path.normpath(logo).replace("\\", "/").split("/")[0] == ".."


def yaml_positions(text: str) -> Letak:
    """Where each path of the data stands in a YAML text: the key of a mapping entry, the start of
    a list item, as line and column from 1 (for a missing key, its mapping's own key), with a
    plain scalar's text as typed. Parsed again, only when data from the text failed validation:
    composed by the C parser, not constructed, so loading a valid file costs nothing more."""
    root = YAML(typ="safe", pure=False).compose(text)

    def at(path: tuple) -> Posisi | None:
        if root is None:
            return None
        node, mark = root, root.start_mark
        for part in path:
            if isinstance(node, MappingNode):
                entry = _entry(node, part)
                if entry is None:
                    return Posisi(mark.line + 1, mark.column + 1)
                key, node = entry
                mark = key.start_mark
            elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                node = node.value[part]
                mark = node.start_mark
            else:
                return Posisi(mark.line + 1, mark.column + 1)
        plain = node.value if isinstance(node, ScalarNode) and not node.style else None
        return Posisi(mark.line + 1, mark.column + 1, plain)

    return at


def _entry(mapping: MappingNode, key: str | int) -> tuple[Node, Node] | None:
    """The (key, value) nodes of `key` in a composed mapping, through merge keys (<<: *base)."""
    merged: list[tuple[Node, Node]] = []
    for key_node, value_node in mapping.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            merged += value_node.value if isinstance(value_node, SequenceNode) else [value_node]
        elif isinstance(key_node, ScalarNode) and key_node.value == str(key):
            return key_node, value_node
    for other in merged:
        found = _entry(other, key) if isinstance(other, MappingNode) else None
        if found:
            return found
    return None


def from_data(data: Any, base_dir: Path | None = None, sumber: str | None = None, teks: str | None = None) -> Keputusan:
    """Validate raw data into a Keputusan; a relative logo path is taken relative to `base_dir`.
    `teks`, the YAML text the data was read from, lets each problem name its line and column.

    Data read from a file (`base_dir` given) may name a logo only inside that file's folder: a
    decree received from elsewhere cannot make kpu-docs read a picture from anywhere on this
    computer into the document it writes. Models built in Python take any path.
    """
    if not isinstance(data, dict):
        raise InputError([Masalah("", "isi berkas harus berupa pemetaan kunci: nilai")], sumber)
    if base_dir is not None and isinstance(data.get("logo"), str):
        if _outside(data["logo"]):
            where = yaml_positions(teks)(("logo",)) if teks is not None else None
            raise InputError([Masalah(
                "logo",
                "harus berupa lokasi gambar di dalam folder berkas keputusan, misalnya logo.png atau "
                "gambar/logo.png (bukan lokasi mutlak atau ../); salin gambarnya ke folder itu",
                where.baris if where else None, where.kolom if where else None, kunci="logo",
            )], sumber)
        data = {**data, "logo": str(Path(base_dir) / data["logo"])}
    try:
        return Keputusan.model_validate(data)
    except ValidationError as exc:
        letak = yaml_positions(teks) if teks is not None else None
        raise from_validation_error(exc, sumber, data=data, model=Keputusan, letak=letak) from None


def load(path: str | Path) -> Keputusan:
    """Load and validate a decree from a YAML or JSON file; each problem in a YAML file names its
    line and column."""
    path = Path(path)
    text = read_text(path)
    data = parse(text, path)
    teks = None if path.suffix.lower() == ".json" else text
    return from_data(data, base_dir=path.parent, sumber=str(path), teks=teks)
