"""The diktum: what the decree decides, one labelled part each (KESATU, KEDUA, ...)."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BeforeValidator, Field

from kpu_docs.models.base import Model, Teks


class Diktum(Model):
    """One diktum: a paragraph, optionally followed by a lettered or numbered sub-list."""

    isi: Teks
    """The diktum's text, ending with its own punctuation ("." or ":")."""
    rincian: list[Teks] = Field(default_factory=list)
    """Items of the sub-list after the paragraph, each with its own closing punctuation."""
    penomoran: Literal["a.", "1."] = "a."
    """Labels of the sub-list: lettered (a., b.) or numbered (1., 2.)."""


def _from_text(value: object) -> object:
    """A plain string in the file is a diktum without a sub-list."""
    return {"isi": value} if isinstance(value, str) else value


DiktumIsian = Annotated[Diktum, BeforeValidator(_from_text, json_schema_input_type=Union[str, Diktum])]
"""A diktum in a file: its text alone, or a mapping with isi, rincian and penomoran."""
