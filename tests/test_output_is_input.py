"""An output that is one of the command's inputs is refused, naming both, and every file stays as it was."""

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpu_docs.cli import app
from kpu_docs.files import OutputIsInput, refuse_overwriting_inputs, same_path
from kpu_docs.word.templates import template_dir

EXAMPLE = Path(__file__).parent / "hostile" / "files" / "dasar.yaml"
runner = CliRunner()


@pytest.fixture
def folder(tmp_path):
    """A working folder: a decree, its rendered .docx, and a copy of the shipped templates."""
    shutil.copy(EXAMPLE, tmp_path / "a.yaml")
    assert runner.invoke(app, ["render", str(tmp_path / "a.yaml"), "-o", str(tmp_path)]).exit_code == 0
    (tmp_path / "tpl").mkdir()
    for name in ("keputusan.docx", "lampiran.docx"):
        shutil.copy(template_dir() / name, tmp_path / "tpl" / name)
    return tmp_path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("args, named", [
    (["import", "{d}/a.docx", "-o", "{d}/a.docx"], ["a.docx"]),
    (["next-year", "{d}/a.yaml", "-o", "{d}/a.yaml"], ["a.yaml"]),
    (["next-year", "{d}/a.yaml", "-o", "{d}/sub/../a.yaml"], ["a.yaml"]),
    (["render", "{d}/a.yaml", "-o", "{d}/tpl", "--templat", "{d}/tpl"], ["tpl"]),
    (["render", "{d}/a.yaml", "-o", "{d}/tpl/", "--templat", "{d}/tpl/../tpl"], ["tpl"]),
    (["batch", "{d}/a.yaml", "{d}/data.csv", "-o", "{d}/tpl", "--templat", "{d}/tpl"], ["tpl"]),
])
def test_an_output_that_is_an_input_is_refused_and_nothing_changes(folder, args, named):
    (folder / "sub").mkdir()
    (folder / "data.csv").write_text("berkas,nomor\nkeputusan,1\n", encoding="utf-8")
    before = _snapshot(folder)
    result = runner.invoke(app, [a.format(d=folder) for a in args])
    assert result.exit_code == 2, result.output
    assert "akan tertimpa" in result.output and all(n in result.output for n in named)
    assert _snapshot(folder) == before


def test_a_symlink_or_a_hard_link_to_the_input_is_the_input(folder):
    os.symlink(folder / "a.yaml", folder / "tautan.yaml")
    os.link(folder / "a.docx", folder / "kembar.docx")
    before = _snapshot(folder)
    result = runner.invoke(app, ["next-year", str(folder / "tautan.yaml"), "-o", str(folder / "a.yaml")])
    assert result.exit_code == 2 and "tautan.yaml" in result.output and "a.yaml" in result.output
    result = runner.invoke(app, ["import", str(folder / "a.docx"), "-o", str(folder / "kembar.docx")])
    assert result.exit_code == 2 and "kembar.docx" in result.output
    assert _snapshot(folder) == before


def test_render_into_the_template_folder_through_a_decree_named_like_the_template(folder):
    """A hard link of the template under the decree's output name is caught too."""
    shutil.copy(folder / "a.yaml", folder / "keputusan.yaml")
    (folder / "hasil").mkdir()
    os.link(folder / "tpl" / "keputusan.docx", folder / "hasil" / "keputusan.docx")
    before = _snapshot(folder)
    result = runner.invoke(app, ["render", str(folder / "keputusan.yaml"), "-o", str(folder / "hasil"),
                                 "--templat", str(folder / "tpl")])
    assert result.exit_code == 2 and "tpl/keputusan.docx" in result.output
    assert _snapshot(folder) == before


def test_different_files_pass(tmp_path):
    (tmp_path / "a").write_text("a")
    (tmp_path / "b").write_text("a")
    assert not same_path(tmp_path / "a", tmp_path / "b")
    refuse_overwriting_inputs([tmp_path / "b", tmp_path / "baru", None], [tmp_path / "a", None])
    with pytest.raises(OutputIsInput):
        refuse_overwriting_inputs([tmp_path / "baru", tmp_path / "." / "a"], [tmp_path / "a"])
