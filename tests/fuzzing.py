"""Decrees with arbitrary Unicode in every text field, and what must hold for each of them.

Shared by tests/test_fuzz.py (a few hundred examples in CI) and benchmarks/fuzz.py (ten thousand
and more). A generated decree either is refused with an input error naming a field, or renders
to a .docx that python-docx opens and whose document XML holds every text of the decree, as
printed, in the order of its part.

"As printed" is the documented transformation and nothing else: surrounding whitespace is
stripped on reading, emphasis markers (/{ }/, +{ }+) print as italic and bold, a tab and a new
line print as Word's tab and line break, and the parts printed in capitals (the title, the
positions, the signatory's name by default, the certifying unit) are in capitals; a position
printed with its closing comma loses a comma typed at its end, and a structured citation ends
with the punctuation kpu-docs gives it (";" or "."), not the one its last field was typed with.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from hypothesis import strategies as st
from lxml import etree

from kpu_docs.errors import InputError
from kpu_docs.loading import from_data
from kpu_docs.models import Keputusan
from kpu_docs.wording.emphasis import plain
from kpu_docs.wording.punctuation import bare
from kpu_docs.word.document import render_bytes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

TRICKY = [
    "&", "<", ">", '"', "'", "]]>", "&amp;", "<w:t>", "{{ jabatan_penetap }}", "{% if x %}", "{%p endfor %}",
    "{_{ x }_}", "{_% y %_}", "{#", "#}", "}}", "{{", "/{miring}/", "+{tebal}+", "\\/{", "/{", "}/", "+{",
    "\\", "\t", "\n", "\r", "\x00", "\x0b", "\x1f", "\ufffe", "\u202e", "\u200f", "\u200d", "שלום",
    "مرحبا", "😀", "👩‍👩‍👧", "e\u0301", "\u0308", "ß", "ﬁ", "İ", "\u00a0", "ǅ", "Ω", "ꙮ", "𝔸",
]
"""XML specials, template-tag look-alikes, our emphasis markers, control characters, RTL and
zero-width marks, emoji, combining marks, letters whose capitals differ in length."""

REFUSED = [chr(c) for c in range(0x20) if c not in (0x09, 0x0A)] + ["\ufffe", "\uffff"]
"""What no Word document can hold (kpu_docs.models.base.DAPAT_DICETAK): refused, never dropped."""

_printable = st.characters(exclude_categories=("Cs",), exclude_characters=REFUSED)
text = st.one_of(
    st.text(_printable, min_size=1, max_size=24),
    st.lists(st.one_of(st.sampled_from([t for t in TRICKY if not set(t) & set(REFUSED)]), st.text(_printable, max_size=4)),
             min_size=1, max_size=6).map("".join),
).filter(str.strip)
"""Any text a decree can hold: all of Unicode but the refused characters, and the tricky pieces."""
any_text = st.tuples(
    st.text(max_size=12), st.sampled_from([*REFUSED, "\ud800", "\udfff"]), st.text(max_size=12)
).map("".join)
"""Any text at all around at least one character no Word file can hold (a control character,
U+FFFE/U+FFFF, a lone surrogate): the decree must be refused, naming the field."""


@st.composite
def decree_data(draw) -> dict:
    """File data of a whole decree, every text field drawn from `text`."""
    t = lambda: draw(text)  # noqa: E731
    items = lambda lo, hi: draw(st.lists(text, min_size=lo, max_size=hi))  # noqa: E731
    columns = draw(st.integers(2, 3))
    lampiran_isi = [
        {"judul": t()},
        {"bagian": t()},
        {"paragraf": t()},
        {"daftar": [t(), {"butir": t(), "isi": [{"daftar": items(1, 2)}]}]},
        {"rincian_nilai": [{"label": t(), "nilai": t()}]},
        {"tabel": {"kolom": [t() for _ in range(columns)],
                   "baris": [[t() for _ in range(columns)] for _ in range(draw(st.integers(1, 3)))]}},
    ]
    data = {
        "instansi": t(),
        "nomor": t(),
        "tahun": 2025,
        "tentang": t(),
        "jabatan_penetap": t(),
        "kop": {"baris": items(1, 2), "alamat": t(), "telepon": t(), "pos_el": t()},
        "menimbang": items(1, 3),
        "mengingat": [t(), {"jenis": t(), "nomor": t(), "tahun": 2017, "tentang": t()}],
        "memperhatikan": items(0, 2),
        "diktum": [{"isi": t(), "rincian": items(0, 2), "rincian_nilai": [{"label": t(), "nilai": t()}]}, t()],
        "penutup": {
            "tempat": t(),
            "tanggal": "2025-09-03",
            "penandatangan": {"jabatan": t(), "nama": t(), "nip": t(), "pangkat": t(), "atas_nama": t()},
        },
        "disampaikan_kepada": items(0, 2),
        "tembusan": items(0, 2),
        "salinan": {"unit": t(), "jabatan": t(), "nama": t(), "nip": t()},
        "lampiran": [{"judul": t(), "isi": lampiran_isi}],
        "pengaturan": {"tanda_baca_konsiderans": "seperti_ditulis", "nama_penandatangan": "seperti_ditulis"},
    }
    if draw(st.integers(0, 9)) == 5:  # one decree in ten has a character no Word file can hold (not 0:
        # hypothesis draws the ends of a range more often than the middle)
        where = draw(st.sampled_from(["tembusan", "menimbang", "memperhatikan"]))
        data[where] = [*data[where], draw(any_text)]
    return data


def printed(value: str) -> str:
    """A text as the document holds it: emphasis markers gone."""
    return plain(value)


def expected_texts(k: Keputusan) -> list[tuple[str, list[str]]]:
    """(part, its texts as printed, in order) for every text field of the decree."""
    p, signer, salinan = k.penutup, k.penutup.penandatangan, k.salinan
    isi: list[str] = []
    for block in k.lampiran[0].isi:
        data = block.model_dump()
        if "daftar" in data:
            for item in block.daftar:
                isi.append(item.butir)
                for inner in item.isi:
                    isi += [i.butir for i in inner.daftar]
        elif "tabel" in data:
            isi += list(block.tabel.kolom) + [c if isinstance(c, str) else c.teks for row in block.tabel.baris for c in row]
        elif "rincian_nilai" in data:
            isi += [x for line in block.rincian_nilai for x in (line.label, line.nilai)]
        elif "judul" in data:
            isi.append(block.judul.upper())
        else:
            isi += [v for v in data.values() if isinstance(v, str)]
    diktum = []
    for d in k.diktum:
        diktum += [d.isi, *(x for line in d.rincian_nilai for x in (line.label, line.nilai)), *d.rincian]
    parts = [
        ("kop", [*(line.upper() for line in k.kop.baris), k.kop.alamat, k.kop.telepon, k.kop.pos_el]),
        ("judul", [k.instansi.upper(), k.nomor, k.tentang.upper(), k.jabatan_penetap.upper()]),
        ("menimbang", list(k.menimbang)),
        # a structured citation is closed by kpu-docs, whatever punctuation its end was typed with
        ("mengingat", [k.mengingat[0], k.mengingat[1].jenis, k.mengingat[1].nomor, bare(k.mengingat[1].tentang)]),
        ("memperhatikan", list(k.memperhatikan)),
        ("diktum", diktum),
        ("disampaikan_kepada", list(k.disampaikan_kepada)),
        ("penutup", [p.tempat, signer.atas_nama.upper(), signer.jabatan.upper(), signer.nama, signer.pangkat, signer.nip]),
        ("tembusan", list(k.tembusan)),
        ("salinan", [salinan.unit.upper(), salinan.jabatan.rstrip(","), salinan.nama, salinan.nip]),
        ("lampiran", [k.lampiran[0].judul.upper(), *isi]),
    ]
    return [(name, [printed(t) for t in texts]) for name, texts in parts]


def document_text(docx: bytes) -> str:
    """The document's text as Word reads it: runs in order, w:tab as a tab, w:br as a new line,
    a new line between paragraphs."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    out: list[str] = []
    for element in root.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}p"):
        if element.tag == f"{W}t":
            out.append(element.text or "")
        elif element.tag == f"{W}tab":
            out.append("\t")
        else:
            out.append("\n")
    return "".join(out)


@dataclass
class Hasil:
    """What became of one generated decree."""

    refused: str | None = None
    """The input error, when the decree was refused."""
    lost: list[tuple[str, str]] = field(default_factory=list)
    """(part, text) printed nowhere, or out of order."""
    checked: int = 0
    """Texts looked for in the document."""


def check(data: dict) -> Hasil:
    """Validate, render, open in python-docx, and find every text in order; raise on anything else."""
    from docx import Document

    try:
        keputusan = from_data(data)
    except InputError as exc:
        assert exc.masalah and all(m.lokasi for m in exc.masalah), exc  # every problem names its field
        return Hasil(refused=str(exc))
    docx = render_bytes(keputusan)
    Document(io.BytesIO(docx))  # opens without error
    body = document_text(docx)
    result = Hasil()
    for name, texts in expected_texts(keputusan):
        position = 0
        # the title block breaks its lines where a typist would (wording.judul): a line break
        # there stands between two words of the instansi, as a space does
        haystack = body.replace("\n", " ") if name == "judul" else body
        for t in texts:
            result.checked += 1
            found = haystack.find(t.replace("\n", " ") if name == "judul" else t, position)
            if found < 0:
                result.lost.append((name, t))
            else:
                position = found + len(t)
    return result
