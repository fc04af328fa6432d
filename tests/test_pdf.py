"""PDF conversion trusts only what LibreOffice wrote in this run, and ends it whole on a timeout.

LibreOffice is stood in for by small shell scripts where its own behaviour is not the point
(a helper left running, a truncated file); the stale-PDF case runs the real one.
"""

from __future__ import annotations

import inspect
import os
import stat
import time

import pytest

from kpu_docs import pdf as pdf_module
from kpu_docs.pdf import DEFAULT_TIMEOUT, ConversionFailed, to_pdf
from tests.test_libreoffice import _require_tools


def _fake_soffice(tmp_path, body: str):
    """A stand-in for soffice: `$outdir` is the folder it is told to write to, `$@` the rest."""
    script = tmp_path / "soffice"
    script.write_text('#!/bin/sh\nwhile [ "$1" != "--outdir" ]; do shift; done\noutdir=$2\nshift 2\n' + body)
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


def test_a_timeout_ends_the_whole_libreoffice_process_group(tmp_path, monkeypatch):
    late = tmp_path / "ditulis-terlambat"
    # like oosplash: a helper (soffice.bin) that would write after the caller gave up
    script = _fake_soffice(tmp_path, f'(sleep 2; echo x > "{late}"; echo x > "$outdir/sk.pdf") &\nsleep 30\n')
    monkeypatch.setattr(pdf_module, "soffice", lambda: script)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temporary))
    document = tmp_path / "sk.docx"
    document.write_bytes(b"PK")
    outdir = tmp_path / "hasil"
    started = time.monotonic()
    with pytest.raises(ConversionFailed, match="tidak selesai dalam 1 detik"):
        to_pdf([document], outdir, timeout=1)
    assert time.monotonic() - started < 10
    time.sleep(2.5)
    assert not late.exists()  # the helper was ended with the group
    assert list(outdir.iterdir()) == [] and list(temporary.iterdir()) == []  # no PDF, no profile left


def _soffice_writing(tmp_path, monkeypatch, pdf: str):
    """A stand-in that writes `pdf` (printf format) for each document; sk.docx, and an old sk.pdf."""
    script = _fake_soffice(tmp_path, f'for f in "$@"; do printf "{pdf}" > "$outdir/$(basename "$f" .docx).pdf"; done\n')
    monkeypatch.setattr(pdf_module, "soffice", lambda: script)
    document, old = tmp_path / "sk.docx", tmp_path / "sk.pdf"
    document.write_bytes(b"PK")
    old.write_bytes(b"%PDF-1.6 lama\n%%EOF\n")
    return document, old


def test_a_truncated_pdf_never_replaces_a_good_one(tmp_path, monkeypatch):
    document, good = _soffice_writing(tmp_path, monkeypatch, "%%PDF-1.6 terpotong")
    with pytest.raises(ConversionFailed, match="sk.pdf"):
        to_pdf([document], tmp_path)
    assert good.read_bytes() == b"%PDF-1.6 lama\n%%EOF\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sk.docx", "sk.pdf", "soffice"]


def test_a_new_pdf_replaces_the_old_one_with_its_mode(tmp_path, monkeypatch):
    document, old = _soffice_writing(tmp_path, monkeypatch, "%%PDF-1.6 baru\\n%%%%EOF\\n")
    os.chmod(old, 0o664)
    assert to_pdf([document], tmp_path) == [old]
    assert old.read_bytes() == b"%PDF-1.6 baru\n%%EOF\n" and stat.S_IMODE(old.stat().st_mode) == 0o664


@pytest.mark.libreoffice
def test_an_old_pdf_is_not_reported_when_libreoffice_cannot_load_the_document(tmp_path):
    _require_tools()
    document = tmp_path / "rusak.docx"
    document.write_bytes(b"PK\x03\x04bukan dokumen")  # LibreOffice exits 0 on it and writes nothing
    stale = tmp_path / "rusak.pdf"
    stale.write_bytes(b"%PDF-1.6 dari kemarin\n%%EOF\n")
    with pytest.raises(ConversionFailed, match="rusak.pdf"):
        to_pdf([document], tmp_path)
    assert stale.read_bytes() == b"%PDF-1.6 dari kemarin\n%%EOF\n"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # its fresh folder is gone


def test_the_command_line_default_time_limit_is_the_library_one():
    from kpu_docs.cli import preview, render

    for command in (render, preview):
            assert inspect.signature(command).parameters["batas_waktu"].default == DEFAULT_TIMEOUT
