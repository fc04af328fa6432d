"""Indonesian wording of dates and numbers used by decree text, kept free of Word/YAML concerns."""

from kpu_docs.formatting.dates import (
    format_bulan_tahun,
    format_hari_tanggal,
    format_rentang_bulan,
    format_tanggal,
    nama_bulan,
)
from kpu_docs.formatting.nomor import nomor_daerah, nomor_kpu, urai_nomor_kpu
from kpu_docs.formatting.numbers import (
    angka_dan_terbilang,
    from_roman,
    huruf,
    ordinal_diktum,
    roman,
    terbilang,
)

__all__ = [
    "angka_dan_terbilang",
    "format_bulan_tahun",
    "format_hari_tanggal",
    "format_rentang_bulan",
    "format_tanggal",
    "from_roman",
    "huruf",
    "nama_bulan",
    "nomor_daerah",
    "nomor_kpu",
    "ordinal_diktum",
    "roman",
    "terbilang",
    "urai_nomor_kpu",
]
