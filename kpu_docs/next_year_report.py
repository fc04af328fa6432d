"""What `next-year` did to a decree and what it left for a person: the report next_year.py fills
and review.py writes out as the review file (so that neither module needs the other's insides)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from kpu_docs.errors import format_path


@dataclass
class Perubahan:
    """One change made: where (a path of keys and list indices), the value before and after, the
    line of the new file where it shows (from 1) and what a person should know about it."""

    jalur: tuple
    lama: object
    baru: object
    baris: int | None = None
    catatan: str | None = None

    @property
    def lokasi(self) -> str:
        return format_path(self.jalur)


@dataclass
class Catatan:
    """Something left for a person to decide: where, and what."""

    jalur: tuple
    pesan: str
    baris: int | None = None
    posisi: int = 0
    """Where in the value's text it is (to find its line)."""

    @property
    def lokasi(self) -> str:
        return format_path(self.jalur)

    def __str__(self) -> str:
        return f"{self.lokasi}: {self.pesan}" if self.jalur else self.pesan


@dataclass
class TanggalBergeser:
    """A date that moved to the new year: a date field (penutup.tanggal) or a date written in a
    text ("3 September 2025"); a person checks the day it lands on."""

    jalur: tuple
    lama: datetime.date
    baru: datetime.date
    baris: int | None = None
    posisi: int = 0
    """Where in the value's text the date stands (0 for a date field)."""

    @property
    def lokasi(self) -> str:
        return format_path(self.jalur)


@dataclass
class Laporan:
    """What next-year did (diubah), the dates it moved (tanggal), the certified-copy marks the draft
    no longer prints (dimatikan) and what it left for a person to decide (periksa)."""

    tahun_lama: int
    tahun_baru: int
    diubah: list[Perubahan] = field(default_factory=list)
    periksa: list[Catatan] = field(default_factory=list)
    tanggal: list[TanggalBergeser] = field(default_factory=list)
    dimatikan: list[str] = field(default_factory=list)
    """What the source decree printed and the draft does not, until its status is final again."""
    berkas_periksa: Path | None = None
    """The review file written beside the draft."""
