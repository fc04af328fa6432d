"""A decree file in a given numbering style, written as an office would type it (comments included)."""

from __future__ import annotations

from pathlib import Path

DECREE = """\
# Keputusan contoh untuk pengujian nomor: komentar ini harus tetap ada.
instansi: Komisi Pemilihan Umum Kabupaten Lombok Barat
nomor: "{nomor}"  # nomor dari buku agenda
tahun: {tahun}
{pola}tentang: Pembentukan Tim Kerja Tahun {tahun}
jabatan_penetap: Ketua Komisi Pemilihan Umum Kabupaten Lombok Barat
menimbang:
  - >-
    bahwa berdasarkan Berita Acara Nomor 12/PP.04.1-BA/5201/{tahun} tanggal 1 September {tahun}
    perlu dibentuk tim kerja
  - bahwa kegiatan tim dibiayai DIPA Tahun Anggaran {tahun}
mengingat:
  - Undang-Undang Dasar Negara Republik Indonesia Tahun 1945
  - Peraturan Komisi Pemilihan Umum Nomor 5 Tahun {tahun} tentang Tata Kerja
memperhatikan:
  - Surat Sekretaris Jenderal Nomor 7/SDM.02-SD/04/{tahun} tentang Tim Kerja
diktum:
  - Membentuk Tim Kerja Tahun {tahun}.
  - Keputusan ini mulai berlaku pada tanggal ditetapkan.
penutup:
  tempat: Gerung
  tanggal: {tanggal}
  penandatangan: {{jabatan: Ketua Komisi Pemilihan Umum Kabupaten Lombok Barat, nama: Budi Santoso}}
"""


def decree_file(folder: Path, nomor: str, tanggal: str, pola: str | None = None, name: str = "keputusan.yaml") -> Path:
    """Write the test decree numbered `nomor`, dated `tanggal` (ISO), its year the date's."""
    path = folder / name
    pola_line = f'pola_nomor: "{pola}"\n' if pola else ""
    path.write_text(DECREE.format(nomor=nomor, tahun=tanggal[:4], tanggal=tanggal, pola=pola_line), encoding="utf-8")
    return path
