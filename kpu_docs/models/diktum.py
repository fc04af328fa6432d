"""The diktum: what the decree decides, one labelled part each (KESATU, KEDUA, ...)."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BeforeValidator, Field

from kpu_docs.models.base import Model, Teks, only_text


def _number_as_text(value: object) -> object:
    """A whole number written without quotes in YAML ("Nilai: 308") is the text it was typed as."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class BarisNilai(Model):
    """One "label : value" line ("Peringkat Akreditasi : Baik Sekali"): the colons of a run of
    lines stand one under another, set by tab stops, and a value that wraps stays in its column."""

    label: Teks
    """What is stated, before the colon: "Peringkat Akreditasi", "Nilai", "Nama"."""
    nilai: Annotated[Teks, BeforeValidator(_number_as_text, json_schema_input_type=Union[str, int])]
    """The value after the colon: "Baik Sekali", "308"."""


class Diktum(Model):
    """One diktum: a paragraph, optionally followed by a lettered or numbered sub-list."""

    isi: Teks
    """The diktum's text, ending with its own punctuation ("." or ":")."""
    rincian: list[Teks] = Field(default_factory=list)
    """Items of the sub-list after the paragraph, each with its own closing punctuation."""
    penomoran: Literal["a.", "1."] = "a."
    """Labels of the sub-list: lettered (a., b.) or numbered (1., 2.)."""
    rincian_nilai: list[BarisNilai] = Field(default_factory=list)
    """"label : value" lines under the paragraph, the colons aligned by tab stops:
    [{label: Peringkat Akreditasi, nilai: Baik Sekali}, {label: Nilai, nilai: "308"}]."""


def _from_text(value: object) -> object:
    """A plain string in the file is a diktum without a sub-list."""
    only_text(value)
    return {"isi": value} if isinstance(value, str) else value


DiktumIsian = Annotated[Diktum, BeforeValidator(_from_text, json_schema_input_type=Union[str, Diktum])]
"""A diktum in a file: its text alone, or a mapping with isi, rincian_nilai, rincian and penomoran."""
