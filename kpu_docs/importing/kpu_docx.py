"""Our own .docx back into data, read by the style of every paragraph.

The renderer gives each part of a decree its own named style ("Judul Keputusan", "Butir
Menimbang", "Isi Lampiran", ...), so its output can be read without guessing: every printed
line maps to one field. What the renderer generates (the closing Menimbang formula, the
Menetapkan line, a Dasar Hukum list repeating the Mengingat) is left out of the data when it
equals what would be generated, so that rendering the imported data prints the same document.

Two steps with typed records between them: finding (_Reader: every paragraph placed by its style
into the decree's parts, a Lampiran's body as _Heading, _Paragraph, _Item and _Table entries, each
diktum a _Diktum, each signature a _Part) and assembling (`read`: the title block a _Title, then
the data in the order of the model).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from docx import Document as open_docx
from docx.document import Document
from docx.oxml.ns import nsmap, qn
from docx.text.paragraph import Paragraph
from lxml import etree
from pydantic import ValidationError

from kpu_docs import plaintext
from kpu_docs.importing import body as bodies
from kpu_docs.importing.casing import Casing
from kpu_docs.importing.citations import parse_citation
from kpu_docs.importing.dates import parse_tanggal
from kpu_docs.importing.konsiderans import DIKTUM_LABELS, casing_from_closing, menetapkan_field, split_menimbang
from kpu_docs.importing.tables import word_table
from kpu_docs.plaintext import Line, TableBlock
from kpu_docs.models.lampiran import HIERARKI_PENOMORAN as HIERARCHY
from kpu_docs.word.lampiran import STEP_CM
from kpu_docs.word.page import PAPER_MM
from kpu_docs.word.templates import template_path
from kpu_docs.wording.punctuation import bare

OWN_STYLES = frozenset({"Judul Keputusan", "Jabatan Penetap", "Butir Menimbang", "Kepala Lampiran"})
"""Styles only kpu-docs templates define: a document using them was made by kpu-docs."""

KONSIDERANS = {"Menimbang": "menimbang", "Mengingat": "mengingat", "Memperhatikan": "memperhatikan", "Menetapkan": "menetapkan"}
_LAMPIRAN_LABEL = re.compile(r"^LAMPIRAN(?: ([IVXLCDM]+))?$")
_CONTACT_FIELDS = {"Telepon": "telepon", "Faksimile": "faksimile", "Laman": "laman", "Pos-el": "pos_el"}
_CONTACT = re.compile(r"(Telepon|Faksimile|Laman|Pos-el) (.+?)(?=, (?:Telepon|Faksimile|Laman|Pos-el) |$)")


def _contacts(text: str) -> dict[str, str]:
    """The letterhead's contact line ("Telepon ..., Faksimile ..., Laman ..., Pos-el ...") as fields."""
    if not text.startswith(tuple(_CONTACT_FIELDS)):
        return {}
    return {_CONTACT_FIELDS[m.group(1)]: m.group(2) for m in _CONTACT.finditer(text)}


_PENUTUP_PLACE = re.compile(r"^Ditetapkan di(?:\s*:\s*|\s+)(.+)$")
_PENUTUP_DATE = re.compile(r"^pada tanggal(?:\s*:\s*|\s+)(.+)$")
""""Ditetapkan di Mataram" and the colon form "Ditetapkan di : Mataram" (a tab before the colon)."""
_NOMOR = re.compile(r"^NOMOR (?P<nomor>.+?)(?: TAHUN (?P<tahun>\d{4}))?$")
_STYLE_IDS = etree.XPath(".//w:pPr/w:pStyle/@w:val", namespaces=nsmap, smart_strings=False)
_LANDSCAPE = etree.XPath("./w:pPr/w:sectPr/w:pgSz[@w:orient='landscape']", namespaces=nsmap)
_PICTURE = etree.XPath(".//w:drawing | .//w:pict", namespaces=nsmap)
"""XPaths asked of many paragraphs, compiled once (element.xpath(...) compiles on every call)."""


def is_own(document: Document) -> bool:
    """Whether the document was written by kpu-docs (it uses the templates' own styles)."""
    ids = {style.style_id for style in document.styles if style.name in OWN_STYLES}
    return any(v in ids for v in _STYLE_IDS(document.element.body))


_TAB_STOPS = etree.XPath("./w:pPr/w:tabs/w:tab/@w:pos", namespaces=nsmap, smart_strings=False)
_INDENT = etree.XPath("./w:pPr/w:ind", namespaces=nsmap)


def _nilai(element, text: str) -> tuple[dict, tuple[str, ...]] | None:
    """A "label : value" line as the renderer prints one (kpu_docs.word.rincian_nilai: two tab
    stops of its own, "label<tab>:<tab>value"): the line as data, and its tab stops (the lines
    of one block share them)."""
    stops = _TAB_STOPS(element)
    if len(stops) != 2 or "\t:\t" not in text:
        return None
    label, value = text.split("\t:\t", 1)
    return {"label": label, "nilai": value}, tuple(stops)


def _hanging_steps(element) -> int:
    """The depth of a paragraph with a hanging indent: where its first line starts, in steps."""
    ind = _INDENT(element)
    if not ind:
        return 0
    left, hanging = (int(ind[0].get(qn(f"w:{a}")) or 0) for a in ("left", "hanging"))
    return round((left - hanging) / (STEP_CM * 360000 / 635))


def _indent_steps(element, document) -> int:
    indent = Paragraph(element, document._body).paragraph_format.left_indent
    return round(indent.cm / STEP_CM) if indent is not None else 0


def _landscape(element) -> bool:
    return bool(_LANDSCAPE(element))


def _has_picture(element) -> bool:
    return bool(_PICTURE(element))


@dataclass
class _Part:
    """Signature and certification lines of the decree or of one Lampiran."""

    atas_nama: str | None = None
    jabatan: str | None = None
    tanda: str | None = None
    nama: str | None = None
    nip: str | None = None
    salinan: list[str] = field(default_factory=list)
    salinan_nama: list[str] = field(default_factory=list)
    signed: bool = False


@dataclass
class _Diktum:
    """One diktum as its paragraphs give it: the text after its label, and its rincian."""

    isi: str | None = None
    rincian: list[str] = field(default_factory=list)
    penomoran: str | None = None
    rincian_nilai: list[dict] = field(default_factory=list)

    def data(self) -> dict | str:
        if not self.rincian and not self.rincian_nilai:
            return self.isi or ""
        out: dict = {"isi": self.isi or "", "rincian": self.rincian}
        if self.penomoran:
            out["penomoran"] = self.penomoran
        if self.rincian_nilai:
            out["rincian_nilai"] = self.rincian_nilai
        return out


@dataclass
class _Heading:
    """A Lampiran's second title ("judul") or a section heading ("bagian")."""

    kind: str
    text: str


@dataclass
class _Paragraph:
    """A Lampiran paragraph at its depth (indent in steps of STEP_CM)."""

    depth: int
    text: str


@dataclass
class _Item:
    """A Lampiran list item: its depth, its numbering level, its list (the sequence its label
    counts in, plaintext.Line.list_id) and its text."""

    depth: int
    level: int
    key: object
    text: str


@dataclass
class _Table:
    """A Lampiran table block ({tabel: ...} or {tabel_kelompok: ...})."""

    block: dict


@dataclass
class _Nilai:
    """A Lampiran "label : value" line at its depth, with the tab stops its block shares."""

    depth: int
    line: dict
    stops: tuple[str, ...]


_Entry = _Heading | _Paragraph | _Item | _Table | _Nilai


@dataclass
class _Lampiran:
    """One Lampiran as read: heading lines, title, body entries and signature."""

    label: str
    heading: list[str] = field(default_factory=list)
    judul: str | None = None
    entries: list[_Entry] = field(default_factory=list)
    part: _Part = field(default_factory=_Part)


class _Reader:
    """Sorts every printed line into its part by style; what fits nowhere is reported."""

    def __init__(self, document: Document):
        self.document = document
        self.unplaced: list[str] = []
        self.tanda_salinan = False
        self.kop: list[str] = []
        self.alamat_kop: str | None = None
        self.kontak_kop: dict[str, str] = {}
        self.judul: list[str] = []
        self.pembukaan: str | None = None
        self.jabatan_penetap: str | None = None
        self.konsiderans: dict[str, list[str]] = {"menimbang": [], "mengingat": [], "memperhatikan": []}
        self.menetapkan: str | None = None
        self.diktum: list[_Diktum] = []
        self.diktum_labels: list[str] = []
        self.tempat: str | None = None
        self.tanggal: str | None = None
        self.part = _Part()
        self.decree = self.part
        self.tembusan: list[str] = []
        self.disampaikan_kepada: list[str] = []
        self.lampiran: list[_Lampiran] = []
        self.texts: list[str] = []
        self.current: str | None = None

    def report(self, where: str, text: str) -> None:
        self.unplaced.append(f"{where}: {text}")

    def read(self) -> None:
        """Every block of the document with its element (for indents, list ids, sections)."""
        for block in plaintext.blocks(self.document):
            element = block.element
            if isinstance(block, TableBlock):
                self.texts += [c for row in block.rows for c in row if c]
                self.table(block, element)
            else:
                if block.text:
                    self.texts.append(block.text)
                    block.text = plaintext.paragraph_marked(element)  # emphasis as the fields write it
                self.line(block, element)

    def table(self, block: TableBlock, element) -> None:
        if not self.lampiran:
            for row in block.rows:
                self.report("tabel di luar lampiran", " | ".join(c or "" for c in row))
            return
        self.lampiran[-1].entries.append(_Table(word_table(element)))

    def line(self, line: Line, element) -> None:
        """One paragraph, placed by its style (and, in the konsiderans, by the label row above it)."""
        style, text = line.style, line.text
        lampiran = self.lampiran[-1] if self.lampiran else None
        if style == "Tanda Salinan":
            self.tanda_salinan = True
        elif style == "Logo":
            if _has_picture(element):
                self.report("logo", "gambar lambang tidak diimpor; isi kunci logo dengan berkas gambarnya")
        elif style == "Kop":
            self.kop.append(text)
        elif style == "Alamat Kop":
            contacts = _contacts(text)
            if contacts:
                self.kontak_kop.update(contacts)
            else:
                self.alamat_kop = text
        elif style == "Judul Keputusan":
            self.judul.append(text)
        elif style == "Pembukaan":
            self.pembukaan = text
        elif style == "Jabatan Penetap":
            self.jabatan_penetap = text.removesuffix(",")
        elif style == "Label":
            self.label(text)
        elif style == "Memutuskan" and text.replace(" ", "").rstrip(":") == "MEMUTUSKAN":
            self.current = None
        elif style in ("Butir Menimbang", "Butir Mengingat", "Butir Memperhatikan", "Isi Konsiderans"):
            if self.current in self.konsiderans:
                self.konsiderans[self.current].append(text)
            elif text:
                self.report(f"konsiderans ({style})", text)
        elif style == "Isi Diktum":
            if self.current == "menetapkan" and self.menetapkan is None:
                self.menetapkan = text
            elif self.current == "diktum" and self.diktum[-1].isi is None:
                self.diktum[-1].isi = text
            elif self.current == "diktum" and (nilai := _nilai(element, text)) is not None:
                self.diktum[-1].rincian_nilai.append(nilai[0])
            elif text:
                self.report("diktum", text)
        elif style in ("Butir Diktum", "Butir Diktum Angka") and self.current == "diktum":
            self.diktum[-1].rincian.append(text)
            if style == "Butir Diktum Angka":
                self.diktum[-1].penomoran = "1."
        elif style == "Penutup":
            self.penutup(text)
        elif style == "Jabatan Penandatangan":
            if text.startswith("a.n. "):
                self.part.atas_nama = text[5:].removesuffix(",")
            else:
                self.part.jabatan = text.removesuffix(",")
            self.part.signed = True
        elif style == "Ruang Tanda Tangan":
            if text:
                self.part.tanda = text
        elif style == "Nama Penandatangan":
            self.part.nama = text
            self.current = "nama"
        elif style == "Salinan":
            if text:
                self.part.salinan.append(text)
        elif style == "Nama Pengesah Salinan":
            self.part.salinan_nama.append(text)
        elif style == "Tembusan":
            if text:
                self.current = "tembusan"
        elif style == "Butir Tembusan" or (style == "Normal" and text and self.current == "tembusan"):
            self.tembusan.append(text)
        elif style == "Salinan Kepada":
            pass  # the fixed heading of the distribution list
        elif style == "Butir Salinan Kepada":
            self.disampaikan_kepada.append(text)
        elif style == "Kepala Lampiran":
            if _LAMPIRAN_LABEL.match(text):
                self.lampiran.append(_Lampiran(text))
                self.part = self.lampiran[-1].part
                self.current = "kepala"
            elif lampiran is not None and self.current == "kepala":
                lampiran.heading.append(text)
            else:
                self.report("kepala lampiran", text)
        elif lampiran is not None and style in ("Judul Lampiran", "Bagian Lampiran", "Isi Lampiran", "Butir Lampiran"):
            self.body_line(lampiran, line, element)
        elif text:
            self.report(f"paragraf bergaya \"{style}\"", text)

    def label(self, text: str) -> None:
        if text in KONSIDERANS:
            self.current = KONSIDERANS[text]
        elif text in DIKTUM_LABELS:
            self.current = "diktum"
            self.diktum.append(_Diktum())
            self.diktum_labels.append(text)
        elif text and text != ":":
            self.report("label", text)

    def penutup(self, text: str) -> None:
        if not text:
            return
        place, date = _PENUTUP_PLACE.match(text), _PENUTUP_DATE.match(text)
        if place:
            self.tempat = place.group(1)
        elif date:
            self.tanggal = date.group(1)
        elif text.startswith("NIP ") and self.current == "nama":
            self.part.nip = text.removeprefix("NIP ")
        else:
            self.report("penutup", text)

    def body_line(self, lampiran: _Lampiran, line: Line, element) -> None:
        """A Lampiran body paragraph as an entry with its depth (indent in steps of STEP_CM)."""
        style, text = line.style, line.text
        self.current = "isi"
        if style == "Judul Lampiran":
            if lampiran.judul is None and not lampiran.entries:
                lampiran.judul = text
            else:
                lampiran.entries.append(_Heading("judul", text))
        elif style == "Bagian Lampiran":
            lampiran.entries.append(_Heading("bagian", text))
        elif style == "Isi Lampiran":
            if _landscape(element) and lampiran.entries and isinstance(lampiran.entries[-1], _Table):
                next(iter(lampiran.entries[-1].block.values()))["lanskap"] = True
            if (nilai := _nilai(element, text)) is not None:
                lampiran.entries.append(_Nilai(_hanging_steps(element), *nilai))
            elif text:
                lampiran.entries.append(_Paragraph(_indent_steps(element, self.document), text))
        elif style == "Butir Lampiran":
            lampiran.entries.append(_Item(_indent_steps(element, self.document) - 1, line.level, line.list_id, text))


_STOPS = "\0stops"
"""Working key of a rincian_nilai block: its lines' tab stops (removed when the tree is done)."""


def _without_stops(blocks: list) -> list:
    for block in blocks:
        if isinstance(block, dict):
            block.pop(_STOPS, None)
            for item in block.get("daftar", []):
                if isinstance(item, dict):
                    _without_stops(item.get("isi", []))
    return blocks


def _tree(entries: list[_Entry], unplaced: list[str], where: str) -> list[dict]:
    """Working blocks from depth-tagged entries: items open containers that deeper blocks go into."""
    root: list[dict] = []
    stack: list[tuple[int, list[dict]]] = [(0, root)]
    pending: list[dict] = []

    def root_depth(value: int) -> None:
        stack[:] = [(value, root)]

    def container(depth: int) -> list[dict] | None:
        for d, blocks in reversed(stack):
            if d == depth:
                return blocks
            if d < depth:
                return None
        return None

    def flush(target: list[dict]) -> None:
        target.extend(pending)
        pending.clear()

    for entry in entries:
        if isinstance(entry, _Table):
            pending.append(entry.block)
            continue
        if isinstance(entry, _Heading):
            flush(root)
            root.append({entry.kind: entry.text})
            root_depth(0 if entry.kind == "judul" else 1)
            continue
        if isinstance(entry, (_Paragraph, _Nilai)):
            depth = entry.depth
            target = container(depth)
            if target is None:
                unplaced.append(f"{where}, paragraf bertingkat {depth}: {entry.line if isinstance(entry, _Nilai) else entry.text}")
                target = stack[-1][1]
            flush(target)
            while len(stack) > 1 and stack[-1][0] > depth:
                stack.pop()
            if isinstance(entry, _Paragraph):
                target.append({"paragraf": entry.text})
            elif target and target[-1].get(_STOPS) == entry.stops:  # the next line of the same block
                target[-1]["rincian_nilai"].append(entry.line)
            else:
                target.append({"rincian_nilai": [entry.line], _STOPS: entry.stops})
            continue
        depth, level, key, text = entry.depth, entry.level, entry.key, entry.text
        target = container(depth)
        if target is None:
            unplaced.append(f"{where}, butir bertingkat {depth}: {text}")
            target = stack[-1][1]
            depth = stack[-1][0]
        continuing = bool(target) and "daftar" in target[-1] and target[-1][bodies.KEY] == key and key is not None
        if pending:
            inner = container(depth + 1) if continuing else None
            flush(inner if inner is not None else target)
        while len(stack) > 1 and stack[-1][0] > depth:
            stack.pop()
        if not continuing:
            target.append(bodies.new_list(HIERARCHY[min(level, len(HIERARCHY) - 1)], key))
        item = bodies.new_item(text)
        target[-1]["daftar"].append(item)
        stack.append((depth + 1, item["isi"]))
    flush(root)
    return root


def _page_and_type(document: Document) -> dict:
    """Paper (F4/A4, by the page's long side), and the Normal style's font family and size."""
    out: dict = {}
    sizes = document.element.body.xpath("./w:sectPr/w:pgSz")
    if sizes:
        w, h = int(sizes[0].get(qn("w:w"))), int(sizes[0].get(qn("w:h")))
        long_mm = max(w, h) / 567 * 10
        out["kertas"] = min(PAPER_MM, key=lambda k: abs(PAPER_MM[k][1] - long_mm))
    rpr = document.styles["Normal"].element.rPr
    if rpr is not None:
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is not None and fonts.get(qn("w:ascii")):
            out["huruf"] = fonts.get(qn("w:ascii"))
        size = rpr.find(qn("w:sz"))
        if size is not None:
            points = int(size.get(qn("w:val"))) / 2
            out["ukuran_huruf"] = int(points) if points.is_integer() else points
    return out


@lru_cache(maxsize=1)
def _template_defaults() -> tuple[tuple[str, object], ...]:
    """What the shipped template prints without settings: the settings' defaults."""
    return tuple(_page_and_type(open_docx(str(template_path("keputusan.docx")))).items())


_WATERMARK = re.compile(rb'<v:shape [^>]*id="PowerPlusWaterMarkObject[^"]*".*?<v:textpath [^>]*string="DRAFT?"', re.S | re.I)
"""A DRAF (or Word's own DRAFT) watermark in a header: the shape Word names PowerPlusWaterMarkObject."""


def is_draft(document: Document) -> bool:
    """Whether a header of the document carries a DRAF watermark, as kpu-docs prints on a draft
    (status: draf) and as Word's Design > Watermark > DRAFT writes it."""
    return any(_WATERMARK.search(rel.target_part.blob) for rel in document.part.rels.values()
               if rel.reltype.endswith("/header") and not rel.is_external)


def _settings(document: Document) -> dict:
    """Paper and type settings that differ from what the shipped template gives by default."""
    defaults = dict(_template_defaults())
    return {k: v for k, v in _page_and_type(document).items() if defaults.get(k) != v}


@dataclass
class _Title:
    """The title block's lines read as fields, still in the capitals they are printed in."""

    instansi: str = ""
    nomor: str = ""
    tahun: int | None = None
    tentang: str | None = None


def _title(lines: list[str], notes: list[str]) -> _Title:
    """KEPUTUSAN <INSTANSI> / NOMOR ... / TENTANG / <SUBJECT>; lines left over are reported."""
    judul = list(lines)
    out = _Title()
    out.instansi = judul.pop(0).removeprefix("KEPUTUSAN ") if judul and judul[0].startswith("KEPUTUSAN ") else ""
    if not out.instansi:
        notes.append("judul: baris KEPUTUSAN tidak ditemukan")
    if judul and (m := _NOMOR.match(judul[0])):
        judul.pop(0)
        out.nomor = m["nomor"]
        out.tahun = int(m["tahun"]) if m["tahun"] and "/" not in out.nomor else None
        if m["tahun"] and "/" in out.nomor:
            out.nomor = f"{out.nomor} TAHUN {m['tahun']}"
    else:
        notes.append("judul: baris NOMOR tidak ditemukan")
    if judul and judul[0] == "TENTANG":
        judul.pop(0)
        out.tentang = judul.pop(0) if judul else ""
    for extra in judul:
        notes.append(f"judul: {extra}")
    return out


def read(document: Document, known: tuple[str, ...] = ()) -> tuple[dict, list[str]]:
    """Data and unplaced text of a decree written by kpu-docs: the paragraphs sorted into the
    decree's parts by their styles (_Reader, the finding step), then assembled into data.

    `known`: texts in their running-text case looked up before the document's own when a line
    printed in capitals is read (the data the document keeps, kpu_docs.importing.kept)."""
    r = _Reader(document)
    r.read()
    notes = r.unplaced
    casing = Casing([*known, *r.texts])
    data: dict = {}

    title = _title(r.judul, notes)
    instansi_caps, nomor, tahun, tentang_caps = title.instansi, title.nomor, title.tahun, title.tentang

    menimbang = [bare(t) for t in r.konsiderans["menimbang"]]
    instansi = tentang = None
    if menimbang and (found := casing_from_closing(menimbang[-1], instansi_caps, tentang_caps)):
        instansi, tentang = found
    if instansi is None:
        instansi, in_text = casing.running_text(instansi_caps)
        if not in_text and instansi_caps:
            notes.append(f"catatan: huruf besar-kecil instansi ditebak dari judul: {instansi}")
    if tentang is None and tentang_caps is not None:
        tentang = casing.find(tentang_caps)
        if tentang is None:
            tentang = tentang_caps
            notes.append(f"catatan: tentang hanya tertulis dalam huruf kapital; periksa huruf besar-kecilnya: {tentang}")
    menimbang, penutup_formula = split_menimbang(menimbang, instansi, tentang)

    tanggal = parse_tanggal(r.tanggal or "")
    if tanggal is None:
        notes.append(f"penutup: tanggal tidak terbaca: {r.tanggal or '(tidak ada)'}")
    if tahun is None and tanggal is not None:
        tahun = tanggal.year

    data["instansi"] = instansi
    data["nomor"] = nomor
    data["tahun"] = tahun
    if is_draft(document):
        data["status"] = "draf"
    if tentang is not None:
        data["tentang"] = tentang
    if r.pembukaan:
        data["pembukaan"] = r.pembukaan
    data["jabatan_penetap"] = casing.running_text(r.jabatan_penetap or "")[0]
    if r.kop:
        data["kop"] = {"baris": r.kop, **({"alamat": r.alamat_kop} if r.alamat_kop else {}), **r.kontak_kop}
    data["menimbang"] = menimbang
    if penutup_formula is not None:
        data["menimbang_penutup"] = penutup_formula
    data["mengingat"] = [parse_citation(t) for t in r.konsiderans["mengingat"]]
    if r.konsiderans["memperhatikan"]:
        data["memperhatikan"] = [parse_citation(t) for t in r.konsiderans["memperhatikan"]]
    menetapkan = menetapkan_field(r.menetapkan if r.menetapkan is not None else "", instansi, tentang)
    if menetapkan is not None:
        data["menetapkan"] = menetapkan
    data["diktum"] = [d.data() for d in r.diktum]

    signer = r.decree
    penandatangan: dict = {
        "jabatan": casing.running_text(signer.jabatan or "")[0],
        "nama": casing.name(signer.nama or ""),
    }
    if signer.nip:
        penandatangan["nip"] = signer.nip
    if signer.atas_nama:
        penandatangan["atas_nama"] = casing.running_text(signer.atas_nama)[0]
    data["penutup"] = {"tempat": r.tempat, "tanggal": tanggal, "penandatangan": penandatangan}

    salinan = _salinan(signer, r.tanda_salinan, casing, notes)
    if salinan:
        data["salinan"] = salinan
    if r.disampaikan_kepada:
        data["disampaikan_kepada"] = r.disampaikan_kepada
    if r.tembusan:
        data["tembusan"] = r.tembusan

    mengingat = bodies.mengingat_models(data["mengingat"]) if _valid_mengingat(data["mengingat"]) else None
    lampiran = []
    for i, l in enumerate(r.lampiran, start=1):
        where = f"lampiran {i}"
        item: dict = {}
        if l.judul is not None:
            item["judul"] = l.judul
        isi = bodies.finish(_without_stops(_tree(l.entries, notes, where)), mengingat)
        if isi:
            item["isi"] = isi
        if any(h.startswith("TANGGAL ") for h in l.heading):
            item["tanggal_di_kepala"] = True
        if not l.part.signed:
            item["tanda_tangan"] = False
        elif (l.part.jabatan, l.part.nama, l.part.atas_nama) != (signer.jabatan, signer.nama, signer.atas_nama):
            notes.append(f"{where}: penanda tangan berbeda dengan keputusan: {l.part.jabatan} / {l.part.nama}")
        lampiran.append(item)
    if lampiran:
        data["lampiran"] = lampiran

    pengaturan = _settings(document)
    if r.diktum_labels and r.diktum_labels[0] == "PERTAMA":
        pengaturan["gaya_diktum"] = "pertama"
    if signer.tanda in ("ttd", "dto."):
        pengaturan["tanda_tangan"] = signer.tanda
    if pengaturan:
        data["pengaturan"] = dict(sorted(pengaturan.items()))
    return data, notes


def _valid_mengingat(items: list) -> bool:
    try:
        bodies.mengingat_models(items)
        return True
    except (ValidationError, TypeError):
        return False


def _salinan(part: _Part, tanda: bool, casing: Casing, notes: list[str]) -> dict | None:
    lines = list(part.salinan)
    if not lines:
        return None
    if lines[0] == "Salinan sesuai dengan aslinya":
        lines.pop(0)
    names = list(part.salinan_nama)
    nip = names.pop()[4:] if len(names) > 1 and names[-1].startswith("NIP ") else None
    if len(lines) < 2 or not names:
        notes.append("salinan: blok salinan tidak lengkap: " + " / ".join(part.salinan + part.salinan_nama))
        return None
    out: dict = {}
    if not tanda:
        out["tanda"] = False
    out["unit"] = casing.running_text(lines[0])[0]
    out["jabatan"] = lines[1]
    out["nama"] = names[0]
    if nip:
        out["nip"] = nip
    for extra in lines[2:] + names[1:]:
        notes.append(f"salinan: {extra}")
    return out
