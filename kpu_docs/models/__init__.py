"""The decree as data: pydantic models named in the decree's own terms, knowing nothing of Word."""

from kpu_docs.models.dasar_hukum import DasarHukum, Pengundangan, Peraturan
from kpu_docs.models.diktum import BarisNilai, Diktum
from kpu_docs.models.keputusan import Keputusan, Kop
from kpu_docs.models.lampiran import (
    Bagian,
    Blok,
    Butir,
    Daftar,
    DaftarMengingat,
    Kelompok,
    Lampiran,
    Paragraf,
    RincianNilai,
    Sel,
    Tabel,
    TabelBlok,
    TabelKelompok,
    TabelKelompokBlok,
    Judul,
)
from kpu_docs.models.pengaturan import Pengaturan
from kpu_docs.models.penutup import Penandatangan, Penutup, Salinan, TandaTanganElektronik

__all__ = [
    "Bagian",
    "BarisNilai",
    "Blok",
    "Butir",
    "Daftar",
    "DaftarMengingat",
    "DasarHukum",
    "Diktum",
    "Judul",
    "Kelompok",
    "Keputusan",
    "Kop",
    "Lampiran",
    "Paragraf",
    "Penandatangan",
    "Pengaturan",
    "Pengundangan",
    "Penutup",
    "Peraturan",
    "RincianNilai",
    "Salinan",
    "Sel",
    "Tabel",
    "TabelBlok",
    "TabelKelompok",
    "TabelKelompokBlok",
    "TandaTanganElektronik",
]
