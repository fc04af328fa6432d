"""A rendered decree edited in LibreOffice itself (headless, through UNO) imports back with
exactly the edits a person made and nothing else: a word changed in a Menimbang, a Menimbang
added by pressing Enter at the end of one and typing, a row added to a Lampiran table, a word
made bold, the signatory's name changed. `kpu-docs diff` shows exactly those.

The edits run in tests/importing/libreoffice_edit.py under the system Python, which has
LibreOffice's bridge (Debian: python3-uno), with a LibreOffice profile of its own. Skipped where
LibreOffice or the bridge is missing, failed instead under KPU_DOCS_REQUIRE_LIBREOFFICE (CI).
"""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kpu_docs
from kpu_docs.cli import app
from kpu_docs.importing import import_file
from kpu_docs.word.source_data import data_of
from tests.missing import tool_missing
from tests.round_trip import compare

pytestmark = pytest.mark.libreoffice

EDIT_SCRIPT = Path(__file__).with_name("libreoffice_edit.py")
SYSTEM_PYTHON = "/usr/bin/python3"
NEW_MENIMBANG = "bahwa rencana aksi perlu ditinjau kembali setiap tahun;"
NEW_ROW = ["", "", "Survei Kepuasan", "Survei kepuasan pelayanan publik secara berkala", "Desember 2025"]
EDITS = [
    {"ganti": "bahwa berdasarkan ketentuan Peraturan", "dengan": "bahwa berdasarkan ketetapan Peraturan"},
    {"enter_sesudah": "Lingkungan Komisi Pemilihan Umum Tahun 2025;", "ketik": NEW_MENIMBANG},
    {"baris_tabel": "Manajemen Perubahan", "isi": NEW_ROW},
    {"tebal": "strategis", "di": "Merupakan unit kerja yang penting dan strategis"},
    {"ganti_semua": "EDY PUTRAWAN", "dengan": "HENDRA WIJAYA"},
]


def _tools() -> str:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    problem = None
    if soffice is None:
        problem = "LibreOffice tidak terpasang"
    elif subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True).returncode != 0:
        problem = "jembatan Python LibreOffice (python3-uno) tidak terpasang"
    if problem:
        tool_missing(problem)
    return soffice


@pytest.fixture(scope="module")
def edited(reference_docx, tmp_path_factory) -> Path:
    soffice = _tools()
    work = tmp_path_factory.mktemp("libreoffice-edit")
    edits = work / "edits.json"
    edits.write_text(json.dumps(EDITS), encoding="utf-8")
    target = work / "diedit.docx"
    done = subprocess.run(
        [SYSTEM_PYTHON, str(EDIT_SCRIPT), soffice, str(reference_docx), str(target), str(edits), str(work / "profil")],
        capture_output=True, text=True, timeout=240,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return target


def expected(reference) -> kpu_docs.Keputusan:
    """The reference decree with the five edits, as a person would write them in its file."""
    data = copy.deepcopy(data_of(reference))
    data["menimbang"][0] = data["menimbang"][0].replace("berdasarkan ketentuan", "berdasarkan ketetapan")
    data["menimbang"].append(NEW_MENIMBANG.removesuffix(";"))
    isi = data["lampiran"][0]["isi"]
    table = next(block["tabel_kelompok"] for block in isi if "tabel_kelompok" in block)
    table["kelompok"][-1]["baris"].append(NEW_ROW[2:])
    paths = [(i, j) for i, block in enumerate(isi) for j, item in enumerate(block.get("daftar", []))
             if "penting dan strategis" in (item if isinstance(item, str) else item["butir"])]
    assert len(paths) == 1
    i, j = paths[0]
    item = isi[i]["daftar"][j]
    text = item if isinstance(item, str) else item["butir"]
    text = text.replace("penting dan strategis", "penting dan +{strategis}+", 1)
    isi[i]["daftar"][j] = text if isinstance(item, str) else {**item, "butir": text}
    data["penutup"]["penandatangan"]["nama"] = "Hendra Wijaya"
    return kpu_docs.from_data(data)


def test_libreoffice_saved_our_data_with_the_edits(edited):
    with zipfile.ZipFile(edited) as archive:
        document = archive.read("word/document.xml").decode("utf-8")
        kept = [n for n in archive.namelist() if n.startswith("customXml/item")]
    assert "HENDRA WIJAYA" in document and "EDY PUTRAWAN" not in document
    assert kept  # LibreOffice keeps the custom XML part through its own save


def test_libreoffice_edits_come_back_and_nothing_else(edited, reference):
    result = import_file(edited)
    imported = kpu_docs.from_data(result.data)
    assert imported.tentang == reference.tentang  # in its own case, not the printed capitals
    assert compare(expected(reference), imported).differing == []
    assert imported == expected(reference)
    assert result.tidak_terbaca == []


def test_diff_shows_exactly_the_edits(edited, reference, tmp_path):
    imported = tmp_path / "impor.yaml"
    runner = CliRunner()
    done = runner.invoke(app, ["import", str(edited), "-o", str(imported)])
    assert done.exit_code == 0, done.output
    diff = runner.invoke(app, ["diff", "examples/keputusan-11-2025.yaml", str(imported)])
    assert diff.exit_code == 1
    lines = [line for line in diff.output.splitlines() if line.startswith("[")]
    assert len(lines) == 5, diff.output
    # each changed sentence once, its changed words marked [-old-]{+new+} (kpu_docs.diff)
    assert lines[0].startswith("[menimbang] ~ bahwa berdasarkan [-ketentuan-]{+ketetapan+} Peraturan")
    assert lines[1] == f"[menimbang] + {NEW_MENIMBANG.removesuffix(';')}"
    assert lines[2] == "[penutup] ~ [-EDY-]{+HENDRA+} [-PUTRAWAN-]{+WIJAYA+}"
    assert lines[3] == ("[lampiran 1] ~ - Merupakan unit kerja yang penting dan {++{+}strategis{+}++} dalam "
                        "penyelenggaraan pelayanan publik;")  # the bold markers +{ }+ are what was inserted
    assert lines[4] == "[lampiran 1] + Peningkatan Kualitas Pelayanan Publik | " + " | ".join(NEW_ROW[2:])
    assert diff.output.rstrip().endswith("5 perbedaan.")
