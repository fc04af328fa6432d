"""The resume manifest: a row is skipped only when its inputs and its files are as recorded."""

from __future__ import annotations

from kpu_docs.batch.manifest import FILE_NAME, Manifest, canonical, digest


def _written(tmp_path, pdf=False):
    manifest = Manifest(tmp_path)
    files = {"a.docx": b"docx"} | ({"a.pdf": b"pdf"} if pdf else {})
    for name, blob in files.items():
        (tmp_path / name).write_bytes(blob)
    manifest.record("a", "h1", {name: digest(blob) for name, blob in files.items()})
    manifest.save()
    return Manifest(tmp_path)


def test_unchanged_needs_same_inputs_and_files(tmp_path):
    manifest = _written(tmp_path)
    assert manifest.unchanged("a", "h1", pdf=False)
    assert not manifest.unchanged("a", "h2", pdf=False)
    assert not manifest.unchanged("b", "h1", pdf=False)
    assert not manifest.unchanged("a", "h1", pdf=True)  # asked for a PDF it never made
    (tmp_path / "a.docx").write_bytes(b"edited")
    assert not manifest.unchanged("a", "h1", pdf=False)
    (tmp_path / "a.docx").unlink()
    assert not manifest.unchanged("a", "h1", pdf=False)


def test_pdf_made_before_counts(tmp_path):
    assert _written(tmp_path, pdf=True).unchanged("a", "h1", pdf=True)


def test_unreadable_manifest_means_render_everything(tmp_path):
    (tmp_path / FILE_NAME).write_text("{not json", encoding="utf-8")
    assert Manifest(tmp_path).entries == {}


def test_canonical_json_ignores_key_order():
    assert canonical({"a": 1, "b": [1, 2]}) == canonical({"b": [1, 2], "a": 1})
