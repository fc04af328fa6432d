"""Every example's pages as a typist would accept them, read from the PDF LibreOffice prints
(issue 18, item 3): no heading as the last line of a page, no single line of a paragraph alone at
the top of a page, no page but the last of a part more than half empty (tests/layout.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

import kpu_docs
from kpu_docs.pdf import to_pdf
from tests.layout import problems
from tests.test_libreoffice import _require_tools

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FILES = sorted(p.name for p in EXAMPLES.glob("*.yaml")) + ["pps/keputusan-pps.yaml"]

pytestmark = pytest.mark.libreoffice


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    _require_tools()
    out = tmp_path_factory.mktemp("layout")
    documents = {}
    for name in FILES:
        path = out / (name.replace("/", "-").removesuffix(".yaml") + ".docx")
        kpu_docs.render(kpu_docs.load(EXAMPLES / name), path)
        documents[name] = path
    converted = to_pdf(list(documents.values()), out)
    return dict(zip(documents, converted))


@pytest.mark.parametrize("name", FILES)
def test_pages_of_every_example_are_acceptable(pdfs, name):
    assert problems(pdfs[name]) == []


def test_the_check_sees_a_page_left_mostly_blank_by_a_row_kept_whole(tmp_path, monkeypatch):
    """The layout check can fail: with every row kept whole, whatever its height (as before issue
    18), the kulonprogo Lampiran's 47-line row moves to the next page and leaves page 3 mostly blank."""
    _require_tools()
    from kpu_docs.word import rows

    monkeypatch.setattr(rows, "SHORT_ROW_LINES", 10_000)
    path = tmp_path / "kulonprogo.docx"
    kpu_docs.render(kpu_docs.load(EXAMPLES / "kulonprogo-215-2013.yaml"), path)
    [pdf] = to_pdf([path], tmp_path)
    assert any("lebih dari separuh kosong" in problem for problem in problems(pdf))
