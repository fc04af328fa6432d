"""Lampiran tables back into data: Word tables by their merged cells, typed tables by their tabs.

A Word table keeps its structure (gridSpan, vMerge), so it maps exactly onto Tabel (with Sel
spans) or, when the first two columns are numbered groups merged downwards, onto TabelKelompok.
A typed or OCR'd table has only tab-separated lines: rows wrapped over several lines are joined,
and whatever does not read as a row of the right width is reported instead of guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docx.oxml.ns import nsmap, qn
from lxml import etree

from kpu_docs.importing.lines import Wrapped, list_label
from kpu_docs.plaintext import cell_span, paragraph_marked

# --- Word tables ----------------------------------------------------------------------------


@dataclass(slots=True)
class _Cell:
    text: str
    row: int
    col: int
    rows: int = 1
    cols: int = 1
    centred: bool = False
    """Its first paragraph is centred by direct formatting, as the renderer prints a generated
    row number (a cell of data takes its alignment from the style)."""


def _cell_text(tc) -> str:
    """The cell's paragraphs, one per line, as Sel.teks holds them."""
    return "\n".join(paragraph_marked(p) for p in tc.iterchildren(qn("w:p")))


_CENTRED = etree.XPath("./w:p[1]/w:pPr/w:jc[@w:val='center']", namespaces=nsmap)


def _grid(tbl) -> tuple[list[list[_Cell | None]], int]:
    """Origin cells by grid position; positions covered by a span hold None."""
    origins: list[list[_Cell | None]] = []
    above: dict[int, _Cell] = {}  # by grid column: the nearest origin cell in the rows read so far
    width = 0
    for r, tr in enumerate(tbl.iterchildren(qn("w:tr"))):
        row: list[_Cell | None] = []
        for tc in tr.iterchildren(qn("w:tc")):
            span, continued = cell_span(tc)
            c = len(row)
            if continued:
                row.extend([None] * span)
                if c in above:
                    above[c].rows = r - above[c].row + 1
            else:
                cell = _Cell(_cell_text(tc), r, c, cols=span, centred=bool(_CENTRED(tc)))
                row.append(cell)
                row.extend([None] * (span - 1))
        above.update((c, cell) for c, cell in enumerate(row) if cell is not None)
        origins.append(row)
        width = max(width, len(row))
    for row in origins:
        row.extend([None] * (width - len(row)))
    return origins, width


def word_table(tbl) -> dict:
    """A table block ({tabel: ...} or {tabel_kelompok: ...}) from a w:tbl written by the renderer."""
    grid, width = _grid(tbl)
    header = [c.text if c is not None else "" for c in grid[0]]
    body = grid[1:]
    grouped = _groups(body, width)
    if grouped is not None:
        return {"tabel_kelompok": {"kolom": header, "kelompok": grouped}}
    numbered = _numbered(body, width)
    rows = []
    for row in body:
        out: list = []
        for cell in row[int(numbered):]:
            if cell is None:
                continue
            if cell.rows > 1 or cell.cols > 1:
                sel: dict = {"teks": cell.text}
                if cell.rows > 1:
                    sel["gabung_baris"] = cell.rows
                if cell.cols > 1:
                    sel["gabung_kolom"] = cell.cols
                out.append(sel)
            else:
                out.append(cell.text)
        rows.append(out)
    return {"tabel": {"kolom": header, "baris": rows, **({"nomor_urut": True} if numbered else {})}}


def _numbered(body: list[list[_Cell | None]], width: int) -> bool:
    """Whether the first column holds the numbers the renderer generates (nomor_urut): 1, 2, 3
    centred, a number shared by rows merged down, and empty or the next number in a row a person
    added in Word."""
    if width < 2 or not body:
        return False
    n, generated = 0, False
    for row in body:
        cell = row[0]
        if cell is None:
            continue  # the rows of a merged number
        n += 1
        if cell.cols != 1 or cell.text.strip() not in ("", str(n)) or (cell.centred and cell.text != str(n)):
            return False
        generated |= cell.centred
    return generated


def _groups(body: list[list[_Cell | None]], width: int) -> list[dict] | None:
    """Kelompok data when the body is numbered groups merged down the first two columns, else None."""
    if width < 3 or not body:
        return None
    groups: list[dict] = []
    merged = False
    r = 0
    while r < len(body):
        number, name = body[r][0], body[r][1]
        if groups and _added_to_group(number, name):
            cells = [c for c in body[r][2:] if c is not None and c.rows <= 1 and c.cols <= 1]
            if len(cells) != len(body[r][2:]):
                return None
            groups[-1]["baris"].append([c.text for c in cells])
            r += 1
            continue
        if number is None or name is None or number.rows != name.rows or number.cols != 1 or name.cols != 1:
            return None
        if number.text.strip() != str(len(groups) + 1):
            return None
        merged |= number.rows > 1
        rows = []
        for rr in range(r, r + number.rows):
            cells = [c for c in body[rr][2:] if c is not None and c.rows <= 1 and c.cols <= 1]
            if len(cells) != len(body[rr][2:]):  # a cell merged away or merged across rows or columns
                return None
            rows.append([c.text for c in cells])
        groups.append({"nama": name.text, "baris": rows})
        r += number.rows
    return groups if merged else None


def as_numbered(grouped: dict) -> dict | None:
    """A grouped table (the data of a tabel_kelompok block) as the numbered Tabel that prints
    the same Word table: each group's name a first cell spanning its rows, numbered by the
    generated column. word_table cannot tell the two apart; the kept data can (kept.merge).
    None for a group without rows, which prints no row."""
    rows: list[list] = []
    for group in grouped.get("kelompok", []):
        height = len(group["baris"])
        if not height:
            return None
        name = group["nama"] if height == 1 else {"teks": group["nama"], "gabung_baris": height}
        rows.append([name, *group["baris"][0]])
        rows += [list(row) for row in group["baris"][1:]]
    rest = {k: v for k, v in grouped.items() if k != "kelompok"}
    return {**rest, "baris": rows, "nomor_urut": True}


def as_grouped(numbered: dict) -> dict | None:
    """A numbered table (the data of a tabel block) as the grouped table that prints the same
    Word table, or None when it prints as no grouped table: every row that starts a number
    opens with a cell spanning only the rows of that number, and every other cell stands alone
    in its row and column (the inverse of as_numbered)."""
    width = len(numbered["kolom"]) - 2
    if not numbered.get("nomor_urut") or width < 1:
        return None
    rows, groups = numbered.get("baris", []), []
    r = 0
    while r < len(rows):
        if not rows[r]:
            return None
        first, height = rows[r][0], 1
        if isinstance(first, dict):
            if set(first) - {"teks", "gabung_baris"}:
                return None
            first, height = first.get("teks", ""), first.get("gabung_baris", 1)
        block = [rows[r][1:], *rows[r + 1:r + height]]
        if len(block) != height or any(len(row) != width or not all(isinstance(c, str) for c in row) for row in block):
            return None
        groups.append({"nama": first, "baris": block})
        r += height
    rest = {k: v for k, v in numbered.items() if k not in ("baris", "nomor_urut")}
    return {**rest, "kelompok": groups} if groups else None


def _added_to_group(number: _Cell | None, name: _Cell | None) -> bool:
    """A row a person added under a group in Word: its number and name cells empty, not merged."""
    return (
        number is not None and name is not None and number.rows == name.rows == 1 and number.cols == name.cols == 1
        and not number.text.strip() and not name.text.strip()
    )


# --- typed tables ---------------------------------------------------------------------------


@dataclass
class _Row:
    lines: list[tuple[int, str]] = field(default_factory=list)
    parts: list[list[str]] = field(default_factory=list)
    """The cells of each line of the row, joined into `cells` once the row is complete."""
    cells: list[str] = field(default_factory=list)
    bad: str | None = None
    group_start: bool = False


def _split(line: str) -> list[str]:
    return [c.strip() for c in line.split("\t")]


def _joined(texts) -> str:
    """A cell's pieces from its wrapped lines as one text, joined as lines.join joins a wrapped
    text (a word hyphenated at the break rejoined), empty pieces skipped; linear (Wrapped).

    A cell that holds a list of its own ("1. Diproduksi/buatan luar negeri." "2. Pemesanan ...")
    keeps each item a paragraph of its own (a new line in Sel.teks), as a Word table's cell
    gives its paragraphs: a piece opens an item where its label follows the one before, in a
    cell that begins with the first label ("1.", "a.")."""
    items: list[Wrapped] = []
    expected: tuple[str | None, int] | None = None
    for b in texts:
        if not b:
            continue
        kind, number, _ = list_label(b)
        if items and (kind, number) != expected:
            items[-1].add(b)
            continue
        items.append(Wrapped(b))
        expected = (kind, number + 1) if number is not None and (len(items) > 1 or number == 1) else None
    return "\n".join(str(text) for text in items)


def _wraps_header(line: str) -> bool:
    """A line that continues the header: its first cell empty, the others capitals or empty."""
    cells = _split(line)
    return not cells[0] and all(not c or c == c.upper() and any(ch.isalpha() for ch in c) for c in cells)


def _lowercase_majority(cells: list[str]) -> bool:
    """Most filled cells start in lower case: the line continues wrapped cells above it."""
    filled = [c for c in cells if c]
    lower = sum(1 for c in filled if c[0].islower())
    return lower > len(filled) - lower


def _digit_ratio(text: str) -> float:
    tokens = text.split()
    return sum(1 for t in tokens if any(map(str.isdigit, t))) / len(tokens) if tokens else 0.0


def _shown(line: str) -> str:
    return " | ".join(c.strip() for c in line.split("\t"))


def text_table(lines: list[tuple[int, str]]) -> tuple[dict | None, list[str]]:
    """A table block from tab-separated lines (number, text; "" for a blank line) and what could not be read."""
    reports: list[str] = []
    filled = [(n, t) for n, t in lines if t.strip()]
    if not filled:
        return None, reports
    header = _split(filled[0][1])
    while header and not header[-1]:
        header.pop()
    width = len(header)
    # header lines wrapped: further lines of capitals only
    end = 1
    while end < len(filled) and _wraps_header(filled[end][1]):
        end += 1
    columns = [[h] for h in header]
    for _, t in filled[1:end]:
        for i, c in enumerate(_split(t)[:width]):
            columns[i].append(c)
    header = [_joined(column) for column in columns]
    rest = filled[end:]

    parsed: list[tuple[int, str, list[str]]] = []
    for n, t in rest:
        cells = _split(t)
        while len(cells) > width and not cells[-1]:
            cells.pop()
        # trailing empty cells are lost when trailing whitespace is trimmed: pad on the right
        cells += [""] * (width - len(cells))
        if len(cells) != width:
            reports.append(f"baris {n} (tabel, {len(cells)} kolom, seharusnya {width}): {_shown(t)}")
            continue
        parsed.append((n, t, cells))

    numbers = [cells[0] for _, _, cells in parsed if cells[0]]
    grouped = (
        width >= 3
        and bool(numbers)
        and numbers == [str(i) for i in range(1, len(numbers) + 1)]
        # a further row of a group: no number or group name, its own cells filled (one wrapped
        # cell alone, "Penilaian Kompetensi Pegawai", only continues the row above)
        and any(not cells[0] and not cells[1] and sum(map(bool, cells[2:])) >= min(2, width - 2) for _, _, cells in parsed)
    )
    key = 2 if grouped else 0

    rows: list[_Row] = []
    for n, t, cells in parsed:
        starts_group = grouped and bool(cells[0])
        new_row = starts_group or (cells[key] and not _lowercase_majority(cells))
        if new_row:
            rows.append(_Row([(n, t)], [cells], group_start=starts_group))
            continue
        if not rows:
            reports.append(f"baris {n} (tabel, lanjutan tanpa baris): {_shown(t)}")
            continue
        row = rows[-1]
        row.lines.append((n, t))
        if grouped and cells[1] and not row.group_start:
            row.bad = "isian bergeser"
        row.parts.append(cells)
    for row in rows:
        row.cells = [_joined(column) for column in zip(*row.parts)]

    # a fragment repeated at a page break: its key is the start of the next row's key
    for row, after in zip(rows, rows[1:]):
        a, b = row.cells[key].lower().split(), after.cells[key].lower().split()
        if a and len(a) < len(b) and b[: len(a)] == a and not after.group_start:
            row.bad = row.bad or "potongan baris berikutnya"
    # noise: a cell of digits and scraps in a column of words
    for col in range(1 if not grouped else 2, width):
        ratios = sorted(_digit_ratio(row.cells[col]) for row in rows if row.cells[col])
        if not ratios:
            continue
        if ratios[len(ratios) // 2] > 0.1:
            continue
        for row in rows:
            if _digit_ratio(row.cells[col]) >= 0.5:
                row.bad = row.bad or "isian tidak terbaca"

    for row in rows:
        if row.bad:
            for n, t in row.lines:
                reports.append(f"baris {n} (tabel, {row.bad}): {_shown(t)}")

    if grouped:
        kelompok: list[dict] = []
        for row in rows:
            if row.group_start:
                kelompok.append({"nama": row.cells[1], "baris": []})
            if not row.bad and kelompok:
                kelompok[-1]["baris"].append(row.cells[2:])
        for group in [g for g in kelompok if not g["baris"] or not g["nama"]]:
            reports.append(f"tabel: kelompok \"{group['nama']}\" tanpa baris terbaca, tidak dimuat")
        kelompok = [g for g in kelompok if g["baris"] and g["nama"]]
        if kelompok and all(header):
            return {"tabel_kelompok": {"kolom": header, "kelompok": kelompok}}, reports
    good = [row.cells for row in rows if not row.bad]
    if not all(header):
        if not good:
            reports.append(f"baris {filled[0][0]} (tabel tanpa kepala kolom): {_shown(filled[0][1])}")
            return None, reports
        header = [h or "-" for h in header]
    return {"tabel": {"kolom": header, "baris": good}}, reports


_LABEL = re.compile(r"^(?:[A-Za-z]|\d{1,2})[.)]$|^\(\d{1,2}\)$|^[-:\u2022]$")


def _typed_item(filled: list[str]) -> bool:
    """"a.<tab>text" or "1)<tab>text": a list item typed with a tab, not a table row."""
    return len(filled) == 2 and bool(_LABEL.match(filled[0])) and filled[0][-1] in ".)"


def starts_table(text: str) -> bool:
    """A typed table row: two or more tab-separated cells with text, neither a typed list item
    ("a.<tab>text") nor a konsiderans label ("Menimbang<tab>:<tab>...")."""
    filled = [c.strip() for c in text.split("\t") if c.strip()]
    return len(filled) >= 2 and not _LABEL.match(filled[1]) and not _typed_item(filled)


def continues_table(text: str) -> bool:
    """A line that still belongs to a typed table: it has tabs and is not a typed list item."""
    return "\t" in text and not _typed_item([c.strip() for c in text.split("\t") if c.strip()])


# --- tables typed with bars ("| No | Nama |", Markdown) -----------------------------------------

_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
"""A Markdown header rule: "|---|:---:|", "--- | ---"."""


def bar_cells(raw: str) -> list[str] | None:
    """The cells of a line typed with bars between them ("| 1 | Desa Cerme |", "1 | Desa Cerme";
    the outer bars optional), or None when the line has no bar or is a header rule."""
    text = raw.strip()
    if "|" not in text or _RULE.match(text):
        return None
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", text)]
    return cells if len(cells) >= 2 else None


def is_rule(raw: str) -> bool:
    return bool(_RULE.match(raw)) and "-" in raw


def bar_table(raws: list[str], start: int) -> int:
    """How many lines from raws[start] are a table typed with bars: a header row and at least one
    more row of as many cells (a Markdown rule between them may be there or not); 0 when that line
    starts no such table."""
    header = bar_cells(raws[start])
    if header is None:
        return 0
    width, end, rows = len(header), start + 1, 0
    while end < len(raws):
        if not is_rule(raws[end]):
            cells = bar_cells(raws[end])
            if cells is None or len(cells) != width:
                break
            rows += 1
        end += 1
    return end - start if rows else 0


# --- tables laid out with spaces (pdftotext -layout) ------------------------------------------

_SEGMENT = re.compile(r"\S+(?: \S+)*")
"""A run of words with single spaces: a cell's text on one line of a space-aligned table."""


_NUMBER_COLUMN = re.compile(r"^No(?:mor)?\.?$")
"""The number column's header as it is often typed, not in capitals: "No", "No.", "Nomor"."""


def aligned_header(raw: str) -> bool:
    """A header row laid out with spaces: three or more cells in capitals ("No" may head the number
    column), two or more spaces apart."""
    cells = [m.group(0) for m in _SEGMENT.finditer(raw.replace("\t", "    "))]
    return len(cells) >= 3 and all(
        c == c.upper() and any(ch.isalpha() for ch in c) or k == 0 and _NUMBER_COLUMN.match(c) for k, c in enumerate(cells)
    )


def _column_numbers(raw: str, width: int) -> list[float] | None:
    """The centres of the numbers of a column-number row ("1   2          3") of a table of
    `width` columns, or None when the line is no such row."""
    found = list(re.finditer(r"\S+", raw))
    if [m.group(0) for m in found] != [str(n) for n in range(1, width + 1)]:
        return None
    return [(m.start() + m.end()) / 2 for m in found]


def _page_bounds(centres: list[float], left: float) -> list[float]:
    """Where a page's columns meet, from the numbers centred over them: columns side by side, the
    first from the page's left edge (as far left as its number stands), each as wide on either
    side of its number. pdftotext -layout narrows an empty column on a page where a row runs on
    ("1   2                 3": the numbers of the empty columns close together)."""
    bounds, edge = [], min(left, centres[0])
    for centre in centres[:-1]:
        edge = 2 * centre - edge
        bounds.append(edge)
    return bounds


def aligned_rows(header: str, lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Space-aligned lines as tab-separated ones, for text_table: each run of words goes to the
    column of the header whose span (to the middle of the gaps beside it) holds most of it, so
    that a cell's text set flush left under a centred heading still finds its column ("1   Rachman
    Yape" under "No   N A M A"). Justified text inside a cell ("Tim    Pertimbangan") stays in it.
    A column-number row after the first rows is a later page's: its numbers say where that page
    sets the columns, for the lines that follow.

    A run that starts where the text of the column to the right starts on the page's other lines
    belongs to that column, though a centred heading leaves most of it left of the middle of the
    gap: the second line of a cell ("Progo" under "Sekretaris ... Kulon") on a line whose column
    to the left is empty is not joined to that column's text."""
    spans = [(m.start(), m.end()) for m in _SEGMENT.finditer(header)]
    bounds = [(a_end + b_start) / 2 for (_, a_end), (b_start, _) in zip(spans, spans[1:])]
    edges = [float("-inf"), *bounds, float("inf")]
    out: list[tuple[int, str]] = []
    page: list[tuple[int, list[tuple[int, int, str]]]] = []  # this page's lines: (number, [(column, start, text)])
    started = False  # rows read under the header: a column-number row after them is a later page's
    for number, raw in lines:
        if (numbers := _column_numbers(raw, len(spans))) is not None:
            if started:
                out += _placed(page, len(spans))
                page = []
                edges = [float("-inf"), *_page_bounds(numbers, len(raw) - len(raw.lstrip())), float("inf")]
            out += _placed(page, len(spans))
            page = []
            out.append((number, ""))
            continue
        started |= bool(raw.strip()) and raw != header
        runs = []
        for m in _SEGMENT.finditer(raw.replace("\t", "    ")):
            shares = [min(m.end(), right) - max(m.start(), left) for left, right in zip(edges, edges[1:])]
            runs.append((shares.index(max(shares)), m.start(), m.group(0)))
        page.append((number, runs))
    return out + _placed(page, len(spans))


def _placed(page: list[tuple[int, list[tuple[int, int, str]]]], width: int) -> list[tuple[int, str]]:
    """A page's runs in their columns, tab-separated: a run moves right to the next column when it
    starts at or after the leftmost start of that column's runs on this page. Only a run with text
    of an earlier column to its left on its line says where a column starts: a line of running
    text under the table, one long run, does not."""
    starts: dict[int, int] = {}
    for _, runs in page:
        for (left, _, _), (column, start, _) in zip(runs, runs[1:]):
            if left < column:
                starts[column] = min(start, starts.get(column, start))
    out = []
    for number, runs in page:
        cells = [""] * width
        for column, start, text in runs:
            while column + 1 < width and column + 1 in starts and start >= starts[column + 1]:
                column += 1
            cells[column] = f"{cells[column]} {text}".strip()
        out.append((number, "\t".join(cells) if runs else ""))
    return out
