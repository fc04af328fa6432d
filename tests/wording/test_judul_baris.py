"""The title line "KEPUTUSAN <INSTANSI>" broken where a typist breaks it, never with one word
alone on its second line, and where the data says (pengaturan.pisah_judul) (issue 18, item 3)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import kpu_docs
from kpu_docs.cli import app
from kpu_docs.word import render_docx
from kpu_docs.wording import judul_baris
from tests.conftest import minimal_data


def _judul(instansi: str, **pengaturan) -> list[str]:
    keputusan = kpu_docs.from_data(minimal_data(instansi=instansi, pengaturan=pengaturan))
    return judul_baris(keputusan)[:-3]  # without NOMOR, TENTANG and the subject


@pytest.mark.parametrize(("instansi", "lines"), [
    ("Komisi Pemilihan Umum Kabupaten Bandung Barat", ["KEPUTUSAN KOMISI PEMILIHAN UMUM", "KABUPATEN BANDUNG BARAT"]),
    ("Ketua Komisi Pemilihan Umum Provinsi Nusa Tenggara Barat",
     ["KEPUTUSAN KETUA KOMISI PEMILIHAN UMUM", "PROVINSI NUSA TENGGARA BARAT"]),
    ("Kepala Lembaga Penerbangan dan Antariksa Nasional",
     ["KEPUTUSAN KEPALA", "LEMBAGA PENERBANGAN DAN ANTARIKSA NASIONAL"]),
    ("Rektor Universitas Islam Negeri Syekh Nurjati Cirebon",
     ["KEPUTUSAN REKTOR", "UNIVERSITAS ISLAM NEGERI SYEKH NURJATI CIREBON"]),
    ("Komisi Pemilihan Umum Kota Mataram", ["KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA MATARAM"]),
    ("Bupati Kulon Progo", ["KEPUTUSAN BUPATI KULON PROGO"]),
])
def test_a_long_title_line_breaks_before_the_region_or_the_unit(instansi, lines):
    assert _judul(instansi) == lines


def test_no_second_line_of_one_word_and_no_line_over_the_width():
    for instansi in ("Rektor Universitas Islam Negeri Siber Syekh Nurjati Cirebon",
                     "Kepala Pusat Penelitian dan Pengembangan Teknologi Informasi dan Komunikasi Nasional"):
        lines = _judul(instansi)
        assert len(lines) >= 2 and all(len(line.split()) >= 2 and len(line) <= 46 for line in lines), lines
        assert lines[0].split()[-1] not in {"DAN", "ATAU", "DI", "KE"}


def test_the_data_forces_a_break_before_the_words_it_names():
    assert _judul("Komisi Pemilihan Umum Kota Mataram", pisah_judul=["Kota Mataram"]) == [
        "KEPUTUSAN KOMISI PEMILIHAN UMUM", "KOTA MATARAM"]
    document = render_docx(kpu_docs.from_data(minimal_data(
        instansi="Komisi Pemilihan Umum Kota Mataram", pengaturan={"pisah_judul": ["kota mataram"]})))
    titles = [p.text for p in document.paragraphs if p.style.name == "Judul Keputusan"]
    assert titles[:2] == ["KEPUTUSAN KOMISI PEMILIHAN UMUM", "KOTA MATARAM"]


def test_a_forced_break_not_in_the_name_is_an_input_error(tmp_path):
    import json
    path = tmp_path / "sk.json"
    path.write_text(json.dumps(minimal_data(pengaturan={"pisah_judul": ["Kabupaten Bima"]}), default=str), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    assert "pisah_judul" in result.output and "Kabupaten Bima" in result.output
    assert "Traceback" not in result.output


def test_only_a_plain_space_breaks_a_title_line_and_every_character_stays():
    """A no-break space keeps its words together, and no character of the instansi is lost or
    changed by the break (the fuzz property drew U+0085 in CI)."""
    from kpu_docs.wording.judul import pisah_baris

    line = "KEPUTUSAN KOMISI PEMILIHAN UMUM KABUPATEN\u00a0BANDUNG BARAT\u0085X"
    lines = pisah_baris(line)
    assert len(lines) == 2 and " ".join(lines) == line
    assert any("KABUPATEN\u00a0BANDUNG" in part for part in lines)  # never broken at the no-break space
