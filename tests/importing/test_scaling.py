"""Import costs grow with the document, not faster: the mechanisms that keep them linear.

No timings here (they would flake); instead each test counts the work that used to be repeated
per paragraph, per row or per line, or checks that the linear form gives the same answer as the
quadratic one it replaced. benchmarks/import_speed.py measures the times.
"""

from __future__ import annotations

import io
from collections import Counter
from functools import reduce
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.oxml.styles import CT_Styles
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.styles.styles import Styles
from hypothesis import given, settings
from hypothesis import strategies as st

import kpu_docs
from kpu_docs import plaintext
from kpu_docs.importing import casing, import_docx, import_text, kpu_docx
from kpu_docs.importing.lines import Wrapped, join
from kpu_docs.importing.tables import _joined
from tests.conftest import minimal_data

OCR = Path(__file__).parent / "data" / "ocr-keputusan-11-2025.txt"

piece = st.text(alphabet="aB- ;,.", max_size=6) | st.sampled_from(["dan", "; dan", "atau", "x-", "Kata-", ""])


@settings(deadline=None)  # a loaded machine is not a failure
@given(st.lists(piece, min_size=1, max_size=12))
def test_wrapped_joins_like_join(lines):
    wrapped = Wrapped(lines[0])
    for line in lines[1:]:
        wrapped.add(line)
    expected = reduce(join, lines[1:], lines[0])
    assert str(wrapped) == expected
    assert wrapped.end == expected[-Wrapped.END:]
    assert bool(wrapped) == bool(expected)


@settings(deadline=None)  # a loaded machine is not a failure
@given(st.lists(piece, min_size=1, max_size=12))
def test_typed_cells_join_like_join(pieces):
    filled = [p for p in pieces if p]
    assert _joined(pieces) == (reduce(join, filled[1:], filled[0]) if filled else "")


# --- per-document work in .docx imports -----------------------------------------------------


def _decree_with_rows(rows: int):
    """Our own .docx: a decree whose Lampiran has a grouped table of `rows` rows (merged cells)."""
    kelompok = [{"nama": f"Kelompok {g}", "baris": [[f"Kegiatan {g}.{r}", "September 2025"] for r in range(rows // 2)]} for g in (1, 2)]
    lampiran = {"judul": "RENCANA AKSI", "isi": [
        {"paragraf": "Rencana aksi disusun sebagai berikut."},
        {"daftar": ["Tahap pertama;", "Tahap kedua."]},
        {"tabel_kelompok": {"kolom": ["NO", "KOMPONEN", "RENCANA AKSI", "TARGET WAKTU"], "kelompok": kelompok}},
    ]}
    return kpu_docs.render_docx(kpu_docs.from_data(minimal_data(lampiran=[lampiran])))


def _hand_written(paragraphs: int):
    """A .docx made in Word: default styles, a numbered list style, a plain table."""
    document = Document()
    lines = OCR.read_text(encoding="utf-8").splitlines()
    for i in range(paragraphs):
        document.add_paragraph(lines[i % len(lines)], style="List Number" if i % 5 == 4 else None)
    table = document.add_table(rows=paragraphs // 10, cols=3)
    for row in table.rows:
        for cell in row.cells:
            cell.text = "isi"
    return _reopen(document)


def _reopen(document):
    """The document as python-docx reads it from a file (not the objects that built it)."""
    buffer = io.BytesIO()
    document.save(buffer)
    buffer.seek(0)
    return Document(buffer)


def _count(monkeypatch, owner, name: str, counter: Counter, key: str) -> None:
    original = getattr(owner, name)

    def counted(*args, **kwargs):
        counter[key] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)


def _lookups(monkeypatch, document, use_kept: bool = True) -> Counter:
    """python-docx's per-call style searches and XPath compiles made while importing `document`."""
    kpu_docx._template_defaults()  # read once per process, before the first import
    counter: Counter = Counter()
    _count(monkeypatch, Styles, "default", counter, "Styles.default")
    _count(monkeypatch, Styles, "get_by_id", counter, "Styles.get_by_id")
    _count(monkeypatch, CT_Styles, "get_by_id", counter, "CT_Styles.get_by_id")
    _count(monkeypatch, BaseOxmlElement, "xpath", counter, "element.xpath")
    _count(monkeypatch, plaintext, "StyleFactory", counter, "style names read")
    import_docx(document, use_kept=use_kept)
    monkeypatch.undo()
    return counter


def test_own_docx_lookups_do_not_grow_with_rows(monkeypatch):
    small, large = _decree_with_rows(4), _decree_with_rows(40)
    assert _lookups(monkeypatch, small) == _lookups(monkeypatch, large)


def test_hand_written_docx_lookups_do_not_grow_with_paragraphs(monkeypatch):
    small, large = _hand_written(40), _hand_written(200)
    assert _lookups(monkeypatch, small) == _lookups(monkeypatch, large)


def test_style_names_read_once_per_style(monkeypatch):
    document = _decree_with_rows(40)
    counter = _lookups(monkeypatch, document, use_kept=False)  # the kept data's print is a second document
    body = document.element.body
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH).style_id
    used = {("p", p.get(qn("w:val")) if p is not None else default)
            for p in (paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") for paragraph in body.iter(qn("w:p")))}
    used |= {("t", t.get(qn("w:val"))) for t in body.iter(qn("w:tblStyle"))}  # every paragraph, covered cells' too
    assert counter["style names read"] == len(used)
    assert counter["Styles.default"] == 0


# --- per-document work in text imports ------------------------------------------------------


def test_casing_scans_the_text_once(monkeypatch):
    counter: Counter = Counter()
    _count(monkeypatch, casing, "acronyms", counter, "acronyms")
    _count(monkeypatch, casing, "mixed_case_texts", counter, "mixed")
    import_text(OCR.read_text(encoding="utf-8") * 3)
    assert counter["acronyms"] <= 1
    assert counter["mixed"] <= 2  # Casing.mixed, and acronyms() keeping only mixed-case texts
