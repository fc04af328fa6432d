"""The fixed words of a decree, for mending a letter the OCR confused in them.

Tesseract confuses letters of similar shape, more in typewritten and low-resolution scans:
"Lembasa" for Lembaga, "KFUANGAN" for KEUANGAN. A decree's fixed vocabulary (the names of its
parts, the kinds of regulation it cites, the words of its citations and closing, the common words
of institutions' names) is small and known, so a word that is none of them but becomes exactly one
of them by undoing one such confusion is mended, and the mending is listed for a person to confirm.
Names of particular institutions, persons and subjects are not in the list: a misread name is left
as read and shows among the unsure words.
"""

from __future__ import annotations

VOCABULARY = frozenset(w.casefold() for w in """
    keputusan peraturan presiden pemerintah undang undang-undang lembaran tambahan berita negara
    republik indonesia daerah kabupaten kota provinsi komisi pemilihan umum menteri lembaga badan
    dewan kepala ketua wakil sekretaris sekretariat jenderal direktur deputi biro bagian bidang
    menimbang mengingat memperhatikan menetapkan memutuskan kesatu kedua ketiga keempat kelima
    keenam ketujuh kedelapan kesembilan kesepuluh tentang nomor tahun tanggal bahwa sebagaimana
    dimaksud huruf angka diktum perlu berdasarkan pertimbangan dalam rangka lingkungan berlaku
    ditetapkan diundangkan salinan sesuai aslinya tembusan disampaikan kepada keuangan anggaran
    pendapatan belanja pegawai negeri sipil aparatur organisasi tata kerja pembentukan penetapan
    pengangkatan pemberhentian pelaksanaan penyelenggaraan pengelolaan perubahan kedua ketiga atas
    sebagai berikut dengan ketentuan apabila kemudian terdapat kekeliruan diadakan perbaikan
    mestinya segala biaya dibebankan pada keputusan ditandatangani pemeriksa nasional arsip
    kementerian dalam luar informasi teknologi komunikasi pendidikan kesehatan kebudayaan
    pembangunan pengawasan pembinaan administrasi pemerintahan daerah otonomi sekretaris
    """.split())

_CONFUSED = {
    "s": "g", "g": "s", "F": "E", "E": "F", "l": "i", "i": "l", "1": "l", "I": "l", "c": "e", "e": "c",
    "h": "b", "b": "h", "n": "u", "u": "n", "0": "o", "O": "o", "5": "s", "S": "s", "8": "B",
}
"""Letters Tesseract takes for each other, each with the letter it may have been."""


def mended(word: str) -> str | None:
    """The decree word `word` was before one letter was confused, if there is exactly one;
    None when the word is in the vocabulary already, is short, or could be several words."""
    core = word.strip(".,;:()")
    if len(core) < 5 or not core.isalpha() and not core.replace("1", "").replace("0", "").isalpha():
        return None
    if core.casefold() in VOCABULARY:
        return None
    found = set()
    for k, letter in enumerate(core):
        other = _CONFUSED.get(letter)
        if other is None:
            continue
        candidate = core[:k] + (other.upper() if core.isupper() else other) + core[k + 1:]
        if candidate.casefold() in VOCABULARY:
            found.add(candidate)
    if len(found) != 1:
        return None
    return word.replace(core, found.pop())
