"""What a batch checks over all its rows before anything renders, so nothing is dropped silently.

Every table row must belong to a decree row: a key that matches none is an error naming its
rows and the nearest decree key; a key that matches only once spaces and case are set aside
(`padalarang ` for `Padalarang`) is taken, with a warning naming its rows. Two rows writing the
same file, a decree that gets no table rows, and (when asked) a decree with too few or too many
are errors too. Problems of one row's own data are left to that row (plan.Plan.task).
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kpu_docs.batch.errors import BatchError

if TYPE_CHECKING:
    from kpu_docs.batch.plan import Plan


@dataclass
class Audit:
    """What the pass over every row found; `names` maps each data row to its output name."""

    total: int = 0
    last: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    names: dict[int, str] = field(default_factory=dict)


def parse_range(text: str) -> tuple[int | None, int | None]:
    """`3`, `2:5`, `2:` or `:5` as (least, most); BatchError for anything else."""
    least, colon, most = text.strip().partition(":")
    if not colon:
        most = least
    try:
        bounds = (int(least) if least.strip() else None, int(most) if most.strip() else None)
    except ValueError:
        bounds = (-1, -1)
    if bounds == (None, None) or any(b is not None and b < 0 for b in bounds) or (
            None not in bounds and bounds[0] > bounds[1]):  # type: ignore[operator]
        raise BatchError(f"--jumlah-baris {text}: tulis N, MIN:MAX, MIN: atau :MAX, misalnya 3 atau 3:5")
    return bounds


def normal(key: str) -> str:
    """A key as compared when the exact key matches nothing: spaces trimmed and single, any case."""
    return " ".join(key.split()).casefold()


def audit(plan: Plan, jumlah_baris: tuple[int | None, int | None] | None = None) -> Audit:
    """One pass over the data rows, one over the table's keys (from its index, not the file)."""
    from kpu_docs.batch.plan import RowError

    found = Audit()
    first_use: dict[str, int] = {}
    keys: dict[str, list[int]] = defaultdict(list)
    cells_of: dict[int, str] = {}
    for number, cells in plan.source.rows():
        found.total += 1
        found.last = number
        key = str(cells[plan.key_at]) if plan.key_at is not None and plan.key_at < len(cells) else ""
        if plan.key_at is not None:
            cells_of[number] = key
        try:
            name = plan.name_of(number, cells)
        except RowError:
            continue  # that row fails on its own, naming the bad name
        found.names[number] = name
        first = first_use.setdefault(name.casefold(), number)
        if first != number:
            found.errors.append(
                f"{plan.where(number, name, key)}: {name}.docx sudah dipakai {plan.source.row(first)} "
                f"(berkas {found.names[first]}); beri tiap baris nama berkas sendiri di kolom berkas"
            )
        if key:
            keys[key].append(number)
    if plan.table is None or plan.key_at is None:
        return found

    kunci = plan.source.header[plan.key_at]
    table = plan.table.source
    by_normal: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        by_normal[normal(key)].append(key)
    counts: dict[str, int] = defaultdict(int)
    for key, numbers in plan.table.keys():
        if key in keys:
            counts[key] += len(numbers)
            continue
        same = by_normal.get(normal(key), [])
        if len(same) == 1:
            plan.table.rename(key, same[0])
            counts[same[0]] += len(numbers)
            found.warnings.append(
                f"{table.where_all(numbers)}: {kunci} {key!r} dianggap {same[0]} "
                f"({plan.source.where(keys[same[0]][0])}): sama setelah spasi dan huruf besar/kecil disamakan"
            )
        elif same:
            found.errors.append(
                f"{table.where_all(numbers)}: {kunci} {key!r} tidak sama persis dengan {kunci} mana pun, "
                f"dan mirip beberapa ({', '.join(same)}); tulis persis salah satunya"
            )
        else:
            guess = difflib.get_close_matches(key, list(keys), n=1, cutoff=0.6) or \
                difflib.get_close_matches(normal(key), list(by_normal), n=1, cutoff=0.6)
            hint = f"; maksud Anda {by_normal[guess[0]][0] if guess[0] in by_normal else guess[0]}?" if guess else ""
            found.errors.append(
                f"{table.where_all(numbers)}: {kunci} {key!r} tidak ada di {plan.source.label}, "
                f"jadi baris ini tidak masuk keputusan mana pun{hint}"
            )
    plan.table.commit()

    for key, numbers in keys.items():
        if len(numbers) > 1:
            found.warnings.append(
                f"{plan.source.where_all(numbers)}: {kunci} {key} dipakai {len(numbers)} keputusan; "
                f"masing-masing mendapat semua baris {kunci} {key} dari {table.label}"
            )
    least, most = jumlah_baris or (None, None)
    for number in sorted(cells_of):
        key = cells_of[number]
        name = found.names.get(number, plan.default_name(number))
        if not key:
            found.errors.append(f"{plan.where(number, name, key)}: kolom {kunci} kosong, "
                                f"tidak ada kunci untuk baris {table.label}")
            continue
        count = counts.get(key, 0)
        if count == 0:
            found.errors.append(f"{plan.where(number, name, key)}: tidak ada baris di {table.label} "
                                f"untuk {kunci} {key}")
        elif (least is not None and count < least) or (most is not None and count > most):
            wanted = (f"{least}" if least == most else f"paling sedikit {least}" if most is None
                      else f"paling banyak {most}" if least is None else f"antara {least} dan {most}")
            found.errors.append(f"{plan.where(number, name, key)}: {count} baris di {table.label}, "
                                f"seharusnya {wanted} (--jumlah-baris)")
    return found
