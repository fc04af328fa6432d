"""What changed between two decrees, part by part, for the person who reviews next year's draft.

Compares the printed wording (citations as sentences, generated formulas included), so a change
in structure that prints the same is no change, and a change of one word shows as that item.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from kpu_docs.formatting import format_tanggal
from kpu_docs.models import Keputusan
from kpu_docs.models.lampiran import (
    Bagian,
    Blok,
    Daftar,
    DaftarMengingat,
    Judul,
    Paragraf,
    RincianNilai,
    Sel,
    TabelBlok,
    TabelKelompokBlok,
)
from kpu_docs import wording
from kpu_docs.wording.punctuation import bare


@dataclass
class Beda:
    """One difference: the part, the kind (+ added, - removed, ~ changed) and the texts."""

    bagian: str
    jenis: str
    lama: str | None
    baru: str | None

    def __str__(self) -> str:
        if self.jenis == "+":
            return f"[{self.bagian}] + {self.baru}"
        if self.jenis == "-":
            return f"[{self.bagian}] - {self.lama}"
        return f"[{self.bagian}] ~ {self.lama}\n{' ' * (len(self.bagian) + 3)}→ {self.baru}"


def _header(k: Keputusan) -> list[str]:
    lines = wording.judul_baris(k) + [k.jabatan_penetap]
    return lines + ([k.pembukaan] if k.pembukaan else [])


def _penutup(k: Keputusan) -> list[str]:
    p = k.penutup
    lines = [f"Ditetapkan di {p.tempat}", f"pada tanggal {format_tanggal(p.tanggal)}", p.penandatangan.jabatan,
             p.penandatangan.nama]
    return lines + [f"NIP {p.penandatangan.nip}"] * bool(p.penandatangan.nip)


def _diktum(k: Keputusan) -> list[str]:
    out = []
    for n, d in enumerate(k.diktum, start=1):
        out.append(f"{wording.label_diktum(n, k.pengaturan.gaya_diktum)}: {d.isi}")
        out += [f"    {line.label} : {line.nilai}" for line in d.rincian_nilai]
        out += [f"    {item}" for item in d.rincian]
    return out


def _blocks(k: Keputusan, blocks: list[Blok], depth: int = 0) -> list[str]:
    pad = "    " * depth
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Judul):
            out.append(f"{pad}{block.judul.upper()}")
        elif isinstance(block, Bagian):
            out.append(f"{pad}Bagian: {block.bagian}")
        elif isinstance(block, Paragraf):
            out.append(f"{pad}{block.paragraf}")
        elif isinstance(block, Daftar):
            for item in block.daftar:
                out.append(f"{pad}- {item.butir}")
                out += _blocks(k, item.isi, depth + 1)
        elif isinstance(block, DaftarMengingat):
            out += [f"{pad}- {t}" for t in wording.kutipan_daftar(k.mengingat)]
        elif isinstance(block, RincianNilai):
            out += [f"{pad}{line.label} : {line.nilai}" for line in block.rincian_nilai]
        elif isinstance(block, TabelBlok):
            out.append(f"{pad}Tabel: " + " | ".join(block.tabel.kolom))
            out += [pad + " | ".join(c.teks if isinstance(c, Sel) else c for c in row) for row in block.tabel.baris]
        elif isinstance(block, TabelKelompokBlok):
            t = block.tabel_kelompok
            out.append(f"{pad}Tabel: " + " | ".join(t.kolom))
            out += [f"{pad}{g.nama} | " + " | ".join(row) for g in t.kelompok for row in g.baris]
    return out


def parts(k: Keputusan) -> dict[str, list[str]]:
    """Each part of the decree as a list of printed items, in order."""
    out = {
        "judul": _header(k),
        # list punctuation follows position (";" then "."): an added item is not a change of the last
        "menimbang": [bare(t) for t in wording.menimbang_butir(k)],
        "mengingat": [bare(t) for t in wording.kutipan_daftar(k.mengingat)],
        "memperhatikan": [bare(t) for t in wording.kutipan_daftar(k.memperhatikan)],
        "menetapkan": [wording.menetapkan(k)],
        "diktum": _diktum(k),
        "penutup": _penutup(k),
        "tembusan": list(k.tembusan),
    }
    for i, lampiran in enumerate(k.lampiran, start=1):
        out[f"lampiran {i}"] = ([lampiran.judul.upper()] if lampiran.judul else []) + _blocks(k, lampiran.isi)
    return out


def beda(old: Keputusan, new: Keputusan) -> list[Beda]:
    """The differences, part by part; an empty list when both print the same."""
    old_parts, new_parts = parts(old), parts(new)
    out: list[Beda] = []
    for name in list(dict.fromkeys([*old_parts, *new_parts])):
        a, b = old_parts.get(name, []), new_parts.get(name, [])
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
            if tag == "equal":
                continue
            paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0  # edited in place, in order
            out += [Beda(name, "~", a[i1 + n], b[j1 + n]) for n in range(paired)]
            out += [Beda(name, "-", a[i], None) for i in range(i1 + paired, i2)]
            out += [Beda(name, "+", None, b[j]) for j in range(j1 + paired, j2)]
    return out
