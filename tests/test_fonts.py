"""Fonts stay what the office chose: the PDF prints a decree's font with a metric-compatible free
face, embeds it, warns when it cannot, and --pdfa claims PDF/A-2b.

The LibreOffice tests skip where LibreOffice or poppler-utils is missing, except when
KPU_DOCS_REQUIRE_LIBREOFFICE is set (as .ci/run does).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

import kpu_docs
from kpu_docs import pdf as pdf_module
from kpu_docs.cli import app
from kpu_docs.fonts import FontPlan, fonts_used, plan, write_replacement_table
from kpu_docs.loading import load
from kpu_docs.pdf import to_pdf
from kpu_docs.word import render_file
from tests.test_libreoffice import _require_tools

ROOT = Path(kpu_docs.__file__).resolve().parent.parent
PPS = ROOT / "examples" / "pps" / "keputusan-pps.yaml"
runner = CliRunner()


def pdffonts(pdf: Path) -> list[tuple[str, str]]:
    """(font name, emb column) of every font in the PDF, as poppler's pdffonts lists them."""
    out = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        fields = line.split()
        # name, type (one or two words), encoding, emb, sub, uni, object id, generation
        rows.append((fields[0], fields[-5]))
    return rows


def test_pps_decree_names_bookman(tmp_path):
    (docx,) = render_file(load(PPS), tmp_path / "pps.docx")[:1]
    assert "Bookman Old Style" in fonts_used(docx)


def test_plan_maps_to_metric_compatible_face():
    found = plan(["Bookman Old Style", "Arial", "Calibri"],
                 installed=frozenset({"urw bookman", "liberation sans", "carlito"}))
    assert found.replacements == {"Bookman Old Style": "URW Bookman", "Arial": "Liberation Sans", "Calibri": "Carlito"}
    assert found.warnings == []


def test_installed_font_is_left_alone():
    assert plan(["Bookman Old Style"], installed=frozenset({"bookman old style", "urw bookman"})) == FontPlan({}, [])


def test_second_choice_when_first_missing():
    found = plan(["Bookman Old Style"], installed=frozenset({"tex gyre bonum"}))
    assert found.replacements == {"Bookman Old Style": "TeX Gyre Bonum"}


def test_warning_names_font_and_package_when_substitute_missing():
    found = plan(["Bookman Old Style"], installed=frozenset({"dejavu sans"}))
    assert found.replacements == {}
    (warning,) = found.warnings
    assert '"Bookman Old Style"' in warning and "fonts-urw-base35" in warning and "tidak terpasang" in warning


def test_warning_for_font_without_substitute():
    (warning,) = plan(["Verdana"], installed=frozenset({"dejavu sans"})).warnings
    assert '"Verdana"' in warning and "tidak ada pengganti" in warning


def test_replacement_table_keeps_the_rest_of_the_profile(tmp_path):
    xcu = tmp_path / "user" / "registrymodifications.xcu"
    xcu.parent.mkdir(parents=True)
    xcu.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry">\n'
        '<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun"><value>false</value></prop></item>\n'
        "</oor:items>\n", encoding="utf-8")
    write_replacement_table(tmp_path, {"Bookman Old Style": "URW Bookman"})
    write_replacement_table(tmp_path, {"Arial": "Liberation Sans"})  # a reused profile: the old table goes
    text = xcu.read_text(encoding="utf-8")
    assert "FirstRun" in text
    assert "<value>Arial</value>" in text and "Liberation Sans" in text
    assert "Bookman" not in text
    assert text.count('oor:name="Always"') == 1


@pytest.mark.libreoffice
def test_pps_pdf_prints_embedded_bookman_compatible_serif(tmp_path):
    _require_tools()
    result = runner.invoke(app, ["render", str(PPS), "-o", str(tmp_path), "--pdf"])
    assert result.exit_code == 0, result.output
    fonts = pdffonts(tmp_path / "keputusan-pps.pdf")
    names = [name for name, _ in fonts]
    assert names and all(re.search(r"Bookman|Bonum", name) for name in names), names
    assert not any("DejaVu" in name for name in names)
    assert all(emb == "yes" for _, emb in fonts), fonts
    assert "Bookman Old Style" not in result.output  # a substitute of the same metrics: no warning


@pytest.mark.libreoffice
def test_libreoffice_obeys_the_replacement_table(tmp_path, monkeypatch):
    """The table, not fontconfig's own aliases, decides: Bookman told to print as Liberation Serif does."""
    _require_tools()
    (docx,) = render_file(load(PPS), tmp_path / "pps.docx")[:1]
    monkeypatch.setattr(pdf_module, "plan_for", lambda documents: FontPlan({"Bookman Old Style": "Liberation Serif"}, []))
    (made,) = to_pdf([docx], tmp_path / "pdf")
    names = [name for name, _ in pdffonts(made)]
    assert names and all("LiberationSerif" in name for name in names), names


@pytest.mark.libreoffice
def test_font_without_substitute_is_warned_by_name(tmp_path):
    _require_tools()
    text = PPS.read_text(encoding="utf-8")
    assert "huruf: Bookman Old Style" in text
    source = tmp_path / "khusus.yaml"
    source.write_text(text.replace("huruf: Bookman Old Style", "huruf: Huruf Kantor Khusus"), encoding="utf-8")
    (tmp_path / "out").mkdir()
    result = runner.invoke(app, ["render", str(source), "-o", str(tmp_path / "out"), "--pdf"])
    assert result.exit_code == 0, result.output
    assert re.search(r'Peringatan: huruf "Huruf Kantor Khusus" tidak terpasang', result.output), result.output
    assert (tmp_path / "out" / "khusus.pdf").is_file()


@pytest.mark.libreoffice
def test_pdfa_claims_pdfa_2b_with_embedded_fonts(tmp_path):
    _require_tools()
    result = runner.invoke(app, ["render", str(PPS), "-o", str(tmp_path), "--pdfa"])
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "keputusan-pps.pdf"
    xmp = PdfReader(pdf).xmp_metadata
    assert xmp is not None
    text = xmp.stream.get_data().decode("utf-8")
    assert re.search(r"pdfaid:part(>|=\")2", text), text
    assert re.search(r"pdfaid:conformance(>|=\")B", text), text
    fonts = pdffonts(pdf)
    assert fonts and all(emb == "yes" for _, emb in fonts), fonts


@pytest.mark.libreoffice
def test_plain_pdf_makes_no_pdfa_claim(tmp_path):
    _require_tools()
    result = runner.invoke(app, ["render", str(PPS), "-o", str(tmp_path), "--pdf"])
    assert result.exit_code == 0, result.output
    xmp = PdfReader(tmp_path / "keputusan-pps.pdf").xmp_metadata
    assert xmp is None or b"pdfaid" not in xmp.stream.get_data()


@pytest.mark.libreoffice
def test_batch_pdf_warns_once_and_prints_bookman(tmp_path):
    from kpu_docs.batch import run_batch
    from tests.batch.conftest import ANGGOTA, BASE, DESA

    _require_tools()
    text = BASE.read_text(encoding="utf-8")
    assert "\npengaturan:" not in text
    for font, name in (("Huruf Kantor Khusus", "khusus"), ("Bookman Old Style", "bookman")):
        (tmp_path / f"{name}.yaml").write_text(f"{text}\npengaturan: {{huruf: {font}}}\n", encoding="utf-8")
    report = run_batch(tmp_path / "khusus.yaml", DESA, tmp_path / "khusus", tabel=ANGGOTA, kunci="desa", jobs=1, pdf=True)
    assert (report.ditulis, report.gagal) == (3, 0)
    found = [w for w in report.peringatan if "Huruf Kantor Khusus" in w]
    assert len(found) == 1, report.peringatan  # once, not once per row
    report = run_batch(tmp_path / "bookman.yaml", DESA, tmp_path / "bookman", tabel=ANGGOTA, kunci="desa", jobs=1,
                       pdf=True)
    assert not any("Bookman" in w for w in report.peringatan), report.peringatan
    names = [name for name, _ in pdffonts(tmp_path / "bookman" / "bookman-1.pdf")]
    assert names and all(re.search(r"Bookman|Bonum", name) for name in names), names


@pytest.mark.libreoffice
def test_preview_warns_of_font_with_other_metrics(tmp_path):
    _require_tools()
    source = tmp_path / "khusus.yaml"
    source.write_text(PPS.read_text(encoding="utf-8").replace("huruf: Bookman Old Style", "huruf: Huruf Kantor Khusus"),
                      encoding="utf-8")
    result = runner.invoke(app, ["preview", str(source), "-o", str(tmp_path / "out"), "--halaman", "1"])
    assert result.exit_code == 0, result.output
    assert 'Peringatan: huruf "Huruf Kantor Khusus" tidak terpasang' in result.output
    assert (tmp_path / "out" / "khusus-1.png").is_file()
