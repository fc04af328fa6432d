"""Settings that change how a decree is printed, not what it says."""

from typing import Literal

from pydantic import Field

from kpu_docs.models.base import Model, Teks, UkuranHuruf, YaTidak


class Pengaturan(Model):
    """Print settings; every one has the default a KPU secretariat expects."""

    gaya_diktum: Literal["kesatu", "pertama"] = "kesatu"
    """Diktum labels: KESATU, KEDUA, ... (current rule) or the older PERTAMA, KEDUA, ..."""
    tanda_tangan: Literal["ruang", "ttd", "dto."] = "ruang"
    """Signature: blank space to sign ("ruang"), or "ttd"/"dto." as printed on a certified copy."""
    kertas: Literal["F4", "A4", "Legal"] | None = None
    """Paper: F4/Folio 215 x 330 mm, 8.5 x 13 in (regional practice), A4 210 x 297 mm (ANRI), or
    Legal 216 x 356 mm, 8.5 x 14 in.
    Default: the template's paper (the shipped templates are F4)."""
    huruf: Teks | None = None
    """Font family for the whole document, e.g. "Arial" or "Bookman Old Style".
    Default: the template's Normal style (the shipped templates use Arial)."""
    ukuran_huruf: UkuranHuruf | None = None
    """Font size in points. Default: the template's Normal style (12 in the shipped templates)."""
    nomor_halaman: Literal["atas", "bawah"] | None = None
    """Page numbers: "atas", none on page 1 and from page 2 centred at the top as "- 2 -" (Tata
    Naskah Dinas), or "bawah", every page numbered at the bottom centre. Default: as the template
    has them (the shipped templates: "atas")."""
    nama_penandatangan: Literal["kapital", "seperti_ditulis"] = "kapital"
    """The signatory's name: in capitals ("EDY PUTRAWAN"), as regional governments and KPU print
    it, or as written, degrees in their own case ("Prof. Dra. Sri Hartati, M.Sc., Ph.D."), as
    universities and ministries do."""
    baris_tentang: YaTidak = True
    """Print the word TENTANG on its own line above the subject; false prints the subject straight
    under the NOMOR line, as some offices do."""
    bentuk_nomor: Literal["NOMOR", "Nomor :"] = "NOMOR"
    """The number line: "NOMOR 11 TAHUN 2025" or "Nomor : 11 Tahun 2025" (a full number string
    such as 188.45/12/2025 prints as given either way)."""
    koma_jabatan_penetap: YaTidak = True
    """End the enacting official's line with a comma ("KETUA ... KOTA MATARAM,")."""
    memutuskan: Literal["MEMUTUSKAN:", "MEMUTUSKAN :", "MEMUTUSKAN", "M E M U T U S K A N :", "M E M U T U S K A N"] = (
        "MEMUTUSKAN:"
    )
    """The line between the konsiderans and the diktum, as the office prints it."""
    lampiran_terpisah: YaTidak = False
    """Write each Lampiran as its own .docx beside the decree instead of appending it."""
    tanda_baca_konsiderans: Literal["seragam", "seperti_ditulis"] = "seragam"
    """Closing punctuation of the Menimbang, Mengingat and Memperhatikan items: "seragam" closes
    every item with ";" and the last Mengingat (and Memperhatikan) item with ".", whatever the
    text ended with; "seperti_ditulis" prints each item's text as typed, its own punctuation
    included ("...; dan", ","), and punctuates only what kpu-docs writes itself: the generated
    closing Menimbang point and structured citations (";", or "." for the last)."""
    pisah_judul: list[Teks] = Field(default_factory=list)
    """Where the title line "KEPUTUSAN <instansi>" breaks: the words of the institution's name
    that begin a new line, e.g. [Kabupaten Bandung Barat] prints "KEPUTUSAN KOMISI PEMILIHAN UMUM"
    and "KABUPATEN BANDUNG BARAT" on two lines. Default: a title too long for one line is broken
    as a typist breaks it (before the region, else before the unit, never leaving one word)."""
    paraf_koordinasi: list[Teks] = Field(default_factory=list)
    """Positions (jabatan) of the officials who check a draft before it goes to the signatory,
    in the order they initial it, e.g. [Kepala Bagian Hukum, Sekretaris]. On a draft (status:
    draf) a PARAF KOORDINASI table (No / Jabatan / Paraf, one row per position) is printed at
    the bottom left of the decree's last page, under the signature block, for the internal copy;
    a final decree and its certified copies (salinan) never print it. Empty: no table."""
    abaikan_periksa: list[Teks] = Field(default_factory=list)
    """Warnings of `kpu-docs check` not to give for this decree, by rule id, e.g. [judul-seragam,
    tanggal-libur]: `check` prints each warning's id in brackets, and the README lists every rule
    with its source. Prints nothing. An id that no rule has is a warning (abaikan-tidak-dikenal),
    not an error, so that a file written for a newer kpu-docs still loads."""
