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


def test_menimbang_as_typed_keeps_the_data_punctuation():
    data = minimal_data(menimbang=["bahwa perlu dibentuk tim kerja,", "bahwa tim kerja perlu ditetapkan; dan"],
                        pengaturan={"tanda_baca_konsiderans": "seperti_ditulis"})
    k = Keputusan.model_validate(data)
    points = menimbang_butir(k)
    assert points[:2] == ["bahwa perlu dibentuk tim kerja,", "bahwa tim kerja perlu ditetapkan; dan"]
    assert points[2].startswith("bahwa berdasarkan pertimbangan") and points[2].endswith("Pembentukan Tim Kerja;")
    # the default normalises, as before
    assert menimbang_butir(Keputusan.model_validate(minimal_data(menimbang=data["menimbang"])))[:2] == [
        "bahwa perlu dibentuk tim kerja;", "bahwa tim kerja perlu ditetapkan; dan;"]


def test_menimbang_closing_given_by_the_data_is_as_typed_too():
    k = Keputusan.model_validate(minimal_data(
        menimbang=["bahwa satu"], menimbang_penutup="bahwa untuk itu perlu ditetapkan.",
        pengaturan={"tanda_baca_konsiderans": "seperti_ditulis"}))
    assert menimbang_butir(k) == ["bahwa satu", "bahwa untuk itu perlu ditetapkan."]


def test_mengingat_and_memperhatikan_as_typed():
    from kpu_docs.wording.konsiderans import memperhatikan_butir, mengingat_butir

    data = minimal_data(memperhatikan=["Surat Ketua KPU Nomor 5,", "Berita Acara Rapat Pleno"])
    k = Keputusan.model_validate(data)
    assert mengingat_butir(k)[0] == "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;"
    assert memperhatikan_butir(k) == ["Surat Ketua KPU Nomor 5;", "Berita Acara Rapat Pleno."]
    typed = Keputusan.model_validate({**data, "pengaturan": {"tanda_baca_konsiderans": "seperti_ditulis"}})
    assert mengingat_butir(typed)[0] == "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945"
    assert mengingat_butir(typed)[1].endswith("Nomor 6109).")  # a structured citation is still closed
    assert memperhatikan_butir(typed) == ["Surat Ketua KPU Nomor 5,", "Berita Acara Rapat Pleno"]
