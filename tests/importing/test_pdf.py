"""`kpu-docs import FILE.pdf`: the text layer of a born-digital PDF; a scan is refused by name."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

import kpu_docs
from kpu_docs.cli import app
from kpu_docs.importing import import_file, pdf_text
from tests.missing import tool_missing

CORPUS = Path(__file__).parent / "corpus"
runner = CliRunner()


def scanned_pdf(path: Path, pages: int = 2) -> Path:
    """A PDF whose pages are images only, as a scanner writes them."""
    images = [Image.new("L", (600, 850), 255) for _ in range(pages)]
    images[0].save(path, "PDF", save_all=True, append_images=images[1:])
    return path


def test_born_digital_pdf_reads_its_text_layer():
    result = import_file(CORPUS / "kulonprogo-153-2010.pdf")
    d = result.data
    assert (d["instansi"], d["nomor"], d["tahun"]) == ("Bupati Kulon Progo", "153", 2010)
    assert d["menimbang"][0].startswith("bahwa dalam upaya menumbuhkan kesadaran hukum")
    assert d["penutup"]["tanggal"] == datetime.date(2010, 5, 14)


def test_pages_are_separated_by_a_page_break_line():
    lines = pdf_text.lines(CORPUS / "kulonprogo-296-2012.pdf")
    assert lines.count(pdf_text.PAGE_BREAK) == 1  # two pages
    assert lines[0] == "BUPATI KULON PROGO"


def test_text_layer_reader_names_the_pages_without_text(tmp_path):
    path = scanned_pdf(tmp_path / "pindaian.pdf")
    with pytest.raises(pdf_text.ScanError) as caught:
        pdf_text.lines(path)
    assert caught.value.pages == [1, 2]
    assert "halaman 1, 2 tidak memiliki lapisan teks (hasil pindaian)" in str(caught.value)


@pytest.mark.ocr
def test_cli_says_a_blank_scan_has_no_text_and_writes_nothing(tmp_path):
    # a scan is read by OCR (tests/importing/test_scan.py); pages with nothing on them are refused
    path = scanned_pdf(tmp_path / "pindaian.pdf", pages=1)
    out = tmp_path / "hasil.yaml"
    result = runner.invoke(app, ["import", str(path), "-o", str(out)])
    assert result.exit_code == 2
    assert "tidak ada teks yang terbaca pada 1 halaman pindaian" in result.output
    assert not out.exists() and not (tmp_path / "hasil.periksa.md").exists()


@pytest.mark.libreoffice
def test_our_own_decree_as_pdf_imports_its_fields(reference, reference_docx, tmp_path):
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        tool_missing("LibreOffice tidak terpasang")
    from kpu_docs.pdf import to_pdf

    (pdf,) = to_pdf([reference_docx], tmp_path)
    result = import_file(pdf)
    k = kpu_docs.from_data(result.data)
    assert (k.instansi, k.nomor, k.tahun) == (reference.instansi, reference.nomor, reference.tahun)
    assert k.diktum == reference.diktum
    assert k.penutup.tanggal == reference.penutup.tanggal
    assert k.penutup.penandatangan.nama == reference.penutup.penandatangan.nama
    assert len(k.mengingat) == len(reference.mengingat)


def test_ruled_table_is_read_by_its_cells():
    # the seven rows are drawn without rules between them: cut apart where "I.", "II." begin
    (lampiran,) = import_file(CORPUS / "kulonprogo-153-2010.pdf").data["lampiran"]
    (block,) = [b for b in lampiran["isi"] if "tabel" in b]
    assert block["tabel"]["kolom"] == ["NO", "NAMA DESA", "KECAMATAN"]
    assert block["tabel"]["baris"][0] == ["I.", "Desa Sidomulyo", "Kecamatan Pengasih"]
    assert block["tabel"]["baris"][-1] == ["VII.", "Desa Ngentakrejo", "Kecamatan Lendah"]


def test_a_row_continued_over_pages_and_numbers_across_a_rule():
    (lampiran,) = import_file(CORPUS / "kulonprogo-215-2013.pdf").data["lampiran"]
    (block,) = [b for b in lampiran["isi"] if "tabel" in b]
    last = block["tabel"]["baris"][-1]
    assert last[:2] == ["IV.", "PPID Pembantu :"]
    assert "9. Sekretaris Dinas Kependudukan dan Catatan Sipil" in last[2]  # page 6
    assert last[2].endswith("47. Sekretaris Kelurahan Wates")  # page 8, "47." whole though it crosses the rule
