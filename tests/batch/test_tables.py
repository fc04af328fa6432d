"""Per-decree table rows: grouped by key in file order, and the target table found in the base."""

from __future__ import annotations

import pytest

from kpu_docs.batch.errors import BatchError
from kpu_docs.batch.rows import Source
from kpu_docs.batch.tables import TableRows, find_target, numbered
from tests.batch.conftest import ANGGOTA, write_csv


def test_rows_by_key_in_file_order_without_the_key():
    with TableRows(Source(ANGGOTA), "desa") as table:
        assert table.columns == ["nama", "jabatan"]
        assert table.rows_for("Dasan Agung") == [
            ["Baiq Nurul Aini", "Ketua"],
            ["Muhammad Rizal", "Anggota"],
            ["I Gede Sudarma", "Anggota"],
        ]
        assert table.rows_for("Mataram") == []


def test_key_column_missing_or_empty(tmp_path):
    with pytest.raises(BatchError, match="tidak ada kolom kelurahan"):
        TableRows(Source(ANGGOTA), "kelurahan")
    path = write_csv(tmp_path / "anggota.csv", [["desa", "nama"], ["Ampenan", "A"], ["", "B"]])
    with pytest.raises(BatchError, match="anggota.csv baris 3: kolom desa kosong"):  # as Calc numbers it
        TableRows(Source(path), "desa")


def _table(baris=None):
    table = {"kolom": ["NO", "NAMA", "JABATAN"]}
    if baris is not None:
        table["baris"] = baris
    return {"tabel": table}


def test_the_one_empty_table_is_the_default_target():
    base = {"lampiran": [{"isi": ["teks", _table([["1", "a", "b"]]), {"daftar": [{"butir": "x", "isi": [_table()]}]}]}]}
    assert find_target(base, None) == ("lampiran", 0, "isi", 2, "daftar", 0, "isi", 0, "tabel")
    assert find_target(base, "lampiran[1].isi[2]") == ("lampiran", 0, "isi", 1, "tabel")


def test_no_or_several_empty_tables_ask_for_ke():
    with pytest.raises(BatchError, match="tidak punya tabel tanpa baris.*--ke"):
        find_target({"lampiran": [{"isi": ["teks"]}]}, None)
    with pytest.raises(BatchError, match=r"2 tabel tanpa baris \(lampiran\[1\].isi\[1\].tabel, lampiran\[2\].isi\[1\].tabel\)"):
        find_target({"lampiran": [{"isi": [_table()]}, {"isi": [_table([])]}]}, None)
    with pytest.raises(BatchError, match=r"--ke lampiran\[1\].isi\[1\]: bukan tabel"):
        find_target({"lampiran": [{"isi": ["teks"]}]}, "lampiran[1].isi[1]")


def test_numbering_when_the_table_has_one_more_column_headed_no():
    assert numbered(["No.", "NAMA", "JABATAN"], ["nama", "jabatan"], "t", "f") is True
    assert numbered(["NAMA", "JABATAN"], ["nama", "jabatan"], "t", "f") is False
    with pytest.raises(BatchError, match="1 kolom selain kunci.*punya 3 kolom"):
        numbered(["NO", "NAMA", "JABATAN"], ["nama"], "t", "f")


def test_a_target_marked_nomor_urut_is_numbered_whatever_its_heading():
    assert numbered(["URUT", "NAMA"], ["nama"], "t", "f", nomor_urut=True) is True
    with pytest.raises(BatchError, match="satu kurang dari jumlah kolom tabel"):
        numbered(["URUT", "NAMA"], ["urut", "nama"], "t", "f", nomor_urut=True)
