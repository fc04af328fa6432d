"""Ruled tables in a scanned page image: the grid of rules, and the text of each cell.

A born-digital PDF gives its table rules as vector lines (pdfplumber's find_tables); a scan gives
only pixels. Here the rules are found with numpy: long, thin horizontal and vertical runs of ink,
tolerant of small gaps, scan noise and a slight remaining tilt. An underline under a title is a
long horizontal run too, so a table needs at least two horizontal and two vertical rules that
cross. Cells come from the crossings; where the rule between two cells is missing (not drawn in
the image), the cell spans. Rows drawn without a rule between them stay one row: the caller
(pdf_text.table_lines) splits them again by lines, as it does for pdfplumber's cells.

Ink is what is darker than its surroundings across the rule (a morphological black top-hat), not
what is darker than a fixed threshold: a header row printed on a grey band, which Otsu's threshold
calls dark, is not a rule, while the rules drawn through it still are.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter, ImageOps

Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class Grid:
    """A ruled table found in a page image: its outer box and its cells, in pixels.

    A cell's box is the inside of its rules (the rules themselves excluded); a cell spanning
    columns is one wider box, a cell spanning rows appears in its first row only."""

    box: Box  # x0, top, x1, bottom
    rows: list[list[Box]]  # each row's cells left to right


@dataclass(frozen=True)
class _Rule:
    """One rule: along its length from `start` to `end`, across it at `a + b * t` (t the
    position along it), `thick` pixels thick."""

    start: float
    end: float
    a: float
    b: float
    thick: float

    def at(self, t: float) -> float:
        return self.a + self.b * t


# Proportions of the page (its width for horizontal measures, height for vertical ones).
_MIN_H_RULE = 1 / 8  # a horizontal rule is at least this long
_MIN_V_RULE = 1 / 40  # a vertical rule: a row of a table may be short, a letter's stem is shorter
_MAX_THICK = 1 / 250  # thicker than this is a band, a block or a picture, not a rule
_FILL = 0.85  # share of a run that must be ink: gaps, breaks and noise are tolerated
_EDGE_FILL = 0.6  # share of a cell's side that must be ink for that side to be ruled
_MARGIN = 0.02  # the scanner's dark border at the page's edges is not a rule
_CONTRAST = 0.3  # a rule is darker than its surroundings by this share of paper minus ink
_WORK_WIDTH = 1100  # pixels: a page wider than twice this is reduced by a whole factor


def _otsu(a: np.ndarray) -> int:
    """Otsu's threshold of a grey image: the level best separating ink from paper."""
    hist = np.bincount(a.ravel(), minlength=256).astype(np.float64)
    p = hist / hist.sum()
    w = np.cumsum(p)
    mu = np.cumsum(p * np.arange(256))
    between = (mu[-1] * w - mu) ** 2 / np.maximum(w * (1 - w), 1e-12)
    return int(between.argmax())


def _slide(a: np.ndarray, size: int, axis: int, op: Callable[..., np.ndarray]) -> np.ndarray:
    """The max (or min) of `a` over a window of `size` along `axis`, centred, by doubling:
    log2(size) passes of whole-array numpy, no loop over pixels."""
    out = a.copy()
    span = 1
    while span < size:
        step = min(span, size - span)
        shifted = np.empty_like(out)
        if axis == 0:
            shifted[:-step] = out[step:]
            shifted[-step:] = out[-step:]
        else:
            shifted[:, :-step] = out[:, step:]
            shifted[:, -step:] = out[:, -step:]
        out = op(out, shifted)
        span += step
    shift = (size - 1) // 2  # centre the window that started at each pixel
    if shift:
        centred = np.empty_like(out)
        if axis == 0:
            centred[shift:] = out[:-shift]
            centred[:shift] = out[:1]
        else:
            centred[:, shift:] = out[:, :-shift]
            centred[:, :shift] = out[:, :1]
        out = centred
    return out


def _smooth(a: np.ndarray, size: int, axis: int) -> np.ndarray:
    """The mean of `a` over a window of `size` along `axis`: a rule stays dark along its length,
    while a grey band's halftone dots and the scan's noise average out to their grey."""
    c = np.cumsum(a, axis=axis, dtype=np.int32)
    pad = [(0, 0), (0, 0)]
    pad[axis] = (size // 2 + 1, size - size // 2 - 1)
    c = np.pad(c, pad, mode="edge")
    if axis == 0:
        c[: size // 2 + 1] = 0
        out = (c[size:] - c[:-size]) // size
    else:
        c[:, : size // 2 + 1] = 0
        out = (c[:, size:] - c[:, :-size]) // size
    return out.astype(np.uint8)


def _thin_ink(a: np.ndarray, across: int, size: int, contrast: int) -> np.ndarray:
    """Pixels darker by `contrast` than the paper or band around them across `across`: the black
    top-hat (closing minus image) with a window wider than a rule is thick (`size`), of the
    image smoothed over as much along the rule's direction."""
    a = _smooth(a, size, 1 - across)
    closed = _slide(_slide(a, size, across, np.maximum), size, across, np.minimum)
    return (closed.astype(np.int16) - a) > contrast


def _covered(ink: np.ndarray, length: int, along: int) -> np.ndarray:
    """Pixels lying on a run of at least `length` along `along` that is mostly ink: window sums
    of a running count (uint16: a page is narrower than 65536 pixels, differences wrap right)."""
    a = ink if along == 1 else ink.T
    n = a.shape[1]
    if length >= n:
        return np.zeros_like(ink)
    c = np.zeros((a.shape[0], n + 1), np.uint16)
    np.cumsum(a, axis=1, dtype=np.uint16, out=c[:, 1:])
    starts = (c[:, length:] - c[:, :-length]) >= _FILL * length  # a run starts at each True
    # pixel i is covered when a run starts in [i - length + 1, i]
    padded = np.zeros((a.shape[0], n + length), np.uint16)
    np.cumsum(starts, axis=1, dtype=np.uint16, out=padded[:, length : length + starts.shape[1]])
    last = length + starts.shape[1]
    padded[:, last:] = padded[:, last - 1 : last]
    covered = (padded[:, length:] - padded[:, :n]) > 0
    return covered if along == 1 else covered.T


def _groups(flags: np.ndarray, gap: int) -> list[tuple[int, int]]:
    """Runs of True in a 1-D array, joined across gaps of at most `gap`: (start, end) inclusive."""
    on = np.flatnonzero(flags)
    if on.size == 0:
        return []
    breaks = np.flatnonzero(np.diff(on) > gap + 1)
    starts = np.concatenate([[on[0]], on[breaks + 1]])
    ends = np.concatenate([on[breaks], [on[-1]]])
    return list(zip(starts.tolist(), ends.tolist()))


def _rules(cover: np.ndarray, ink: np.ndarray, min_len: int, max_thick: float) -> list[_Rule]:
    """The horizontal rules in a coverage mask (rows across, columns along): each band of
    covered rows split where coverage breaks, fitted with a straight line (a slight tilt)."""
    found: list[_Rule] = []
    for y0, y1 in _groups(np.any(cover, axis=1), gap=2):
        band = cover[y0 : y1 + 1]
        for x0, x1 in _groups(np.any(band, axis=0), gap=max(3, min_len // 20)):
            part = band[:, x0 : x1 + 1]
            counts = part.sum(axis=0)
            has = counts > 0
            if has.sum() < min_len * _FILL:
                continue
            thick = float(np.median(counts[has]))
            if thick > max_thick:
                continue
            rows = np.arange(y0, y1 + 1)[:, None]
            centre = (part * rows).sum(axis=0)[has] / counts[has]
            xs = np.arange(x0, x1 + 1)[has]
            b, a = (np.polyfit(xs, centre, 1) if xs.size > 1 else (0.0, float(centre[0])))
            # the coverage overshoots a rule's ends by a part of the window: trim to the ink
            ys = np.clip(np.rint(a + b * xs).astype(int), 0, ink.shape[0] - 1)
            lo = np.clip(ys - 1, 0, ink.shape[0] - 1)
            hi = np.clip(ys + 1, 0, ink.shape[0] - 1)
            on = ink[ys, xs] | ink[lo, xs] | ink[hi, xs]
            if not on.any():
                continue
            found.append(
                _Rule(int(xs[on][0]), int(xs[on][-1]), float(a), float(b), max(thick - 4, 1.0))
            )
    return found


def _crosses(h: _Rule, v: _Rule, tol: float) -> bool:
    y = h.at((v.a + v.b * h.a) / (1 - v.b * h.b))  # the crossing of the two lines
    x = v.at(y)
    return h.start - tol <= x <= h.end + tol and v.start - tol <= y <= v.end + tol


def _merge(rules: list[_Rule], gap: float, reach: float) -> list[_Rule]:
    """Rules at the same position across (closer than `gap`) and at most `reach` apart along: one
    rule, drawn or not between its pieces (a rule through a grey band may be found in pieces;
    whether it is drawn along each cell is decided cell by cell)."""
    rules = sorted(rules, key=lambda r: r.at((r.start + r.end) / 2))
    out: list[_Rule] = []
    for r in rules:
        mid = (r.start + r.end) / 2
        for k, o in enumerate(out):
            near = r.start <= o.end + reach and o.start <= r.end + reach
            if near and abs(o.at(mid) - r.at(mid)) <= gap:
                longer = o if o.end - o.start >= r.end - r.start else r
                out[k] = _Rule(
                    min(o.start, r.start), max(o.end, r.end), longer.a, longer.b,
                    max(o.thick, r.thick),
                )
                break
        else:
            out.append(r)
    return out


@dataclass
class _Lines:
    """What find_grids measured: the page's ink across each direction, and its rules."""

    h_ink: np.ndarray
    v_ink: np.ndarray
    horizontal: list[_Rule]
    vertical: list[_Rule]


def _measure(image: Image.Image) -> _Lines:
    a = np.asarray(image.convert("L"), dtype=np.uint8)
    height, width = a.shape
    paper = int(np.median(a))
    dark = a[a < _otsu(a)]
    ink = int(np.percentile(dark, 5)) if dark.size else 0
    contrast = max(int((paper - ink) * _CONTRAST), 24)
    size = max(5, round(width * _MAX_THICK) * 2 + 1)
    h_ink = _thin_ink(a, 0, size, contrast)
    v_ink = _thin_ink(a, 1, size, contrast)
    my, mx = max(1, round(height * _MARGIN)), max(1, round(width * _MARGIN))
    for mask in (h_ink, v_ink):
        mask[:my] = mask[-my:] = False
        mask[:, :mx] = mask[:, -mx:] = False
    # a slight tilt moves a rule a pixel or two across over a run's length: look 2 px either side
    h_wide = _slide(h_ink, 5, 0, np.maximum)
    v_wide = _slide(v_ink, 5, 1, np.maximum)
    min_h = round(width * _MIN_H_RULE)
    min_v = round(height * _MIN_V_RULE)
    max_thick = width * _MAX_THICK + 6
    horizontal = _rules(_covered(h_wide, min_h, 1), h_ink, min_h, max_thick)
    vertical = _rules(_covered(v_wide, min_v, 0).T, v_ink.T, min_v, max_thick)
    gap = max(3.0, width / 300)
    return _Lines(
        h_ink, v_ink, _merge(horizontal, gap, width / 4), _merge(vertical, gap, height / 8)
    )


def _tables(lines: _Lines, tol: float) -> list[tuple[list[_Rule], list[_Rule]]]:
    """Rules joined into tables by their crossings: a table has two horizontal and two vertical
    rules at least that cross (an underline crosses nothing)."""
    hs, vs = lines.horizontal, lines.vertical
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    crossed: set[int] = set()
    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if _crosses(h, v, tol):
                parent[find(i)] = find(len(hs) + j)
                crossed.update((i, len(hs) + j))
    comps: dict[int, tuple[list[_Rule], list[_Rule]]] = {}
    for k in sorted(crossed):
        comp = comps.setdefault(find(k), ([], []))
        if k < len(hs):
            comp[0].append(hs[k])
        else:
            comp[1].append(vs[k - len(hs)])
    return [c for c in comps.values() if len(c[0]) >= 2 and len(c[1]) >= 2]


def _ruled(ink: np.ndarray, rule: _Rule, lo: float, hi: float, transpose: bool) -> bool:
    """Whether `rule` is drawn between positions lo and hi along it (a cell's side)."""
    t = np.arange(int(np.ceil(lo)), int(np.floor(hi)) + 1)
    if t.size < 3:
        return True
    across = np.rint(rule.a + rule.b * t).astype(int)
    h, w = ink.shape
    hit = np.zeros(t.size, bool)
    for d in (-2, -1, 0, 1, 2):
        c = np.clip(across + d, 0, (w if transpose else h) - 1)
        hit |= ink[t, c] if transpose else ink[c, t]
    return float(hit.mean()) >= _EDGE_FILL


def _grid(hs: list[_Rule], vs: list[_Rule], lines: _Lines, scale: float) -> Grid | None:
    """The cells of one table, found on the reduced page, boxed on the page itself."""
    hs = sorted(hs, key=lambda r: r.at((r.start + r.end) / 2))
    vs = sorted(vs, key=lambda r: r.at((r.start + r.end) / 2))

    def cross(h: _Rule, v: _Rule) -> tuple[float, float]:
        y = h.at((v.a + v.b * h.a) / (1 - v.b * h.b))
        return v.at(y), y

    pts = [[cross(h, v) for v in vs] for h in hs]  # pts[i][j] = (x, y)
    nr, nc = len(hs) - 1, len(vs) - 1
    # a cell is a maximal block [i0, i1) x [j0, j1) with no inner rule drawn
    owner = [[-1] * nc for _ in range(nr)]
    cells: list[tuple[int, int, int, int]] = []  # i0, j0, i1, j1
    for i in range(nr):
        for j in range(nc):
            if owner[i][j] >= 0:
                continue
            j1 = j + 1
            while j1 < nc and owner[i][j1] < 0 and not _ruled(
                lines.v_ink, vs[j1], pts[i][j1][1], pts[i + 1][j1][1], True
            ):
                j1 += 1
            i1 = i + 1
            while i1 < nr and not any(
                _ruled(lines.h_ink, hs[i1], pts[i1][k][0], pts[i1][k + 1][0], False)
                for k in range(j, j1)
            ) and all(owner[i1][k] < 0 for k in range(j, j1)):
                i1 += 1
            for ii in range(i, i1):
                for jj in range(j, j1):
                    owner[ii][jj] = len(cells)
            cells.append((i, j, i1, j1))
    # the boxes at the page's own resolution
    hs = [_Rule(r.start * scale, r.end * scale, r.a * scale, r.b, r.thick * scale) for r in hs]
    vs = [_Rule(r.start * scale, r.end * scale, r.a * scale, r.b, r.thick * scale) for r in vs]
    pts = [[cross(h, v) for v in vs] for h in hs]
    rows: list[list[Box]] = [[] for _ in range(nr)]
    for i0, j0, i1, j1 in cells:
        top, bottom, left, right = hs[i0], hs[i1], vs[j0], vs[j1]
        x0 = max(pts[i0][j0][0], pts[i1][j0][0]) + left.thick / 2 + 4
        x1 = min(pts[i0][j1][0], pts[i1][j1][0]) - right.thick / 2 - 4
        y0 = max(pts[i0][j0][1], pts[i0][j1][1]) + top.thick / 2 + 4
        y1 = min(pts[i1][j0][1], pts[i1][j1][1]) - bottom.thick / 2 - 4
        if x1 - x0 < 4 or y1 - y0 < 4:
            continue
        rows[i0].append((round(x0), round(y0), round(x1), round(y1)))
    corners = [p for row in pts for p in row]
    box = (
        round(min(x for x, _ in corners)),
        round(min(y for _, y in corners)),
        round(max(x for x, _ in corners)),
        round(max(y for _, y in corners)),
    )
    rows = [sorted(r) for r in rows if r]
    if not rows:
        return None
    return Grid(box, rows)


def find_grids(image: Image.Image) -> list[Grid]:
    """The ruled tables of a page image (grey, upright, deskewed), top to bottom."""
    grey = image.convert("L")
    # rules are found on the page reduced by a whole factor (a rule stays a line of ink, its
    # position a pixel or two off at the page's resolution): a 300-ppi page costs a 150-ppi one
    factor = max(1, grey.width // _WORK_WIDTH)
    if factor > 1:
        grey = grey.reduce(factor)
    scale = image.width / grey.width
    lines = _measure(grey)
    tol = max(4.0, grey.width / 150)
    grids = [g for hs, vs in _tables(lines, tol) if (g := _grid(hs, vs, lines, scale)) is not None]
    return sorted((g for g in grids if _a_table(g, image.width)), key=lambda g: (g.box[1], g.box[0]))


def _a_table(grid: Grid, width: int) -> bool:
    """A table has two columns somewhere and spans a good part of the page: a box of one column
    an inch wide is a stamp's frame or a letter's strokes (LAPAN Kep/110/V/2004's page 3)."""
    return max((len(row) for row in grid.rows), default=0) >= 2 and grid.box[2] - grid.box[0] >= width / 6


def _without_lone_splits(grid: Grid, tol: int) -> Grid:
    """The grid less a cell edge found in one row only of a table of three rows or more: a
    letter's stroke taken for a rule ("KETE | 2ANGAN" in a header whose other rows have no rule
    there). A heading over two sub-columns is the other way round (a rule in every row but the
    heading's) and stays."""
    if len(grid.rows) < 3:
        return grid
    rows = [list(row) for row in grid.rows]
    for r, row in enumerate(rows):
        k = 1
        while k < len(row):
            x = row[k][0]
            elsewhere = any(abs(c[0] - x) <= tol for other in rows[:r] + rows[r + 1:] for c in other)
            if elsewhere:
                k += 1
                continue
            left, right = row[k - 1], row[k]
            row[k - 1:k + 1] = [(left[0], min(left[1], right[1]), right[2], max(left[3], right[3]))]
    return Grid(grid.box, rows)


def _columns(grid: Grid, tol: int) -> list[int]:
    """The left edges of the grid's narrowest columns. Where rows have all their cells, each
    column's edge is the median of theirs (a tilt the deskew left moves an edge by more than
    `tol` from the table's top to its foot: one column, not two); else from all cells' left
    edges, an edge starting a new column only `tol` right of the one before."""
    widest = max((len(row) for row in grid.rows), default=0)
    full = [row for row in grid.rows if len(row) == widest]
    if widest and len(full) * 2 >= len(grid.rows):
        return [int(np.median([row[k][0] for row in full])) for k in range(widest)]
    edges: list[int] = []
    for x in sorted(c[0] for row in grid.rows for c in row):
        if not edges or x - edges[-1] > tol:
            edges.append(x)
    return edges


def _clean(crop: np.ndarray, ink: int, paper: int, median: int) -> np.ndarray | None:
    """A cell's pixels for the recogniser, None when nothing is written in it. A cell on paper is
    given as scanned around its letters; a cell on a grey band as black text on white, the band
    blanked, so that its dots are not read as letters."""
    # a median (3x3 at 200 ppi, 5x5 at 300) turns a band's dots to its grey and keeps the strokes
    # of letters
    smooth = np.asarray(Image.fromarray(crop).filter(ImageFilter.MedianFilter(median)))
    bg = int(np.median(smooth))
    if bg - ink < 40:
        return None
    text = smooth < ink + (bg - ink) * 0.45
    if text.sum() < max(12, text.size // 2000):
        return None
    if bg >= paper - 25:
        # on paper: the letters as scanned, their grey edges kept (what Tesseract reads best),
        # and nothing else (a stray end of a rule, specks)
        near = _slide(_slide(text, 5, 0, np.maximum), 5, 1, np.maximum)
        return np.where(near, crop, 255).astype(np.uint8)
    return np.where(text, 0, 255).astype(np.uint8)


def read_grid(
    image: Image.Image, grid: Grid, recognise: Callable[[Image.Image, Image.Image], str]
) -> list[list[str]]:
    """The text of the grid's cells, row by row, every row as wide as the table has columns: a
    merged cell's text stands in its first column and the columns it covers are empty, as
    pdfplumber gives a table. A cell's lines are joined with "\\n". `recognise` gets each cell
    twice, each with a white margin at the page's resolution: cleaned (a grey band behind its text
    blanked, the specks around its letters left out) and as scanned. The cleaned cell reads best
    as a rule; where thin strokes print faint (a slash at 150 ppi) it loses them, and the cell as
    scanned keeps them: the caller chooses between the two readings."""
    grid = _without_lone_splits(grid, max(8, image.width // 100))
    grey = np.asarray(image.convert("L"), dtype=np.uint8)
    dark = grey[grey < _otsu(grey)]
    ink = int(np.percentile(dark, 5)) if dark.size else 0
    paper = int(np.median(grey))
    tol = max(8, image.width // 100)
    lefts = _columns(grid, tol)
    margin = max(10, image.width // 80)
    median = 3 if image.width < 2100 else 5  # a page's width in pixels tells its resolution
    out = []
    for row in grid.rows:
        texts = [""] * len(lefts)
        for x0, y0, x1, y1 in row:
            k = min(range(len(lefts)), key=lambda i: abs(lefts[i] - x0))
            cell = _clean(grey[y0:y1, x0:x1], ink, paper, median)
            if cell is None:
                continue
            crop = ImageOps.expand(Image.fromarray(cell), border=margin, fill=255)
            scanned = ImageOps.expand(Image.fromarray(grey[y0:y1, x0:x1]), border=margin, fill=255)
            lines = [ln.strip() for ln in recognise(crop, scanned).splitlines()]
            texts[k] = "\n".join(ln for ln in lines if ln)
        out.append(texts)
    return out
