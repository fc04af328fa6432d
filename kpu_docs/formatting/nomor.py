"""Decree number strings of known patterns, built from their parts (a number is text).

Helpers for code that composes numbers; patterns in general (recognised from a number, given as
pola_nomor, filled from the register) are kpu_docs.nomor.pola.
"""

from __future__ import annotations

import datetime
import re

from kpu_docs.nomor.pola import Pola

_KPU = re.compile(
    r"^(?P<urut>\d+)/(?P<klasifikasi>[A-Z]{2,3}(?:\.\d+)*)-Kpt/(?P<unit>[^/]+)/(?P<satker>[^/]+)"
    r"/(?P<bulan>[IVX]+)/(?P<tahun>\d{4})$"
)


def nomor_kpu(urut: int, klasifikasi: str, unit: str, tanggal: datetime.date, satker: str = "KPU") -> str:
    """KPU's 2018-2021 pattern: 314/ORT.07-Kpt/01/KPU/V/2021 (month in Roman numerals).

    A province or kabupaten uses its own satker segment, e.g. "Prov" in 4/PL.03.4-Kpt/12/Prov/III/2018.
    """
    if urut < 1:
        raise ValueError("nomor urut harus 1 atau lebih")
    return Pola(f"{{urut}}/{klasifikasi}-Kpt/{unit}/{satker}/{{bulan_romawi}}/{{tahun}}").isi(urut, tanggal)


def urai_nomor_kpu(nomor: str) -> dict[str, str] | None:
    """The parts of a number in KPU's 2018-2021 pattern, or None for any other number."""
    match = _KPU.match(nomor.strip())
    return match.groupdict() if match else None


def nomor_daerah(kode: str, urut: int, tahun: int) -> str:
    """The regional pattern "<classification code>-<sequence>/<year>", e.g. 188.45-52/2023."""
    return f"{kode}-{urut}/{tahun}"
