"""Rendering a Keputusan: fill the templates, write each Lampiran into the same document, zip.

Rendering is a pure function of the model (and the templates): the same Keputusan always gives
the same bytes. Per decree the renderer runs the compiled templates, writes the Lampiran bodies
as WordprocessingML text, adds the list instances, and zips the changed parts with the members
compressed once per process (kpu_docs.word.prepared, kpu_docs.word.package).
"""

from __future__ import annotations

import copy
import dataclasses
import datetime
import functools
import io
from pathlib import Path

from lxml import etree
from markupsafe import Markup

from kpu_docs.files import write_all_atomic
from kpu_docs import wording
from kpu_docs.models import Keputusan
from kpu_docs.word import package, properties, source_data
from kpu_docs.word.context import keputusan_context, lampiran_context
from kpu_docs.word import alignment, images, rows, watermark
from kpu_docs.word.footer import FOOTER_ID, signed_footer
from kpu_docs.word.parts import CONTENT_TYPES, DOCUMENT_RELATIONSHIPS, AddedPart, with_content_types, with_relationships
from kpu_docs.word.lampiran import BodyWriter
from kpu_docs.word.numbering import Lists, restart_runs
from kpu_docs.word.package import Member
from kpu_docs.word.page import Sections, geometry, styles_xml
from kpu_docs.word.prepared import Prepared, TemplateProblem, prepare, render_source, style_ids_by_name
from kpu_docs.word.rincian_nilai import diktum_nilai
from kpu_docs.word.templates import template_path
from kpu_docs.word.wordml import W_NS, child

_W = f"{{{W_NS}}}"
DIKTUM_LISTS = ("Butir Diktum", "Butir Diktum Angka")
"""List styles written by template loops; each run of them is a list of its own."""


@functools.lru_cache(maxsize=16)
def _combined_styles(main: Prepared, appended: Prepared) -> etree._Element:
    """The decree's styles plus any only the Lampiran template has: where both define a style,
    the decree's definition wins, as when Word pastes one document into another."""
    have = {s.get(f"{_W}styleId") for s in main.styles.iter(f"{_W}style")}
    missing = [s for s in appended.styles.iter(f"{_W}style") if s.get(f"{_W}styleId") not in have]
    if not missing:
        return main.styles
    merged = copy.deepcopy(main.styles)
    for style in missing:
        merged.append(copy.deepcopy(style))
    return merged


@functools.lru_cache(maxsize=64)
def _styles_member(template: Prepared, styles: etree._Element, family: str | None, size: float | None) -> Member:
    """styles.xml as written: the template's own bytes unless a Lampiran's styles or a font were added."""
    data = styles_xml(styles, family, size)
    if data is None:
        if styles is template.styles:
            return _static_member(template, "word/styles.xml")
        data = etree.tostring(styles, xml_declaration=True, encoding="UTF-8", standalone=True)
    return Member.of("word/styles.xml", data)


@functools.lru_cache(maxsize=256)
def _static_member(template: Prepared, name: str) -> Member:
    return Member.of(name, template.members[name])


@functools.lru_cache(maxsize=64)
def _listing_member(template: Prepared, name: str, listed: tuple[AddedPart, ...]) -> Member:
    """[Content_Types].xml or document.xml.rels naming the added parts: it depends on their
    names and types only (`listed` holds them without their data), the same for most decrees,
    so it is compressed once."""
    add = with_content_types if name == CONTENT_TYPES else with_relationships
    return Member.of(name, add(template.members[name], list(listed)))


class _Target:
    """One package being written: its template, styles, list instances and page geometry."""

    def __init__(self, template: Prepared, styles: etree._Element, keputusan: Keputusan):
        self.template = template
        self.styles = styles
        self.ids = style_ids_by_name(styles)
        self.lists = Lists(template)
        signed = wording.tanda_tangan_elektronik(keputusan) is not None
        self.draf = keputusan.status == "draf"
        self.sections = Sections(geometry(template, keputusan.pengaturan.kertas, keputusan.pengaturan.nomor_halaman,
                                          FOOTER_ID if signed else None, self.draf))
        self.keputusan = keputusan

    def style_id(self, name: str) -> str:
        try:
            return self.ids[name]
        except KeyError:
            raise TemplateProblem(f"{self.template.path.name}: gaya '{name}' tidak ada di templat") from None

    def lampiran(self, index: int, body_template, context: dict) -> str:
        """The index-th (1-based) Lampiran's body XML, from lampiran.docx with its blocks written in."""
        writer = BodyWriter(self.keputusan, self.style_id, self.lists, self.sections)
        lampiran = self.keputusan.lampiran[index - 1]
        writer.write(lampiran.isi)
        if lampiran.tanda_tangan:
            writer.keep_end_with_next()
        context = {**context, "isi": Markup(writer.xml())}
        return render_source(body_template, context, "lampiran.docx")

    def zip(self, body: str, when: datetime.datetime, added: list[AddedPart], context: dict) -> bytes:
        """The package: document.xml from the template's head, `body` and the final section, the
        `added` parts (pictures, a footer); the file's properties written at `when`. A draft's
        headers carry the DRAF watermark, and pages without a header get one that does."""
        document = f"{self.template.head}{body}{self.sections.end()}{self.template.tail}"
        pengaturan = self.keputusan.pengaturan
        if self.draf and watermark.HEADER_ID in self.sections.page.first:
            added = [*added, watermark.header_part()]
        members = []
        listed = tuple(dataclasses.replace(part, data=b"") for part in added)
        for name in self.template.members:
            if self.draf and watermark.is_header(name):
                header = (render_source(self.template.dynamic_parts[name], context, name).encode("utf-8")
                          if name in self.template.dynamic_parts else self.template.members[name])
                members.append(Member.of(name, watermark.with_watermark(header), package.FAST))
            elif name == "word/document.xml":
                members.append(Member.of(name, document.encode("utf-8"), package.FAST))
            elif name == "word/numbering.xml":
                members.append(self.lists.part())
            elif name == "word/styles.xml":
                members.append(_styles_member(self.template, self.styles, pengaturan.huruf, pengaturan.ukuran_huruf))
            elif name == properties.CORE:
                members.append(Member.of(name, properties.core_xml(self.keputusan, when), package.FAST))
            elif name == properties.APP:
                members.append(Member.of(name, properties.app_xml(self.keputusan), package.FAST))
            elif name in self.template.dynamic_parts:
                part = render_source(self.template.dynamic_parts[name], context, name)
                members.append(Member.of(name, part.encode("utf-8"), package.FAST))
            elif added and name in (CONTENT_TYPES, DOCUMENT_RELATIONSHIPS):
                members.append(_listing_member(self.template, name, listed))
            else:
                members.append(_static_member(self.template, name))
        members += [Member.of(p.name, p.data, package.FAST if p.compress else 0) for p in added]
        return package.zip_bytes(members)


def _keputusan_body(target: _Target, context: dict) -> str:
    """The decree's body from keputusan.docx: lists restarted, the last diktum kept with the penutup."""
    template = target.template
    diktum_nilai(context, target.keputusan, target.style_id, template)  # {{p d.rincian_nilai }}: paragraphs with their tab stops
    body = render_source(template.body, context, "keputusan.docx")
    root = etree.fromstring(f"{template.head}{body}{template.tail}".encode("utf-8"))
    body_element = root.find(f"{_W}body")
    if body_element is None:
        raise TemplateProblem(f"{template.path.name}: document.xml tanpa w:body atau pengaturan halaman")
    names = {target.style_id(name): name for name in DIKTUM_LISTS}
    restart_runs(body_element, target.lists, names)
    for table in body_element.findall(f"{_W}tbl"):  # the konsiderans and diktum: long items may split
        rows.keep_short_rows_whole(table)
    _last_diktum_whole(body_element)
    alignment.left_where_gaps_open(body_element, _justified(target.styles))
    xml = etree.tostring(root, encoding="unicode")
    return xml[xml.index(">", xml.index("<w:body")) + 1: xml.rindex("</w:body>")]


@functools.lru_cache(maxsize=16)
def _justified(styles: etree._Element) -> frozenset[str]:
    return frozenset(alignment.justified_styles(styles))


def _last_diktum_whole(body: etree._Element) -> None:
    """The last diktum's row, which holds the penutup and the signature, never breaks across a
    page: the signature never stands on a page without decree text (Word and LibreOffice both
    honour w:cantSplit; LibreOffice ignores keep-with-next inside tables)."""
    tables = body.findall(f"{_W}tbl")
    if not tables:
        return
    last_row = tables[-1].findall(f"{_W}tr")[-1]
    row_properties = last_row.find(f"{_W}trPr")
    if row_properties is None:
        row_properties = etree.Element(f"{_W}trPr")
        last_row.insert(1 if last_row.find(f"{_W}tblPrEx") is not None else 0, row_properties)
    child(row_properties, "cantSplit")


def _signature_parts(keputusan: Keputusan, *contexts: dict) -> list[AddedPart]:
    """An electronic signature's QR code (printed by the templates as {{ qr }}) and footer."""
    electronic = wording.tanda_tangan_elektronik(keputusan)
    if electronic is None:
        return []
    code = images.qr(electronic.qr)
    for context in contexts:
        context["qr"] = Markup(code.in_run_text())
    return [code.part(), signed_footer(electronic.catatan_kaki, keputusan.pengaturan.nomor_halaman == "bawah")]


def render_packages(keputusan: Keputusan, templates: Path | None = None, *, combined: bool | None = None) -> list[bytes]:
    """The .docx files of a decree: one, or (lampiran_terpisah) the decree then each Lampiran.

    `combined` overrides the setting: True writes the Lampiran into the decree's file.
    """
    if combined is None:
        combined = not keputusan.pengaturan.lampiran_terpisah
    main = prepare(template_path("keputusan.docx", templates))
    appendix = prepare(template_path("lampiran.docx", templates)) if keputusan.lampiran else None
    styles = _combined_styles(main, appendix) if appendix is not None and combined else main.styles
    target = _Target(main, styles, keputusan)
    context = keputusan_context(keputusan)
    added = _signature_parts(keputusan, context)
    if keputusan.logo:
        logo = images.logo(keputusan.logo)
        context["logo"] = Markup(logo.in_run_text())
        added.append(logo.part())
    added += source_data.parts(keputusan, combined, set(main.members))
    body = _keputusan_body(target, context)
    count = len(keputusan.lampiran)
    if combined and appendix is not None:
        for i in range(1, count + 1):
            lampiran = lampiran_context(keputusan, i)
            lampiran["qr"] = context["qr"]
            body += target.lampiran(i, appendix.body_on_new_page, lampiran)
    when = properties.render_time()
    packages = [target.zip(body, when, added, context)]  # `added` holds the kept data: for the decree's file only
    if not combined and appendix is not None:  # appendix is None only when there is no Lampiran
        for i in range(1, count + 1):
            own = _Target(appendix, appendix.styles, keputusan)
            own_context = lampiran_context(keputusan, i)
            own_added = _signature_parts(keputusan, own_context)
            packages.append(own.zip(own.lampiran(i, appendix.body, own_context), when, own_added, own_context))
    return packages


def render_bytes(keputusan: Keputusan, templates: Path | None = None) -> bytes:
    """The whole decree (Lampiran included, whatever lampiran_terpisah says) as .docx bytes."""
    return render_packages(keputusan, templates, combined=True)[0]


def render_docx(keputusan: Keputusan, templates: Path | None = None):
    """The whole decree as one python-docx Document (Lampiran included), for reading it back."""
    from docx import Document

    return Document(io.BytesIO(render_bytes(keputusan, templates)))


def render_documents(keputusan: Keputusan, templates: Path | None = None) -> list:
    """The files render_file writes, as python-docx Documents."""
    from docx import Document

    return [Document(io.BytesIO(data)) for data in render_packages(keputusan, templates)]


def file_names(path: Path, count: int) -> list[Path]:
    """Where render_file writes `count` packages: the decree at `path`, then each Lampiran."""
    return [path] + [path.with_name(f"{path.stem}-lampiran-{i}{path.suffix}") for i in range(1, count)]


def render_file(keputusan: Keputusan, path: Path, templates: Path | None = None) -> list[Path]:
    """Render to `path` (and, with lampiran_terpisah, `<stem>-lampiran-<n>.docx` beside it).

    Everything is rendered in memory first and the files are replaced as a set, so a failure
    leaves existing files untouched: never a decree with the Lampiran of an older one. Lampiran
    files of an earlier render that had more of them (and their PDFs) are removed with the set,
    so that no Lampiran 3 of last year's decree is printed with this year's.
    """
    path = Path(path)
    blobs = render_packages(keputusan, templates)
    paths = file_names(path, len(blobs))
    write_all_atomic(list(zip(paths, blobs)))
    _remove_stale_lampiran(path, len(paths))
    return paths


def _remove_stale_lampiran(path: Path, count: int) -> None:
    """`<stem>-lampiran-<n>` files from `n = count` on, as long as they follow one another."""
    n = count
    while True:
        stale = path.with_name(f"{path.stem}-lampiran-{n}{path.suffix}")
        if not stale.exists():
            return
        stale.unlink()
        stale.with_suffix(".pdf").unlink(missing_ok=True)
        n += 1
