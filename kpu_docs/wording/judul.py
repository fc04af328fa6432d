"""The title block: KEPUTUSAN <INSTANSI> / NOMOR ... / TENTANG / <SUBJECT>, and the letterhead's
contact line above it."""

from kpu_docs.models import Keputusan, Kop
from kpu_docs.nomor.pola import nomor_bertahun
from kpu_docs.wording.emphasis import isolate


def judul_instansi(keputusan: Keputusan) -> str:
    """First title line, "KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA MATARAM"."""
    return f"KEPUTUSAN {keputusan.instansi.upper()}"


def nomor_judul(keputusan: Keputusan) -> str:
    """"NOMOR 11 TAHUN 2025" (or "Nomor : 11 Tahun 2025") for a plain number; a number that
    carries its year (45/PP.04.1-Kpt/5201/2025), or any string with "/", as given after the word.
    A pola_nomor decides by its {tahun}."""
    word, year = ("NOMOR", "TAHUN") if keputusan.pengaturan.bentuk_nomor == "NOMOR" else ("Nomor :", "Tahun")
    if nomor_bertahun(keputusan.nomor, keputusan.pola_nomor):
        return f"{word} {keputusan.nomor}"
    return f"{word} {keputusan.nomor} {year} {keputusan.tahun}"


def judul_baris(keputusan: Keputusan) -> list[str]:
    """All lines of the title block, in order, without closing punctuation."""
    lines = [judul_instansi(keputusan), nomor_judul(keputusan)]
    if keputusan.tentang:
        lines += (["TENTANG"] if keputusan.pengaturan.baris_tentang else []) + [keputusan.tentang.upper()]
    return lines


def kontak_kop(kop: Kop) -> str | None:
    """"Telepon ..., Faksimile ..., Laman ..., Pos-el ...": the letterhead's contact line, or None.
    Each value's emphasis markers pair within it (the line is composed of several fields)."""
    parts = [f"{label} {isolate(value)}" for label, value in (
        ("Telepon", kop.telepon), ("Faksimile", kop.faksimile), ("Laman", kop.laman), ("Pos-el", kop.pos_el)) if value]
    return ", ".join(parts) or None
