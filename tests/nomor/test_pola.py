"""Number patterns: recognised from the styles offices use, filled in, and deciding the title line."""

from __future__ import annotations

import datetime

import pytest
from docx import Document

import kpu_docs
from kpu_docs import plaintext
from kpu_docs.checks import periksa
from kpu_docs.errors import InputError
from kpu_docs.models import Keputusan
from kpu_docs.nomor.pola import NOMOR_KOSONG, Pola, PolaError, kenali
from kpu_docs.wording import judul_baris, nomor_judul
from tests.conftest import minimal_data

STYLES = [
    # number, its date, the pattern recognised, its parts
    ("45/PP.04.1-Kpt/5201/2025", datetime.date(2025, 9, 3), "{urut}/PP.04.1-Kpt/5201/{tahun}",
     {"urut": "45", "tahun": "2025"}),
    ("188.45-52/2023", datetime.date(2023, 3, 1), "188.45-{urut}/{tahun}", {"urut": "52", "tahun": "2023"}),
    ("B/430/II.02/HK/TUBABA/2018", datetime.date(2018, 1, 2), "B/{urut}/II.02/HK/TUBABA/{tahun}",
     {"urut": "430", "tahun": "2018"}),
    ("314/ORT.07-Kpt/01/KPU/V/2021", datetime.date(2021, 5, 20), "{urut}/ORT.07-Kpt/01/KPU/{bulan_romawi}/{tahun}",
     {"urut": "314", "bulan_romawi": "V", "tahun": "2021"}),
    ("007/KPU/09/2025", datetime.date(2025, 9, 1), "{urut:3}/KPU/{bulan}/{tahun}",
     {"urut": "007", "bulan": "09", "tahun": "2025"}),
    ("11", datetime.date(2025, 9, 3), "{urut}", {"urut": "11"}),
]


@pytest.mark.parametrize("nomor, tanggal, pola, parts", STYLES)
def test_each_style_is_recognised_and_gives_the_same_number_back(nomor, tanggal, pola, parts):
    recognised = kenali(nomor, tanggal)
    assert recognised == Pola(pola)
    assert recognised.urai(nomor) == parts
    assert recognised.isi(int(parts["urut"]), tanggal) == nomor


def test_filling_a_pattern_for_another_date():
    pola = Pola("{urut}/ORT.07-Kpt/01/KPU/{bulan_romawi}/{tahun}")
    assert pola.isi(7, datetime.date(2026, 12, 1)) == "7/ORT.07-Kpt/01/KPU/XII/2026"
    assert pola.isi(NOMOR_KOSONG, datetime.date(2026, 4, 1)) == "[ISI NOMOR]/ORT.07-Kpt/01/KPU/IV/2026"
    assert Pola("{urut:3}/{bulan}/{tahun}").isi(5, datetime.date(2026, 2, 1), 2027) == "005/02/2027"


def test_an_arabic_month_only_when_it_is_the_dates_month():
    assert kenali("12/KPU/09/2025", datetime.date(2025, 9, 1)).teks == "{urut}/KPU/{bulan}/{tahun}"
    assert kenali("12/KPU/01/2025", datetime.date(2025, 9, 1)).teks == "{urut}/KPU/01/{tahun}"  # a unit code


def test_a_draft_number_is_recognised_with_its_placeholder():
    draft = "[ISI NOMOR]/PP.04.1-Kpt/5201/2026"
    assert kenali(draft).teks == "{urut}/PP.04.1-Kpt/5201/{tahun}"
    assert kenali(draft).urai(draft) == {"urut": NOMOR_KOSONG, "tahun": "2026"}


def test_no_sequence_number_no_pattern():
    assert kenali("KEP/ABC/2025") is None


@pytest.mark.parametrize(
    "text, problem",
    [
        ("{nomor}/{tahun}", "{nomor} tidak dikenal"),
        ("KPU/{tahun}", "pola harus memuat {urut}"),
        ("{urut}/{urut}", "{urut} tertulis dua kali"),
        ("{urut}/{bulan}/{bulan_romawi}", "pilih {bulan} atau {bulan_romawi}"),
        ("{urut}/{tahun:2}", "{tahun} tidak punya lebar"),
    ],
)
def test_a_bad_pattern_is_refused_by_name(text, problem):
    with pytest.raises(PolaError, match=problem.replace("{", r"\{").replace("}", r"\}")):
        Pola(text)
    with pytest.raises(InputError, match="pola_nomor: "):
        kpu_docs.from_data(minimal_data(pola_nomor=text))


def test_literal_braces_are_doubled():
    pola = Pola("{{A}}/{urut}")
    assert pola.isi(5, datetime.date(2025, 1, 1)) == "{A}/5"
    assert pola.urai("{A}/5") == {"urut": "5"}


@pytest.mark.parametrize(
    "nomor, pola, line",
    [
        ("11", None, "NOMOR 11 TAHUN 2025"),
        (NOMOR_KOSONG, None, "NOMOR [ISI NOMOR] TAHUN 2025"),
        ("45/PP.04.1-Kpt/5201/2025", None, "NOMOR 45/PP.04.1-Kpt/5201/2025"),
        ("[ISI NOMOR]/PP.04.1-Kpt/5201/2025", None, "NOMOR [ISI NOMOR]/PP.04.1-Kpt/5201/2025"),
        ("12-2025", None, "NOMOR 12-2025"),
        ("188.45/12", None, "NOMOR 188.45/12"),
        ("188.45/12", "188.45/{urut}", "NOMOR 188.45/12 TAHUN 2025"),
        ("12", "{urut}", "NOMOR 12 TAHUN 2025"),
    ],
)
def test_the_title_adds_a_year_only_to_a_number_without_one(nomor, pola, line):
    keputusan = Keputusan.model_validate(minimal_data(nomor=nomor, pola_nomor=pola))
    assert nomor_judul(keputusan) == line
    assert judul_baris(keputusan)[1] == line


def test_the_rendered_title_and_lampiran_heading_print_the_number_as_given(tmp_path):
    data = minimal_data(nomor="314/ORT.07-Kpt/01/KPU/IX/2025")
    data["lampiran"] = [{"judul": "Susunan Tim", "isi": ["Isi."]}]
    path = tmp_path / "k.docx"
    kpu_docs.render(kpu_docs.from_data(data), path)
    lines = plaintext.lines(Document(str(path)))
    assert lines.count("NOMOR 314/ORT.07-Kpt/01/KPU/IX/2025") == 2  # title block and Lampiran heading
    assert not any("TAHUN 2025" in line for line in lines)


def test_reference_example_title_is_unchanged(reference):
    assert judul_baris(reference)[1] == "NOMOR 11 TAHUN 2025"


@pytest.mark.parametrize(
    "nomor, tahun, tanggal, expected",
    [
        ("45/PP.04.1-Kpt/5201/2025", 2026, datetime.date(2026, 9, 3),
         ["nomor: tahun 2025 pada nomor berbeda dengan tahun keputusan 2026"]),
        ("45/PP.04.1-Kpt/5201/2026", 2026, datetime.date(2025, 9, 3),
         ["penutup.tanggal: tahun 2025 berbeda dengan tahun keputusan 2026"]),
        ("45/PP.04.1-Kpt/5201/2025", 2026, datetime.date(2025, 9, 3),
         ["penutup.tanggal: tahun 2025 berbeda dengan tahun keputusan 2026",
          "nomor: tahun 2025 pada nomor berbeda dengan tahun keputusan 2026"]),
        ("314/ORT.07-Kpt/01/KPU/V/2026", 2026, datetime.date(2026, 6, 2),  # (1 June is a holiday)
         ["nomor: bulan V pada nomor berbeda dengan bulan penutup.tanggal 2026-06-02"]),
        ("45/PP.04.1-Kpt/5201/2026", 2026, datetime.date(2026, 9, 3), []),
        ("11", 2026, datetime.date(2026, 9, 3), []),
    ],
)
def test_check_compares_the_numbers_year_the_decrees_year_and_the_date(nomor, tahun, tanggal, expected):
    data = minimal_data(nomor=nomor, tahun=tahun)
    data["penutup"]["tanggal"] = tanggal
    assert periksa(Keputusan.model_validate(data)) == expected


def test_check_warns_when_the_number_does_not_follow_its_given_pattern():
    data = minimal_data(nomor="45/PP.04.1-Kpt/5201/2025", pola_nomor="{urut}/PP.04.1-Kpt/5202/{tahun}")
    assert periksa(Keputusan.model_validate(data)) == [
        "nomor: 45/PP.04.1-Kpt/5201/2025 tidak mengikuti pola_nomor {urut}/PP.04.1-Kpt/5202/{tahun}"]
