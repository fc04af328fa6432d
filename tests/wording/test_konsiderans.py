"""The generated formulas: title lines, the closing Menimbang, the Menetapkan line, diktum labels."""

import pytest

from kpu_docs.models import Keputusan
from kpu_docs.wording import judul_baris, label_diktum, menetapkan, menimbang_butir, nomor_judul, rujukan_huruf
from tests.conftest import minimal_data


def test_rujukan_huruf():
    assert rujukan_huruf(1) == "huruf a"
    assert rujukan_huruf(2) == "huruf a dan huruf b"
    assert rujukan_huruf(3) == "huruf a, huruf b, dan huruf c"


def test_closing_menimbang_generated_from_title_and_letters():
    k = Keputusan.model_validate(minimal_data())
    assert menimbang_butir(k) == [
        "bahwa perlu dibentuk tim kerja;",
        "bahwa tim kerja perlu ditetapkan dengan keputusan;",
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan "
        "Keputusan Komisi Pemilihan Umum Kota Mataram tentang Pembentukan Tim Kerja;",
    ]


def test_closing_menimbang_given_or_suppressed():
    k = Keputusan.model_validate(minimal_data(menimbang_penutup="bahwa untuk itu perlu ditetapkan"))
    assert menimbang_butir(k)[-1] == "bahwa untuk itu perlu ditetapkan;"
    k = Keputusan.model_validate(minimal_data(menimbang=["bahwa cukup satu"], menimbang_penutup=""))
    assert menimbang_butir(k) == ["bahwa cukup satu;"]


@pytest.mark.parametrize(
    "nomor, expected",
    [("11", "NOMOR 11 TAHUN 2025"), ("314/ORT.07-Kpt/01/KPU/V/2021", "NOMOR 314/ORT.07-Kpt/01/KPU/V/2021"),
     ("188.45-52/2023", "NOMOR 188.45-52/2023")],
)
def test_nomor_judul(nomor, expected):
    assert nomor_judul(Keputusan.model_validate(minimal_data(nomor=nomor))) == expected


def test_title_lines_and_without_tentang():
    k = Keputusan.model_validate(minimal_data())
    assert judul_baris(k) == [
        "KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA MATARAM", "NOMOR 12 TAHUN 2025", "TENTANG", "PEMBENTUKAN TIM KERJA",
    ]
    k = Keputusan.model_validate(minimal_data(tentang=None, instansi="Bupati Lombok Barat"))
    assert judul_baris(k) == ["KEPUTUSAN BUPATI LOMBOK BARAT", "NOMOR 12 TAHUN 2025"]


def test_menetapkan_generated_given_or_empty():
    k = Keputusan.model_validate(minimal_data())
    assert menetapkan(k) == "KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA MATARAM TENTANG PEMBENTUKAN TIM KERJA."
    assert menetapkan(Keputusan.model_validate(minimal_data(menetapkan=""))) == ""


def test_diktum_labels_both_styles():
    assert [label_diktum(n) for n in (1, 2, 11, 12, 21)] == [
        "KESATU", "KEDUA", "KESEBELAS", "KEDUA BELAS", "KEDUA PULUH SATU"]
    assert [label_diktum(n, "pertama") for n in (1, 2, 3)] == ["PERTAMA", "KEDUA", "KETIGA"]
