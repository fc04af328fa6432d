"""The closing of a decree: place, date and signatory, and the certified-copy (salinan) block."""

from __future__ import annotations

import datetime

from kpu_docs.models.base import Model, Teks


class Penandatangan(Model):
    """Who signs: position and name, optionally on behalf of (a.n.) a superior."""

    jabatan: Teks
    """Position, e.g. "Ketua Komisi Pemilihan Umum Kota Mataram" (printed in capitals with a comma)."""
    nama: Teks
    """Name without academic title or rank (printed in capitals)."""
    nip: str | None = None
    """Civil servant number (NIP), printed under the name when given."""
    atas_nama: str | None = None
    """Position of the official signed for, printed as the "a.n." line above the jabatan."""


class Penutup(Model):
    """Ditetapkan di ... pada tanggal ... and the signature block, in the right half of the page."""

    tempat: Teks
    """Place of enactment, e.g. "Mataram"."""
    tanggal: datetime.date
    """Date of enactment (ISO in files: 2025-09-03), printed "3 September 2025"."""
    penandatangan: Penandatangan
    """The signatory."""


class Salinan(Model):
    """A certified copy: the SALINAN mark on page 1 and the "Salinan sesuai dengan aslinya" block."""

    tanda: bool = True
    """Print "SALINAN" at the top left of the first page."""
    unit: Teks
    """Certifying unit, e.g. "Sekretariat Komisi Pemilihan Umum Kota Mataram"."""
    jabatan: Teks
    """Certifier's position."""
    nama: Teks
    """Certifier's name, printed as given."""
    nip: str | None = None
    """Certifier's NIP."""
