"""Tables whose NO column is generated: numbered 1, 2, 3, ... and centred, rows given without it."""

import io

import pytest
from docx import Document
from docx.oxml.ns import qn

import kpu_docs
from kpu_docs import plaintext
from kpu_docs.models import Keputusan
from tests.conftest import minimal_data


def rendered_table(table: dict):
    data = kpu_docs.render_bytes(Keputusan.model_validate(minimal_data(lampiran=[{"isi": [{"tabel": table}]}])))
    document = Document(io.BytesIO(data))
    (block,) = [b for b in plaintext.blocks(document) if isinstance(b, plaintext.TableBlock)]
    return block.rows, document.tables[-1]._tbl


def first_cells(tbl):
    return [tr.findall(qn("w:tc"))[0] for tr in tbl.findall(qn("w:tr"))[1:]]


def test_rows_are_numbered_and_the_numbers_centred():
    table = {"kolom": ["NO", "NAMA", "JABATAN"], "nomor_urut": True,
             "baris": [["Ahmad", "Ketua"], ["Budi", "Anggota"], ["Citra", "Anggota"]]}
    rows, tbl = rendered_table(table)
    assert rows == [["NO", "NAMA", "JABATAN"], ["1", "Ahmad", "Ketua"], ["2", "Budi", "Anggota"],
                    ["3", "Citra", "Anggota"]]
    for cell in first_cells(tbl):
        assert cell.find(f"{qn('w:p')}/{qn('w:pPr')}/{qn('w:jc')}").get(qn("w:val")) == "center"
    # the data cells keep the style's alignment
    second = tbl.findall(qn("w:tr"))[1].findall(qn("w:tc"))[1]
    assert second.find(f"{qn('w:p')}/{qn('w:pPr')}/{qn('w:jc')}") is None


def test_deleting_a_row_renumbers_without_touching_the_data():
    table = {"kolom": ["No.", "NAMA"], "nomor_urut": True, "baris": [["Ahmad"], ["Citra"]]}
    rows, _ = rendered_table(table)
    assert rows == [["No.", "NAMA"], ["1", "Ahmad"], ["2", "Citra"]]  # the heading as given (caps is the style's)


def test_a_row_under_a_span_shares_the_number_in_one_merged_cell():
    table = {"kolom": ["NO", "NAMA", "TUGAS"], "nomor_urut": True, "baris": [
        [{"teks": "Ahmad", "gabung_baris": 2}, "menyusun"],
        ["melaporkan"],
        ["Budi", "mengawasi"],
    ]}
    rows, tbl = rendered_table(table)
    assert rows == [["NO", "NAMA", "TUGAS"], ["1", "Ahmad", "menyusun"], [None, None, "melaporkan"],
                    ["2", "Budi", "mengawasi"]]
    merges = [cell.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}") for cell in first_cells(tbl)]
    assert merges[0].get(qn("w:val")) == "restart" and merges[1] is not None and merges[2] is None


def test_number_column_is_narrow_and_widths_may_be_given():
    table = {"kolom": ["NO", "NAMA", "KETERANGAN"], "nomor_urut": True,
             "baris": [["Ahmad", "anggota yang bertugas menyusun rencana kerja tahunan"]] * 12}
    _, tbl = rendered_table(table)
    widths = [int(c.get(qn("w:w"))) for c in tbl.find(qn("w:tblGrid"))]
    assert widths[0] < 1.6 * 567 and widths[0] < widths[1] < widths[2]
    _, tbl = rendered_table({**table, "lebar": [1.5, 5, 9.5]})
    assert [int(c.get(qn("w:w"))) for c in tbl.find(qn("w:tblGrid"))] == [850, 2836, 5386]


def test_a_row_with_the_number_typed_in_is_too_long():
    table = {"kolom": ["NO", "NAMA"], "nomor_urut": True, "baris": [["1", "Ahmad"]]}
    with pytest.raises(kpu_docs.InputError) as caught:
        kpu_docs.from_data(minimal_data(lampiran=[{"isi": [{"tabel": table}]}]))
    assert "melewati batas tabel" in str(caught.value.masalah[0])
    with pytest.raises(kpu_docs.InputError):
        kpu_docs.from_data(minimal_data(lampiran=[{"isi": [{"tabel": {"kolom": ["NO"], "nomor_urut": True}}]}]))
