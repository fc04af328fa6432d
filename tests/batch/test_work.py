"""PDF in a batch: every chunk's documents converted in one LibreOffice start."""

from __future__ import annotations

import pytest

from kpu_docs import pdf as pdf_module
from kpu_docs.batch import run_batch
from tests.batch.conftest import ANGGOTA, BASE, DESA
from tests.test_libreoffice import _require_tools

pytestmark = pytest.mark.libreoffice


def test_pdf_batch_starts_libreoffice_once_per_chunk(tmp_path, monkeypatch):
    _require_tools()
    starts = []
    real_run = pdf_module._run

    def counting_run(command, timeout):
        starts.append([part for part in command if part.endswith(".docx")])
        return real_run(command, timeout)

    monkeypatch.setattr(pdf_module, "_run", counting_run)
    report = run_batch(BASE, DESA, tmp_path, tabel=ANGGOTA, kunci="desa", jobs=1, pdf=True)
    assert (report.ditulis, report.gagal) == (3, 0)
    assert [len(documents) for documents in starts] == [3]  # one chunk of three, one start
    from pypdf import PdfReader

    for number, name in ((1, "Lalu Ahmad Zaini"), (2, "Baiq Nurul Aini"), (3, "Ahmad Fauzi")):
        text = " ".join(page.extract_text() for page in PdfReader(tmp_path / f"pps-{number}.pdf").pages)
        assert f"NOMOR {20 + number} TAHUN 2025" in text and name in text
    assert run_batch(BASE, DESA, tmp_path, tabel=ANGGOTA, kunci="desa", jobs=1, pdf=True).dilewati == 3
    assert len(starts) == 1
