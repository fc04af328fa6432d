"""Next year's draft: the decree's own year moves, cited years stay, the file keeps its comments."""

from __future__ import annotations

import datetime
import difflib
import json
import re

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


# --- the draft is a draft (issue 15, item 5) ---------------------------------------------------

def _with(tmp_path, old: str, new: str, name: str = "keputusan.yaml"):
    source = tmp_path / name
    text = EXAMPLE.read_text(encoding="utf-8")
    assert old in text
    source.write_text(text.replace(old, new, 1), encoding="utf-8")
    return source


def test_the_draft_is_a_draft_and_the_review_file_says_what_it_no_longer_prints(draft):
    target, report = draft
    assert kpu_docs.load(EXAMPLE).status == "final"
    new = kpu_docs.load(target)
    assert new.status == "draf"
    assert new.salinan is not None and new.pengaturan.tanda_tangan == "ttd"  # kept for the signed decree's copies
    review = report.berkas_periksa.read_text(encoding="utf-8")
    status = review.split("## Status draf")[1].split("## Yang diubah")[0]
    assert "tanda SALINAN di kiri atas halaman pertama (salinan.tanda)" in status
    assert 'blok "Salinan sesuai dengan aslinya"' in status
    assert '"ttd" di tempat tanda tangan' in status
    assert "ubah `status: draf` menjadi `status: final`" in status
    assert "`status` (baris 14): draf untuk ditandatangani" in review
    assert target.read_text(encoding="utf-8").splitlines()[13] == "status: draf"


def test_a_date_moved_onto_a_holiday_is_named_next_to_the_nomor(tmp_path):
    source = _with(tmp_path, "tanggal: 2025-09-03", "tanggal: 2025-03-19")
    target = tmp_path / "draf.yaml"
    result = CliRunner().invoke(app, ["next-year", str(source), "-o", str(target)])
    assert result.exit_code == 0, result.output
    moved = ("`penutup.tanggal` (baris 158): tanggal bergeser dari Rabu, 19 Maret 2025 menjadi Kamis, 19 Maret 2026: "
             "jatuh pada hari libur nasional (Hari Suci Nyepi Tahun Baru Saka 1948); pilih hari kerja")
    todo = target.with_suffix(".periksa.md").read_text(encoding="utf-8").split("## Status draf")[0]
    items = [line for line in todo.splitlines() if line[:1].isdigit()]
    assert items[0].startswith("1. `nomor` (baris 12)")
    assert f"3. {moved}" in items
    assert target.read_text(encoding="utf-8").splitlines()[157] == "  tanggal: 2026-03-19"
    assert "Hari Suci Nyepi" in result.output  # the command's own summary says it too


@pytest.mark.parametrize("tanggal, hari", [
    ("2025-03-22", "Minggu, 22 Maret 2026: jatuh pada hari libur nasional (Idul Fitri 1447 Hijriah) dan hari Minggu"),
    ("2025-03-14", "Sabtu, 14 Maret 2026: jatuh pada hari Sabtu; pilih hari kerja"),
    ("2025-03-18", "Rabu, 18 Maret 2026: hari kerja\n"),
])
def test_the_weekday_and_holiday_of_the_moved_date(tmp_path, tanggal, hari):
    source = _with(tmp_path, "tanggal: 2025-09-03", f"tanggal: {tanggal}")
    report = next_year(source, tmp_path / "draf.yaml")
    assert hari in report.berkas_periksa.read_text(encoding="utf-8")


def test_a_year_whose_moving_holidays_are_not_known_says_so(tmp_path):
    source = _with(tmp_path, "tanggal: 2025-09-03", "tanggal: 2025-09-03")
    report = next_year(source, tmp_path / "draf.yaml", tahun=2031)
    text = report.berkas_periksa.read_text(encoding="utf-8")
    assert "Rabu, 3 September 2031: hari kerja menurut hari libur tetap; hari libur 2031 yang berpindah" in text


def test_dates_written_in_text_are_listed_and_a_leap_day_never_breaks(tmp_path):
    data = minimal_data(tahun=2024, diktum=["Keputusan ini berlaku sejak 29 Februari 2024 sampai 2024-12-31.",
                                            "Rapat pada tanggal 30 Februari 2024 dibatalkan."])
    data["penutup"]["tanggal"] = datetime.date(2024, 2, 29)
    report = roll_forward(data, 2025)
    assert data["diktum"] == ["Keputusan ini berlaku sejak 28 Februari 2025 sampai 2025-12-31.",
                              "Rapat pada tanggal 30 Februari 2025 dibatalkan."]  # not a date: only its year moves
    assert [(t.lokasi, t.lama, t.baru) for t in report.tanggal] == [
        ("diktum[1]", datetime.date(2024, 2, 29), datetime.date(2025, 2, 28)),
        ("diktum[1]", datetime.date(2024, 12, 31), datetime.date(2025, 12, 31)),
        ("penutup.tanggal", datetime.date(2024, 2, 29), datetime.date(2025, 2, 28)),
    ]


def test_dates_in_text_are_in_the_review_file_with_their_line(tmp_path):
    source = _with(tmp_path, "- Keputusan ini mulai berlaku pada tanggal ditetapkan.",
                   "- Keputusan ini mulai berlaku pada tanggal 1 Januari 2026 dan berakhir 17 Agustus 2026.")
    target = tmp_path / "draf.yaml"
    report = next_year(source, target)
    text = report.berkas_periksa.read_text(encoding="utf-8")
    lines = target.read_text(encoding="utf-8").splitlines()
    for said in ("tanggal bergeser dari Kamis, 1 Januari 2026 menjadi Jumat, 1 Januari 2027: jatuh pada hari libur "
                 "nasional (Tahun Baru Masehi)",
                 "tanggal bergeser dari Senin, 17 Agustus 2026 menjadi Selasa, 17 Agustus 2027: jatuh pada hari libur "
                 "nasional (Hari Proklamasi Kemerdekaan)"):
        (item,) = [line for line in text.splitlines() if said in line]
        number = int(item.split("(baris ")[1].split(")")[0])
        assert "Agustus 2027" in lines[number - 1] and item.split("`")[1] == "diktum[2]"


def test_a_status_already_written_is_edited_in_place(tmp_path):
    source = _with(tmp_path, "tahun: 2025\n", "tahun: 2025\nstatus: final  # ditandatangani 3 September\n")
    target = tmp_path / "draf.yaml"
    next_year(source, target)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[13] == "status: draf  # ditandatangani 3 September"
    assert len(lines) == len(source.read_text(encoding="utf-8").splitlines())


def test_a_draft_of_a_draft_stays_a_draft_and_switches_nothing_off(tmp_path):
    source = _with(tmp_path, "tahun: 2025\n", "tahun: 2025\nstatus: draf\n")
    report = next_year(source, tmp_path / "draf.yaml")
    assert report.dimatikan == [] and "status" not in {c.lokasi for c in report.diubah}
    assert any(n.lokasi == "status" for n in report.periksa)
    assert kpu_docs.load(tmp_path / "draf.yaml").status == "draf"


def test_an_impossible_date_is_exit_2_with_its_line_and_writes_nothing(tmp_path):
    source = _with(tmp_path, "tanggal: 2025-09-03", "tanggal: 2023-02-30")
    target = tmp_path / "draf.yaml"
    result = CliRunner().invoke(app, ["next-year", str(source), "-o", str(target)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "baris 157" in result.output and "penutup.tanggal" in result.output
    assert not target.exists() and not target.with_suffix(".periksa.md").exists()


def test_the_draft_pdf_has_a_draf_watermark_and_no_salinan_marks(tmp_path):
    """Through the commands a secretariat runs: next-year, then render --pdf; read by pdftotext and
    by the pixels of each page (the watermark is drawn as a shape: its letters are no PDF text)."""
    from tests.test_libreoffice import _require_tools

    _require_tools()
    runner = CliRunner()
    target = tmp_path / "X.yaml"
    assert runner.invoke(app, ["next-year", str(EXAMPLE), "-o", str(target)]).exit_code == 0
    result = runner.invoke(app, ["render", str(target), str(EXAMPLE), "-o", str(tmp_path / "out"), "--pdf"])
    assert result.exit_code == 0, result.output
    draft, final = tmp_path / "out" / "X.pdf", tmp_path / "out" / f"{EXAMPLE.stem}.pdf"
    draft_text, final_text = _pdf_text(draft), _pdf_text(final)
    for mark in ("SALINAN", "ttd", "Salinan sesuai dengan aslinya"):
        assert mark in final_text
        assert mark not in draft_text
    assert "EDY PUTRAWAN" in draft_text and "TAHUN 2026" in draft_text
    draft_pages, final_pages = _watermark_share(draft), _watermark_share(final)
    assert len(draft_pages) >= 8
    assert min(draft_pages) > 0.015, draft_pages  # every page of the decree and its Lampiran
    assert max(final_pages) < 0.005, final_pages


def _pdf_text(pdf) -> str:
    import subprocess

    return subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def _watermark_share(pdf) -> list[float]:
    """For each page, the share of its pixels in the watermark's grey (silver at half opacity on
    white, 223 of 255): a flat fill that text's anti-aliased edges hardly ever hit."""
    import subprocess

    pages = []
    count = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                                                             text=True).stdout).group(1))
    for page in range(1, count + 1):
        image = subprocess.run(["pdftoppm", "-gray", "-r", "40", "-f", str(page), "-l", str(page), str(pdf)],
                               check=True, capture_output=True).stdout
        _, size, _, pixels = image.split(b"\n", 3)  # P5, width height, 255, the bytes
        width, height = map(int, size.split())
        pages.append(sum(pixels.count(bytes([v])) for v in range(222, 225)) / (width * height))
    return pages


def test_an_electronic_signature_is_switched_off_and_said_so(tmp_path):
    source = _with(tmp_path, "  penandatangan:\n", "  tanda_tangan_elektronik:\n    qr: https://tte.example.go.id/v/1\n"
                                                  "  penandatangan:\n")
    report = next_year(source, tmp_path / "draf.yaml")
    assert any(item.startswith("tanda tangan elektronik: kode QR") for item in report.dimatikan)
    draft = kpu_docs.load(tmp_path / "draf.yaml")
    assert draft.penutup.tanda_tangan_elektronik is not None and draft.status == "draf"
