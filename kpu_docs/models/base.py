"""Shared pydantic configuration: every model rejects unknown keys, so a typo in a file is an error."""

from __future__ import annotations

import ast
import inspect
import textwrap
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, GetJsonSchemaHandler, StringConstraints
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError


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
        for schema in properties.values():
            _describe_text(schema)
        return json_schema


TEKS = (
    "Inline emphasis: /{miring}/ prints in italic, +{tebal}+ in bold (they nest); "
    "a marker that does not close on the same line prints as typed, and a backslash before a "
    "marker prints the marker itself (\\/{ prints /{)."
)
"""The description of the decree's running texts that have none of their own: the items of its
lists (menimbang, diktum, rincian, Lampiran blocks, table cells) and the text of a block."""


def _describe_text(schema: JsonSchemaValue, in_list: bool = False) -> None:
    """Give TEKS to a property that is text without a description of its own, and to the text
    items of a list property (the strings among its items, in any union)."""
    if schema.get("type") == "string" and not schema.keys() & {"description", "format", "enum", "const", "pattern"}:
        schema["description"] = TEKS
    if isinstance(schema.get("items"), dict):
        _describe_text(schema["items"], True)
    if in_list:
        for branch in schema.get("anyOf", []) + schema.get("oneOf", []):
            _describe_text(branch, True)


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


def _not_bool(value: object) -> object:
    if isinstance(value, bool):
        raise PydanticCustomError("int_type", "Input should be a valid integer")
    return value


BilanganBulat = Annotated[int, BeforeValidator(_not_bool)]
"""A whole number. `true` is not one: pydantic would take it as 1 (and `tahun: true` would be
"tidak boleh kurang dari 1945" instead of "harus berupa bilangan bulat")."""
