"""A signature block from its lines: who signs, in what capacity and in which of the forms.

The forms a decree's signature takes, all in the model (Penandatangan):

    BUPATI KULON PROGO,           a.n. MENTERI ...                 A.n. KETUA
    Cap/ttd                       SEKRETARIS JENDERAL              LEMBAGA PENERBANGAN ...
    HASTO WARDOYO                 u.b.                             KEPALA BIRO UMUM
                                  KEPALA BIRO HUKUM,               Drs. M. CHAWARI, MM
    Plh. KEPALA BADAN,            NAMA                             NIP. 300001167
    NAMA
    Pembina Utama Muda (IV/c)     Lembaga Akreditasi ...  (the institution)
    NIP 19700101 199003 1 001     Prof. Dra. Sri Hartati, M.Sc., Ph.D.
                                  Ketua Dewan Eksekutif LAM INFOKOM   (position below the name)

Lines are given as printed; the reader of the decree turns capitals into running text. A line
that fits none of the parts is returned as a leftover, to be reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from kpu_docs.importing.casing import is_capitals

MARK = re.compile(r"^\(?\s*(?:cap\s*/\s*)?(?P<mark>ttd|dto)\.?(?:\s*/\s*cap)?\s*\.?\s*\)?$", re.I)
"""The mark of a signed copy where the signature stood: "ttd", "dto.", "(ttd)", "Cap/ttd", "ttd/cap"."""
AN = re.compile(r"^a\.\s*n\.?\s+(?P<rest>\S.*)$", re.I)
UB = re.compile(r"^u\.\s*b\.?\s*(?P<rest>.*)$", re.I)
STATUS = re.compile(r"^(?P<status>Plt|Plh)\.?\s+(?P<rest>\S.*)$", re.I)
NIP = re.compile(r"^NIP\.?\s*:?\s*(?P<nip>\S.*)$", re.I)
PANGKAT = re.compile(r"^(?:Pembina|Penata|Pengatur|Juru)\b.*(?:\([IVX]+/[a-e]\))?$", re.I)
POSITION = re.compile(
    r"^(?:plt\.?\s+|plh\.?\s+)?(?:ketua|wakil|kepala|sekretaris|direktur|deputi|rektor|dekan|menteri|gubernur|"
    r"bupati|wali\s*kota|walikota|camat|inspektur|asisten|koordinator|pejabat|anggota|presiden|panitera|komisioner)\b",
    re.I,
)
"""A line that names a position: it opens a jabatan (and ends an a.n. position above it)."""


@dataclass
class Signature:
    """A signature block's parts as printed (capitals kept), and the lines it could not place."""

    jabatan: str = ""
    nama: str = ""
    nip: str | None = None
    pangkat: str | None = None
    atas_nama: str | None = None
    untuk_beliau: str | None = None
    status: Literal["Plt.", "Plh."] | None = None
    letak_jabatan: Literal["atas", "bawah"] = "atas"
    mark: Literal["ttd", "dto."] | None = None
    leftovers: list[int] = field(default_factory=list)
    """Positions (in the lines given) of lines that are no part of the signature."""


def read(lines: list[str]) -> Signature:
    """The signature in `lines` (blank lines allowed): its parts, and the positions of leftovers."""
    sig = Signature()
    rest = [(i, t) for i, t in enumerate(lines) if t]
    rest = _take_marks(rest, sig)
    rest = _on_behalf(rest, sig)
    if rest and (m := STATUS.match(rest[0][1])):
        sig.status = "Plt." if m["status"].lower() == "plt" else "Plh."
        rest[0] = (rest[0][0], m["rest"])
    _position_and_name(rest, sig)
    return sig


def _take_marks(rest: list[tuple[int, str]], sig: Signature) -> list[tuple[int, str]]:
    """Take out the NIP, the rank and the ttd mark (which stays as a None-text divider)."""
    out: list[tuple[int, str]] = []
    for i, text in rest:
        if sig.nip is None and (m := NIP.match(text)):
            sig.nip = m["nip"]
        elif sig.pangkat is None and out and PANGKAT.match(text):
            sig.pangkat = text
        elif sig.mark is None and (m := MARK.match(text)):
            sig.mark = "dto." if m["mark"].lower() == "dto" else "ttd"
            out.append((i, ""))  # where the signature stood: between the position and the name
        else:
            out.append((i, text))
    return out


def _on_behalf(rest: list[tuple[int, str]], sig: Signature) -> list[tuple[int, str]]:
    """"a.n. X" (X wrapped over lines until a comma or a line naming a position), then "Y / u.b."."""
    if not rest or not (m := AN.match(rest[0][1])):
        return rest
    parts, k = [m["rest"]], 1
    while (
        not parts[-1].endswith(",") and k < len(rest) and rest[k][1]
        and not POSITION.match(rest[k][1]) and not UB.match(rest[k][1]) and is_capitals(rest[k][1])
    ):
        parts.append(rest[k][1])
        k += 1
    sig.atas_nama = " ".join(parts).rstrip(",").strip()
    ub = next((j for j in range(k, min(k + 4, len(rest))) if UB.match(rest[j][1])), None)
    if ub is not None and ub > k:
        sig.untuk_beliau = " ".join(t for _, t in rest[k:ub]).rstrip(",").strip()
        ub_match = UB.match(rest[ub][1])
        assert ub_match is not None  # ub was chosen as a line UB matches
        after = ub_match["rest"]
        return ([(rest[ub][0], after)] if after else []) + rest[ub + 1:]
    return rest[k:]


def _position_and_name(rest: list[tuple[int, str]], sig: Signature) -> None:
    """The jabatan above the name (up to the ttd mark or a line ending with a comma), or below it."""
    divider = next((j for j, (_, t) in enumerate(rest) if not t), None)
    comma = next((j for j, (_, t) in enumerate(rest) if t.endswith(",")), None)
    end = divider if divider is not None else comma + 1 if comma is not None else None
    if end is not None:
        above, after = rest[:end], [r for r in rest[end:] if r[1]]
        sig.jabatan = " ".join(t for _, t in above).rstrip(",").strip()
        if after:
            sig.nama = after[0][1]
            below = after[1:]
            if below and not sig.jabatan and POSITION.match(below[0][1]):
                sig.jabatan, sig.letak_jabatan, below = below[0][1], "bawah", below[1:]
            sig.leftovers += [i for i, _ in below]
        return
    if len(rest) >= 2 and POSITION.match(rest[-1][1]) and not POSITION.match(rest[-2][1]):
        sig.nama, sig.jabatan, sig.letak_jabatan = rest[-2][1], rest[-1][1], "bawah"
        sig.leftovers += [i for i, _ in rest[:-2]]
        return
    if rest:
        sig.jabatan = " ".join(t for _, t in rest[:-1]).rstrip(",").strip()
        sig.nama = rest[-1][1]
