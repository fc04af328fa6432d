"""The signature block's lines: delegation (a.n., u.b.), acting officials (Plt., Plh.), position,
rank and NIP, in the casing Tata Naskah Dinas prints them."""

from __future__ import annotations

from dataclasses import dataclass

from kpu_docs.models import Keputusan, Penandatangan, TandaTanganElektronik


@dataclass(frozen=True)
class BlokTandaTangan:
    """Lines above the signature space, the name, and the lines under the name."""

    atas: list[str]
    nama: str
    bawah: list[str]


def blok_tanda_tangan(p: Penandatangan, nama_kapital: bool = True, keterangan: str | None = None) -> BlokTandaTangan:
    """a.n. KETUA ..., / SEKRETARIS JENDERAL / u.b. / Plh. KEPALA BIRO HUKUM, / space / NAME /
    pangkat / NIP ...; with letak_jabatan "bawah" the position follows the name, as written.
    `keterangan` ("Ditandatangani secara elektronik oleh:") comes first."""
    above = [keterangan] if keterangan else []
    if p.atas_nama:
        above.append(f"a.n. {p.atas_nama.upper()},")
    if p.untuk_beliau:
        above += [p.untuk_beliau.upper(), "u.b."]
    status = f"{p.status} " if p.status else ""
    below = []
    if p.letak_jabatan == "atas":
        above.append(f"{status}{p.jabatan.upper()},")
    else:
        below.append(f"{status}{p.jabatan}")
    if p.pangkat:
        below.append(p.pangkat)
    if p.nip:
        below.append(f"NIP {p.nip}")
    return BlokTandaTangan(above, p.nama.upper() if nama_kapital else p.nama, below)


def tanda_tangan_elektronik(keputusan: Keputusan) -> TandaTanganElektronik | None:
    """The electronic signature as printed: none on a draft, which is not signed yet (its QR
    code would point at the signature of another document, last year's)."""
    return keputusan.penutup.tanda_tangan_elektronik if keputusan.status == "final" else None


def blok_penutup(keputusan: Keputusan) -> BlokTandaTangan:
    """The decree's own signature block, as its settings print it: the name in capitals or as
    written, and the electronic signature's line first where it is signed electronically."""
    electronic = tanda_tangan_elektronik(keputusan)
    return blok_tanda_tangan(
        keputusan.penutup.penandatangan,
        nama_kapital=keputusan.pengaturan.nama_penandatangan == "kapital",
        keterangan=electronic.keterangan if electronic else None,
    )
