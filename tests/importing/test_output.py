"""Imported data written as YAML loads back into the same decree (what `kpu-docs import -o` writes)."""

from __future__ import annotations

from pathlib import Path

import kpu_docs
from kpu_docs.importing import import_docx, import_file, to_yaml
from kpu_docs.importing.output import write_yaml

SEED = Path(__file__).parent / "data" / "ocr-keputusan-11-2025.txt"


def test_yaml_of_our_docx_loads_back(reference, reference_document, tmp_path):
    result = import_docx(reference_document)
    path = write_yaml(result.data, tmp_path / "impor.yaml", result.tidak_terbaca)
    text = path.read_text(encoding="utf-8")
    assert not result.tidak_terbaca and text.startswith("instansi: ")
    assert "tanggal: 2025-09-03" in text
    assert kpu_docs.load(path) == kpu_docs.from_data(result.data) == reference


def test_yaml_of_our_docx_read_from_its_text_lists_what_it_guessed(reference_document, tmp_path):
    result = import_docx(reference_document, use_kept=False)
    path = write_yaml(result.data, tmp_path / "impor.yaml", result.tidak_terbaca)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Tidak terbaca saat impor")
    assert kpu_docs.load(path) == kpu_docs.from_data(result.data)


def test_yaml_of_the_seed_loads_back(tmp_path):
    result = import_file(SEED)
    path = tmp_path / "seed.yaml"
    path.write_text(to_yaml(result.data, result.tidak_terbaca), encoding="utf-8")
    assert kpu_docs.load(path) == kpu_docs.from_data(result.data)
