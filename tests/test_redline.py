"""The redline: NEW as Word with tracked changes against OLD (`kpu-docs diff --docx`).

The XML tests read the tracked changes as Word stores them; accepting and rejecting them is
done here by a small transform of the XML (the rules of WordprocessingML), and the tests marked
libreoffice check the same with LibreOffice itself, which accepts and rejects all changes.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

import kpu_docs
from kpu_docs.cli import app
from kpu_docs.models import Keputusan
from kpu_docs.next_year import next_year
from kpu_docs.redline import redline
from kpu_docs.word.document import render_bytes
from tests.conftest import EXAMPLE, minimal_data
from tests.missing import tool_missing

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def k(**changes) -> Keputusan:
    return Keputusan.model_validate(minimal_data(**changes))


def document(docx: bytes) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))


def text(element: etree._Element, path: str) -> str:
    """All the text under the elements `path` selects, joined."""
    return "".join(element.xpath(f"{path}//text()", namespaces=NS))


def paragraphs(root: etree._Element) -> list[str]:
    """Each paragraph's text (w:t, w:delText), tables included, in order."""
    return ["".join(p.xpath(".//w:t/text() | .//w:delText/text()", namespaces=NS)) for p in root.iter(f"{{{W}}}p")]


def resolved(docx: bytes, accept: bool) -> list[str]:
    """The paragraphs after accepting (or rejecting) every tracked change, by the rules of
    WordprocessingML: the side that goes loses its runs, its paragraphs whose mark it made, and
    its rows; the side that stays keeps its text."""
    root = document(docx)
    gone, kept = ("del", "ins") if accept else ("ins", "del")
    for row in root.xpath(f"//w:tr[w:trPr/w:{gone}]", namespaces=NS):
        row.getparent().remove(row)
    for p in root.xpath(f"//w:p[w:pPr/w:rPr/w:{gone}]", namespaces=NS):
        p.getparent().remove(p)
    for mark in root.xpath(f"//w:{gone}[not(ancestor::w:rPr) and not(ancestor::w:trPr)]", namespaces=NS):
        mark.getparent().remove(mark)
    return paragraphs(root)


@pytest.fixture(scope="module")
def reference_pair(tmp_path_factory) -> tuple[Keputusan, Keputusan]:
    """The reference decree and its next-year draft (`kpu-docs next-year`)."""
    folder = tmp_path_factory.mktemp("next-year")
    next_year(EXAMPLE, folder / "draf.yaml")
    return kpu_docs.load(EXAMPLE), kpu_docs.load(folder / "draf.yaml")


@pytest.fixture(scope="module")
def reference_redline(reference_pair) -> bytes:
    return redline(*reference_pair)


def test_changed_words_are_marked_inside_their_paragraph(reference_redline):
    root = document(reference_redline)
    title = root.xpath("//w:p[.//w:pStyle/@w:val='JudulKeputusan'][contains(., 'NOMOR')]", namespaces=NS)[0]
    assert text(title, ".//w:del") == "112025"
    assert text(title, ".//w:ins") == "[ISI NOMOR]2026"
    assert "".join(title.xpath(".//w:r[not(parent::w:del)]/w:t/text()", namespaces=NS)) == "NOMOR [ISI NOMOR] TAHUN 2026"
    # a Lampiran table cell: only the year changes, the rest of the cell is plain text
    cell = root.xpath("//w:tc[contains(., 'September s/d Desember')][.//w:del]", namespaces=NS)[0]
    assert text(cell, ".//w:del") == "2025"
    assert text(cell, ".//w:ins") == "2026"
    assert text(cell, ".//w:r[not(parent::w:del) and not(parent::w:ins)]") == "September s/d Desember "


def test_every_change_has_an_author_a_date_and_its_own_id(reference_redline):
    root = document(reference_redline)
    marks = root.xpath("//w:ins | //w:del", namespaces=NS)
    assert len(marks) > 60
    assert {m.get(f"{{{W}}}author") for m in marks} == {"kpu-docs"}
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", m.get(f"{{{W}}}date")) for m in marks)
    ids = [m.get(f"{{{W}}}id") for m in marks]
    assert len(set(ids)) == len(ids)
    assert not root.xpath("//w:del//w:t | //w:ins//w:delText", namespaces=NS)  # deleted text is w:delText


def test_unchanged_paragraphs_carry_no_marks(reference_pair, reference_redline):
    root = document(reference_redline)
    menimbang_a = root.xpath("//w:p[contains(., 'bahwa berdasarkan ketentuan Peraturan Menteri')]", namespaces=NS)[0]
    assert not menimbang_a.xpath(".//w:ins | .//w:del", namespaces=NS)


def test_accept_gives_new_and_reject_gives_old(reference_pair, reference_redline):
    old, new = (paragraphs(document(render_bytes(x))) for x in reference_pair)
    assert old != new
    assert resolved(reference_redline, accept=True) == new
    assert resolved(reference_redline, accept=False) == old


def structural_pair() -> tuple[Keputusan, Keputusan]:
    """Items, paragraphs and table rows added and removed, in every part."""
    table = {"kolom": ["NO", "NAMA", "JABATAN"], "nomor_urut": True,
             "baris": [["Ani", "Ketua"], ["Budi", "Anggota"], ["Citra", "Sekretaris"]]}
    old = k(tembusan=["Ketua KPU Provinsi NTB"], lampiran=[{"judul": "Susunan Tim", "isi": [
        {"tabel": table}, {"paragraf": "Paragraf yang akan dihapus seluruhnya."}, {"paragraf": "Penutup lampiran tahun 2025."}]}])
    new_table = {**table, "baris": [["Ani", "Ketua Tim"], ["Citra", "Sekretaris"], ["Dedi", "Anggota"]]}
    new = k(
        menimbang=["bahwa perlu dibentuk tim kerja baru", "bahwa ada alasan tambahan", "bahwa tim kerja perlu ditetapkan dengan keputusan"],
        diktum=["Membentuk Tim Kerja Tahun 2026.", "Keputusan ini mulai berlaku pada tanggal ditetapkan."],
        tembusan=["Ketua KPU Provinsi NTB", "Inspektorat KPU"],
        lampiran=[{"judul": "Susunan Tim", "isi": [{"tabel": new_table}, {"paragraf": "Paragraf baru tentang tugas tim."},
                                            {"paragraf": "Penutup lampiran tahun 2026."}]}],
    )
    return old, new


def test_added_and_removed_paragraphs_and_rows():
    old, new = structural_pair()
    data = redline(old, new)
    root = document(data)
    inserted_rows = root.xpath("//w:tr[w:trPr/w:ins]", namespaces=NS)
    deleted_rows = root.xpath("//w:tr[w:trPr/w:del]", namespaces=NS)
    assert ["".join(r.xpath(".//w:t/text()", namespaces=NS)) for r in inserted_rows] == ["3DediAnggota"]
    assert ["".join(r.xpath(".//w:delText/text()", namespaces=NS)) for r in deleted_rows] == ["2BudiAnggota"]
    removed = root.xpath("//w:p[w:pPr/w:rPr/w:del]", namespaces=NS)
    assert "Paragraf yang akan dihapus seluruhnya." in ["".join(p.xpath(".//w:delText/text()", namespaces=NS)) for p in removed]
    added = root.xpath("//w:p[w:pPr/w:rPr/w:ins]", namespaces=NS)
    added_text = " / ".join(text(p, ".//w:t") for p in added)
    assert all(t in added_text for t in ("bahwa ada alasan tambahan", "Inspektorat KPU", "Paragraf baru tentang tugas tim."))
    assert resolved(data, accept=True) == paragraphs(document(render_bytes(new)))
    assert resolved(data, accept=False) == paragraphs(document(render_bytes(old)))


def test_same_decree_gives_no_tracked_changes(reference):
    assert not document(redline(reference, reference)).xpath("//w:ins | //w:del", namespaces=NS)


def test_cli_writes_the_redline(reference_pair, tmp_path):
    draft = tmp_path / "draf.yaml"
    next_year(EXAMPLE, draft)
    target = tmp_path / "redline.docx"
    result = CliRunner().invoke(app, ["diff", str(EXAMPLE), str(draft), "--docx", str(target), "--penulis", "Kabag Hukum"])
    assert result.exit_code == 1, result.output  # the decrees differ
    assert f"Ditulis: {target}" in result.output
    marks = document(target.read_bytes()).xpath("//w:ins | //w:del", namespaces=NS)
    assert marks and {m.get(f"{{{W}}}author") for m in marks} == {"Kabag Hukum"}
    # with --json standard output stays JSON
    result = CliRunner().invoke(app, ["diff", str(EXAMPLE), str(draft), "--docx", str(target), "--json"])
    assert json.loads(result.stdout)


@pytest.mark.parametrize("name, message", [("redline.pdf", "harus berakhiran .docx"), ("tidak-ada/redline.docx", "tidak ada")])
def test_cli_refuses_a_bad_target(tmp_path, name, message):
    result = CliRunner().invoke(app, ["diff", str(EXAMPLE), str(EXAMPLE), "--docx", str(tmp_path / name)])
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output
    assert not list(tmp_path.rglob("*.*"))


def test_cli_refuses_to_overwrite_an_input(tmp_path):
    source = tmp_path / "lama.docx"
    source.write_bytes(b"not a decree")
    result = CliRunner().invoke(app, ["diff", str(source), str(EXAMPLE), "--docx", str(source)])
    assert result.exit_code == 2 and source.read_bytes() == b"not a decree"


# --- LibreOffice itself --------------------------------------------------------------------

UNO_SCRIPT = Path(__file__).with_name("lo_tracked_changes.py")


def _system_python_with_uno() -> str:
    for python in ("/usr/bin/python3", shutil.which("python3") or ""):
        if python and subprocess.run([python, "-c", "import uno"], capture_output=True).returncode == 0:
            return python
    reason = "python3-uno (LibreOffice's Python bridge) is not installed"
    tool_missing(reason)


def libreoffice_resolves(tmp_path: Path, pairs: dict[str, tuple[Keputusan, Keputusan]]) -> dict[str, dict]:
    """LibreOffice opens each redline, accepts (and, separately, rejects) all changes and saves
    the text; OLD and NEW rendered are saved as text the same way. One LibreOffice for all."""
    if shutil.which("soffice") is None:
        tool_missing("LibreOffice (soffice) is not installed")
    python = _system_python_with_uno()
    jobs = []
    for name, (old, new) in pairs.items():
        files = {"redline": redline(old, new), "lama": render_bytes(old), "baru": render_bytes(new)}
        for kind, data in files.items():
            (tmp_path / f"{name}-{kind}.docx").write_bytes(data)
        jobs += [(f"{name}-{s}", m, f"{name}-{t}") for s, m, t in
                 [("redline", "accept", "diterima"), ("redline", "reject", "ditolak"), ("lama", "keep", "lama"), ("baru", "keep", "baru")]]
    run = subprocess.run(
        [python, str(UNO_SCRIPT), str(tmp_path / "profile"), *(f"{tmp_path / s}.docx:{m}:{tmp_path / t}.txt" for s, m, t in jobs)],
        capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stderr
    counts = {Path(c["file"]).name: c for c in map(json.loads, run.stdout.splitlines())}
    return {
        name: {"redline": counts[f"{name}-redline.docx"],
               **{t: (tmp_path / f"{name}-{t}.txt").read_text(encoding="utf-8-sig") for t in ("diterima", "ditolak", "lama", "baru")}}
        for name in pairs
    }


@pytest.mark.libreoffice
def test_libreoffice_accepts_to_new_and_rejects_to_old(reference_pair, tmp_path):
    got = libreoffice_resolves(tmp_path, {"referensi": reference_pair})["referensi"]
    assert got["redline"]["redlines"] > 60 and got["redline"]["left"] == 0  # opened with tracked changes, all resolved
    assert got["lama"] != got["baru"] and "Desember 2025" in got["lama"] and "TAHUN 2026" in got["baru"]
    assert got["diterima"] == got["baru"]
    assert got["ditolak"] == got["lama"]


@pytest.mark.libreoffice
def test_libreoffice_resolves_added_and_removed_paragraphs_and_rows(tmp_path):
    got = libreoffice_resolves(tmp_path, {"struktur": structural_pair()})["struktur"]
    assert "Dedi" in got["baru"] and "Budi" in got["lama"]
    assert got["diterima"] == got["baru"]
    assert got["ditolak"] == got["lama"]


@pytest.mark.libreoffice
def test_libreoffice_resolves_every_example_both_ways(tmp_path):
    """Each example against its next-year draft, and back: signature forms, QR codes, kop,
    grouped tables, the Lampiran of other offices."""
    pairs = {}
    for source in sorted(EXAMPLE.parent.rglob("*.yaml")):
        name = source.stem
        next_year(source, tmp_path / f"{name}-draf.yaml")
        final, draft = kpu_docs.load(source), kpu_docs.load(tmp_path / f"{name}-draf.yaml")
        pairs[f"{name}-maju"], pairs[f"{name}-mundur"] = (final, draft), (draft, final)
    assert len(pairs) >= 12
    got = libreoffice_resolves(tmp_path, pairs)
    wrong = [(name, side) for name, texts in got.items() for side, want in (("diterima", "baru"), ("ditolak", "lama"))
             if texts[side] != texts[want]]
    assert wrong == []
