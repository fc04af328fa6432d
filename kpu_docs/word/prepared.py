"""A Word template read, preprocessed and compiled once per process, then filled per decree.

docxtpl's tag syntax ({%p ... %}, {%tr ... %}, {{p ... }}) is what our templates and every
restyled copy use, so docxtpl's own preprocessing turns document.xml into Jinja source; that
source is compiled once, in Jinja's sandbox, and each decree only runs the compiled template.
Everything that does not depend on the decree is read here once: the style names and ids, the
list definitions behind the list styles, the page geometry, and the members of the zip.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from lxml import etree
from markupsafe import Markup

from kpu_docs import archive
from kpu_docs.bounds import FileRefused
from kpu_docs.errors import KpuDocsError
from kpu_docs.word import fields, sandbox
from kpu_docs.word.wordml import W_NS, escape, ppr_child
from kpu_docs.wording.emphasis import Span, may_have_markup, spans

_W = f"{{{W_NS}}}"
_BODY_OPEN = re.compile(r"<w:body(?:\s[^>]*)?>")
_FINAL_SECT = re.compile(r"<w:sectPr[ >].*?</w:sectPr>\s*(?=</w:body>)", re.DOTALL)
_BREAK_IN_TEXT = {"\n": '</w:t><w:br/><w:t xml:space="preserve">', "\t": '</w:t><w:tab/><w:t xml:space="preserve">'}


class TemplateProblem(KpuDocsError, ValueError):
    """A template cannot be used: a style is missing, a tag is broken, a part is unreadable."""


_SLOT = "\x01"
"""Marks where an emphasis run's properties go until render_source writes them (a control
character: escape refuses it in text, so no value can print one)."""
_RUN_OR_SLOT = re.compile(
    r"<w:r(?=[\s>])[^>]*(?<!/)>(?!\x01)"  # a run of the template's own (not one _finalize opened)
    r"(?:<w:rPr>((?:(?!<w:rPrChange\b|</w:rPr>).)*)(?:<w:rPrChange\b.*?</w:rPrChange>)?</w:rPr>)?"
    r"|\x01([bi]*)\x01",
    re.DOTALL,
)


def _finalize(value: object) -> object:
    """Every value a template prints: escaped, with tab and new line as Word's own tab and break,
    and its inline emphasis (kpu_docs.wording.emphasis) in runs of its own.

    Values the renderer built as WordprocessingML (Markup) pass unchanged.
    """
    if isinstance(value, Markup):
        return value
    text = str(value)
    if may_have_markup(text):
        parts = spans(text)
        if any(not span.plain for span in parts):
            return Markup("".join(map(_emphasised, parts)))
        text = "".join(span.text for span in parts)  # escaped markers resolved
    return Markup(_in_text(text))


def _in_text(text: str) -> str:
    text = escape(text)
    if "\n" in text or "\t" in text:
        for char, xml in _BREAK_IN_TEXT.items():
            text = text.replace(char, xml)
    return text


def _emphasised(span: Span) -> str:
    """A span inside the template's run: plain text stays in it; emphasis closes it, takes a run
    of its own and opens another for what follows. Both runs get the template run's properties
    (render_source fills the slots), so a restyled template's direct formatting holds."""
    if span.plain:
        return _in_text(span.text)
    flags = ("b" if span.bold else "") + ("i" if span.italic else "")
    return (
        f'</w:t></w:r><w:r>{_SLOT}{flags}{_SLOT}<w:t xml:space="preserve">{_in_text(span.text)}</w:t></w:r>'
        f'<w:r>{_SLOT}{_SLOT}<w:t xml:space="preserve">'
    )


def _fill_slots(xml: str) -> str:
    """Each run _finalize opened gets the properties of the template run it was printed in, with
    its emphasis added."""
    own = ""

    def fill(match: re.Match) -> str:
        nonlocal own
        if match.group(2) is None:  # a template run: remember its properties
            own = match.group(1) or ""
            return match.group(0)
        return _run_properties(own, match.group(2))

    return _RUN_OR_SLOT.sub(fill, xml)


@functools.lru_cache(maxsize=64)
def _run_properties(own: str, flags: str) -> str:
    """w:rPr from a template run's properties (their inside) with bold and/or italic set, each
    in its place in the schema order."""
    for flag, before in (("b", "rStyle|rFonts"), ("i", "rStyle|rFonts|b|bCs")):
        if flag in flags:
            own = re.sub(rf"<w:{flag}(?:\s[^>]*)?/>", "", own)  # w:val="0" would turn it off
            leading = re.match(rf"(?:<w:(?:{before})\b[^>]*/>)*", own)  # matches, if only ""
            lead = leading.end() if leading else 0
            own = f"{own[:lead]}<w:{flag}/>{own[lead:]}"
    return f"<w:rPr>{own}</w:rPr>" if own else ""


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """One sandboxed environment per process: a template may read the decree, never run code nor
    exhaust the machine (kpu_docs.word.sandbox)."""
    return sandbox.BoundedSandbox(
        autoescape=True, undefined=jinja2.StrictUndefined, finalize=_finalize, keep_trailing_newline=True
    )


def _jinja_source(xml: str) -> str:
    """docxtpl's preprocessing: tags split across runs joined, {%p %}/{%tr %} lifted out of their
    paragraph or row. A new line before each paragraph makes Jinja's line numbers useful."""
    from docxtpl import DocxTemplate  # only here: once per template per process

    return DocxTemplate.patch_xml(None, xml).replace("<w:p>", "\n<w:p>").replace("<w:p ", "\n<w:p ")


def _compile(source: str, name: str) -> jinja2.Template:
    try:
        return environment().from_string(source)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateProblem(f"{name}: tag templat rusak di sekitar paragraf ke-{exc.lineno}: {exc.message}") from None


def render_source(template: jinja2.Template, context: dict, name: str) -> str:
    """Run a compiled part; the new lines added before paragraphs are taken out again, and the
    runs of inline emphasis get their properties."""
    try:
        xml = sandbox.render(template, context).replace("\n<w:p", "<w:p")
    except KpuDocsError as exc:
        if not isinstance(exc, sandbox.TemplateExhausted):
            raise
        raise TemplateProblem(f"{name}: templat tidak dapat diisi: {exc}") from None
    except jinja2.TemplateError as exc:
        raise TemplateProblem(f"{name}: templat tidak dapat diisi: {exc}") from None
    except RecursionError:
        raise TemplateProblem(f"{name}: templat tidak dapat diisi: makro atau perulangan memanggil dirinya "
                              "terlalu dalam") from None
    except MemoryError:
        raise TemplateProblem(f"{name}: templat tidak dapat diisi: memori tidak cukup") from None
    except (ArithmeticError, LookupError, TypeError, ValueError, AttributeError) as exc:
        said = _PYTHON_ERRORS.get(type(exc).__name__, "perhitungan gagal")
        raise TemplateProblem(f"{name}: templat tidak dapat diisi: {said} ({type(exc).__name__}: {exc})") from None
    return _fill_slots(xml) if _SLOT in xml else xml


_PYTHON_ERRORS = {
    "OverflowError": "bilangan terlalu besar", "ZeroDivisionError": "pembagian dengan nol",
    "IndexError": "unsur yang diminta tidak ada", "KeyError": "kunci yang diminta tidak ada",
    "TypeError": "jenis nilai tidak cocok", "ValueError": "nilai tidak sah", "AttributeError": "atribut tidak ada",
}
"""What a template's Python error means, in the message's language (the error itself follows)."""


@dataclass(eq=False)  # hashed by identity: caches key on the prepared template
class Prepared:
    """One template file, ready to fill: compiled body, final section, styles, lists, members."""

    path: Path
    members: dict[str, bytes]
    head: str
    """document.xml up to and including <w:body>."""
    body: jinja2.Template
    sect_pr: etree._Element
    """The body's final w:sectPr: page size, margins, footer."""
    tail: str
    styles: etree._Element
    style_ids: dict[str, str]
    """Style name -> style id (a restyled template may rename ids, not names)."""
    numbering: etree._Element
    dynamic_parts: dict[str, jinja2.Template] = field(default_factory=dict)
    """Headers and footers with template tags, compiled."""

    @functools.cached_property
    def body_on_new_page(self) -> jinja2.Template:
        """The body again, its first printed paragraph starting a new page: for a Lampiran
        appended to the decree."""
        document = _parse(self.members, "word/document.xml", self.path)
        for p in _body(document, self.path).iter(f"{_W}p"):
            if not "".join(p.itertext()).lstrip().startswith("{%"):  # not a control paragraph
                ppr_child(p, "pageBreakBefore")
                break
        xml = etree.tostring(document, encoding="unicode")
        opened, final = _BODY_OPEN.search(xml), _FINAL_SECT.search(xml)
        if opened is None or final is None:
            raise TemplateProblem(f"{self.path.name}: document.xml tanpa w:body atau pengaturan halaman")
        return _compile(_jinja_source(xml[opened.end(): final.start()]), self.path.name)

    @functools.cached_property
    def relationships(self) -> dict[str, str]:
        """Relationship id -> type (its last segment: "footer", "header", "image", ...) of the document part."""
        rels = _parse(self.members, "word/_rels/document.xml.rels", self.path)
        return {
            rid: (r.get("Type") or "").rsplit("/", 1)[-1] for r in rels if (rid := r.get("Id")) is not None
        }

    def style_id(self, name: str) -> str:
        try:
            return self.style_ids[name]
        except KeyError:
            raise TemplateProblem(f"{self.path.name}: gaya '{name}' tidak ada di templat") from None

    @functools.lru_cache(maxsize=32)  # noqa: B019 (templates live as long as the process anyway)
    def abstract_of_style(self, name: str) -> str:
        """The abstractNumId behind a list style."""
        style_id = self.style_id(name)
        num_ids = self.styles.xpath(
            f'./w:style[@w:styleId="{style_id}"]/w:pPr/w:numPr/w:numId/@w:val', namespaces={"w": W_NS}
        )
        if not num_ids:
            raise TemplateProblem(f"{self.path.name}: gaya '{name}' pada templat tidak bernomor")
        abstract = self.numbering.xpath(
            f'./w:num[@w:numId="{num_ids[0]}"]/w:abstractNumId/@w:val', namespaces={"w": W_NS}
        )
        if not abstract:
            raise TemplateProblem(f"{self.path.name}: daftar bernomor gaya '{name}' tidak ditemukan")
        return abstract[0]


@functools.lru_cache(maxsize=16)
def style_ids_by_name(styles: etree._Element) -> dict[str, str]:
    """Style name -> style id in a styles.xml (a restyled template may rename ids, not names)."""
    ids: dict[str, str] = {}
    for s in styles.iter(f"{_W}style"):
        name = s.find(f"{_W}name")
        name_val = name.get(f"{_W}val") if name is not None else None
        style_id = s.get(f"{_W}styleId")
        if name_val is not None and style_id is not None:  # a style without either cannot be used by name
            ids[name_val] = style_id
    return ids


def _read(path: Path) -> tuple[dict[str, bytes], dict[str, etree._Element]]:
    """The template's members and its XML parts parsed, once its size, its zip directory, every
    XML part (parsed strictly) and its relationships have passed kpu_docs.archive's checks."""
    label = f"templat {path}"
    try:
        members = archive.read_package(path, label)
        trees = {name: archive.parse_xml(data, name, label) for name, data in members.items() if archive.is_xml(name)}
    except FileRefused as exc:
        raise TemplateProblem(str(exc)) from None
    except OSError as exc:
        raise TemplateProblem(f"{label}: tidak dapat dibaca: {exc.strerror or exc}") from None
    external = archive.external_relationships(trees)
    if external:
        raise TemplateProblem(
            f"{label}: ditolak: templat merujuk ke berkas atau alamat di luar dirinya ({'; '.join(external)}); "
            "gambar dan isi lain harus tersimpan di dalam templat (di Word: sisipkan gambarnya, jangan tautkan)"
        )
    active = fields.reaching_out(trees)
    if active:
        raise TemplateProblem(
            f"{label}: ditolak: templat memuat field Word yang mengambil berkas atau alamat di luar dirinya atau "
            f"menjalankan program ({'; '.join(active)}); hapus field itu dari templat (di Word: Alt+F9 menampilkan "
            "kode field)"
        )
    return members, trees


def _body(document: etree._Element, path: Path) -> etree._Element:
    """document.xml's w:body, a child of its root."""
    body = document.find(f"{_W}body")
    if body is None:
        raise TemplateProblem(f"{path.name}: document.xml tanpa w:body atau pengaturan halaman")
    return body


def _parse(members: dict[str, bytes], name: str, path: Path) -> etree._Element:
    if name not in members:
        raise TemplateProblem(f"{path.name}: bagian {name} tidak ada di templat")
    try:
        return archive.parse_xml(members[name], name, f"templat {path}")
    except FileRefused as exc:
        raise TemplateProblem(str(exc)) from None


def _load(path: Path) -> Prepared:
    members, trees = _read(path)
    for name in ("word/document.xml", "word/styles.xml", "word/numbering.xml"):
        if name not in trees:
            raise TemplateProblem(f"{path.name}: bagian {name} tidak ada di templat")
    document = trees["word/document.xml"]
    xml = members["word/document.xml"].decode("utf-8")
    opened = _BODY_OPEN.search(xml)
    final = _FINAL_SECT.search(xml)
    if opened is None or final is None:
        raise TemplateProblem(f"{path.name}: document.xml tanpa w:body atau pengaturan halaman")
    head, tail = xml[: opened.end()], xml[final.end():]
    styles = trees["word/styles.xml"]
    style_ids = style_ids_by_name(styles)
    numbering = trees["word/numbering.xml"]
    dynamic = {}
    for name, data in members.items():
        if re.fullmatch(r"word/(header|footer)\d*\.xml", name) and (b"{{" in data or b"{%" in data):
            dynamic[name] = _compile(_jinja_source(data.decode("utf-8")), f"{path.name}/{name}")
    sect_pr = _body(document, path)[-1]
    return Prepared(
        path=path,
        members=members,
        head=head,
        body=_compile(_jinja_source(xml[opened.end(): final.start()]), path.name),
        sect_pr=sect_pr,
        tail=tail,
        styles=styles,
        style_ids=style_ids,
        numbering=numbering,
        dynamic_parts=dynamic,
    )


@functools.lru_cache(maxsize=16)
def _cached(path: str, mtime_ns: int, size: int, inode: int) -> Prepared:
    return _load(Path(path))


def prepare(path: Path) -> Prepared:
    """The prepared template at `path`, read again only when the file changes."""
    absolute = os.path.abspath(path)
    stat = os.stat(absolute)
    return _cached(absolute, stat.st_mtime_ns, stat.st_size, stat.st_ino)
