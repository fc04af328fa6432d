"""The Keputusan: a whole decree, from its title to its Lampiran, as one validated value."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from kpu_docs.models.base import Model, Tahun, Teks, TeksBebas
from kpu_docs.models.dasar_hukum import DasarHukum
from kpu_docs.models.diktum import DiktumIsian
from kpu_docs.models.lampiran import Lampiran
from kpu_docs.models.pengaturan import Pengaturan
from kpu_docs.models.penutup import Penutup, Salinan
from kpu_docs.nomor.pola import Pola


class Kop(Model):
    """Letterhead above the title: emblem and institution lines, as some institutions use."""

    baris: list[Teks] = Field(min_length=1)
    """Institution lines, printed centred in capitals (e.g. "PEMERINTAH KABUPATEN LOMBOK BARAT")."""
    alamat: Teks | None = None
    """Address line under the institution lines."""
    telepon: Teks | None = None
    """Telephone, printed "Telepon (0370) 7505880" on the contact line."""
    faksimile: Teks | None = None
    """Fax number, printed "Faksimile ..." on the contact line."""
    laman: Teks | None = None
    """Website, printed "Laman www.example.go.id" on the contact line."""
    pos_el: Teks | None = None
    """E-mail address, printed "Pos-el humas@example.go.id" on the contact line."""
    letak_logo: Literal["atas", "samping"] = "atas"
    """The logo centred above the letterhead ("atas") or at its left, the lines beside it ("samping")."""


class Keputusan(Model):
    """A decree (Keputusan) with everything needed to print it; rendering is a pure function of it."""

    instansi: Teks
    """Issuer as it stands after "KEPUTUSAN" in the title: "Komisi Pemilihan Umum Kota Mataram",
    "Bupati Lombok Barat", "Rektor Universitas Mataram"."""
    nomor: Teks
    """Decree number as text: "11" prints "NOMOR 11 TAHUN 2025"; a full string with "/" such as
    "314/ORT.07-Kpt/01/KPU/V/2021" prints as given. "[ISI NOMOR]" in the sequence number's place
    ("[ISI NOMOR]/PP.04.1-Kpt/5201/2026") marks a number still to be taken."""
    pola_nomor: Teks | None = None
    """The office's number pattern, when it should not be recognised from the number: the
    sequence number {urut} ({urut:3} zero-padded to 3 digits), the month {bulan} ("05") or
    {bulan_romawi} ("V") of penutup.tanggal, the year {tahun}; anything else is fixed text, e.g.
    "{urut}/PP.04.1-Kpt/5201/{tahun}" or "800/{urut}/BKPSDM/{tahun}". A pattern with {tahun}
    prints the number as given; without it the title reads "NOMOR 11 TAHUN 2025". Used by
    `kpu-docs nomor ambil`, `next-year` and `check`."""
    tahun: Tahun
    """Year of the decree."""
    status: Literal["draf", "final"] = "final"
    """A draft still to be signed ("draf") or the decree as signed ("final"). A draft prints a
    DRAF watermark on every page and none of the certified-copy marks (the SALINAN mark,
    "ttd"/"dto." in place of the signature, the "Salinan sesuai dengan aslinya" block) nor an
    electronic signature (QR code, its line, the footer sentence), whatever salinan,
    pengaturan.tanda_tangan and penutup.tanda_tangan_elektronik say: they print again once the
    status is "final". `kpu-docs next-year` writes "draf"."""
    tentang: Teks | None = None
    """Subject in running-text capitalisation ("Penetapan Rencana Aksi ..."); the title prints it
    in capitals. Omit for a title block without a TENTANG line."""
    pembukaan: Teks | None = None
    """Opening formula such as "DENGAN RAHMAT TUHAN YANG MAHA ESA" (KPU decrees omit it)."""
    jabatan_penetap: Teks
    """Position of the official who enacts, e.g. "Ketua Komisi Pemilihan Umum Kota Mataram"."""
    logo: Path | None = None
    """Image centred above the title (Garuda or the institution's emblem); relative to the data file."""
    kop: Kop | None = None
    """Letterhead lines under the logo."""
    menimbang: list[Teks] = Field(min_length=1)
    """Considerations, each starting with "bahwa". The closing formula is generated unless
    menimbang_penutup is given."""
    menimbang_penutup: TeksBebas | None = None
    """The closing consideration, replacing the generated "bahwa berdasarkan pertimbangan ...";
    an empty string means none."""
    mengingat: list[DasarHukum] = Field(min_length=1)
    """Legal bases, in the hierarchy of legislation."""
    memperhatikan: list[DasarHukum] = Field(default_factory=list)
    """Other bases considered (letters, minutes, decisions); optional."""
    menetapkan: TeksBebas | None = None
    """Text after "Menetapkan :"; generated from the title when omitted, empty to leave it blank."""
    diktum: list[DiktumIsian] = Field(min_length=1)
    """The diktum, labelled KESATU, KEDUA, ... in order."""
    penutup: Penutup
    """Place, date and signatory."""
    salinan: Salinan | None = None
    """Certified-copy mark and block."""
    disampaikan_kepada: list[Teks] = Field(default_factory=list)
    """Recipients listed after the last diktum, before "Ditetapkan di", under "Salinan Keputusan
    ini disampaikan kepada:" (practice of some central agencies); distinct from tembusan."""
    tembusan: list[Teks] = Field(default_factory=list)
    """Copies to: offices, not people; printed after the signature."""
    lampiran: list[Lampiran] = Field(default_factory=list)
    """Attachments, LAMPIRAN or LAMPIRAN I, II, ... when there are several."""
    pengaturan: Pengaturan = Field(default_factory=Pengaturan)
    """Print settings."""

    @field_validator("nomor")
    @classmethod
    def _nomor_printable(cls, value: str) -> str:
        if "\n" in value:
            raise ValueError("nomor harus satu baris")
        return value

    @field_validator("pola_nomor")
    @classmethod
    def _pola_readable(cls, value: str | None) -> str | None:
        if value is not None:
            Pola(value)  # PolaError is a ValueError: its message names the problem
        return value

    @model_validator(mode="after")
    def _lampiran_not_empty(self) -> Keputusan:
        for i, lampiran in enumerate(self.lampiran, start=1):
            if lampiran.isi == [] and lampiran.judul is None:
                raise ValueError(f"lampiran {i} kosong: beri judul atau isi")
        return self

    @model_validator(mode="after")
    def _pisah_judul_in_instansi(self) -> Keputusan:
        """Each forced title break names words of the institution, after its first word."""
        words = self.instansi.upper().split()
        for phrase in self.pengaturan.pisah_judul:
            wanted = phrase.upper().split()
            if not any(words[i:i + len(wanted)] == wanted for i in range(1, len(words))):
                raise ValueError(f"pengaturan.pisah_judul: \"{phrase}\" tidak ada di instansi "
                                 f"(\"{self.instansi}\") sesudah kata pertamanya")
        return self
