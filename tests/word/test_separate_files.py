"""lampiran_terpisah: the decree and each Lampiran in files of their own, replaced as a set."""

import docx

import kpu_docs
from kpu_docs.models import Keputusan
from tests.conftest import minimal_data


def _decree(lampiran_count: int, separate: bool = True) -> Keputusan:
    lampiran = [{"judul": f"Lampiran {n}", "isi": [f"Isi lampiran {n}."]} for n in range(1, lampiran_count + 1)]
    return Keputusan.model_validate(minimal_data(lampiran=lampiran, pengaturan={"lampiran_terpisah": separate}))


def _text(path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_each_lampiran_in_its_own_file(tmp_path):
    paths = kpu_docs.render(_decree(2), tmp_path / "sk.docx")
    assert [p.name for p in paths] == ["sk.docx", "sk-lampiran-1.docx", "sk-lampiran-2.docx"]
    assert "Isi lampiran 2." in _text(paths[2]) and "Isi lampiran 2." not in _text(paths[0])


def test_lampiran_files_of_an_earlier_render_with_more_lampiran_are_removed(tmp_path):
    kpu_docs.render(_decree(3), tmp_path / "sk.docx")
    (tmp_path / "sk-lampiran-3.pdf").write_bytes(b"%PDF- lama")  # its PDF from the earlier run
    (tmp_path / "sk-lampiran-lama.docx").write_bytes(b"bukan bagian dari set")
    kpu_docs.render(_decree(1), tmp_path / "sk.docx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sk-lampiran-1.docx", "sk-lampiran-lama.docx", "sk.docx"]
    kpu_docs.render(_decree(1, separate=False), tmp_path / "sk.docx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sk-lampiran-lama.docx", "sk.docx"]
    assert "Isi lampiran 1." in _text(tmp_path / "sk.docx")
