"""The templates are ordinary Word files: restyled by a secretariat, they keep rendering."""

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

import kpu_docs
from kpu_docs.models import Keputusan
from kpu_docs.word.document import render_docx
from kpu_docs.word.templates import template_dir
from tests.conftest import minimal_data

STYLES = ["Judul Keputusan", "Jabatan Penetap", "Label", "Butir Menimbang", "Butir Mengingat", "Isi Diktum",
          "Penutup", "Jabatan Penandatangan", "Nama Penandatangan", "Salinan", "Tembusan", "Kepala Lampiran",
          "Judul Lampiran", "Bagian Lampiran", "Isi Lampiran", "Butir Lampiran", "Kepala Tabel", "Isi Tabel",
          "Tabel Konsiderans", "Tabel Lampiran"]


def test_templates_define_every_named_style():
    for name in ("keputusan.docx", "lampiran.docx"):
        styles = {s.name for s in Document(str(template_dir() / name)).styles}
        assert set(STYLES) <= styles, name


def test_restyled_template_keeps_rendering_with_the_new_style(tmp_path):
    for name in ("keputusan.docx", "lampiran.docx"):
        document = Document(str(template_dir() / name))
        document.styles["Normal"].font.size = Pt(11)
        document.styles["Judul Keputusan"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        document.save(str(tmp_path / name))
    data = minimal_data(lampiran=[{"judul": "Daftar", "isi": [{"daftar": ["satu", "dua"]}]}])
    keputusan = Keputusan.model_validate(data)  # no font setting: the template's own style rules
    rendered = render_docx(keputusan, templates=tmp_path)
    title = next(p for p in rendered.paragraphs if p.text == "KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA MATARAM")
    assert title.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert rendered.styles["Normal"].font.size == Pt(11)
    assert any(p.text == "dua" for p in rendered.paragraphs)
    Document(io.BytesIO(kpu_docs.render_bytes(keputusan, tmp_path)))  # and it saves and reopens
