"""Citation sentences follow Lampiran II UU 12/2011 (patterns in shared/design/drafting.md)."""

from kpu_docs.models import Peraturan
from kpu_docs.wording import kutipan, kutipan_daftar


def uu(nomor, tahun, tentang, ln, tln, **kw):
    return Peraturan(
        jenis="Undang-Undang", nomor=nomor, tahun=tahun, tentang=tentang,
        diundangkan={"dalam": "lembaran_negara", "tahun": tahun, "nomor": ln, "tambahan": tln}, **kw,
    )


def pkpu(nomor, tahun, tentang, bn, **kw):
    return Peraturan(
        jenis="Peraturan Komisi Pemilihan Umum", nomor=nomor, tahun=tahun, tentang=tentang,
        diundangkan={"dalam": "berita_negara", "tahun": tahun, "nomor": bn}, **kw,
    )


def test_undang_undang_with_lembaran_and_tambahan():
    assert kutipan(uu("5", 2014, "Aparatur Sipil Negara", "6", "5494")) == (
        "Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara (Lembaran Negara Republik "
        "Indonesia Tahun 2014 Nomor 6, Tambahan Lembaran Negara Republik Indonesia Nomor 5494)"
    )


def test_peraturan_kpu_in_berita_negara_has_no_tambahan():
    assert kutipan(pkpu("8", 2019, "Tata Kerja Komisi Pemilihan Umum", "320")) == (
        "Peraturan Komisi Pemilihan Umum Nomor 8 Tahun 2019 tentang Tata Kerja Komisi Pemilihan Umum "
        "(Berita Negara Republik Indonesia Tahun 2019 Nomor 320)"
    )


def test_amended_once():
    text = kutipan(
        uu("30", 2002, "Komisi Pemberantasan Tindak Pidana Korupsi", "137", "4250",
           perubahan=[uu("19", 2019, "Perubahan Kedua atas Undang-Undang Nomor 30 Tahun 2002 tentang "
                         "Komisi Pemberantasan Tindak Pidana Korupsi", "197", "6409")])
    )
    assert text == (
        "Undang-Undang Nomor 30 Tahun 2002 tentang Komisi Pemberantasan Tindak Pidana Korupsi "
        "(Lembaran Negara Republik Indonesia Tahun 2002 Nomor 137, Tambahan Lembaran Negara Republik "
        "Indonesia Nomor 4250) sebagaimana telah diubah dengan Undang-Undang Nomor 19 Tahun 2019 tentang "
        "Perubahan Kedua atas Undang-Undang Nomor 30 Tahun 2002 tentang Komisi Pemberantasan Tindak Pidana "
        "Korupsi (Lembaran Negara Republik Indonesia Tahun 2019 Nomor 197, Tambahan Lembaran Negara "
        "Republik Indonesia Nomor 6409)"
    )


def test_amended_several_times_cites_the_last():
    text = kutipan(
        pkpu("8", 2019, "Tata Kerja", "320", beberapa_kali=True,
             perubahan=[pkpu("12", 2023, "Perubahan Kelima atas Peraturan Komisi Pemilihan Umum Nomor 8 "
                                         "Tahun 2019 tentang Tata Kerja", "377")])
    )
    assert " sebagaimana telah beberapa kali diubah terakhir dengan Peraturan Komisi Pemilihan Umum Nomor 12 " \
        "Tahun 2023 tentang Perubahan Kelima atas" in text
    assert text.endswith("(Berita Negara Republik Indonesia Tahun 2023 Nomor 377)")


def test_two_listed_amendments_read_as_several_and_cite_only_the_last():
    first = pkpu("14", 2020, "Perubahan atas X", "1")
    last = pkpu("21", 2023, "Perubahan Kedua atas X", "826")
    text = kutipan(pkpu("14", 2020, "X", "1236", perubahan=[first, last]))
    assert "beberapa kali diubah terakhir dengan Peraturan Komisi Pemilihan Umum Nomor 21 Tahun 2023" in text
    assert "Perubahan atas X" not in text


def test_keputusan_cited_by_number_string_has_no_tahun():
    text = kutipan(Peraturan(jenis="Keputusan Komisi Pemilihan Umum", nomor="314/ORT.07-Kpt/01/KPU/V/2021",
                             tentang="Petunjuk Teknis Pelaksanaan Reformasi Birokrasi"))
    assert text == ("Keputusan Komisi Pemilihan Umum Nomor 314/ORT.07-Kpt/01/KPU/V/2021 tentang "
                    "Petunjuk Teknis Pelaksanaan Reformasi Birokrasi")


def test_peraturan_daerah_in_lembaran_daerah():
    perda = Peraturan(jenis="Peraturan Daerah Kota Mataram", nomor="3", tahun=2020, tentang="Retribusi",
                      diundangkan={"dalam": "lembaran_daerah", "wilayah": "Kota Mataram", "tahun": 2020,
                                   "nomor": "3", "tambahan": "12"})
    assert kutipan(perda).endswith(
        "(Lembaran Daerah Kota Mataram Tahun 2020 Nomor 3, Tambahan Lembaran Daerah Kota Mataram Nomor 12)"
    )


def test_list_punctuation_semicolons_then_full_stop_and_free_text():
    items = kutipan_daftar([
        "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;",
        uu("7", 2017, "Pemilihan Umum", "182", "6109"),
    ])
    assert items[0] == "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;"
    assert items[1].endswith("Nomor 6109).")


def test_amendment_without_tentang_prints_no_tentang():
    pp = Peraturan(
        jenis="Peraturan Pemerintah", nomor="11", tahun=2017, tentang="Manajemen Pegawai Negeri Sipil",
        diundangkan={"dalam": "lembaran_negara", "tahun": 2017, "nomor": "63", "tambahan": "6037"},
        perubahan=[{"jenis": "Peraturan Pemerintah", "nomor": "12", "tahun": 2020}],
    )
    text = kutipan(pp)
    assert text.endswith(
        "sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 12 Tahun 2020"
    )
    assert "None" not in text and text.count(" tentang ") == 1


def test_citation_without_tentang_keeps_its_publication():
    pp = Peraturan(jenis="Peraturan Pemerintah", nomor="12", tahun=2020,
                   diundangkan={"dalam": "lembaran_negara", "tahun": 2020, "nomor": "68", "tambahan": "6477"})
    assert kutipan(pp) == (
        "Peraturan Pemerintah Nomor 12 Tahun 2020 (Lembaran Negara Republik Indonesia Tahun 2020 Nomor 68, "
        "Tambahan Lembaran Negara Republik Indonesia Nomor 6477)"
    )


def test_nomor_with_colon_is_kept_as_a_form():
    kmk = Peraturan(jenis="Keputusan Menteri Kesehatan", bentuk_nomor="Nomor:", nomor="123/KMK/2020",
                    tentang="Pedoman Pelayanan")
    assert kutipan(kmk) == "Keputusan Menteri Kesehatan Nomor: 123/KMK/2020 tentang Pedoman Pelayanan"
    spaced = kmk.model_copy(update={"bentuk_nomor": "Nomor :"})
    assert kutipan(spaced) == "Keputusan Menteri Kesehatan Nomor : 123/KMK/2020 tentang Pedoman Pelayanan"
    assert kmk.nomor == "123/KMK/2020"  # the number stays a number: no colon in it


def test_bentuk_nomor_is_a_closed_choice():
    import pytest

    from kpu_docs.errors import InputError

    with pytest.raises(InputError, match="bentuk_nomor: harus salah satu dari"):
        Peraturan(jenis="Keputusan Menteri", bentuk_nomor="No.", nomor="1", tentang="X")


def test_free_text_items_as_typed():
    items = ["Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;", "Surat Ketua KPU, dan",
             Peraturan(jenis="Peraturan Pemerintah", nomor="12", tahun=2020)]
    assert kutipan_daftar(items) == [
        "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;", "Surat Ketua KPU, dan;",
        "Peraturan Pemerintah Nomor 12 Tahun 2020.",
    ]
    assert kutipan_daftar(items, seperti_ditulis=True) == [
        "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;", "Surat Ketua KPU, dan",
        "Peraturan Pemerintah Nomor 12 Tahun 2020.",
    ]
    assert kutipan_daftar(["Surat Ketua KPU Nomor 5 tanggal 1 Mei 2025,"], seperti_ditulis=True) == [
        "Surat Ketua KPU Nomor 5 tanggal 1 Mei 2025,"
    ]
