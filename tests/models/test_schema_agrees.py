"""The models and the JSON Schema (`kpu-docs schema`) take the same values: what one accepts the
other accepts, what one refuses the other refuses (issue 10, item 5)."""

from __future__ import annotations

import datetime
import json

import jsonschema
import pytest

import kpu_docs
from kpu_docs.errors import InputError
from kpu_docs.models import Keputusan
from tests.conftest import minimal_data

VALIDATOR = jsonschema.Draft202012Validator(Keputusan.model_json_schema(), format_checker=jsonschema.FormatChecker())


def _set(data: dict, path: tuple, value) -> dict:
    node = data
    for part in path[:-1]:
        node = node.setdefault(part, {}) if isinstance(node, dict) else node[part]
    node[path[-1]] = value
    return data


def _accepted_by_model(data: dict) -> bool:
    try:
        kpu_docs.from_data(data)
    except InputError:
        return False
    return True


def _accepted_by_schema(data: dict) -> bool:
    plain = json.loads(json.dumps(data, default=str))  # dates as ISO text, as an editor sees them
    return VALIDATOR.is_valid(plain)


TABLE = {"kolom": ["NO", "NAMA"], "baris": [["1", "Ani"]]}

CASES = [
    # a year: a number, or its four digits as text (a spreadsheet cell is text)
    *[(("tahun",), value, ok) for value, ok in [
        (2025, True), ("2025", True), (2025.0, True), (1945, True), ("2100", True),
        (1944, False), ("1944", False), ("2101", False), ("02025", False), (" 2025", False), ("2025.0", False),
        ("2_025", False), ("+2025", False), ("dua ribu", False), (True, False), (2025.5, False), (None, False),
    ]],
    *[(("mengingat", 1, "tahun"), value, ok) for value, ok in [(2017, True), ("2017", True), ("17", False), (None, True)]],
    *[(("mengingat", 1, "diundangkan", "tahun"), value, ok) for value, ok in [("2017", True), ("201 7", False)]],
    # true or false, or either as text; not yes, no, 1 or 0
    *[(("pengaturan", "lampiran_terpisah"), value, ok) for value, ok in [
        (True, True), (False, True), ("true", True), ("FALSE", True), ("False", True),
        ("yes", False), ("ya", False), ("on", False), (1, False), (0, False), ("1", False), ("tRuE", False),
    ]],
    # a font size: a number from 8 to 16, or the same as text
    *[(("pengaturan", "ukuran_huruf"), value, ok) for value, ok in [
        (12, True), (11.5, True), ("12", True), ("11.5", True), ("16", True), ("16.0", True), ("8", True),
        (7, False), ("7.9", False), ("16.5", False), ("11,5", False), ("12pt", False), (True, False), ("08", False),
    ]],
    # a date: ISO text (or a YAML date); not a number of seconds, nor a date and time
    *[(("penutup", "tanggal"), value, ok) for value, ok in [
        (datetime.date(2025, 9, 3), True), ("2025-09-03", True), ("2025-02-30", False), ("2025-9-3", False),
        ("20250903", False), (1756857600, False), ("3 September 2025", False), ("2025-09-03T00:00:00", False),
    ]],
    # text is text: a number is refused (the fix, quoting it, is in the message)
    *[(("nomor",), value, ok) for value, ok in [("45", True), (45, False), (4.5, False), (True, False), ("", False)]],
]


@pytest.mark.parametrize("path, value, accepted", CASES, ids=[f"{'.'.join(map(str, p))}={v!r}" for p, v, _ in CASES])
def test_model_and_schema_take_the_same_values(path, value, accepted):
    data = _set(minimal_data(), path, value)
    assert (_accepted_by_model(data), _accepted_by_schema(data)) == (accepted, accepted)


@pytest.mark.parametrize("field, value, accepted", [
    ("gabung_baris", 2, True), ("gabung_baris", "2", True), ("gabung_baris", "0", False), ("gabung_baris", 0, False),
    ("gabung_baris", "02", False), ("gabung_kolom", True, False), ("gabung_kolom", "dua", False),
])
def test_cell_spans_agree(field, value, accepted):
    table = {"kolom": ["A", "B"], "baris": [[{"teks": "x", field: value}], ["y"]], "lanskap": "true"}
    data = minimal_data(lampiran=[{"isi": [{"tabel": table}]}])
    model_ok = _accepted_by_model(data)
    assert (model_ok, _accepted_by_schema(data)) == (accepted, accepted)


@pytest.mark.parametrize("widths, accepted", [([1.5, 3], True), (["1.5", "3"], True), (["1,5", 3], False), ([True, 3], False)])
def test_column_widths_agree(widths, accepted):
    data = minimal_data(lampiran=[{"isi": [{"tabel": {**TABLE, "lebar": widths}}]}])
    assert (_accepted_by_model(data), _accepted_by_schema(data)) == (accepted, accepted)


def test_a_year_from_a_spreadsheet_cell_is_the_number():
    assert kpu_docs.from_data(minimal_data(tahun="2026")).tahun == 2026
