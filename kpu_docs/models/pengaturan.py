"""Settings that change how a decree is printed, not what it says."""

from typing import Literal

from pydantic import Field

from kpu_docs.models.base import Model


class Pengaturan(Model):
    """Print settings; every one has the default a KPU secretariat expects."""

    gaya_diktum: Literal["kesatu", "pertama"] = "kesatu"
    """Diktum labels: KESATU, KEDUA, ... (current rule) or the older PERTAMA, KEDUA, ..."""
    tanda_tangan: Literal["ruang", "ttd", "dto."] = "ruang"
    """Signature: blank space to sign ("ruang"), or "ttd"/"dto." as printed on a certified copy."""
    kertas: Literal["F4", "A4"] = "F4"
    """Paper: F4/Folio 215 x 330 mm (regional practice) or A4 210 x 297 mm (ANRI)."""
    huruf: str = "Arial"
    """Font family for the whole document, e.g. "Arial" or "Bookman Old Style"."""
    ukuran_huruf: float = Field(default=12, ge=8, le=16)
    """Font size in points."""
    lampiran_terpisah: bool = False
    """Write each Lampiran as its own .docx beside the decree instead of appending it."""
