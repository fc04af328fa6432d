"""The closing of a decree: place, date and signatory, and the certified-copy (salinan) block."""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from kpu_docs.models.base import Model, Tanggal, Teks, YaTidak


class Penandatangan(Model):
    """Who signs: position and name, optionally on behalf of (a.n., u.b.) a superior or as an
    acting official (Plt., Plh.)."""

    jabatan: Teks
    """Position, e.g. "Ketua Komisi Pemilihan Umum Kota Mataram" (printed in capitals with a comma)."""
    nama: Teks
    """Name: in capitals by default, or as written with its degrees (pengaturan.nama_penandatangan)."""
    nip: Teks | None = None
    """Civil servant number (NIP), printed under the name when given."""
    pangkat: Teks | None = None
    """Rank and grade, e.g. "Pembina Utama Muda (IV/c)", printed under the name, above the NIP."""
    atas_nama: Teks | None = None
    """Position of the official signed for, printed as the "a.n." line above the jabatan."""
    untuk_beliau: Teks | None = None
    """With atas_nama: the position the signer signs for in turn ("u.b."), printed under the a.n.
    line and followed by "u.b.", e.g. a.n. MENTERI / SEKRETARIS JENDERAL / u.b. / KEPALA BIRO HUKUM,."""
    status: Literal["Plt.", "Plh."] | None = None
    """An acting official: "Plt." (pelaksana tugas) or "Plh." (pelaksana harian), printed before
    the jabatan in that casing: "Plh. KEPALA BADAN,"."""
    letak_jabatan: Literal["atas", "bawah"] = "atas"
    """The position above the signature, as regional governments print it ("atas"), or below the
    name, as written, as some universities and agencies do ("bawah")."""

    @model_validator(mode="after")
    def _ub_needs_an(self) -> "Penandatangan":
        if self.untuk_beliau and not self.atas_nama:
            raise ValueError("untuk_beliau (u.b.) hanya bersama atas_nama (a.n.)")
        return self


BSRE = (
    "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik "
    "yang diterbitkan oleh Balai Sertifikasi Elektronik (BSrE), Badan Siber dan Sandi Negara"
)


class TandaTanganElektronik(Model):
    """An electronic signature (BSrE): a QR code where the wet signature would be, a line above the
    position, and a sentence in the footer of every page."""

    qr: Teks
    """What the QR code holds: the address where the signature can be verified (or a text)."""
    keterangan: Teks = "Ditandatangani secara elektronik oleh:"
    """The line printed above the position."""
    catatan_kaki: Teks = BSRE
    """The sentence in the footer of every page."""


class Penutup(Model):
    """Ditetapkan di ... pada tanggal ... and the signature block, in the right half of the page."""

    tempat: Teks
    """Place of enactment, e.g. "Mataram"."""
    tanggal: Tanggal
    """Date of enactment (ISO in files: 2025-09-03), printed "3 September 2025"."""
    penandatangan: Penandatangan
    """The signatory."""
    tanda_tangan_elektronik: TandaTanganElektronik | None = None
    """Signed electronically (BSrE): QR code, its line above the position and the footer sentence."""
    titik_dua: YaTidak = False
    """Print "Ditetapkan di : Mataram" / "pada tanggal : 3 September 2025", the colons aligned."""


class Salinan(Model):
    """A certified copy: the SALINAN mark on page 1 and the "Salinan sesuai dengan aslinya" block."""

    tanda: YaTidak = True
    """Print "SALINAN" at the top left of the first page."""
    unit: Teks
    """Certifying unit, e.g. "Sekretariat Komisi Pemilihan Umum Kota Mataram"."""
    jabatan: Teks
    """Certifier's position."""
    nama: Teks
    """Certifier's name, printed as given."""
    nip: Teks | None = None
    """Certifier's NIP."""
