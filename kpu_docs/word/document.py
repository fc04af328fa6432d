"""Rendering a Keputusan: fill the templates, append each Lampiran on a new page, write atomically.

Rendering is a pure function of the model (and the templates): the same Keputusan always gives
the same document text.
"""

from __future__ import annotations

import io
from pathlib import Path

import jinja2
from docx import Document as open_docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph
from docxcompose.composer import Composer
from docxtpl import DocxTemplate, InlineImage

from kpu_docs.files import write_atomic
from kpu_docs.models import Keputusan
from kpu_docs.word import numbering
from kpu_docs.word.context import keputusan_context, lampiran_context
from kpu_docs.word.lampiran import BodyWriter, text_width_cm
from kpu_docs.word.page import apply_settings
from kpu_docs.word.templates import template_path

LOGO_HEIGHT_CM = 2.5


def _environment() -> jinja2.Environment:
    """Autoescaped (& < > print literally) and strict (an unknown template name is an error)."""
    return jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)


def iter_paragraphs(document: Document):
    """Every paragraph in document order, those inside table cells included."""
    body = document.element.body
    for p in body.iter(qn("w:p")):
        yield Paragraph(p, document._body)


def _fill(template: DocxTemplate, context: dict) -> Document:
    template.render(context, _environment(), autoescape=True)
    # re-open from bytes so the result is a plain python-docx Document with no template state
    buffer = io.BytesIO()
    template.save(buffer)
    buffer.seek(0)
    return open_docx(buffer)


def render_keputusan_part(keputusan: Keputusan, templates: Path | None = None) -> Document:
    """The decree itself, from templates/keputusan.docx, lists restarted."""
    template = DocxTemplate(template_path("keputusan.docx", templates))
    context = keputusan_context(keputusan)
    if keputusan.logo:
        if not keputusan.logo.is_file():
            raise FileNotFoundError(f"logo: berkas tidak ditemukan: {keputusan.logo}")
        context["logo"] = InlineImage(template, str(keputusan.logo), height=Cm(LOGO_HEIGHT_CM))
    document = _fill(template, context)
    numbering.restart_runs(document, list(iter_paragraphs(document)), ("Butir Diktum", "Butir Diktum Angka"))
    _keep_last_diktum_with_penutup(document)
    return document


def _keep_last_diktum_with_penutup(document: Document) -> None:
    """The signature never stands on a page without decree text: the last diktum goes with it.

    Word keeps a table row with the next paragraph when the row's paragraphs keep with next
    (LibreOffice 7.4 does not yet honour this inside tables).
    """
    tables = document.element.body.findall(qn("w:tbl"))
    if not tables:
        return
    last_row = tables[-1].findall(qn("w:tr"))[-1]
    for p in last_row.iter(qn("w:p")):
        Paragraph(p, document._body).paragraph_format.keep_with_next = True


def render_lampiran_part(keputusan: Keputusan, index: int, templates: Path | None = None) -> Document:
    """The index-th (1-based) Lampiran, from templates/lampiran.docx with its body written in."""
    template = DocxTemplate(template_path("lampiran.docx", templates))
    template.init_docx()
    context = lampiran_context(keputusan, index)
    body = template.new_subdoc()
    section = template.get_docx().sections[-1]._sectPr
    writer = BodyWriter(body, keputusan, text_width_cm(section), section)
    writer.write(keputusan.lampiran[index - 1].isi)
    context["isi"] = body
    return _fill(template, context)


def _start_on_new_page(document: Document) -> None:
    first = document.element.body.find(qn("w:p"))
    if first is not None:
        Paragraph(first, document._body).paragraph_format.page_break_before = True


def render_documents(keputusan: Keputusan, templates: Path | None = None) -> list[Document]:
    """The decree, with its Lampiran appended, or (lampiran_terpisah) the decree then each Lampiran."""
    main = render_keputusan_part(keputusan, templates)
    parts = [render_lampiran_part(keputusan, i, templates) for i in range(1, len(keputusan.lampiran) + 1)]
    if keputusan.pengaturan.lampiran_terpisah:
        documents = [main, *parts]
    else:
        composer = Composer(main)
        for part in parts:
            _start_on_new_page(part)
            composer.append(part)
        documents = [composer.doc]
    for document in documents:
        apply_settings(document, keputusan.pengaturan)
    return documents


def render_docx(keputusan: Keputusan, templates: Path | None = None) -> Document:
    """The whole decree as one python-docx Document (Lampiran included)."""
    if keputusan.pengaturan.lampiran_terpisah:
        keputusan = keputusan.model_copy(update={"pengaturan": keputusan.pengaturan.model_copy(update={"lampiran_terpisah": False})})
    return render_documents(keputusan, templates)[0]


def to_bytes(document: Document) -> bytes:
    """The .docx file's bytes."""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render_bytes(keputusan: Keputusan, templates: Path | None = None) -> bytes:
    """The whole decree (Lampiran appended) as .docx bytes."""
    return to_bytes(render_docx(keputusan, templates))


def render_file(keputusan: Keputusan, path: Path, templates: Path | None = None) -> list[Path]:
    """Render to `path` (and, with lampiran_terpisah, `<stem>-lampiran-<n>.docx` beside it).

    Everything is rendered in memory first, so a failure leaves existing files untouched.
    """
    path = Path(path)
    documents = render_documents(keputusan, templates)
    blobs = [to_bytes(d) for d in documents]
    paths = [path] + [path.with_name(f"{path.stem}-lampiran-{i}{path.suffix}") for i in range(1, len(blobs))]
    for target, blob in zip(paths, blobs):
        write_atomic(target, blob)
    return paths
