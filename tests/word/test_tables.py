"""Lampiran tables: widths that suit their content, spans that become merged cells."""

import io

import pytest
from docx import Document
from docx.oxml.ns import qn

import kpu_docs
from kpu_docs import plaintext
from kpu_docs.models import Keputusan
from kpu_docs.word.tables import CHAR_CM, CELL_PADDING_CM, column_widths
from tests.conftest import minimal_data


def test_widths_fill_the_page_and_fit_the_longest_word():
    columns = [["NO", "1", "2"], ["URAIAN", "Pertanggungjawaban keuangan", "Rapat"],
               ["TARGET", "September s/d Desember 2025", "Oktober 2025"]]
    widths = column_widths(columns, 16.0)
    assert sum(widths) == pytest.approx(16.0)
    assert widths[1] >= len("Pertanggungjawaban") * CHAR_CM + CELL_PADDING_CM
    assert widths[0] < widths[2] < widths[1] + 6


def test_a_short_column_is_widened_when_it_sets_the_height_of_every_row():
    long_dates = ["TARGET"] + ["September s/d Desember 2025"] * 10
    short_text = ["KEGIATAN"] + ["Rapat koordinasi"] * 10
    widths = column_widths([short_text, long_dates], 8.0)
    assert widths[1] >= widths[0]


def test_plain_table_with_spans_becomes_merged_cells():
    table = {"kolom": ["A", "B", "C"], "baris": [
        [{"teks": "rentang", "gabung_baris": 2}, "b1", "c1"],
        ["b2", "c2"],
        [{"teks": "lebar", "gabung_kolom": 3}],
    ]}
    data = kpu_docs.render_bytes(Keputusan.model_validate(minimal_data(lampiran=[{"isi": [{"tabel": table}]}])))
    document = Document(io.BytesIO(data))
    (block,) = [b for b in plaintext.blocks(document) if isinstance(b, plaintext.TableBlock)]
    assert block.rows == [["A", "B", "C"], ["rentang", "b1", "c1"], [None, "b2", "c2"],
                          ["lebar", "lebar", "lebar"]]
    tbl = document.tables[-1]._tbl
    last_row = tbl.findall(qn("w:tr"))[-1]
    assert last_row.find(f"{qn('w:tc')}/{qn('w:tcPr')}/{qn('w:gridSpan')}").get(qn("w:val")) == "3"


def test_span_outside_the_table_is_an_input_error():
    table = {"kolom": ["A", "B"], "baris": [["a1", "b1"], [{"teks": "x", "gabung_kolom": 3}]]}
    with pytest.raises(kpu_docs.InputError) as caught:
        kpu_docs.from_data(minimal_data(lampiran=[{"isi": [{"tabel": table}]}]))
    assert [str(m) for m in caught.value.masalah] == [
        "lampiran[1].isi[1].tabel: tabel baris 2: isian atau gabungan sel melewati batas tabel"]
