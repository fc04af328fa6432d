"""The hostile case files too big to keep in the repository, made once per test session.

The zip bombs are real: each inflates to what its name says, with a correct CRC. They are made
without compressing a gigabyte: a block compressed once, ending in a full flush (byte-aligned,
no reference back into earlier data), is repeated, which is still one valid deflate stream.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

import kpu_docs
from kpu_docs.word.package import Member, zip_bytes
from kpu_docs.word.templates import template_dir

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
    (folder / "xlsx-bom-teks.xlsx").write_bytes(xlsx_strings_bomb())
    (folder / "xlsx-satu-sel.xlsx").write_bytes(xlsx_one_cell_bomb())
    (folder / "xlsx-20-juta-baris.xlsx").write_bytes(xlsx_many_rows())
    (folder / "xlsx-sel-panjang.xlsx").write_bytes(xlsx_long_cell())
    xlsx_by_openpyxl(folder / "xlsx-sel-gabungan.xlsx", _merge)
    xlsx_by_openpyxl(folder / "xlsx-rumus.xlsx", _formula)
    member_table(folder, 200_000)
    return folder
