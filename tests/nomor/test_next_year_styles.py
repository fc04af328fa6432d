"""next-year for every numbering style: the office's pattern kept with the new year, past events kept
and listed, fiscal years moved and listed, all in the review file with field and line."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from typer.testing import CliRunner

import kpu_docs
from kpu_docs.checks import periksa
from kpu_docs.cli import app
from kpu_docs.next_year import next_year
from kpu_docs.word import render_bytes
from tests.nomor.conftest import decree_file


def number_lines(keputusan) -> list[str]:
    """The texts of the rendered document.xml that start with NOMOR: the title block's number line."""
    with zipfile.ZipFile(io.BytesIO(render_bytes(keputusan))) as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    return re.findall(r"<w:t[^>]*>(NOMOR [^<]*)</w:t>", xml)


@pytest.mark.parametrize(
    "nomor, tanggal, draft_nomor",
    [
        ("45/PP.04.1-Kpt/5201/2025", "2025-09-03", "[ISI NOMOR]/PP.04.1-Kpt/5201/2026"),
        ("188.45-52/2023", "2023-03-01", "188.45-[ISI NOMOR]/2024"),
        ("B/430/II.02/HK/TUBABA/2018", "2018-01-02", "B/[ISI NOMOR]/II.02/HK/TUBABA/2019"),
        ("314/ORT.07-Kpt/01/KPU/V/2021", "2021-05-20", "[ISI NOMOR]/ORT.07-Kpt/01/KPU/V/2022"),
    ],
)
def test_the_pattern_is_kept_with_the_new_year_and_printed_without_a_tahun_line(tmp_path, nomor, tanggal, draft_nomor):
    source = decree_file(tmp_path, nomor, tanggal)
    target = tmp_path / "draf.yaml"
    next_year(source, target)
    text = target.read_text(encoding="utf-8")
    assert f'nomor: "{draft_nomor}"  # nomor dari buku agenda' in text.splitlines()
    draft = kpu_docs.load(target)
    assert number_lines(draft) == [f"NOMOR {draft_nomor}"]
    assert any(w.startswith("nomor: masih [ISI NOMOR]") for w in periksa(draft))
    assert not any("pada nomor berbeda" in w for w in periksa(draft))


def test_a_plain_number_keeps_its_tahun_line(tmp_path):
    target = tmp_path / "draf.yaml"
    next_year(decree_file(tmp_path, "11", "2025-09-03"), target)
    assert 'nomor: "[ISI NOMOR]"  # nomor dari buku agenda' in target.read_text(encoding="utf-8")
    assert number_lines(kpu_docs.load(target)) == ["NOMOR [ISI NOMOR] TAHUN 2026"]


def test_a_roman_month_follows_the_date_not_the_old_number(tmp_path):
    # the old number says May (V) but the decree is dated June: the draft's month comes from its date
    source = decree_file(tmp_path, "314/ORT.07-Kpt/01/KPU/V/2021", "2021-06-02",
                         pola="{urut}/ORT.07-Kpt/01/KPU/{bulan_romawi}/{tahun}")
    target = tmp_path / "draf.yaml"
    next_year(source, target, tahun=2023)
    assert kpu_docs.load(target).nomor == "[ISI NOMOR]/ORT.07-Kpt/01/KPU/VI/2023"
    assert 'pola_nomor: "{urut}/ORT.07-Kpt/01/KPU/{bulan_romawi}/{tahun}"' in target.read_text(encoding="utf-8")


def test_an_unrecognised_number_is_cleared_and_listed(tmp_path):
    target = tmp_path / "draf.yaml"
    report = next_year(decree_file(tmp_path, "KEP/ABC/2025", "2025-09-03"), target)
    assert kpu_docs.load(target).nomor == "[ISI NOMOR]"
    (change,) = [c for c in report.diubah if c.lokasi == "nomor"]
    assert "tidak dikenali" in change.catatan and "pola_nomor" in change.catatan


@pytest.fixture
def drafted(tmp_path):
    source = decree_file(tmp_path, "45/PP.04.1-Kpt/5201/2025", "2025-09-03")
    target = tmp_path / "draf-2026.yaml"
    report = next_year(source, target)
    return source, target, report


def test_each_kind_of_year(drafted):
    _, target, _ = drafted
    draft = kpu_docs.load(target)
    # the decree's own year moves
    assert draft.tahun == 2026 and draft.tentang == "Pembentukan Tim Kerja Tahun 2026"
    assert draft.diktum[0].isi == "Membentuk Tim Kerja Tahun 2026." and str(draft.penutup.tanggal) == "2026-09-03"
    # a past event keeps its number and its date
    assert draft.menimbang[0] == ("bahwa berdasarkan Berita Acara Nomor 12/PP.04.1-BA/5201/2025 tanggal "
                                  "1 September 2025 perlu dibentuk tim kerja")
    # a fiscal year moves with the decree
    assert draft.menimbang[1] == "bahwa kegiatan tim dibiayai DIPA Tahun Anggaran 2026"
    # cited regulations and documents keep theirs
    assert draft.mengingat[1] == "Peraturan Komisi Pemilihan Umum Nomor 5 Tahun 2025 tentang Tata Kerja"
    assert draft.memperhatikan[0] == "Surat Sekretaris Jenderal Nomor 7/SDM.02-SD/04/2025 tentang Tim Kerja"


def test_only_the_changed_values_change_in_the_file(drafted):
    source, target, _ = drafted
    old, new = source.read_text().splitlines(), target.read_text().splitlines()
    assert new.pop(new.index("tahun: 2026") + 1) == "status: draf"  # the one line added: the draft's status
    assert len(old) == len(new) and old[0] == new[0]
    changed = {a: b for a, b in zip(old, new) if a != b}
    assert changed == {
        'nomor: "45/PP.04.1-Kpt/5201/2025"  # nomor dari buku agenda': 'nomor: "[ISI NOMOR]/PP.04.1-Kpt/5201/2026"  # nomor dari buku agenda',
        "tahun: 2025": "tahun: 2026",
        "tentang: Pembentukan Tim Kerja Tahun 2025": "tentang: Pembentukan Tim Kerja Tahun 2026",
        "  - bahwa kegiatan tim dibiayai DIPA Tahun Anggaran 2025": "  - bahwa kegiatan tim dibiayai DIPA Tahun Anggaran 2026",
        "  - Membentuk Tim Kerja Tahun 2025.": "  - Membentuk Tim Kerja Tahun 2026.",
        "  tanggal: 2025-09-03": "  tanggal: 2026-09-03",
    }


def test_review_file_lists_changes_and_decisions_with_field_and_line(drafted):
    _, target, report = drafted
    review = target.with_name("draf-2026.periksa.md")
    assert report.berkas_periksa == review
    text = review.read_text(encoding="utf-8")
    lines = target.read_text(encoding="utf-8").splitlines()
    todo = text.split("## Perlu diisi atau diperiksa")[1].split("## Yang diubah")[0]
    expected = {
        # field: (the line it names holds this text, what the item says)
        "nomor": ("[ISI NOMOR]/PP.04.1-Kpt/5201/2026", "isi nomor urut di tempat [ISI NOMOR]"),
        "menimbang[1]": ("Nomor 12/PP.04.1-BA/5201/2025", "merujuk dokumen yang sudah ada: nomor dan tanggalnya tidak diubah"),
        "menimbang[2]": ("Tahun Anggaran 2026", '"Tahun Anggaran 2025" menjadi "Tahun Anggaran 2026"'),
        "memperhatikan[1]": ("7/SDM.02-SD/04/2025", "merujuk dokumen tahun 2025, tidak diubah"),
    }
    for field, (on_line, says) in expected.items():
        (item,) = [line for line in todo.splitlines() if line[3:].startswith(f"`{field}` (baris ")]
        number = int(item.split("(baris ")[1].split(")")[0])
        assert on_line in lines[number - 1], (field, number)
        assert says in item
    # the four above, the draft's status and the signing date that moved (a Thursday, a working day)
    assert [line[:3] for line in todo.splitlines() if line[:1].isdigit()] == ["1. ", "2. ", "3. ", "4. ", "5. ", "6. "]
    assert "`status` (baris 5): draf untuk ditandatangani" in todo
    assert ("`penutup.tanggal` (baris 23): tanggal bergeser dari Rabu, 3 September 2025 menjadi Kamis, "
            "3 September 2026: hari kerja\n") in todo
    assert "| `nomor` | 3 | 45/PP.04.1-Kpt/5201/2025 | [ISI NOMOR]/PP.04.1-Kpt/5201/2026 |" in text
    assert "| `status` | 5 | final | draf |" in text
    assert "| `tentang` | 6 | Pembentukan Tim Kerja Tahun 2025 | Pembentukan Tim Kerja Tahun 2026 |" in text
    assert "| `penutup.tanggal` | 23 | 2025-09-03 | 2026-09-03 |" in text
    assert text.count("\n| `") == len(report.diubah) == 7


def test_cli_names_the_review_file(tmp_path):
    source = decree_file(tmp_path, "188.45-52/2023", "2023-03-01")
    result = CliRunner().invoke(app, ["next-year", str(source), "-o", str(tmp_path / "baru.yaml")])
    assert result.exit_code == 0, result.output
    assert f"Ditulis: {tmp_path / 'baru.periksa.md'}" in result.output
    assert "nomor: 188.45-52/2023 → 188.45-[ISI NOMOR]/2024" in result.output
    assert "6 hal perlu diisi atau diperiksa" in result.output
