"""Citation sentences for Mengingat and Memperhatikan, after Lampiran II UU 12/2011."""

from kpu_docs.models import DasarHukum, Pengundangan, Peraturan
from kpu_docs.wording.emphasis import isolate
from kpu_docs.wording.punctuation import punctuate

_MEDIA = {
    "lembaran_negara": "Lembaran Negara Republik Indonesia",
    "berita_negara": "Berita Negara Republik Indonesia",
    "lembaran_daerah": "Lembaran Daerah",
    "berita_daerah": "Berita Daerah",
}
_TAMBAHAN = {
    "lembaran_negara": "Tambahan Lembaran Negara Republik Indonesia",
    "lembaran_daerah": "Tambahan Lembaran Daerah",
}


def pengundangan(p: Pengundangan) -> str:
    """"(Lembaran Negara Republik Indonesia Tahun 2014 Nomor 6, Tambahan ... Nomor 5494)".

    Each field's emphasis is its own (emphasis.isolate): the sentence is composed of several."""
    wilayah = f" {isolate(p.wilayah)}" if p.wilayah else ""
    text = f"{_MEDIA[p.dalam]}{wilayah} Tahun {p.tahun} Nomor {isolate(p.nomor)}"
    if p.tambahan:
        text += f", {_TAMBAHAN[p.dalam]}{wilayah} Nomor {isolate(p.tambahan)}"
    return f"({text})"


def _identitas(p: Peraturan) -> str:
    tahun = f" Tahun {p.tahun}" if p.tahun is not None else ""
    text = f"{isolate(p.jenis)} {p.bentuk_nomor} {isolate(p.nomor)}{tahun}"
    if p.tentang is not None:
        text += f" tentang {isolate(p.tentang)}"
    if p.diundangkan:
        text += " " + pengundangan(p.diundangkan)
    return text


def kutipan(p: Peraturan) -> str:
    """The whole citation of one regulation with its amendment clause, without closing punctuation."""
    text = _identitas(p)
    if p.perubahan:
        if p.diubah_beberapa_kali:
            text += " sebagaimana telah beberapa kali diubah terakhir dengan " + kutipan(p.perubahan[-1])
        else:
            text += " sebagaimana telah diubah dengan " + ", dan ".join(kutipan(a) for a in p.perubahan)
    return text


def kutipan_daftar(items: list[DasarHukum], last: str = ".", *, seperti_ditulis: bool = False) -> list[str]:
    """A Mengingat or Memperhatikan list: each item ends with ";" and the last with `last`.

    With `seperti_ditulis` the free-text items print as typed, their own punctuation included;
    structured citations, which hold no punctuation, are still closed by their place in the list.
    """
    typed = [i for i, item in enumerate(items) if seperti_ditulis and not isinstance(item, Peraturan)]
    return punctuate([kutipan(i) if isinstance(i, Peraturan) else i for i in items], last=last, as_typed=typed)
