"""Shared pydantic configuration: every model rejects unknown keys, so a typo in a file is an error."""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, GetJsonSchemaHandler, StringConstraints, ValidationError
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError
from typing_extensions import Self

from kpu_docs.errors import from_validation_error


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

    def __init__(self, /, **data: Any) -> None:
        """Validate, reporting problems in Indonesian with their field paths (an InputError), as
        loading a file does: `Peraturan(jenis=...)` and `kpu_docs.load(...)` speak alike."""
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise from_validation_error(exc) from None

    # Only a call in code comes through here: marked as pydantic marks its own __init__, so that
    # validating a file (and the models nested in it) does not call it for every model.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    def ubah(self, **changes: Any) -> Self:
        """A copy with some fields changed, validated like a file: `keputusan.ubah(nomor="46")`.

        Values may be given as in a file (text, mappings, lists) or as models. A nested field
        changes through its own model: `k.ubah(penutup=k.penutup.ubah(tempat="Mataram"))`.
        """
        data = {name: getattr(self, name) for name in type(self).model_fields}
        data.update(changes)
        try:
            return type(self).model_validate(data)
        except ValidationError as exc:
            raise from_validation_error(exc) from None

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """pydantic's copy, except that `update` is validated (through `ubah`): pydantic would
        store the new values unchecked, and a mapping where a table belongs would vanish."""
        if update:
            return self.ubah(**update)  # the values are immutable: a deep copy would change nothing
        return super().model_copy(deep=deep)

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
    if (
        schema.get("type") == "string"
        and not schema.keys() & {"description", "format", "enum", "const"}
        and schema.get("pattern", DAPAT_DICETAK) == DAPAT_DICETAK
    ):
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
    if not isinstance(node, ast.ClassDef):  # getsource gives the class statement
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


DAPAT_DICETAK = "^[^\x00-\x08\x0b-\x1f\ufffe\uffff]*$"
"""Text a Word document can hold as typed: no control characters but tab and new line (XML 1.0
allows no others, and a carriage return would silently become a space), no U+FFFE/U+FFFF.
A refused character is an input error naming the field (kpu_docs.errors), never dropped."""

Teks = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, pattern=DAPAT_DICETAK)]
"""Non-empty text: an empty string where text is required is an input error."""
TeksBebas = Annotated[str, StringConstraints(strip_whitespace=True, pattern=DAPAT_DICETAK)]
"""Text that may be empty (a table cell)."""


def _not_bool(value: object) -> object:
    if isinstance(value, bool):
        raise PydanticCustomError("int_type", "Input should be a valid integer")
    return value


BilanganBulat = Annotated[int, BeforeValidator(_not_bool)]
"""A whole number. `true` is not one: pydantic would take it as 1 (and `tahun: true` would be
"tidak boleh kurang dari 1945" instead of "harus berupa bilangan bulat")."""
