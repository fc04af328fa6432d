"""Shared fixtures: the reference decree as data, rendered once per test session."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from docx import Document

import kpu_docs
from kpu_docs.models import Keputusan

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "keputusan-11-2025.yaml"


@pytest.fixture(scope="session")
def reference() -> Keputusan:
    """examples/keputusan-11-2025.yaml, loaded."""
    return kpu_docs.load(EXAMPLE)


@pytest.fixture(scope="session")
def reference_docx(reference, tmp_path_factory) -> Path:
    """The reference decree rendered to a .docx file."""
    path = tmp_path_factory.mktemp("reference") / "keputusan-11-2025.docx"
    kpu_docs.render(reference, path)
    return path


@pytest.fixture(scope="session")
def reference_document(reference_docx):
    """The rendered reference decree re-opened with python-docx."""
    return Document(str(reference_docx))


def minimal_data(**changes) -> dict:
    """The smallest valid decree as file data; keyword arguments replace top-level keys."""
    data = {
        "instansi": "Komisi Pemilihan Umum Kota Mataram",
        "nomor": "12",
        "tahun": 2025,
        "tentang": "Pembentukan Tim Kerja",
        "jabatan_penetap": "Ketua Komisi Pemilihan Umum Kota Mataram",
        "menimbang": ["bahwa perlu dibentuk tim kerja", "bahwa tim kerja perlu ditetapkan dengan keputusan"],
        "mengingat": [
            "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945",
            {
                "jenis": "Undang-Undang",
                "nomor": "7",
                "tahun": 2017,
                "tentang": "Pemilihan Umum",
                "diundangkan": {"dalam": "lembaran_negara", "tahun": 2017, "nomor": "182", "tambahan": "6109"},
            },
        ],
        "diktum": ["Membentuk Tim Kerja.", "Keputusan ini mulai berlaku pada tanggal ditetapkan."],
        "penutup": {
            "tempat": "Mataram",
            "tanggal": datetime.date(2025, 9, 3),
            "penandatangan": {"jabatan": "Ketua Komisi Pemilihan Umum Kota Mataram", "nama": "Edy Putrawan"},
        },
    }
    data.update(changes)
    return data


@pytest.fixture
def minimal() -> dict:
    return minimal_data()


@pytest.fixture(autouse=True)
def _no_command_ends_in_a_traceback(monkeypatch):
    """Every command any test runs ends in a message and an exit code, never in an exception:
    a CliRunner result holding anything but SystemExit fails the test that ran it."""
    from typer.testing import CliRunner

    invoke = CliRunner.invoke

    def checked(self, *args, **kwargs):
        result = invoke(self, *args, **kwargs)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            import traceback

            trace = "".join(traceback.format_exception(*result.exc_info)) if result.exc_info else ""
            pytest.fail(f"the command ended in {result.exception!r}:\n{trace}\n{result.output}")
        return result

    monkeypatch.setattr(CliRunner, "invoke", checked)


def pytest_runtest_setup(item):
    """Tests marked `ocr` need Tesseract with its Indonesian model: skipped where it is missing,
    a failure in CI (KPU_DOCS_REQUIRE_LIBREOFFICE, set by .ci/run, which installs it)."""
    if item.get_closest_marker("ocr") is None:
        return
    from kpu_docs.importing import ocr
    from tests.missing import tool_missing

    try:
        ocr.check_installed()
    except ocr.OcrMissing as exc:
        tool_missing(str(exc))
