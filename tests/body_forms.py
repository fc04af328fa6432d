"""Shared by the body-form tests: a decree using every body form, and, until they land, the
template and renderer changes the diktum's label : value lines and the Mengingat punctuation
setting need outside the files of this work (requested for tools/build_templates.py,
kpu_docs/word/document.py and kpu_docs/word/context.py).

Once those changes are in, `templates()` returns the shipped folder and `pending_changes`
does nothing: the tests then run on the real thing unchanged.
"""

from __future__ import annotations

import copy
from pathlib import Path

from docx import Document
from docx.text.paragraph import Paragraph

from kpu_docs.word import document as document_module
from kpu_docs.word.rincian_nilai import DIKTUM_TAG, diktum_nilai
from kpu_docs.word.templates import template_dir
from kpu_docs.wording.konsiderans import memperhatikan_butir, mengingat_butir
from tests.conftest import minimal_data

def templates(folder: Path) -> Path:
    """The shipped templates if keputusan.docx prints the diktum's label : value lines, else a
    copy in `folder` with the one paragraph requested for build_keputusan: `{{p d.rincian_nilai }}`
    in the Isi Diktum style, right after `{{ d.isi }}` in the diktum's text column."""
    shipped = template_dir()
    if DIKTUM_TAG.encode() in _document_xml(shipped / "keputusan.docx"):
        return shipped
    folder.mkdir(parents=True, exist_ok=True)
    doc = Document(str(shipped / "keputusan.docx"))
    (isi,) = {id(p._p): p for t in doc.tables for row in t.rows for cell in row.cells
              for p in cell.paragraphs if p.text == "{{ d.isi }}"}.values()
    new = copy.deepcopy(isi._p)
    isi._p.addnext(new)
    Paragraph(new, isi._parent).text = DIKTUM_TAG
    doc.save(str(folder / "keputusan.docx"))
    (folder / "lampiran.docx").write_bytes((shipped / "lampiran.docx").read_bytes())
    return folder


def _document_xml(path: Path) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as docx:
        return docx.read("word/document.xml")


def pending_changes(monkeypatch) -> None:
    """The renderer changes requested, applied for the test where they are not in yet: the
    diktum's lines put into the context (document._keputusan_body), and the Mengingat and
    Memperhatikan lists punctuated by the setting (context.keputusan_context)."""
    keputusan_context = document_module.keputusan_context
    keputusan_body = document_module._keputusan_body

    def context(keputusan):
        out = keputusan_context(keputusan)
        out["mengingat"] = mengingat_butir(keputusan)
        out["memperhatikan"] = memperhatikan_butir(keputusan)
        return out

    def body(target, context):
        if any("rincian_nilai" not in d for d in context["diktum"]):
            diktum_nilai(context, target.keputusan, target.style_id, target.template)
        return keputusan_body(target, context)

    monkeypatch.setattr(document_module, "keputusan_context", context)
    monkeypatch.setattr(document_module, "_keputusan_body", body)


NILAI = [{"label": "Peringkat Akreditasi", "nilai": "Baik Sekali"}, {"label": "Nilai", "nilai": 308}]


def body_forms_data(**changes) -> dict:
    """A decree using every body form: label : value lines in a diktum and in the Lampiran,
    Menimbang and Mengingat as typed, an amendment without tentang, a "Nomor:" citation, and a
    table numbered by the renderer."""
    data = minimal_data(
        menimbang=["bahwa perlu dibentuk tim kerja,", "bahwa tim kerja perlu ditetapkan; dan"],
        mengingat=[
            "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;",
            {
                "jenis": "Peraturan Pemerintah", "nomor": "11", "tahun": 2017,
                "tentang": "Manajemen Pegawai Negeri Sipil",
                "diundangkan": {"dalam": "lembaran_negara", "tahun": 2017, "nomor": "63", "tambahan": "6037"},
                "perubahan": [{
                    "jenis": "Peraturan Pemerintah", "nomor": "17", "tahun": 2020,
                    "diundangkan": {"dalam": "lembaran_negara", "tahun": 2020, "nomor": "68", "tambahan": "6477"},
                }],
            },
            {"jenis": "Keputusan Menteri Kesehatan", "bentuk_nomor": "Nomor:", "nomor": "123/KMK/2020",
             "tentang": "Pedoman Pelayanan"},
            "Surat Ketua Komisi Pemilihan Umum Nomor 5 Tahun 2025, dan",
        ],
        diktum=[
            {"isi": "Menetapkan hasil akreditasi Program Studi Ilmu Hukum sebagai berikut:", "rincian_nilai": NILAI},
            "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
        ],
        lampiran=[{"judul": "Susunan Tim Kerja", "isi": [
            "Ketua tim kerja:",
            {"rincian_nilai": [{"label": "Nama", "nilai": "Edy Putrawan"},
                               {"label": "Nomor Induk Kependudukan", "nilai": "5271010101800001"},
                               {"label": "Jabatan", "nilai": "Ketua Komisi Pemilihan Umum Kota Mataram"}]},
            {"tabel": {"kolom": ["NO", "NAMA", "JABATAN"], "nomor_urut": True,
                       "baris": [["Ahmad", "Ketua"], ["Budi", "Sekretaris"], ["Citra", "Anggota"], ["Dewi", "Anggota"]]}},
        ]}],
        pengaturan={"tanda_baca_konsiderans": "seperti_ditulis"},
    )
    data.update(changes)
    return data
