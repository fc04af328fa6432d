"""Formulas of the konsiderans and the diktum: the closing Menimbang, Menetapkan, diktum labels."""

from kpu_docs.formatting import huruf, ordinal_diktum
from kpu_docs.models import Keputusan
from kpu_docs.wording.citations import kutipan_daftar
from kpu_docs.wording.emphasis import isolate
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
    subject = f" tentang {isolate(keputusan.tentang)}" if keputusan.tentang else ""
    return (
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam "
        f"{rujukan_huruf(len(keputusan.menimbang))}, perlu menetapkan "
        f"Keputusan {isolate(keputusan.instansi)}{subject}"
    )


def _seperti_ditulis(keputusan: Keputusan) -> bool:
    return keputusan.pengaturan.tanda_baca_konsiderans == "seperti_ditulis"


def menimbang_butir(keputusan: Keputusan) -> list[str]:
    """Every Menimbang point in order, the closing one included, each ending with ";".

    With tanda_baca_konsiderans "seperti_ditulis" the points the data gives print as typed; only
    the generated closing point is punctuated.
    """
    points = list(keputusan.menimbang)
    typed = list(range(len(points))) if _seperti_ditulis(keputusan) else []
    closing = menimbang_penutup(keputusan)
    if closing:
        if typed and keputusan.menimbang_penutup:  # the data's own closing text
            typed.append(len(points))
        points.append(closing)
    return punctuate(points, last=";", as_typed=typed)


def mengingat_butir(keputusan: Keputusan) -> list[str]:
    """The Mengingat list as printed: ";" after each, "." after the last, or as typed (the setting)."""
    return kutipan_daftar(keputusan.mengingat, seperti_ditulis=_seperti_ditulis(keputusan))


def memperhatikan_butir(keputusan: Keputusan) -> list[str]:
    """The Memperhatikan list as printed, punctuated as the Mengingat list."""
    return kutipan_daftar(keputusan.memperhatikan, seperti_ditulis=_seperti_ditulis(keputusan))


def menetapkan(keputusan: Keputusan) -> str:
    """Text after "Menetapkan :": "KEPUTUSAN <INSTANSI> TENTANG <SUBJECT>." unless the data says otherwise."""
    if keputusan.menetapkan is not None:
        return keputusan.menetapkan
    subject = f" TENTANG {isolate(bare(keputusan.tentang).upper())}" if keputusan.tentang else ""
    return f"KEPUTUSAN {isolate(keputusan.instansi.upper())}{subject}."


def label_diktum(n: int, gaya: str = "kesatu") -> str:
    """Label of the n-th diktum: KESATU, KEDUA, ... (or PERTAMA first in the older style)."""
    return ordinal_diktum(n, style=gaya)
