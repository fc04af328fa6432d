"""Next year's draft: the same decree with the year moved on, its dates shifted, its number cleared.

Works on the YAML text itself, not on a dump of the model: the changed values are edited in
place (located through ruamel's round-trip positions), so the new file keeps the old one's
comments, key order and layout, and a diff of the two files shows only what changed. The decree's
own year moves; years of cited regulations (Mengingat, Memperhatikan, "Nomor 5 Tahun 2023" in
text) stay. A year whose meaning cannot be told is listed for a person to check, not changed.
"""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import ScalarString

from kpu_docs.checks import NOMOR_KOSONG
from kpu_docs.errors import InputError, Masalah
from kpu_docs.formatting import nama_bulan
from kpu_docs.loading import check_size, from_data, read_text, yaml_error
from kpu_docs.files import write_atomic

KEEP_YEARS = ("mengingat", "memperhatikan")
"""Parts whose years belong to the cited regulations, never to the decree."""
NOT_TEXT = ("pengaturan", "logo")

_MONTHS = "|".join(nama_bulan(m) for m in range(1, 13))
_CITED = re.compile(r"\bNomor\s+\S+\s+Tahun\s+(\d{4})\b", re.I)
_TAHUN = re.compile(r"\b(Tahun|TAHUN|tahun)(\s+)(\d{4})\b")
_MONTH_YEAR = re.compile(rf"\b({_MONTHS})(\s+)(\d{{4}})\b", re.I)
_ISO_DATE = re.compile(r"\b(\d{4})(-\d{2}-\d{2})\b")
_BARE_YEAR = re.compile(r"(?<![\d/.])(\d{4})(?![\d/])")


@dataclass
class Perubahan:
    """One change made: where (a path of keys and list indices), and the value before and after."""

    jalur: tuple
    lama: object
    baru: object

    @property
    def lokasi(self) -> str:
        """The path as shown to people: penutup.tanggal, lampiran[1].isi[3] (positions from 1)."""
        out = ""
        for part in self.jalur:
            out += f"[{part + 1}]" if isinstance(part, int) else f".{part}"
        return out.lstrip(".")


@dataclass
class Laporan:
    """What next-year did (diubah) and what it left for a person to decide (periksa)."""

    tahun_lama: int
    tahun_baru: int
    diubah: list[Perubahan] = field(default_factory=list)
    periksa: list[str] = field(default_factory=list)


def _shift_date(d: datetime.date, years: int) -> datetime.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February into a common year
        return d.replace(year=d.year + years, day=28)


def shift_text(text: str, old: int, new: int) -> tuple[str, list[str]]:
    """Move the decree's year in free text; return the new text and notes on years left alone.

    Changed: "Tahun 2025", month and year ("September 2025", "3 September 2025", "September s/d
    Desember 2025"), ISO dates, and months in the year after (a period running into it).
    Kept: "Nomor ... Tahun 2025" (a cited regulation) and any other bare year, which is noted.
    """
    delta = new - old
    protected: list[tuple[int, int]] = [m.span(1) for m in _CITED.finditer(text)]
    notes = [f"\"{m.group(0)}\" tampaknya rujukan peraturan, tahunnya tidak diubah"
             for m in _CITED.finditer(text) if int(m.group(1)) == old]
    edits: dict[tuple[int, int], str] = {}

    def free(span: tuple[int, int]) -> bool:
        return not any(a <= span[0] < b for a, b in protected) and span not in edits

    for m in _TAHUN.finditer(text):
        if int(m.group(3)) == old and free(m.span(3)):
            edits[m.span(3)] = str(new)
    for m in _MONTH_YEAR.finditer(text):
        year = int(m.group(3))
        if year in (old, old + 1) and free(m.span(3)):
            edits[m.span(3)] = str(year + delta)
    for m in _ISO_DATE.finditer(text):
        year = int(m.group(1))
        if year in (old, old + 1) and free(m.span(1)):
            edits[m.span(1)] = str(year + delta)
    for m in _BARE_YEAR.finditer(text):
        if int(m.group(1)) in (old, old + 1) and free(m.span(1)):
            notes.append(f"tahun {m.group(1)} dalam \"{_context(text, m.span(1))}\" tidak diubah: periksa")
    out = text
    for (start, end), value in sorted(edits.items(), reverse=True):
        out = out[:start] + value + out[end:]
    return out, notes


def _context(text: str, span: tuple[int, int], width: int = 30) -> str:
    start, end = max(span[0] - width, 0), min(span[1] + width, len(text))
    return ("…" if start else "") + " ".join(text[start:end].split()) + ("…" if end < len(text) else "")


def _walk(node, path: tuple, report: Laporan) -> None:
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in list(items):
        where = (*path, key)
        if isinstance(key, str) and (key in KEEP_YEARS or key in NOT_TEXT):
            continue
        if isinstance(value, (dict, list)):
            _walk(value, where, report)
        elif isinstance(value, str):
            shifted, notes = shift_text(value, report.tahun_lama, report.tahun_baru)
            change = Perubahan(where, value, shifted)
            report.periksa += [f"{change.lokasi}: {n}" for n in notes]
            if shifted != value:
                node[key] = shifted
                report.diubah.append(change)
        elif isinstance(value, datetime.date):
            shifted = _shift_date(value, report.tahun_baru - report.tahun_lama)
            node[key] = shifted
            report.diubah.append(Perubahan(where, value, shifted))


def roll_forward(data: dict, tahun: int | None = None) -> Laporan:
    """Move plain decree data to `tahun` (default: next year), in place; report what changed."""
    old = int(data["tahun"])
    new = tahun if tahun is not None else old + 1
    report = Laporan(old, new)
    report.diubah.append(Perubahan(("tahun",), old, new))
    data["tahun"] = new
    if data.get("nomor") != NOMOR_KOSONG:
        report.diubah.append(Perubahan(("nomor",), data.get("nomor"), NOMOR_KOSONG))
        data["nomor"] = NOMOR_KOSONG
    rest = {k: v for k, v in data.items() if k not in ("tahun", "nomor")}
    _walk(rest, (), report)
    data.update(rest)
    return report


def _positions(node, out: list | None = None) -> list[tuple[int, int]]:
    """(line, col) of every key, item and scalar in a round-trip tree: where each token starts."""
    out = [] if out is None else out
    if isinstance(node, dict):
        for key, value in node.items():
            out.append(tuple(node.lc.key(key)))
            if not isinstance(value, (dict, list)):
                out.append(tuple(node.lc.value(key)))
            _positions(value, out)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            if not isinstance(value, (dict, list)):
                out.append(tuple(node.lc.item(i)))
            _positions(value, out)
    return out


def _start(tree, path: tuple) -> tuple[int, int]:
    node = tree
    for part in path[:-1]:
        node = node[part]
    last = path[-1]
    return tuple(node.lc.value(last) if isinstance(node, dict) else node.lc.item(last))


_DIGITS = re.compile(r"\d+")


def _edit_source(text: str, tree, report: Laporan) -> str:
    """Apply the changes to the source text itself, touching only the digits that change.

    A scalar's digit runs appear in its source in the same order as in its value (folding and
    quoting only move spaces), so the n-th run of the value is the n-th run after its start.
    """
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    starts = sorted(set(_positions(tree)))

    def absolute(pos: tuple[int, int]) -> int:
        return offsets[pos[0]] + pos[1]

    edits: list[tuple[int, int, str]] = []
    for change in report.diubah:
        start = _start(tree, change.jalur)
        following = bisect.bisect_right(starts, start)  # the next token ends this value's source
        begin = absolute(start)
        end = absolute(starts[following]) if following < len(starts) else len(text)
        if change.jalur == ("nomor",):
            token = re.match(r"(\"[^\"]*\"|'[^']*'|[^\s#]+(?:[ \t]+[^\s#]+)*)", text[begin:end])
            edits.append((begin, begin + token.end(), f'"{change.baru}"'))
            continue
        old_runs = [m.span() for m in _DIGITS.finditer(_as_text(change.lama))]
        new_value = _as_text(change.baru)
        source_runs = [m.span() for m in _DIGITS.finditer(text, begin, end)][: len(old_runs)]
        for (a, b), (sa, sb) in zip(old_runs, source_runs):
            if _as_text(change.lama)[a:b] != new_value[a:b]:
                edits.append((sa, sb, new_value[a:b]))
    for a, b, value in sorted(edits, reverse=True):
        text = text[:a] + value + text[b:]
    return text


def _as_text(value) -> str:
    return value.isoformat() if isinstance(value, datetime.date) else str(value)


def next_year(source: str | Path, target: str | Path, tahun: int | None = None) -> Laporan:
    """Write the draft for `tahun` (default: the next year) of the decree in `source` to `target`.

    The new file is the old text with only the changed values edited, so comments, order and
    layout stay; it is checked by reading it back, and validated, before it is written.
    """
    source, target = Path(source), Path(target)
    if source.suffix.lower() == ".json":
        raise InputError([Masalah("", "next-year bekerja pada berkas YAML (komentar dan susunan dipertahankan)")],
                         str(source))
    text = read_text(source)
    try:
        tree = YAML(typ="rt").load(text)
    except YAMLError as exc:
        raise yaml_error(exc, source) from None
    check_size(tree, str(source))  # before _plain expands the aliases
    data = _plain(tree)
    from_data(data, base_dir=source.parent, sumber=str(source))
    report = roll_forward(data, tahun)
    new_text = _edit_source(text, tree, report)
    if YAML(typ="safe", pure=True).load(new_text) != data:  # never write what we did not mean
        raise RuntimeError("next-year: hasil penyuntingan berkas tidak sesuai dengan data; tidak ditulis")
    from_data(data, base_dir=source.parent, sumber=str(target))
    write_atomic(target, new_text.encode("utf-8"))
    return report


def _plain(node):
    """Round-trip YAML nodes as plain Python values."""
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
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
