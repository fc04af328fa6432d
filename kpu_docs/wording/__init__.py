"""The decree's fixed wording, composed from the model: title lines, formulas, citations, labels.

Pure text in, text out: nothing here knows of Word, so the same sentences serve the .docx, the
importer and the tests.
"""

from kpu_docs.wording.citations import kutipan, kutipan_daftar, pengundangan
from kpu_docs.wording.konsiderans import (
    label_diktum,
    menetapkan,
    menimbang_butir,
    menimbang_penutup,
    rujukan_huruf,
)
from kpu_docs.wording.judul import judul_baris, judul_instansi, kontak_kop, nomor_judul
from kpu_docs.wording.penandatangan import BlokTandaTangan, blok_penutup, blok_tanda_tangan, tanda_tangan_elektronik

__all__ = [
    "BlokTandaTangan",
    "blok_penutup",
    "blok_tanda_tangan",
    "judul_baris",
    "judul_instansi",
    "kontak_kop",
    "kutipan",
    "kutipan_daftar",
    "label_diktum",
    "menetapkan",
    "menimbang_butir",
    "menimbang_penutup",
    "nomor_judul",
    "pengundangan",
    "rujukan_huruf",
    "tanda_tangan_elektronik",
]
