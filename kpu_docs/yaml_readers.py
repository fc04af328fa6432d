"""The YAML readers kpu-docs parses decree files with, configured once.

YAML reads `2025-09-03` as a date. ruamel builds it with `datetime.date(...)`, which raises a
bare ValueError for a date that does not exist (`2023-02-30`): the whole file would fail to
parse, with no line and no field. Here such a scalar stays the text it was typed as, so the
model that expects a date refuses it like any other wrong value, naming its field, line and
column; a text field takes it as text.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor, SafeConstructor

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _KeepsImpossibleDates:
    """A constructor whose date that does not exist stays the text it was typed as."""

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)  # type: ignore[misc]
        except ValueError:  # in the form of a date, but no such day: the text as typed
            return self.construct_scalar(node)  # type: ignore[attr-defined]


class _SafeConstructor(_KeepsImpossibleDates, SafeConstructor):
    pass


class _RoundTripConstructor(_KeepsImpossibleDates, RoundTripConstructor):
    pass


_SafeConstructor.add_constructor(_TIMESTAMP, _SafeConstructor.construct_yaml_timestamp)
_RoundTripConstructor.add_constructor(_TIMESTAMP, _RoundTripConstructor.construct_yaml_timestamp)


def safe_yaml(pure: bool = False) -> YAML:
    """A safe loader (plain dicts, lists and scalars); `pure=False` parses with libyaml."""
    yaml = YAML(typ="safe", pure=pure)
    yaml.Constructor = _SafeConstructor
    return yaml


def round_trip_yaml() -> YAML:
    """A round-trip loader: values with their positions and comments, for editing a file's text."""
    yaml = YAML(typ="rt")
    yaml.Constructor = _RoundTripConstructor
    return yaml
