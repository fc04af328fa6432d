"""Two people saving one decree: a three-way merge of its data (what was opened, what is on disk
now, what this person changed), so that neither change is lost; a part both changed differently
is a conflict shown to the person, never silently overwritten."""

from __future__ import annotations

from typing import Any

_MISSING = object()


class Conflict(Exception):
    def __init__(self, paths: list[str]):
        self.paths = paths
        super().__init__(", ".join(paths))


def merge(base: Any, theirs: Any, mine: Any) -> Any:
    """`mine`'s changes from `base` applied to `theirs`; raises Conflict naming the field paths
    both changed to different values."""
    conflicts: list[str] = []
    result = _merge(base, theirs, mine, (), conflicts)
    if conflicts:
        raise Conflict(conflicts)
    return result


def _merge(base: Any, theirs: Any, mine: Any, path: tuple, conflicts: list[str]) -> Any:
    from kpu_docs.errors import format_path

    if mine == base:
        return theirs
    if theirs == base or theirs == mine:
        return mine
    if isinstance(base, dict) and isinstance(theirs, dict) and isinstance(mine, dict):
        out = {}
        for key in [*theirs, *[k for k in mine if k not in theirs]]:
            value = _merge(base.get(key, _MISSING), theirs.get(key, _MISSING), mine.get(key, _MISSING), (*path, key), conflicts)
            if value is not _MISSING:
                out[key] = value
        return out
    if (isinstance(base, list) and isinstance(theirs, list) and isinstance(mine, list)
            and len(base) == len(theirs) == len(mine)):
        return [_merge(b, t, m, (*path, i), conflicts) for i, (b, t, m) in enumerate(zip(base, theirs, mine))]
    conflicts.append(format_path(path) or "(seluruh keputusan)")
    return mine
