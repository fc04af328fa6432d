"""Formulas of the konsiderans and the diktum: the closing Menimbang, Menetapkan, diktum labels."""

from kpu_docs.formatting import huruf, ordinal_diktum
from kpu_docs.models import Keputusan
from kpu_docs.wording.punctuation import bare, punctuate


def rujukan_huruf(count: int) -> str:
    """"huruf a", "huruf a dan huruf b", "huruf a, huruf b, dan huruf c" for the first `count` points."""
    refs = [f"huruf {huruf(i)}" for i in range(1, count + 1)]
    if len(refs) <= 2:
        return " dan ".join(refs)
    return ", ".join(refs[:-1]) + ", dan " + refs[-1]


def menimbang_penutup(keputusan: Keputusan) -> str | None:
    """The closing consideration: the data's own text, or the standard formula from the title."""
    if keputusan.menimbang_penutup is not None:
        return keputusan.menimbang_penutup or None
    subject = f" tentang {keputusan.tentang}" if keputusan.tentang else ""
    return (
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam "
        f"{rujukan_huruf(len(keputusan.menimbang))}, perlu menetapkan "
        f"Keputusan {keputusan.instansi}{subject}"
    )


def menimbang_butir(keputusan: Keputusan) -> list[str]:
    """Every Menimbang point in order, the closing one included, each ending with ";"."""
    points = list(keputusan.menimbang)
    closing = menimbang_penutup(keputusan)
    if closing:
        points.append(closing)
    return punctuate(points, last=";")


def menetapkan(keputusan: Keputusan) -> str:
    """Text after "Menetapkan :": "KEPUTUSAN <INSTANSI> TENTANG <SUBJECT>." unless the data says otherwise."""
    if keputusan.menetapkan is not None:
        return keputusan.menetapkan
    subject = f" TENTANG {bare(keputusan.tentang).upper()}" if keputusan.tentang else ""
    return f"KEPUTUSAN {keputusan.instansi.upper()}{subject}."


def label_diktum(n: int, gaya: str = "kesatu") -> str:
    """Label of the n-th diktum: KESATU, KEDUA, ... (or PERTAMA first in the older style)."""
    return ordinal_diktum(n, style=gaya)
