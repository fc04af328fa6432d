"""Inline emphasis through LibreOffice: the PDF prints the words in italic and bold, in the text's
normal flow, without the markers. Skips like tests/test_libreoffice.py where the tools are missing."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from lxml import etree

import kpu_docs
from kpu_docs.models import Keputusan
from kpu_docs.pdf import to_pdf
from tests.conftest import minimal_data
from tests.test_libreoffice import _require_tools, pages_text

pytestmark = pytest.mark.libreoffice


def _runs_in_pdf(pdf) -> list[tuple[str, str]]:
    """The PDF's text pieces with their emphasis as poppler sees the fonts: (text, "b"/"i"/"bi"/"")."""
    out = subprocess.run(["pdftohtml", "-xml", "-stdout", "-i", "-q", str(pdf)], check=True, capture_output=True)
    pieces = []
    for text in etree.fromstring(out.stdout, etree.XMLParser(recover=True)).iter("text"):
        flags = ("b" if text.find(".//b") is not None else "") + ("i" if text.find(".//i") is not None else "")
        pieces.append(("".join(text.itertext()), flags))
    return pieces


@pytest.fixture(scope="module")
def emphasis_pdf(tmp_path_factory):
    _require_tools()
    if shutil.which("pdftohtml") is None:
        pytest.skip("pdftohtml (poppler-utils) tidak terpasang")
    folder = tmp_path_factory.mktemp("emphasis")
    data = minimal_data(
        menimbang=["bahwa perlu ditunjuk /{Chief Information Officer}/ (CIO) yang +{bertanggung jawab}+",
                   r"bahwa \/{bukan miring}/ dicetak apa adanya"],
        diktum=["Menunjuk /{Chief Data Officer}/ sebagai pengelola data.", "Keputusan ini mulai berlaku."],
        lampiran=[{"judul": "Daftar Istilah", "isi": [
            "Paragraf dengan /{kata asing}/ dan +{kata tebal}+ di tengah kalimat.",
            {"tabel": {"kolom": ["NO", "ISTILAH"], "baris": [["1", "Sel /{roadmap}/ saja"]]}},
        ]}],
    )
    path = folder / "emphasis.docx"
    kpu_docs.render(Keputusan.model_validate(data), path)
    (pdf,) = to_pdf([path], folder)
    return pdf


def test_emphasised_words_flow_with_the_text_without_markers(emphasis_pdf):
    text = "\n".join(pages_text(emphasis_pdf))
    assert re.search(r"bahwa perlu ditunjuk Chief Information Officer \(CIO\) yang", text)
    assert "Menunjuk Chief Data Officer sebagai pengelola data." in text
    assert "Paragraf dengan kata asing dan kata tebal di tengah kalimat." in text
    assert "Sel roadmap saja" in text
    assert "bahwa /{bukan miring}/ dicetak apa adanya" in text  # escaped: printed as typed
    assert text.count("/{") == 1 and "}/" in text and "+{" not in text and "}+" not in text


def test_emphasised_words_are_set_in_italic_and_bold(emphasis_pdf):
    pieces = _runs_in_pdf(emphasis_pdf)
    italic = " ".join(t for t, flags in pieces if flags == "i")
    bold = " ".join(t for t, flags in pieces if flags == "b")
    plain = " ".join(t for t, flags in pieces if flags == "")
    for words in ("Chief Information Officer", "Chief Data Officer", "kata asing", "roadmap"):
        assert words in italic, words
    for words in ("bertanggung jawab", "kata tebal"):
        assert words in bold, words
    for words in ("(CIO) yang", "sebagai pengelola data", "di tengah kalimat", "bukan miring"):
        assert words in plain and words not in italic + bold, words
