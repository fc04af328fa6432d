"""The data a .docx keeps is read with care: a file from elsewhere may carry anything there."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest

import kpu_docs
from kpu_docs.importing import import_docx
from kpu_docs.word.document import render_bytes
from tests.conftest import minimal_data
from tests.round_trip import LOGO, _png


def _with_kept(docx: bytes, payload: str) -> bytes:
    """The .docx with its kept data replaced by `payload` (the text of the custom XML item)."""
    source, out = zipfile.ZipFile(io.BytesIO(docx)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "customXml/item1.xml":
                data = re.sub(rb'(<keputusan xmlns="urn:kpu-docs:keputusan">).*(</keputusan>)',
                              lambda m: m.group(1) + payload.encode() + m.group(2), data, flags=re.S)
                assert payload.encode() in data
            target.writestr(item, data)
    return out.getvalue()


def _import(docx: bytes):
    from docx import Document

    return import_docx(Document(io.BytesIO(docx)))


def test_the_logo_path_is_not_taken_from_a_docx():
    LOGO.write_bytes(_png())
    result = _import(render_bytes(kpu_docs.from_data(minimal_data(logo=str(LOGO)))))
    assert "logo" not in result.data
    assert result.tidak_terbaca == ["logo: gambar lambang tidak diimpor; isi kunci logo dengan berkas gambarnya"]


def test_kept_data_that_is_no_decree_is_noted_and_the_text_read():
    docx = render_bytes(kpu_docs.from_data(minimal_data()))
    from_text = import_docx(__import__("docx").Document(io.BytesIO(docx)), use_kept=False).data
    bad = {"versi": 1, "lampiran_di_berkas": True, "data": {"nomor": ["bukan", "teks"]}}
    result = _import(_with_kept(docx, json.dumps(bad)))
    assert result.data == from_text
    assert result.tidak_terbaca[-1].startswith("catatan: data yang tersimpan di berkas tidak dapat dipakai")


def test_kept_data_of_another_version_or_not_json_is_ignored():
    docx = render_bytes(kpu_docs.from_data(minimal_data()))
    from_text = import_docx(__import__("docx").Document(io.BytesIO(docx)), use_kept=False)
    for payload in ('{"versi": 99, "data": {}}', "bukan json", "[]"):
        result = _import(_with_kept(docx, payload))
        assert (result.data, result.tidak_terbaca) == (from_text.data, from_text.tidak_terbaca)


def _numbered_and_grouped(first: str) -> list:
    """A numbered table whose first cell spans two rows (its Word table is a grouped table's) and
    a grouped table of one-row groups (its Word table is a numbered table's)."""
    return [
        {"tabel": {"kolom": ["NO", "NAMA", "TUGAS"], "nomor_urut": True,
                   "baris": [[{"teks": first, "gabung_baris": 2}, "Ketua"], ["Anggota"], ["Budi", "Sekretaris"]]}},
        {"tabel_kelompok": {"kolom": ["NO", "KOMPONEN", "RENCANA"],
                            "kelompok": [{"nama": "Manajemen", "baris": [["Rapat"]]}, {"nama": "Penataan", "baris": [["SOP"]]}]}},
    ]


@pytest.mark.parametrize("first", ["Andi", ""])
@pytest.mark.parametrize("old, new, where", [
    (None, None, None),
    ("Ketua", "Ketua Tim", (0, "tabel", "baris", 0, 1)),
    ("Anggota", "Anggota Tim", (0, "tabel", "baris", 1, 0)),
    ("Budi", "Budi Santoso", (0, "tabel", "baris", 2, 0)),
    ("Rapat", "Rapat pleno", (1, "tabel_kelompok", "kelompok", 0, "baris", 0, 0)),
])
def test_a_table_the_text_reads_as_the_other_kind_comes_back_in_its_kind_edited(first, old, new, where):
    """The text cannot tell these tables from the other kind: unedited or with one cell edited in
    Word, each comes back as the kept data has it, with that edit and nothing else."""
    from tests.round_trip import replace_in_text

    isi = _numbered_and_grouped(first)
    docx = render_bytes(kpu_docs.from_data(minimal_data(lampiran=[{"isi": isi}])))
    if old is not None:
        docx = replace_in_text(docx, old, new)
        target = isi[where[0]]
        for key in where[1:-1]:
            target = target[key]
        target[where[-1]] = new
    result = _import(docx)
    assert result.data["lampiran"] == [{"isi": isi}]
    assert result.tidak_terbaca == []


def test_the_spanning_first_cell_of_a_numbered_table_edited_comes_back_edited():
    from tests.round_trip import replace_in_text

    isi = _numbered_and_grouped("Andi")
    docx = render_bytes(kpu_docs.from_data(minimal_data(lampiran=[{"isi": isi}])))
    result = _import(replace_in_text(docx, "Andi", "Andi Wijaya"))
    isi[0]["tabel"]["baris"][0][0]["teks"] = "Andi Wijaya"
    assert result.data["lampiran"] == [{"isi": isi}]
    assert result.tidak_terbaca == []


def test_a_grouped_table_reads_as_a_numbered_one_and_back():
    """as_numbered and as_grouped turn one reading of a Word table into the other."""
    from kpu_docs.importing.tables import as_grouped, as_numbered

    numbered, grouped = (block[kind] for block, kind in zip(_numbered_and_grouped("Andi"), ("tabel", "tabel_kelompok")))
    assert as_grouped(numbered) == {"kolom": ["NO", "NAMA", "TUGAS"], "kelompok": [
        {"nama": "Andi", "baris": [["Ketua"], ["Anggota"]]}, {"nama": "Budi", "baris": [["Sekretaris"]]}]}
    assert as_numbered(as_grouped(numbered)) == numbered
    assert as_numbered(grouped) == {"kolom": ["NO", "KOMPONEN", "RENCANA"], "nomor_urut": True,
                                    "baris": [["Manajemen", "Rapat"], ["Penataan", "SOP"]]}
    assert as_grouped(as_numbered(grouped)) == grouped
    spanning = {**numbered, "baris": [[{"teks": "x", "gabung_kolom": 2}], ["a", "b"]]}
    assert as_grouped(spanning) is None  # a cell across columns: no grouped table prints so
    assert as_grouped({**numbered, "nomor_urut": False}) is None
