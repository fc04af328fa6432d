"""A draft (status: draf) prints a DRAF watermark on every page and no certified-copy marks; a
final decree prints as it always did (issue 15, item 5)."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

import kpu_docs
from kpu_docs.word import render_bytes
from kpu_docs.word.document import render_packages
from tests.conftest import minimal_data

SALINAN = {"unit": "Sekretariat Komisi Pemilihan Umum Kota Mataram", "jabatan": "Sekretaris", "nama": "Ahmad",
           "nip": "19800101 200501 1 001"}
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _decree(status: str | None, **pengaturan) -> kpu_docs.Keputusan:
    """A certified copy (salinan, ttd) with a Lampiran; `status` None leaves the field out."""
    data = minimal_data(salinan=SALINAN, pengaturan={"tanda_tangan": "ttd", **pengaturan},
                        lampiran=[{"judul": "Susunan Tim", "isi": ["Tim terdiri atas ketua dan anggota."]}])
    if status is not None:
        data["status"] = status
    return kpu_docs.from_data(data)


def _parts(package: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(package)) as docx:
        return {name: docx.read(name).decode("utf-8") for name in docx.namelist() if name.endswith((".xml", ".rels"))}


def _text(xml: str) -> str:
    """The document's text as Word shows it, paragraph by paragraph."""
    return "\n".join("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)) for p in re.findall(r"<w:p[ >].*?</w:p>", xml))


def _headers_on_pages(parts: dict[str, str]) -> list[str]:
    """The header parts every section's pages show: each section's first-page header when it has
    a title page, and its default header, resolved through document.xml's relationships."""
    targets = dict(re.findall(r'Id="([^"]+)"[^>]*Target="([^"]+)"', parts["word/_rels/document.xml.rels"]))
    targets.update({rid: target for target, rid in re.findall(r'Target="([^"]+)"[^>]*Id="([^"]+)"',
                                                              parts["word/_rels/document.xml.rels"])})
    shown = []
    for section in re.findall(r"<w:sectPr[ >].*?</w:sectPr>", parts["word/document.xml"]):
        references = dict(re.findall(r'<w:headerReference w:type="(\w+)" r:id="([^"]+)"/>', section))
        kinds = ["default"] + (["first"] if "<w:titlePg/>" in section else [])
        for kind in kinds:
            assert kind in references, f"a section with no {kind} header: its pages carry no watermark"
            shown.append(f"word/{targets[references[kind]]}")
    return shown


def _has_watermark(header: str) -> bool:
    return bool(re.search(r'<v:shape id="PowerPlusWaterMarkObject\d*"[^>]*rotation:315[^>]*fillcolor="silver"', header)
                and 'string="DRAF"' in header and "z-index:-" in header)


@pytest.mark.parametrize("pengaturan", [{}, {"nomor_halaman": "bawah"}, {"nomor_halaman": "atas", "kertas": "A4"}])
def test_every_page_of_a_draft_shows_the_watermark_behind_the_text(pengaturan):
    parts = _parts(render_bytes(_decree("draf", **pengaturan)))
    shown = _headers_on_pages(parts)
    assert shown and all(_has_watermark(parts[name]) for name in shown)


def test_a_draft_prints_no_salinan_marks_and_leaves_space_to_sign():
    draft = _text(_parts(render_bytes(_decree("draf")))["word/document.xml"])
    final = _text(_parts(render_bytes(_decree("final")))["word/document.xml"])
    for mark in ("SALINAN", "ttd", "Salinan sesuai dengan aslinya", "SEKRETARIAT KOMISI PEMILIHAN UMUM KOTA MATARAM"):
        assert mark in final
        assert mark not in draft
    assert "EDY PUTRAWAN" in draft and "SUSUNAN TIM" in draft  # the signature's name and the Lampiran stay


def test_a_final_decree_has_no_watermark_and_is_unchanged_by_the_field():
    final = _decree("final")
    parts = _parts(render_bytes(final))
    assert not any("PowerPlusWaterMarkObject" in xml or "DRAF" in xml for xml in parts.values())
    assert "word/header-draf.xml" not in parts
    default = _decree(None)
    assert default.status == "final"
    assert _parts(render_bytes(default))["word/document.xml"] == parts["word/document.xml"]


def test_separate_lampiran_files_of_a_draft_carry_the_watermark_too():
    packages = render_packages(_decree("draf", lampiran_terpisah=True))
    assert len(packages) == 2
    for package in packages:
        parts = _parts(package)
        shown = _headers_on_pages(parts)
        assert shown and all(_has_watermark(parts[name]) for name in shown)
        assert "Salinan sesuai dengan aslinya" not in _text(parts["word/document.xml"])


def test_the_watermark_header_is_a_declared_part_of_the_package():
    parts = _parts(render_bytes(_decree("draf", nomor_halaman="bawah")))
    assert 'PartName="/word/header-draf.xml"' in parts["[Content_Types].xml"]
    assert 'Target="header-draf.xml"' in parts["word/_rels/document.xml.rels"]
    assert _has_watermark(parts["word/header-draf.xml"])


def test_python_docx_opens_a_draft():
    from docx import Document

    document = Document(io.BytesIO(render_bytes(_decree("draf"))))
    assert document.sections[0].header is not None


def test_a_draft_is_not_signed_electronically_either():
    """Its QR code would verify last year's signature: neither the code, nor the line above the
    position, nor the BSrE sentence in the footer prints until the decree is final."""
    def decree(status: str) -> kpu_docs.Keputusan:
        data = minimal_data(status=status)
        data["penutup"]["tanda_tangan_elektronik"] = {"qr": "https://tte.example.go.id/verifikasi/ABC123"}
        return kpu_docs.from_data(data)

    final, draft = _parts(render_bytes(decree("final"))), _parts(render_bytes(decree("draf")))
    for parts, signed in ((final, True), (draft, False)):
        everything = "".join(parts.values())
        assert ("Ditandatangani secara elektronik oleh:" in _text(parts["word/document.xml"])) is signed
        assert ("Balai Sertifikasi Elektronik" in everything) is signed
        assert ('Target="media/' in parts["word/_rels/document.xml.rels"]) is signed  # the QR code's picture
    assert "EDY PUTRAWAN" in _text(draft["word/document.xml"])
    shown = _headers_on_pages(draft)
    assert shown and all(_has_watermark(draft[name]) for name in shown)


def test_a_draft_imported_back_is_a_draft():
    """The watermark is read back as the status, so that import, edit and render keep the draft a
    draft; a final decree has no status written."""
    from docx import Document

    from kpu_docs.importing import import_docx

    for status in ("draf", "final"):
        document = Document(io.BytesIO(render_bytes(_decree(status))))
        data = import_docx(document, use_kept=False).data  # the printed text alone: the watermark
        assert data.get("status") == ("draf" if status == "draf" else None)
        assert kpu_docs.from_data(data).status == status
        assert kpu_docs.from_data(import_docx(document).data).status == status  # with the data it keeps
