"""Batch test data: a small PPS decree (tests/batch/data/pps.yaml), three desa and their members."""

from __future__ import annotations

import csv
import datetime
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document

from kpu_docs import plaintext

DATA = Path(__file__).parent / "data"
BASE = DATA / "pps.yaml"
DESA = DATA / "desa.csv"
ANGGOTA = DATA / "anggota.csv"

MEMBERS = {
    "Ampenan Utara": ["Lalu Ahmad Zaini", "Siti Rahmawati", "Hendra Gunawan"],
    "Dasan Agung": ["Baiq Nurul Aini", "Muhammad Rizal", "I Gede Sudarma"],
    "Pagesangan": ["Ni Made Ayu", "Ahmad Fauzi"],
}


def read_rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def lines(path: Path) -> list[str]:
    """The document's text as printed, one entry per paragraph or table row."""
    return plaintext.lines(Document(str(path)))


def table_rows(path: Path) -> list[list[str]]:
    """Cell texts of the body rows of the document's last table (the member table)."""
    table = Document(str(path)).tables[-1]
    return [[cell.text for cell in row.cells] for row in table.rows[1:]]


def parts(path: Path) -> dict[str, bytes]:
    """Every part of a .docx: equal parts mean the same document, whatever the zip timestamps."""
    with zipfile.ZipFile(path) as docx:
        return {name: docx.read(name) for name in docx.namelist()}


@pytest.fixture
def base(tmp_path) -> Path:
    """A copy of the base decree that a test may change."""
    return Path(shutil.copy(BASE, tmp_path / "pps.yaml"))


@pytest.fixture(scope="session")
def xlsx(tmp_path_factory) -> Path:
    """desa.csv and anggota.csv as one workbook with typed cells: numbers, real dates."""
    import openpyxl

    book = openpyxl.Workbook()
    desa = book.active
    desa.title = "Desa"
    header, *rows = read_rows(DESA)
    desa.append(header)
    for nomor, tentang, tanggal, nama in rows:
        desa.append([int(nomor), tentang, datetime.datetime.fromisoformat(tanggal), nama])
    anggota = book.create_sheet("Anggota")
    for row in read_rows(ANGGOTA):
        anggota.append(row)
    path = tmp_path_factory.mktemp("xlsx") / "pps.xlsx"
    book.save(path)
    return path


@pytest.fixture(scope="session")
def rendered(tmp_path_factory) -> Path:
    """The PPS batch from the CSV files rendered once in this process (--jobs 1)."""
    from kpu_docs.batch import run_batch

    outdir = tmp_path_factory.mktemp("pps")
    report = run_batch(BASE, DESA, outdir, tabel=ANGGOTA, kunci="desa", jobs=1)
    assert report.ditulis == 3, report.outcomes
    return outdir


@pytest.fixture(autouse=True, scope="session")
def reproducible():
    """A document carries its render time; a fixed one (SOURCE_DATE_EPOCH) makes two runs
    comparable byte for byte, in worker processes too (they inherit the environment). Session
    scope, so that the session's reference renders have it too."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1756857600")
        yield
