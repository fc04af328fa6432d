"""Ruled tables in scanned pages: the grid found in real page images, and the cells Tesseract reads
from it, against tables checked by hand (tests/importing/pages/tables.yaml)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytesseract
import pytest
from PIL import Image, ImageDraw, ImageFont
from ruamel.yaml import YAML

from kpu_docs.importing.pdf_text import table_lines
from kpu_docs.importing.ruled_tables import Grid, find_grids, read_grid

PAGES = Path(__file__).parent / "pages"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


# `ocr`: reads cells with Tesseract (tests/conftest.py skips it where Tesseract is missing)
ocr = pytest.mark.ocr


def recognise(crop: Image.Image, scanned: Image.Image) -> str:
    """The cleaned cell as Tesseract reads it (the scan importer also weighs the cell as scanned)."""
    return str(pytesseract.image_to_string(crop, lang="ind", config="--psm 6"))


def _load(path: Path) -> object:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _gold(entry: dict) -> list[list[str]]:
    if "rows" in entry:
        return entry["rows"]
    tabel = _load(PAGES / entry["gold"])["lampiran"][0]["isi"][0]["tabel"]  # type: ignore[index]
    return [tabel["kolom"], entry["number_row"], *tabel["baris"]]


ENTRIES = {e["page"]: e for e in _load(PAGES / "tables.yaml")}  # type: ignore[union-attr]
TABLES = [p for p, e in ENTRIES.items() if _gold(e)]


@cache
def _page(name: str) -> Image.Image:
    return Image.open(PAGES / name).convert("L")


@cache
def _read(name: str) -> tuple[list[Grid], list[list[str]]]:
    grids = find_grids(_page(name))
    return grids, (read_grid(_page(name), grids[0], recognise) if grids else [])


def _same(read: str, printed: str) -> bool:
    """A cell read as printed: its characters in order, whatever the spacing and line breaks
    (Tesseract reads a letter-spaced heading "N A M A" as "NAMA")."""
    return re.sub(r"\s+", "", read) == re.sub(r"\s+", "", printed)


# cells read as printed, per table: one cell fewer than last measured (28/28, 26/28, 16/16, 35/36
# with Tesseract 5.3 and its ind model; benchmarks/ruled_tables.py prints them), a regression guard
FLOOR = {
    "donggala-057a-2025-p4.jpg": 27 / 28,
    "donggala-inventarisasi-2025-p4.jpg": 25 / 28,
    "donggala-tenaga-ahli-2025-p4.jpg": 15 / 16,
    "lapan-6-2017-lampiran2.jpg": 34 / 36,
}


@pytest.mark.parametrize("page", TABLES)
def test_real_table_grid_has_the_printed_rows_and_columns(page: str) -> None:
    gold = _gold(ENTRIES[page])
    grids = find_grids(_page(page))
    assert len(grids) == 1
    grid = grids[0]
    assert len(grid.rows) == len(gold)
    assert [len(row) for row in grid.rows] == [len(g) for g in gold]
    x0, top, x1, bottom = grid.box
    for row in grid.rows:
        for cx0, ctop, cx1, cbottom in row:
            assert x0 < cx0 < cx1 < x1 and top < ctop < cbottom < bottom


@pytest.mark.parametrize("page", TABLES)
@ocr
def test_real_table_header_is_read_as_printed(page: str) -> None:
    gold = _gold(ENTRIES[page])
    _, rows = _read(page)
    assert all(_same(r, g) for r, g in zip(rows[0], gold[0], strict=True)), rows[0]


@pytest.mark.parametrize("page", TABLES)
@ocr
def test_real_table_cells_are_read_as_printed(page: str) -> None:
    gold = _gold(ENTRIES[page])
    _, rows = _read(page)
    assert len(rows) == len(gold)
    pairs = [(r, g) for row, grow in zip(rows, gold) for r, g in zip(row, grow, strict=True)]
    wrong = [(r, g) for r, g in pairs if not _same(r, g)]
    right = len(pairs) - len(wrong)
    assert right / len(pairs) >= FLOOR[page], wrong
    # the number in the first column identifies the row: every one is right or one letter off
    assert all(len(re.sub(r"\s", "", r[0])) <= 3 for r in rows[1:])


@ocr
def test_table_lines_split_a_read_cell_by_its_lines() -> None:
    _, rows = _read("donggala-inventarisasi-2025-p4.jpg")
    lines = table_lines(rows)  # type: ignore[arg-type]
    assert lines[0] == "NO.\tNAMA\tJABATAN\tKEDUDUKAN"
    assert lines[1] == "\t\t\tDALAM TIM"
    assert "\tAMMA\tStaf\tANGGOTA" in lines[-1]


def test_page_with_underlined_title_but_no_table_has_no_grid() -> None:
    assert ENTRIES["donggala-inventarisasi-2025-p1.jpg"]["rows"] == []
    assert find_grids(_page("donggala-inventarisasi-2025-p1.jpg")) == []


@pytest.mark.parametrize("angle", [0.3, -0.3])
def test_a_slight_tilt_gives_the_same_grid(angle: float) -> None:
    page = _page("donggala-057a-2025-p4.jpg")
    straight = find_grids(page)
    tilted = find_grids(page.rotate(angle, resample=Image.BICUBIC, fillcolor=255))
    assert len(tilted) == len(straight) == 1
    assert [len(r) for r in tilted[0].rows] == [len(r) for r in straight[0].rows]
    for row_t, row_s in zip(tilted[0].rows, straight[0].rows):
        for ct, cs in zip(row_t, row_s):  # the same cells, moved a little by the rotation
            assert all(abs(a - b) <= 12 for a, b in zip(ct, cs)), (ct, cs)


@ocr
def test_a_slightly_tilted_table_is_read_as_well() -> None:
    name = "donggala-057a-2025-p4.jpg"
    page = _page(name).rotate(0.3, resample=Image.BICUBIC, fillcolor=255)
    rows = read_grid(page, find_grids(page)[0], recognise)
    gold = _gold(ENTRIES[name])
    pairs = [(r, g) for row, grow in zip(rows, gold, strict=True) for r, g in zip(row, grow)]
    assert sum(_same(r, g) for r, g in pairs) / len(pairs) >= FLOOR[name]


def _drawn_table() -> Image.Image:
    """A 200-ppi page with a table drawn like a typed Lampiran: a title underlined above it, a
    row that spans the three columns, and a cell that spans two rows."""
    page = Image.new("L", (1650, 2300), 250)
    d = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), 34)
    d.text((500, 200), "SUSUNAN KEANGGOTAAN", font=font, fill=20)
    d.line((500, 250, 950, 250), fill=20, width=3)  # an underline, not a table
    xs, ys = [150, 300, 900, 1450], [400, 480, 560, 640, 720, 800]
    for y in ys:
        d.line((xs[0], y, xs[-1], y), fill=30, width=4)
    d.rectangle((xs[2] + 3, ys[4] - 3, xs[3] - 3, ys[4] + 3), fill=250)  # rowspan: no rule
    for x in xs:
        d.line((x, ys[0], x, ys[-1]), fill=30, width=4)
    for x in xs[1:3]:  # colspan: row 2 has no inner verticals
        d.rectangle((x - 3, ys[1] + 3, x + 3, ys[2] - 3), fill=250)
    cells = {
        (0, 0): "No", (0, 1): "Nama", (0, 2): "Tugas",
        (1, 0): "Ketua Tim",
        (2, 0): "1", (2, 1): "Budi", (2, 2): "Anggota",
        (3, 0): "2", (3, 1): "Ani", (3, 2): "Sekretariat",
        (4, 0): "3", (4, 1): "Citra",
    }
    for (r, c), text in cells.items():
        d.text((xs[c] + 20, ys[r] + 20), text, font=font, fill=20)
    return page


@pytest.mark.skipif(not FONT.exists(), reason="needs fonts-dejavu-core")
@ocr
def test_merged_cells_span_and_stand_in_their_first_column() -> None:
    page = _drawn_table()
    grids = find_grids(page)
    assert len(grids) == 1
    assert [len(r) for r in grids[0].rows] == [3, 1, 3, 3, 2]
    assert read_grid(page, grids[0], recognise) == [
        ["No", "Nama", "Tugas"],
        ["Ketua Tim", "", ""],
        ["1", "Budi", "Anggota"],
        ["2", "Ani", "Sekretariat"],
        ["3", "Citra", ""],
    ]


@pytest.mark.skipif(not FONT.exists(), reason="needs fonts-dejavu-core")
def test_gaps_and_noise_in_the_rules_are_tolerated() -> None:
    import numpy as np

    page = np.asarray(_drawn_table()).copy()
    rng = np.random.default_rng(19)
    page[:, 700:706] = 250  # a break through every horizontal rule
    page[430:436, :] = 250  # and through every vertical one
    noise = rng.random(page.shape) < 0.01
    page[noise] = 60
    grids = find_grids(Image.fromarray(page))
    assert len(grids) == 1
    assert [len(r) for r in grids[0].rows] == [3, 1, 3, 3, 2]
