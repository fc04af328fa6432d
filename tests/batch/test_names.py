"""Output names a Windows share or the file system cannot hold are refused, each naming its row;
a valid long name is written (its temporary file no longer pushes it past 255 bytes)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from kpu_docs.cli import app
from kpu_docs.files import name_problem, write_atomic
from tests.batch.conftest import write_csv

HOSTILE_BASE = "tests/hostile/files/dasar.yaml"


@pytest.mark.parametrize("name", ["CON", "con", "NUL", "nul.tar", "AUX", "PRN", "COM1", "com9.x", "LPT1", "LPT9 "])
def test_windows_device_names_are_problems(name):
    assert "nama perangkat di Windows" in name_problem(name)


@pytest.mark.parametrize("name", ["CONTOH", "sk-nul", "COM10", "LPT", "console", "a" * 250])
def test_ordinary_names_pass(name):
    assert name_problem(name) is None


def test_a_name_beyond_255_bytes_is_a_problem():
    assert "256 byte dengan .docx" in name_problem("é" * 125 + "a")


def test_a_240_character_name_is_written_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / ("a" * 250 + ".docx")
    write_atomic(target, b"isi")
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_batch_refuses_device_names_row_by_row(tmp_path):
    data = write_csv(tmp_path / "data.csv", [["berkas", "nomor"], ["CON", "1"], ["nul.docx", "2"], ["biasa", "3"]])
    result = CliRunner().invoke(app, ["batch", HOSTILE_BASE, str(data), "-o", str(tmp_path / "hasil")])
    assert result.exit_code == 1
    assert "data.csv baris 2 (berkas dasar-1): berkas: 'CON' adalah nama perangkat di Windows" in result.output
    assert "data.csv baris 3 (berkas dasar-2): berkas: 'nul.docx' adalah nama perangkat di Windows" in result.output
    assert sorted(p.name for p in (tmp_path / "hasil").glob("*.docx")) == ["biasa.docx"]
