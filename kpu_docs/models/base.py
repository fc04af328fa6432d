"""Shared pydantic configuration: every model rejects unknown keys, so a typo in a file is an error."""

from __future__ import annotations

import ast
import inspect
import textwrap
from typing import Annotated

from pydantic import BaseModel, ConfigDict, GetJsonSchemaHandler, StringConstraints
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema


class Model(BaseModel):
    """Base of every decree model: strict keys, stripped text, immutable after validation.

    Each field is documented by the string under it. Those strings are the field descriptions of
    the JSON Schema (`kpu-docs schema`), read from the source when a schema is made: pydantic's
    `use_attribute_docstrings` would read them for every class at import, which costs every
    command (`check` among them) a third of the models' import time.
    """

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        frozen=True,
    )

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        json_schema = handler(core_schema)
        properties = handler.resolve_ref_schema(json_schema).get("properties", {})
        for name, description in attribute_docstrings(cls).items():
            field = cls.model_fields.get(name)
            if field is not None and field.description is None and name in properties:
                properties[name]["description"] = description
        return json_schema


def attribute_docstrings(cls: type) -> dict[str, str]:
    """The string under each annotated attribute in the class bodies of `cls` and its bases,
    cleaned as pydantic's `use_attribute_docstrings` does; a subclass's string wins."""
    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if issubclass(klass, Model):
            docs.update(_own_attribute_docstrings(klass))
    return docs


def _own_attribute_docstrings(klass: type) -> dict[str, str]:
    try:
        (node,) = ast.parse(textwrap.dedent(inspect.getsource(klass))).body
    except (OSError, TypeError, SyntaxError):  # no source at hand: descriptions are documentation only
        return {}
    docs: dict[str, str] = {}
    for statement, following in zip(node.body, node.body[1:]):
        if (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[statement.target.id] = inspect.cleandoc(following.value.value)
    return docs


Teks = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Non-empty text: an empty string where text is required is an input error."""
