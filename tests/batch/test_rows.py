"""Reading rows: CSV dialects, XLSX cell types, sheets, and clear errors for unreadable files."""

from __future__ import annotations

import datetime

import pytest

from kpu_docs.batch.errors import BatchError
from kpu_docs.batch.rows import Source, cell_text


@pytest.mark.parametrize(
    "value, text",
    [
        (11, "11"),
        (11.0, "11"),
        (2.5, "2.5"),
        (datetime.datetime(2025, 1, 6, 0, 0), "2025-01-06"),
        (datetime.date(2025, 1, 6), "2025-01-06"),
        (None, ""),
        ("  Ampenan  ", "Ampenan"),
        (True, "true"),
    ],
)
def test_cells_become_the_text_meant(value, text):
    assert cell_text(value) == text


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_with_bom_and_any_usual_delimiter(tmp_path, delimiter):
    path = tmp_path / "data.csv"
    text = delimiter.join(["nomor", "tentang"]) + "\n" + delimiter.join(["21", " Pembentukan PPS "]) + "\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    source = Source(path)
    assert source.header == ["nomor", "tentang"]
    assert list(source.rows()) == [(1, ["21", "Pembentukan PPS"])]


def test_blank_rows_are_skipped_but_counted(tmp_path):
    path = tmp_path / "data.csv"
    path.write_text("nomor,tentang\n21,A\n,\n\n23\n", encoding="utf-8")
    source = Source(path)
    assert list(source.rows()) == [(1, ["21", "A"]), (4, ["23", ""])]
    assert source.count() == (2, 4)


def test_xlsx_first_sheet_or_the_one_named(xlsx):
    first = Source(xlsx)
    assert first.header == ["nomor", "tentang", "penutup.tanggal", "desa"]
    number, cells = next(first.rows())
    assert (number, cells[0], cells[2]) == (1, "21", "2025-01-06")
    members = Source(f"{xlsx}#Anggota")
    assert members.header == ["desa", "nama", "jabatan"]
    assert members.count() == (8, 8)


def test_missing_sheet_lists_the_sheets(xlsx):
    with pytest.raises(BatchError, match="lembar 'Pengurus' tidak ada \\(yang ada: Desa, Anggota\\)"):
        Source(f"{xlsx}#Pengurus")


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("data.csv", "nomor\n21\n".encode("utf-16"), "bukan teks UTF-8"),
        ("data.ods", b"x", "hanya berkas .csv atau .xlsx"),
        ("data.xlsx", b"not a zip", r"bukan berkas Excel \(\.xlsx\) yang sah"),
        ("data.csv", b"nomor,,tentang\n1,,2\n", "kolom ke-2 tidak berjudul"),
        ("data.csv", b"nomor,nomor\n1,2\n", "kolom nomor muncul dua kali"),
        ("data.csv", b"", "baris pertama harus berisi judul kolom"),
    ],
)
def test_unreadable_files_say_why(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(BatchError, match=message):
        Source(path)


def test_missing_file_and_sheet_of_a_csv(tmp_path):
    with pytest.raises(BatchError, match="berkas tidak ditemukan"):
        Source(tmp_path / "tidak-ada.csv")
    (tmp_path / "data.csv").write_text("nomor\n", encoding="utf-8")
    with pytest.raises(BatchError, match="hanya berkas .xlsx yang punya lembar"):
        Source(f"{tmp_path / 'data.csv'}#Desa")
