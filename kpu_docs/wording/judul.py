"""The title block: KEPUTUSAN <INSTANSI> / NOMOR ... / TENTANG / <SUBJECT>."""

from kpu_docs.models import Keputusan


def judul_instansi(keputusan: Keputusan) -> str:
    """First title line, "KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA MATARAM"."""
    return f"KEPUTUSAN {keputusan.instansi.upper()}"


def nomor_judul(keputusan: Keputusan) -> str:
    """"NOMOR 11 TAHUN 2025" (or "Nomor : 11 Tahun 2025") for a plain number; a full number
    string (with "/") as given after the word."""
    word, year = ("NOMOR", "TAHUN") if keputusan.pengaturan.bentuk_nomor == "NOMOR" else ("Nomor :", "Tahun")
    if "/" in keputusan.nomor:
        return f"{word} {keputusan.nomor}"
    return f"{word} {keputusan.nomor} {year} {keputusan.tahun}"


def judul_baris(keputusan: Keputusan) -> list[str]:
    """All lines of the title block, in order, without closing punctuation."""
    lines = [judul_instansi(keputusan), nomor_judul(keputusan)]
    if keputusan.tentang:
        lines += (["TENTANG"] if keputusan.pengaturan.baris_tentang else []) + [keputusan.tentang.upper()]
    return lines
