"""The number and the year: a number still to take, a number copied from last year's decree, a
date moved after the number was taken (issue 11)."""

from __future__ import annotations

from kpu_docs.checks.aturan import Hasil, aturan
from kpu_docs.models import Keputusan
from kpu_docs.nomor.pola import BULAN_ROMAWI, NOMOR_KOSONG, Pola, pola_nomor


@aturan("nomor-kosong", "Tata Naskah Dinas: keputusan ditandatangani dengan nomornya, diambil dari register "
                        "(buku agenda) naskah dinas")
def _nomor_kosong(keputusan: Keputusan) -> Hasil:
    if NOMOR_KOSONG in keputusan.nomor:
        yield "nomor", f"masih {NOMOR_KOSONG}, isi nomor keputusan sebelum ditandatangani (kpu-docs nomor ambil)"


@aturan("tanggal-tahun", "UU 12/2011 Lampiran II, Judul: tahun keputusan adalah tahun penetapannya (penutup.tanggal)")
def _tanggal_tahun(keputusan: Keputusan) -> Hasil:
    tanggal = keputusan.penutup.tanggal
    if tanggal.year != keputusan.tahun:
        yield "penutup.tanggal", f"tahun {tanggal.year} berbeda dengan tahun keputusan {keputusan.tahun}"


def _pola(keputusan: Keputusan) -> Pola | None:
    return pola_nomor(keputusan.nomor, keputusan.penutup.tanggal, keputusan.pola_nomor)


def _terurai(keputusan: Keputusan) -> Pola | None:
    """The number's pattern, when the number follows it (the other number rules need its parts)."""
    pola = _pola(keputusan)
    return pola if pola is not None and pola.urai(keputusan.nomor) is not None else None


@aturan("nomor-pola", "Tata Naskah Dinas: nomor keputusan mengikuti pola penomoran kantor (pola_nomor)")
def _nomor_pola(keputusan: Keputusan) -> Hasil:
    pola = _pola(keputusan)
    if pola is not None and pola.urai(keputusan.nomor) is None:
        yield "nomor", f"{keputusan.nomor} tidak mengikuti pola_nomor {pola}"


@aturan("nomor-tahun", "UU 12/2011 Lampiran II, Judul: nomor dan tahun keputusan menunjuk tahun yang sama")
def _nomor_tahun(keputusan: Keputusan) -> Hasil:
    pola = _terurai(keputusan)
    tahun = pola.tahun_dari(keputusan.nomor) if pola else None
    if tahun is not None and tahun != keputusan.tahun:
        yield "nomor", f"tahun {tahun} pada nomor berbeda dengan tahun keputusan {keputusan.tahun}"


@aturan("nomor-bulan", "Tata Naskah Dinas: bulan pada nomor (angka atau Romawi) adalah bulan penetapan")
def _nomor_bulan(keputusan: Keputusan) -> Hasil:
    pola, tanggal = _terurai(keputusan), keputusan.penutup.tanggal
    bulan = pola.bulan_dari(keputusan.nomor) if pola else None
    if pola and bulan is not None and bulan != tanggal.month:
        shown = BULAN_ROMAWI[bulan - 1] if "{bulan_romawi}" in pola.teks else f"{bulan:02d}"
        yield "nomor", f"bulan {shown} pada nomor berbeda dengan bulan penutup.tanggal {tanggal.isoformat()}"
