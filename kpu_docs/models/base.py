"""Shared pydantic configuration: every model rejects unknown keys, so a typo in a file is an error."""

from __future__ import annotations

import ast
import calendar
import datetime
import inspect
import re
import textwrap
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any, Callable, Literal, Union

from annotated_types import Interval
from pydantic import BaseModel, BeforeValidator, ConfigDict, GetJsonSchemaHandler, StringConstraints, ValidationError
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError
from typing_extensions import Self

from kpu_docs.errors import TIDAK_DICETAK, from_validation_error


if TYPE_CHECKING:
    from pydantic._internal._model_construction import ModelMetaclass as _ModelMetaclass
else:
    _ModelMetaclass = type(BaseModel)  # pydantic's model metaclass, without importing a private module


class _Described(_ModelMetaclass):
    """Gives each model a docstring that lists its fields with their descriptions, composed when
    it is first read (help(), an editor's hover), not at import."""

    @property
    def __doc__(cls) -> str | None:  # type: ignore[override]
        own = cls.__dict__.get("__doc__")
        if not isinstance(own, str) or not issubclass(cls, Model):
            return own
        fields = cls.model_fields
        if not fields:
            return own
        docs = attribute_docstrings(cls)
        lines = [inspect.cleandoc(own), "", "Fields:"]
        for name, field in fields.items():
            required = " (required)" if field.is_required() else ""
            lines.append(f"    {name}{required}")
            description = field.description or docs.get(name)
            if description:
                lines += [f"        {line}" if line else "" for line in description.splitlines()]
        return "\n".join(lines)


class Model(BaseModel, metaclass=_Described):
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
            raise from_validation_error(exc, data=data, model=type(self)) from None

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
            raise from_validation_error(exc, data=data, model=type(self)) from None

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """pydantic's copy, except that `update` is validated (through `ubah`): pydantic would
        store the new values unchecked, and a mapping where a table belongs would vanish."""
        if update:
            return self.ubah(**update)  # the values are immutable: a deep copy would change nothing
        return super().model_copy(deep=deep)

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        json_schema = handler(core_schema)
        own = cls.__dict__.get("__doc__")
        if isinstance(own, str):  # the class's own docstring, not the field list help() shows
            handler.resolve_ref_schema(json_schema)["description"] = inspect.cleandoc(own)
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


DAPAT_DICETAK = f"^[^{TIDAK_DICETAK}]*$"
"""Text a Word document can hold as typed: none of errors.TIDAK_DICETAK. A refused character is
an input error naming the field and the character (kpu_docs.errors), never dropped."""

Teks = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, pattern=DAPAT_DICETAK)]
"""Non-empty text: an empty string where text is required is an input error."""
TeksBebas = Annotated[str, StringConstraints(strip_whitespace=True, pattern=DAPAT_DICETAK)]
"""Text that may be empty (a table cell)."""


# Numbers, yes/no values and dates: the model takes what the JSON Schema (`kpu-docs schema`)
# describes, and nothing more. A number may be written as its digits in text (a spreadsheet cell
# gives text, and `tahun: "2025"` in a file means 2025), as the schema says; pydantic's lax mode
# would also take " 2025 ", "2025.0", "2_025", `true` as 1, "yes" as true and a number of
# seconds as a date, none of which the schema allows or an editor would show as valid.

def only_text(value: object) -> None:
    """Refuse a number, true or false, a date or nothing where text (or a mapping) belongs, as
    text: the message then says to quote it ("beri tanda kutip"), not that a mapping is wanted."""
    if value is None or isinstance(value, (int, float, datetime.date)):
        raise PydanticCustomError("string_type", "Input should be a valid string")


_ISO_DATE = re.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}")
TEKS_BENAR_SALAH = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
"""true and false as text, as a spreadsheet cell or a CSV file writes them."""


def _from_digits(pattern: str, convert: Callable[[str], object], kind: str) -> Callable[[object], object]:
    """A validator that takes a number as it is and its digits as text (the whole text matching
    `pattern`) as that number; true and false are no numbers (pydantic's `kind`_type error)."""
    digits = re.compile(pattern)

    def validate(value: object) -> object:
        if isinstance(value, bool):
            raise PydanticCustomError(f"{kind}_type", "Input should be a valid number")
        if isinstance(value, str):
            if not digits.fullmatch(value):
                raise PydanticCustomError(f"{kind}_parsing", "Input should be a valid number")
            return convert(value)
        return value

    return validate


_whole_number = _from_digits("0|[1-9][0-9]*", int, "int")
_decimal = _from_digits("-?(0|[1-9][0-9]*)([.][0-9]+)?", float, "float")


def _true_false(value: object) -> object:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        if value not in TEKS_BENAR_SALAH:
            raise PydanticCustomError("bool_parsing", "Input should be a valid boolean")
        return TEKS_BENAR_SALAH[value]
    raise PydanticCustomError("bool_type", "Input should be a valid boolean")


def _calendar_date(text: str) -> datetime.date:
    """The date ISO text names, or an error saying which part does not exist: 2023-02-30 is in
    the right form, but February 2023 has 28 days."""
    year, month, day = (int(part) for part in text.split("-"))
    if not 1 <= month <= 12:
        raise PydanticCustomError("tanggal_mustahil", "tanggal {teks} tidak ada: bulan {bulan} tidak ada (1 sampai 12)",
                                  {"teks": text, "bulan": month})
    last = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if not 1 <= day <= last:
        from kpu_docs.formatting import nama_bulan  # babel, only when a date is wrong

        raise PydanticCustomError("tanggal_mustahil", "tanggal {teks} tidak ada: {nama_bulan} {tahun} hanya {hari} hari",
                                  {"teks": text, "nama_bulan": nama_bulan(month), "tahun": year, "hari": last})
    try:
        return datetime.date(year, month, day)
    except ValueError:  # year 0000
        raise PydanticCustomError("tanggal_mustahil", "tanggal {teks} tidak ada", {"teks": text}) from None


def _iso_date(value: object) -> object:
    if isinstance(value, datetime.date):  # a YAML date (a date and time is refused by pydantic unless at midnight)
        return value
    if isinstance(value, str):
        if not _ISO_DATE.fullmatch(value):
            raise PydanticCustomError("date_parsing", "Input should be a valid date")
        return _calendar_date(value)
    raise PydanticCustomError("date_type", "Input should be a valid date")


_SATU_ATAU_LEBIH = Interval(ge=1)
BilanganPositif = Annotated[int, _SATU_ATAU_LEBIH, BeforeValidator(_whole_number, json_schema_input_type=Union[
    Annotated[int, _SATU_ATAU_LEBIH], Annotated[str, StringConstraints(pattern="^[1-9][0-9]*$")]])]
"""A whole number from 1 up, or its digits as text ("2"). `true` is not one: pydantic would take
it as 1 (and `tahun: true` would be "tidak boleh kurang dari 1945", not "harus berupa bilangan bulat")."""

_RENTANG_TAHUN = Interval(ge=1945, le=2100)
Tahun = Annotated[int, _RENTANG_TAHUN, BeforeValidator(_whole_number, json_schema_input_type=Union[
    Annotated[int, _RENTANG_TAHUN],
    Annotated[str, StringConstraints(pattern="^(194[5-9]|19[5-9][0-9]|20[0-9][0-9]|2100)$")]])]
"""A year from 1945 to 2100: 2025, or "2025" (a year from a spreadsheet cell is text)."""

Angka = Annotated[float, BeforeValidator(_decimal, json_schema_input_type=Union[
    float, Annotated[str, StringConstraints(pattern="^-?(0|[1-9][0-9]*)([.][0-9]+)?$")]])]
"""A number (2.5), or its digits as text ("2.5"), a point before the decimals."""

_UKURAN_HURUF = Interval(ge=8, le=16)
UkuranHuruf = Annotated[float, _UKURAN_HURUF, BeforeValidator(_decimal, json_schema_input_type=Union[
    Annotated[float, _UKURAN_HURUF], Annotated[str, StringConstraints(pattern="^((8|9|1[0-5])([.][0-9]+)?|16([.]0+)?)$")]])]
"""A font size in points from 8 to 16 (12, 11.5), or the same as text."""

YaTidak = Annotated[bool, BeforeValidator(_true_false, json_schema_input_type=Union[
    bool, Literal["true", "True", "TRUE", "false", "False", "FALSE"]])]
"""true or false, or either as text ("true", "TRUE"); not yes, no, 1 or 0."""

Tanggal = Annotated[datetime.date, BeforeValidator(_iso_date, json_schema_input_type=datetime.date)]
"""A date: a YAML date, or ISO text 2025-09-03 (not a number of seconds, nor a date with a time)."""
