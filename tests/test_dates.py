"""Every date field is checked like every other field: a date that does not exist (2023-02-30)
is an input error naming its field, line and column, in the library and on the command line."""

from __future__ import annotations

import datetime
import json
import typing

import pytest
from typer.testing import CliRunner

import kpu_docs
import kpu_docs.models as models
from kpu_docs.cli import app
from kpu_docs.errors import InputError
from kpu_docs.models.base import Model
from tests.conftest import EXAMPLE, minimal_data

runner = CliRunner()

DATE_FIELDS = {("Penutup", "tanggal"): "penutup.tanggal"}
"""Every date field of the models, with the path a decree file gives it. A model that gains a
date field fails test_every_date_field_is_listed until its case is added here."""


def _holds_date(annotation: object) -> bool:
    if annotation is datetime.date:
        return True
    return any(_holds_date(arg) for arg in typing.get_args(annotation))


def test_every_date_field_is_listed():
    classes = [getattr(models, name) for name in models.__all__]
    found = {
        (klass.__name__, field_name)
        for klass in classes
        if isinstance(klass, type) and issubclass(klass, Model)
        for field_name, field in klass.model_fields.items()
        if _holds_date(field.annotation)
    }
    assert found == set(DATE_FIELDS)


def _example_with(path: str, value: str) -> str:
    """The reference example's text with the value at a dotted path replaced."""
    text = EXAMPLE.read_text(encoding="utf-8")
    section, key = path.split(".")
    head, _, rest = text.partition(f"\n{section}:\n")
    before, found, after = rest.partition(f"\n  {key}: ")
    assert found, path
    _, _, tail = after.partition("\n")
    return f"{head}\n{section}:\n{before}\n  {key}: {value}\n{tail}"


@pytest.mark.parametrize("path", sorted(DATE_FIELDS.values()))
@pytest.mark.parametrize(("typed", "why"), [
    ("2023-02-30", "Februari 2023 hanya 28 hari"),
    ("2025-02-29", "Februari 2025 hanya 28 hari"),
    ("2025-04-31", "April 2025 hanya 30 hari"),
    ("2025-13-01", "bulan 13 tidak ada (1 sampai 12)"),
    ("2025-00-10", "bulan 0 tidak ada (1 sampai 12)"),
    ("2025-09-00", "September 2025 hanya 30 hari"),
])
def test_an_impossible_date_in_yaml_names_its_line(tmp_path, path, typed, why):
    text = _example_with(path, typed)
    line = text.splitlines().index(f"  {path.split('.')[1]}: {typed}") + 1
    target = tmp_path / "k.yaml"
    target.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        kpu_docs.load(target)
    assert [str(m) for m in caught.value.masalah] == [f"baris {line}, kolom 3: {path}: tanggal {typed} tidak ada: {why}"]


def test_a_leap_day_is_a_date():
    target_data = minimal_data()
    target_data["penutup"]["tanggal"] = "2024-02-29"
    assert kpu_docs.from_data(target_data).penutup.tanggal == datetime.date(2024, 2, 29)


def test_an_impossible_date_in_json_and_in_python(tmp_path):
    data = minimal_data()
    data["penutup"]["tanggal"] = "2023-02-30"
    target = tmp_path / "k.json"
    target.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match="penutup.tanggal: tanggal 2023-02-30 tidak ada: Februari 2023 hanya 28 hari"):
        kpu_docs.load(target)
    with pytest.raises(InputError, match="tanggal: tanggal 2023-02-30 tidak ada"):
        models.Penutup(tempat="Mataram", tanggal="2023-02-30", penandatangan={"jabatan": "Ketua", "nama": "A"})


def test_an_impossible_date_typed_as_text_elsewhere_stays_text(tmp_path):
    """YAML reads 2023-02-30 as text, not as a parse failure: where text belongs it is text."""
    text = EXAMPLE.read_text(encoding="utf-8") + "tembusan:\n  - 2023-02-30\n"
    target = tmp_path / "k.yaml"
    target.write_text(text, encoding="utf-8")
    assert kpu_docs.load(target).tembusan[0] == "2023-02-30"


@pytest.mark.parametrize("command", [
    ["check"],
    ["render", "-o", "{out}"],
    ["next-year", "-o", "{out}/baru.yaml"],
    ["diff", "{example}"],
    ["preview", "-o", "{out}"],
])
def test_every_command_refuses_an_impossible_date_with_exit_2(tmp_path, command):
    text = _example_with("penutup.tanggal", "2023-02-30")
    line = text.splitlines().index("  tanggal: 2023-02-30") + 1
    target = tmp_path / "k.yaml"
    target.write_text(text, encoding="utf-8")
    out = tmp_path / "hasil"
    args = [part.format(out=out, example=EXAMPLE) for part in command]
    result = runner.invoke(app, [args[0], str(target), *args[1:]])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert f"baris {line}, kolom 3: penutup.tanggal: tanggal 2023-02-30 tidak ada" in result.output
    assert not out.exists()


def test_batch_names_the_row_of_an_impossible_date_in_a_cell(tmp_path):
    base = tmp_path / "dasar.yaml"
    base.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    data = tmp_path / "data.csv"
    data.write_text("berkas,penutup.tanggal\nsatu,2025-09-03\ndua,2023-02-30\n", encoding="utf-8")
    out = tmp_path / "hasil"
    result = runner.invoke(app, ["batch", str(base), str(data), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 1, result.output
    assert "data.csv baris 3 (berkas dua): penutup.tanggal: tanggal 2023-02-30 tidak ada" in result.output
    assert sorted(p.name for p in out.glob("*.docx")) == ["satu.docx"]
