"""Legal citations (Mengingat, Memperhatikan): a regulation, where it was published, and its amendments."""

from __future__ import annotations

from typing import Literal, Union

from pydantic import Field, model_validator

from kpu_docs.models.base import Model, Tahun, Teks, YaTidak

Media = Literal["lembaran_negara", "berita_negara", "lembaran_daerah", "berita_daerah"]


class Pengundangan(Model):
    """Where a regulation was promulgated: Lembaran Negara, Berita Negara, or their regional twins."""

    dalam: Media
    """lembaran_negara (UU, Perppu, PP, Perpres), berita_negara (peraturan menteri or lembaga,
    such as PKPU), lembaran_daerah (Perda), berita_daerah (Perkada)."""
    tahun: Tahun
    """Year of the Lembaran or Berita."""
    nomor: Teks
    """Number within that year's Lembaran or Berita."""
    tambahan: Teks | None = None
    """Tambahan Lembaran Negara (or Lembaran Daerah) number; only for a Lembaran."""
    wilayah: Teks | None = None
    """Region of a Lembaran or Berita Daerah, e.g. "Kota Mataram"; required for those two."""

    @model_validator(mode="after")
    def _fits_media(self) -> Pengundangan:
        if self.tambahan and self.dalam.startswith("berita"):
            raise ValueError("tambahan hanya ada pada Lembaran Negara atau Lembaran Daerah")
        if self.dalam.endswith("daerah") and not self.wilayah:
            raise ValueError("wilayah wajib diisi untuk Lembaran atau Berita Daerah")
        return self


class Peraturan(Model):
    """One cited regulation or decision, rendered to the citation sentence of drafting practice."""

    jenis: Teks
    """Kind as written before "Nomor": "Undang-Undang", "Peraturan Pemerintah",
    "Peraturan Komisi Pemilihan Umum", "Keputusan Komisi Pemilihan Umum", ..."""
    nomor: Teks
    """Number as text: "7", or a full string such as "314/ORT.07-Kpt/01/KPU/V/2021"."""
    bentuk_nomor: Literal["Nomor", "Nomor:", "Nomor :"] = "Nomor"
    """The word before the number as the cited text writes it: "Nomor" (Lampiran II UU 12/2011),
    or "Nomor:" / "Nomor :" as many ministerial decisions are cited ("Keputusan Menteri Kesehatan
    Nomor: 123/KMK/2020")."""
    tahun: Tahun | None = None
    """Year; omit for a number string that already carries it (it then prints without "Tahun")."""
    tentang: Teks | None = None
    """Subject, in the regulation's own capitalisation. May be left out where the citation names
    none, as an amendment cited by its number alone ("sebagaimana telah diubah dengan Peraturan
    Pemerintah Nomor 12 Tahun 2020") or a Keputusan Presiden of appointment; it then prints
    without "tentang"."""
    diundangkan: Pengundangan | None = None
    """Publication; omitted for decisions that are not promulgated."""
    perubahan: list[Peraturan] = Field(default_factory=list)
    """Amending regulations, oldest first (or only the latest one)."""
    beberapa_kali: YaTidak | None = None
    """Print "sebagaimana telah beberapa kali diubah terakhir dengan" and cite only the last
    amendment. Default: true when more than one amendment is listed."""

    @model_validator(mode="after")
    def _amendments_consistent(self) -> Peraturan:
        if self.beberapa_kali and not self.perubahan:
            raise ValueError("beberapa_kali hanya berarti bila ada perubahan")
        return self

    @property
    def diubah_beberapa_kali(self) -> bool:
        """Whether the amendment clause reads "beberapa kali diubah terakhir dengan"."""
        if self.beberapa_kali is None:
            return len(self.perubahan) > 1
        return self.beberapa_kali


DasarHukum = Union[Peraturan, Teks]
"""A Mengingat or Memperhatikan item: a structured citation, or free text where none fits
(the Undang-Undang Dasar, a letter, a meeting's minutes). Write free text without the closing
";" or "."; the renderer punctuates the list (unless pengaturan.tanda_baca_konsiderans is
"seperti_ditulis": the text then prints as typed)."""
