"""Warnings a careful secretariat would raise: valid data that is probably not what was meant."""

from __future__ import annotations

import re

from kpu_docs.models import Keputusan, Peraturan
from kpu_docs.nomor.pola import BULAN_ROMAWI, NOMOR_KOSONG, pola_nomor

__all__ = ["NOMOR_KOSONG", "periksa", "periksa_nomor"]

_HIERARCHY = [
    r"^undang-undang dasar",
    r"^(undang-undang|peraturan pemerintah pengganti undang-undang)\b",
    r"^peraturan pemerintah\b",
    r"^peraturan presiden\b",
    r"^peraturan (menteri|komisi|badan|lembaga|kepala|bawaslu|dewan|mahkamah|otoritas|bank)",
    r"^peraturan daerah\b",
    r"^peraturan (gubernur|bupati|wali ?kota)\b",
    r"^keputusan\b",
]
_GELAR = re.compile(r"(^|\s)(prof|dr|drs?a?|ir)\.\s|,\s*[A-Z][A-Za-z]*\.", re.I)
"""Academic titles and degrees in a name: "Prof. Dr. ...", "..., S.H., M.H."."""
_LEMBARAN = re.compile(r"^(undang-undang|peraturan pemerintah|peraturan presiden)", re.I)
_BERITA = re.compile(r"^peraturan (menteri|komisi|badan|lembaga|kepala|bawaslu)", re.I)


def _rank(text: str) -> int | None:
    for rank, pattern in enumerate(_HIERARCHY):
        if re.search(pattern, text, re.I):
            return rank
    return None


def _publication(p: Peraturan, where: str) -> list[str]:
    warnings = []
    if p.diundangkan:
        if p.diundangkan.dalam == "lembaran_negara" and _BERITA.search(p.jenis):
            warnings.append(f"{where}: {p.jenis} diundangkan dalam Berita Negara, bukan Lembaran Negara")
        if p.diundangkan.dalam == "berita_negara" and _LEMBARAN.search(p.jenis):
            warnings.append(f"{where}: {p.jenis} diundangkan dalam Lembaran Negara, bukan Berita Negara")
        if p.diundangkan.dalam == "lembaran_negara" and not p.diundangkan.tambahan and _LEMBARAN.search(p.jenis):
            warnings.append(f"{where}: nomor Tambahan Lembaran Negara belum diisi")
    for i, amendment in enumerate(p.perubahan, start=1):
        warnings += _publication(amendment, f"{where}.perubahan[{i}]")
    return warnings


def periksa_nomor(keputusan: Keputusan) -> list[str]:
    """The number against its pattern, the decree's year and the signing date: a number copied
    from last year's decree, or a date moved after the number was taken."""
    warnings: list[str] = []
    nomor, tanggal = keputusan.nomor, keputusan.penutup.tanggal
    if NOMOR_KOSONG in nomor:
        warnings.append(f"nomor: masih {NOMOR_KOSONG}, isi nomor keputusan sebelum ditandatangani "
                        "(kpu-docs nomor ambil)")
    if tanggal.year != keputusan.tahun:
        warnings.append(f"penutup.tanggal: tahun {tanggal.year} berbeda dengan tahun keputusan {keputusan.tahun}")
    pola = pola_nomor(nomor, tanggal, keputusan.pola_nomor)
    if pola is None:
        return warnings
    if pola.urai(nomor) is None:
        return [*warnings, f"nomor: {nomor} tidak mengikuti pola_nomor {pola}"]
    tahun = pola.tahun_dari(nomor)
    if tahun is not None and tahun != keputusan.tahun:
        warnings.append(f"nomor: tahun {tahun} pada nomor berbeda dengan tahun keputusan {keputusan.tahun}")
    bulan = pola.bulan_dari(nomor)
    if bulan is not None and bulan != tanggal.month:
        shown = BULAN_ROMAWI[bulan - 1] if "{bulan_romawi}" in pola.teks else f"{bulan:02d}"
        warnings.append(f"nomor: bulan {shown} pada nomor berbeda dengan bulan penutup.tanggal {tanggal.isoformat()}")
    return warnings


def periksa(keputusan: Keputusan) -> list[str]:
    """Warnings, in Indonesian, each naming the field path; an empty list means nothing to flag."""
    warnings = periksa_nomor(keputusan)
    penandatangan = keputusan.penutup.penandatangan
    if keputusan.pengaturan.nama_penandatangan == "kapital" and _GELAR.search(penandatangan.nama):
        warnings.append(
            "penutup.penandatangan.nama: nama dicetak kapital tanpa gelar menurut Tata Naskah Dinas daerah; "
            "hapus gelarnya, atau pakai pengaturan.nama_penandatangan: seperti_ditulis"
        )
    if penandatangan.status and penandatangan.jabatan.lower().startswith(("plt", "plh")):
        warnings.append(
            f"penutup.penandatangan.jabatan: {penandatangan.status} sudah dicetak dari status; hapus dari jabatan"
        )
    for i, text in enumerate(keputusan.menimbang, start=1):
        if not text.lower().startswith("bahwa"):
            warnings.append(f"menimbang[{i}]: setiap pertimbangan diawali kata \"bahwa\"")
    for field in ("mengingat", "memperhatikan"):
        ranks = []
        for i, item in enumerate(getattr(keputusan, field), start=1):
            if isinstance(item, Peraturan):
                warnings += _publication(item, f"{field}[{i}]")
                ranks.append((i, _rank(item.jenis)))
            else:
                ranks.append((i, _rank(item)))
        known = [(i, r) for i, r in ranks if r is not None]
        for (_, before), (i, after) in zip(known, known[1:]):
            if after < before:
                warnings.append(f"{field}[{i}]: urutan tidak mengikuti hierarki peraturan perundang-undangan")
    return warnings
