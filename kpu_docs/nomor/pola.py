"""Number patterns: what an office's decree number is made of, so it can be filled in and moved on.

A pattern is the number with its changing parts named: `{urut}/PP.04.1-Kpt/5201/{tahun}`,
`188.45-{urut}/{tahun}`, `{urut}/ORT.07-Kpt/01/KPU/{bulan_romawi}/{tahun}`, or just `{urut}`
for "NOMOR 11 TAHUN 2025". Everything else (classification code, region or unit code, "Kpt",
"B") is fixed text, printed as written. A pattern is given in `pola_nomor` or recognised from
the number and the decree's date.

No imports beyond the standard library: `kpu-docs check` and the models use this module.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cached_property

NOMOR_KOSONG = "[ISI NOMOR]"
"""Placeholder for a number not yet given (a next year's draft); rendered visibly, warned about."""

BULAN_ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
"""Months in Roman numerals as numbers print them (formatting.numbers.roman needs babel's package)."""

_BAGIAN = {"urut": 1, "bulan": 2, "bulan_romawi": 0, "tahun": 0}
"""The changing parts and their default zero-padded width (0: no width)."""
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
_PART = re.compile(r"(?P<nama>[a-z_]+)(?::(?P<lebar>[1-9]))?")
_SEGMENT = re.compile(r"([/\-])")


class PolaError(ValueError):
    """A pattern that cannot be used; the message (Indonesian) says why."""


@dataclass(frozen=True)
class Bagian:
    """A changing part of a pattern: its name and zero-padded width."""

    nama: str
    lebar: int


@dataclass(frozen=True)
class Pola:
    """A number pattern such as `{urut}/PP.04.1-Kpt/5201/{tahun}` (literal braces doubled)."""

    teks: str

    def __post_init__(self) -> None:
        self.bagian  # noqa: B018 - parse now: a bad pattern fails where it is made

    @cached_property
    def bagian(self) -> tuple[str | Bagian, ...]:
        """Fixed texts and changing parts, in order."""
        out: list[str | Bagian] = []
        seen: set[str] = set()
        position = 0
        for match in _TOKEN.finditer(self.teks):
            if match.start() > position:
                out.append(self.teks[position:match.start()])
            position = match.end()
            token = match.group(0)
            if token in ("{{", "}}"):
                out.append(token[0])
                continue
            inner = match.group(1)
            part = _PART.fullmatch(inner or "")
            if inner is None or part is None or part["nama"] not in _BAGIAN:
                raise PolaError(f"{token} tidak dikenal; bagian pola: {{urut}}, {{bulan}}, {{bulan_romawi}}, {{tahun}} "
                                "(kurung kurawal biasa ditulis {{ dan }})")
            nama = part["nama"]
            if nama in seen:
                raise PolaError(f"{{{nama}}} tertulis dua kali")
            if part["lebar"] and nama not in ("urut", "bulan"):
                raise PolaError(f"{{{nama}}} tidak punya lebar")
            seen.add(nama)
            out.append(Bagian(nama, int(part["lebar"] or _BAGIAN[nama])))
        if position < len(self.teks):
            out.append(self.teks[position:])
        if "urut" not in seen:
            raise PolaError("pola harus memuat {urut}, tempat nomor urut")
        if "bulan" in seen and "bulan_romawi" in seen:
            raise PolaError("pilih {bulan} atau {bulan_romawi}, tidak keduanya")
        merged: list[str | Bagian] = []
        for item in out:  # "{{" splits a fixed text: join it again
            if isinstance(item, str) and merged and isinstance(merged[-1], str):
                merged[-1] += item
            else:
                merged.append(item)
        return tuple(merged)

    def _names(self) -> set[str]:
        return {b.nama for b in self.bagian if isinstance(b, Bagian)}

    @property
    def bertahun(self) -> bool:
        """Whether the number carries its year (then no "TAHUN 2025" is printed after it)."""
        return "tahun" in self._names()

    @property
    def berbulan(self) -> bool:
        return bool(self._names() & {"bulan", "bulan_romawi"})

    def isi(self, urut: int | str, tanggal: datetime.date, tahun: int | None = None) -> str:
        """The number: `urut` (an int, or NOMOR_KOSONG for a draft) in its place, the month of
        `tanggal` and the year `tahun` (default: the date's year)."""
        values = {
            "urut": urut,
            "bulan": tanggal.month,
            "bulan_romawi": BULAN_ROMAWI[tanggal.month - 1],
            "tahun": tahun if tahun is not None else tanggal.year,
        }
        out = []
        for item in self.bagian:
            if isinstance(item, str):
                out.append(item)
            else:
                value = values[item.nama]
                out.append(f"{value:0{item.lebar}d}" if isinstance(value, int) and item.lebar else str(value))
        return "".join(out)

    @cached_property
    def _regex(self) -> re.Pattern:
        groups = {
            "urut": rf"\d+|{re.escape(NOMOR_KOSONG)}",
            "bulan": r"\d{1,2}",
            "bulan_romawi": "|".join(sorted(BULAN_ROMAWI, key=len, reverse=True)),
            "tahun": r"\d{4}",
        }
        return re.compile("".join(re.escape(item) if isinstance(item, str) else f"(?P<{item.nama}>{groups[item.nama]})"
                                  for item in self.bagian))

    def urai(self, nomor: str) -> dict[str, str] | None:
        """The changing parts of `nomor` if it follows this pattern ({"urut": "45", "tahun": "2025"}),
        else None. The urut may still be NOMOR_KOSONG."""
        match = self._regex.fullmatch(nomor.strip())
        return match.groupdict() if match else None

    def tahun_dari(self, nomor: str) -> int | None:
        parts = self.urai(nomor) or {}
        return int(parts["tahun"]) if parts.get("tahun") else None

    def bulan_dari(self, nomor: str) -> int | None:
        parts = self.urai(nomor) or {}
        if parts.get("bulan_romawi"):
            return BULAN_ROMAWI.index(parts["bulan_romawi"]) + 1
        return int(parts["bulan"]) if parts.get("bulan") else None

    def __str__(self) -> str:
        return self.teks


def _escape(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def _is_year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1945 <= int(text) <= 2100


def kenali(nomor: str, tanggal: datetime.date | None = None) -> Pola | None:
    """Recognise the pattern of a number, or None when no part can be the sequence number.

    Split at "/" and "-": the last part is the year when it reads as one; the part before it is
    the month when it is a Roman month (V) or, in digits, the month of `tanggal`; the sequence
    number is the first other part in digits (or NOMOR_KOSONG). Everything else is fixed:
    `45/PP.04.1-Kpt/5201/2025` is `{urut}/PP.04.1-Kpt/5201/{tahun}`, `188.45-52/2023` is
    `188.45-{urut}/{tahun}`, `11` is `{urut}`. Where a number could be read two ways (two parts
    in digits), say which with `pola_nomor`.
    """
    pieces = _SEGMENT.split(nomor.strip())
    values, seps = pieces[0::2], pieces[1::2]
    names: dict[int, str] = {}
    last = len(values) - 1
    if last > 0 and _is_year(values[last]):
        names[last] = "{tahun}"
        before = last - 1
        if before > 0 and seps[before] == "/":
            value = values[before]
            if value in BULAN_ROMAWI:
                names[before] = "{bulan_romawi}"
            elif value.isdigit() and len(value) <= 2 and tanggal is not None and int(value) == tanggal.month:
                names[before] = "{bulan}" if len(value) == 2 else "{bulan:1}"
    urut = next((i for i, v in enumerate(values) if i not in names and (v.isdigit() or v == NOMOR_KOSONG)), None)
    if urut is None:
        return None
    value = values[urut]
    names[urut] = f"{{urut:{len(value)}}}" if value.startswith("0") and len(value) > 1 else "{urut}"
    text = names.get(0, _escape(values[0]))
    for i, sep in enumerate(seps, start=1):
        text += sep + names.get(i, _escape(values[i]))
    return Pola(text)


def pola_nomor(nomor: str, tanggal: datetime.date | None, pola: str | None = None) -> Pola | None:
    """The decree's pattern: `pola` as given (pola_nomor), else the one recognised from `nomor`."""
    return Pola(pola) if pola else kenali(nomor, tanggal)


def nomor_bertahun(nomor: str, pola: str | None = None) -> bool:
    """Whether the number carries its own year, so the title prints it without "TAHUN 2025".

    Given a pattern, it decides; otherwise a number with "/" prints as given (offices' strings
    such as 188.45/12), as does one whose recognised pattern ends in a year.
    """
    if pola:
        return Pola(pola).bertahun
    if "/" in nomor:
        return True
    recognised = kenali(nomor)
    return recognised is not None and recognised.bertahun
