"""Next year's draft: the decree's own year moves, cited years stay, the file keeps its comments."""

from __future__ import annotations

import datetime
import difflib
import json

import pytest
from docx import Document
from hypothesis import given, strategies as st
from typer.testing import CliRunner

import kpu_docs
from kpu_docs import plaintext
from kpu_docs.cli import app
from kpu_docs.errors import InputError
from kpu_docs.next_year import next_year, roll_forward, shift_text
from tests.conftest import EXAMPLE, minimal_data


@pytest.fixture(scope="module")
def draft(tmp_path_factory):
    folder = tmp_path_factory.mktemp("next-year")
    target = folder / "keputusan-2026.yaml"
    report = next_year(EXAMPLE, target)
    return target, report


def test_rendered_draft_has_no_2025_and_the_new_title(draft, tmp_path):
    target, _ = draft
    path = tmp_path / "draf.docx"
    kpu_docs.render(kpu_docs.load(target), path)
    text = plaintext.text(Document(str(path)))
    assert "2025" not in text
    assert "NOMOR [ISI NOMOR] TAHUN 2026" in text
    assert "PEMILIHAN UMUM KOTA MATARAM TAHUN 2026" in text
    assert "pada tanggal 3 September 2026" in text
    assert text.count("September s/d Desember 2026") == 22
    assert "Agustus s/d Desember 2026" in text


def test_citations_keep_their_years(draft, reference):
    target, _ = draft
    new = kpu_docs.load(target)
    assert new.mengingat == reference.mengingat
    assert "Nomor 10 Tahun 2019" in new.menimbang[0]
    assert new.tahun == 2026 and new.penutup.tanggal == datetime.date(2026, 9, 3)


def test_file_keeps_comments_and_layout_and_changes_only_the_changed_lines(draft):
    target, report = draft
    old_lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    new_lines = target.read_text(encoding="utf-8").splitlines()
    tahun = new_lines.index("tahun: 2026")
    assert new_lines.pop(tahun + 1) == "status: draf"  # the one line added, after tahun
    assert len(old_lines) == len(new_lines)
    comments = [line for line in old_lines if line.lstrip().startswith("#")]
    assert comments and all(c in new_lines for c in comments)
    changed = [(a, b) for a, b in zip(old_lines, new_lines) if a != b]
    assert len(changed) == len(report.diubah) - 1  # every value sits on one line of its own here; status is added
    for old, new in changed:
        assert ("2025" in old and "2026" in new) or old.startswith("nomor:")
    assert 'nomor: "[ISI NOMOR]"' in new_lines


def test_draft_warns_about_the_placeholder_number(draft):
    target, _ = draft
    assert any(w.startswith("nomor: masih [ISI NOMOR]") for w in kpu_docs.periksa(kpu_docs.load(target)))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Rencana Aksi Tahun 2025", "Rencana Aksi Tahun 2026"),
        ("RENCANA AKSI TAHUN 2025.", "RENCANA AKSI TAHUN 2026."),
        ("September s/d Desember 2025", "September s/d Desember 2026"),
        ("November 2025 s/d Februari 2026", "November 2026 s/d Februari 2027"),
        ("ditetapkan pada 3 September 2025", "ditetapkan pada 3 September 2026"),
        ("rapat 2025-09-03", "rapat 2026-09-03"),
        ("sejak Tahun 2019 sampai Tahun 2025", "sejak Tahun 2019 sampai Tahun 2026"),
        ("Keputusan KPU Nomor 5 Tahun 2025 tentang Pedoman", "Keputusan KPU Nomor 5 Tahun 2025 tentang Pedoman"),
        ("Rencana Strategis 2025-2029", "Rencana Strategis 2025-2029"),
        ("Berita Acara Nomor 12/PP.04.1-BA/5201/2025 tanggal 1 September 2025",
         "Berita Acara Nomor 12/PP.04.1-BA/5201/2025 tanggal 1 September 2025"),
        ("Surat Sekretaris Jenderal tanggal 2025-03-01", "Surat Sekretaris Jenderal tanggal 2025-03-01"),
        ("Keputusan ini berlaku sejak tanggal 1 Oktober 2025", "Keputusan ini berlaku sejak tanggal 1 Oktober 2026"),
        ("DIPA Tahun Anggaran 2025", "DIPA Tahun Anggaran 2026"),
        ("anggaran TA 2025 untuk Periode 2025", "anggaran TA 2026 untuk Periode 2026"),
        ("Tahun Akademik 2025/2026", "Tahun Akademik 2026/2027"),
    ],
)
def test_shift_text(text, expected):
    assert shift_text(text, 2025, 2026)[0] == expected


def test_undecidable_years_are_listed_not_changed():
    _, notes = shift_text("Rencana Strategis 2025-2029 dan Keputusan Nomor 5 Tahun 2025", 2025, 2026)
    assert len(notes) == 2
    assert any("rujukan peraturan" in n for n in notes)
    assert any("Rencana Strategis 2025-2029" in n for n in notes)


@given(st.text(alphabet=st.characters(blacklist_characters="0123456789"), max_size=200))
def test_text_without_years_is_untouched(text):
    assert shift_text(text, 2025, 2026) == (text, [])


def test_roll_forward_to_a_given_year_and_leap_day():
    data = minimal_data(tahun=2024, mengingat=["Undang-Undang Nomor 1 Tahun 2024 tentang Contoh"],
                        tentang="Tim Kerja Tahun 2024")
    data["penutup"]["tanggal"] = datetime.date(2024, 2, 29)
    report = roll_forward(data, 2027)
    assert data["tahun"] == 2027 and data["tentang"] == "Tim Kerja Tahun 2027"
    assert data["penutup"]["tanggal"] == datetime.date(2027, 2, 28)
    assert data["mengingat"] == ["Undang-Undang Nomor 1 Tahun 2024 tentang Contoh"]
    assert {c.lokasi for c in report.diubah} == {"tahun", "nomor", "status", "tentang", "penutup.tanggal"}
    assert data["status"] == "draf"


def test_bad_source_writes_nothing(tmp_path):
    bad = tmp_path / "rusak.yaml"
    bad.write_text("tahun: 2025\n", encoding="utf-8")
    with pytest.raises(InputError):
        next_year(bad, tmp_path / "baru.yaml")
    source = tmp_path / "k.json"
    source.write_text(json.dumps(minimal_data(), default=str), encoding="utf-8")
    with pytest.raises(InputError, match="YAML"):
        next_year(source, tmp_path / "baru.yaml")
    assert not (tmp_path / "baru.yaml").exists()


def test_cli_prints_a_summary(tmp_path):
    target = tmp_path / "draf.yaml"
    result = CliRunner().invoke(app, ["next-year", str(EXAMPLE), "-o", str(target), "--tahun", "2027"])
    assert result.exit_code == 0, result.output
    assert "tahun 2025 → 2027" in result.output
    assert "penutup.tanggal: 2025-09-03 → 2027-09-03" in result.output
    assert kpu_docs.load(target).tahun == 2027
    diff = list(difflib.unified_diff(EXAMPLE.read_text().splitlines(), target.read_text().splitlines(), n=0))
    added = [line for line in diff if line.startswith("+") and not line.startswith("+++")]
    assert "+status: draf" in added
    assert all("2027" in line or "NOMOR" in line for line in added if line != "+status: draf")


@pytest.mark.parametrize("written", [">-\n  11/PP.04.1-Kpt/5201/2025\n", ">-\n  11/PP.04.1-Kpt/5201/2025\n\n# komentar\n",
                                     "|-\n    11/PP.04.1-Kpt/5201/2025\n"])
def test_a_block_scalar_nomor_is_replaced_whole(tmp_path, written):
    """A folded or literal nomor was edited at its indicator alone: invalid text, then a crash."""
    source = tmp_path / "k.yaml"
    source.write_text(EXAMPLE.read_text(encoding="utf-8").replace('nomor: "11"\n', f"nomor: {written}", 1), encoding="utf-8")
    target = tmp_path / "baru.yaml"
    next_year(source, target)
    assert kpu_docs.load(target).nomor == "[ISI NOMOR]/PP.04.1-Kpt/5201/2026"
    assert 'nomor: "[ISI NOMOR]/PP.04.1-Kpt/5201/2026"\n' + ("\n# komentar\n" if "komentar" in written else "") + "tahun: 2026\n" \
        in target.read_text(encoding="utf-8")
