"""What a check is: a rule with an id and the source it follows, and the findings it yields.

A rule is a function from the decree to (field path, message) pairs, registered with `@aturan`
under its id and a one-line reason naming its source. The registry keeps the order of
registration, which is the order findings are reported in. (Named tuples, not dataclasses: they
cost `check` less to define at start-up.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple, TypeVar

from kpu_docs.models import Keputusan

Hasil = Iterable[tuple[str, str]]
"""What a rule yields: (lokasi, pesan), the field path and the message, in Indonesian."""

F = TypeVar("F", bound=Callable[[Keputusan], Hasil])


class Temuan(NamedTuple):
    """One finding: the rule's id, where (a field path, positions counted from 1 as they print),
    what is wrong, and the rule's reason with its source."""

    aturan: str
    lokasi: str
    pesan: str
    alasan: str

    def __str__(self) -> str:
        return f"{self.lokasi}: {self.pesan}"

    def sebagai_dict(self) -> dict[str, str]:
        """As `kpu-docs check --json` prints it."""
        return {"aturan": self.aturan, "lokasi": self.lokasi, "pesan": self.pesan, "alasan": self.alasan}


class Aturan(NamedTuple):
    """A check: its id (as `pengaturan.abaikan_periksa` names it), its reason, and its function
    (None for a check made elsewhere: the register of numbers, `check --register`)."""

    id: str
    alasan: str
    periksa: Callable[[Keputusan], Hasil] | None = None

    def temuan(self, keputusan: Keputusan) -> Iterator[Temuan]:
        if self.periksa is not None:
            for lokasi, pesan in self.periksa(keputusan):
                yield self.temuan_di(lokasi, pesan)

    def temuan_di(self, lokasi: str, pesan: str) -> Temuan:
        return Temuan(self.id, lokasi, pesan, self.alasan)


ATURAN: dict[str, Aturan] = {}
"""Every rule by id, in the order findings are reported."""


def daftarkan(rule: Aturan) -> Aturan:
    if rule.id in ATURAN:
        raise ValueError(f"aturan {rule.id} terdaftar dua kali")
    ATURAN[rule.id] = rule
    return rule


def aturan(id: str, alasan: str) -> Callable[[F], F]:
    """Register the decorated function as the rule `id`, with its reason."""

    def register(periksa: F) -> F:
        daftarkan(Aturan(id, alasan, periksa))
        return periksa

    return register
