"""Templates are read and compiled once per process, in Jinja's sandbox."""

import re
import shutil
import zipfile

import pytest

import kpu_docs
from kpu_docs.models import Keputusan
from kpu_docs.word.prepared import TemplateProblem, prepare
from kpu_docs.word.templates import template_dir
from tests.conftest import minimal_data


def _copy_templates(folder, replace: bytes = b"{{ tempat }}", by: bytes | None = None):
    folder.mkdir(exist_ok=True)
    shutil.copy(template_dir() / "lampiran.docx", folder / "lampiran.docx")
    with zipfile.ZipFile(template_dir() / "keputusan.docx") as zin, zipfile.ZipFile(folder / "keputusan.docx", "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml" and by is not None:
                assert replace in data
                data = data.replace(replace, by)
            zout.writestr(item, data)
    return folder


def test_a_template_is_prepared_once_and_again_when_it_changes(tmp_path):
    folder = _copy_templates(tmp_path / "templat")
    first = prepare(folder / "keputusan.docx")
    assert prepare(folder / "keputusan.docx") is first
    _copy_templates(folder, by=b"{{ tempat }} (diubah)")
    assert prepare(folder / "keputusan.docx") is not first


def test_a_template_cannot_reach_python(tmp_path):
    folder = _copy_templates(tmp_path / "templat", by=b"{{ cycler.__init__.__globals__.os.popen('id').read() }}")
    keputusan = Keputusan.model_validate(minimal_data())
    with pytest.raises(TemplateProblem, match="keputusan.docx"):
        kpu_docs.render_bytes(keputusan, folder)


def test_a_broken_tag_is_an_error_naming_the_template(tmp_path):
    folder = _copy_templates(tmp_path / "templat", by=b"{{ tempat ")
    keputusan = Keputusan.model_validate(minimal_data())
    with pytest.raises(TemplateProblem, match="keputusan.docx: tag templat rusak"):
        kpu_docs.render_bytes(keputusan, folder)


def _rewritten(folder, change):
    """The templates with keputusan.docx's document.xml passed through `change`."""
    _copy_templates(folder)
    source = folder / "keputusan.docx"
    with zipfile.ZipFile(source) as zin:
        items = [(item, zin.read(item.filename)) for item in zin.infolist()]
    with zipfile.ZipFile(source, "w") as zout:
        for item, data in items:
            zout.writestr(item, change(data) if item.filename == "word/document.xml" else data)
    return folder


def test_a_body_that_is_not_the_documents_child_is_a_template_problem(tmp_path):
    folder = _rewritten(
        tmp_path / "templat",
        lambda xml: xml.replace(b"<w:body>", b"<w:customXml><w:body>").replace(b"</w:body>", b"</w:body></w:customXml>"),
    )
    keputusan = Keputusan.model_validate(minimal_data())
    with pytest.raises(TemplateProblem, match="keputusan.docx: document.xml tanpa w:body"):
        kpu_docs.render_bytes(keputusan, folder)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda xml: re.sub(rb"<w:pgMar [^>]*/>", b"", xml), "pengaturan halaman tanpa w:pgMar"),
        (lambda xml: re.sub(rb'(<w:pgSz) w:w="\d+"', rb"\1", xml), "w:pgSz pada pengaturan halaman tanpa atribut w:w"),
    ],
)
def test_a_page_without_its_size_or_margins_is_a_template_problem(tmp_path, change, message):
    folder = _rewritten(tmp_path / "templat", change)
    keputusan = Keputusan.model_validate(minimal_data())
    with pytest.raises(TemplateProblem, match=message):
        kpu_docs.render_bytes(keputusan, folder)
