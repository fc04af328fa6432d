"""The closing: the signing date, and the signatory's name and position."""

from __future__ import annotations

import re

from kpu_docs.checks.aturan import Hasil, aturan
from kpu_docs.checks.libur import libur_nasional
from kpu_docs.models import Keputusan


@aturan("tanggal-libur", "Hari libur nasional menurut Keppres 8/2024 dan SKB 3 Menteri (2024-2026); keputusan lazimnya "
                         "ditetapkan pada hari kerja, maka tanggal hari Minggu atau libur biasanya salah ketik")
def _tanggal_libur(keputusan: Keputusan) -> Hasil:
    """Saturdays pass: government offices work five days a week, but regional offices with a
    six-day week, and KPU secretariats during an election's stages, work and sign on Saturdays."""
    tanggal = keputusan.penutup.tanggal
    libur = libur_nasional(tanggal)
    days = (["hari Minggu"] if tanggal.weekday() == 6 else []) + ([f"hari libur nasional ({libur})"] if libur else [])
    if days:
        yield "penutup.tanggal", (f"{tanggal.isoformat()} jatuh pada {' dan '.join(days)}; periksa tanggal penetapan "
                                  "(bila memang ditetapkan hari itu, abaikan aturan ini)")


_GELAR = re.compile(r"(?:^|(?<=\s))(?:Prof\.?|Dr\.?|Drs\.?|Dra\.|Ir\.|dr\.)(?=\s)|,\s*[^,]+", re.I)
"""Degrees and academic titles in a name: "Prof. Dr. Ir. ...", "Drs. ...", "dr. ...", and every
part after a comma ("..., S.H., M.Si.", "..., SE"): a name itself has no comma."""


@aturan("nama-gelar", "UU 12/2011 Lampiran II butir 164 dan Tata Naskah Dinas daerah: nama pejabat yang "
                      "menandatangani ditulis lengkap dengan huruf kapital, tanpa gelar dan pangkat")
def _nama_gelar(keputusan: Keputusan) -> Hasil:
    nama = keputusan.penutup.penandatangan.nama
    if keputusan.pengaturan.nama_penandatangan != "kapital":
        return
    gelar = [m.group().lstrip(", ").strip() for m in _GELAR.finditer(nama)]
    if gelar:
        yield "penutup.penandatangan.nama", (
            f"nama dicetak kapital tanpa gelar menurut Tata Naskah Dinas daerah ({', '.join(gelar)}); hapus gelarnya, "
            "atau pakai pengaturan.nama_penandatangan: seperti_ditulis")


@aturan("jabatan-status", "Tata Naskah Dinas: Plt. dan Plh. dicetak dari status penandatangan, sekali saja")
def _jabatan_status(keputusan: Keputusan) -> Hasil:
    penandatangan = keputusan.penutup.penandatangan
    if penandatangan.status and penandatangan.jabatan.lower().startswith(("plt", "plh")):
        yield "penutup.penandatangan.jabatan", f"{penandatangan.status} sudah dicetak dari status; hapus dari jabatan"
