"""Citation sentences back into Peraturan data: exact round trips, or free text."""

from __future__ import annotations

import pytest

from kpu_docs.importing import normalise_citation, parse_citation
from kpu_docs.models import Peraturan
from kpu_docs.wording import kutipan


def test_every_reference_citation_round_trips(reference):
    assert len(reference.mengingat) == 8
    for cited in reference.mengingat:
        parsed = parse_citation(kutipan(cited))
        assert isinstance(parsed, dict), kutipan(cited)
        assert Peraturan(**parsed) == cited


def test_closing_punctuation_is_stripped(reference):
    text = kutipan(reference.mengingat[2])
    assert Peraturan(**parse_citation(text + ";")) == reference.mengingat[2]
    assert Peraturan(**parse_citation(text + ".")) == reference.mengingat[2]


@pytest.mark.parametrize(
    "text",
    [
        "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945",
        "Surat Ketua Komisi Pemilihan Umum Nomor 123/PL.01-SD/05/2025 tanggal 1 Mei 2025 perihal Jadwal",
        "Berita Acara Rapat Pleno tanggal 2 Mei 2025",
        "undang-undang nomor 7 tahun 2017 tentang pemilihan umum",  # not standard: stays as typed
    ],
)
def test_non_standard_text_stays_free_text(text):
    assert parse_citation(text) == text


def test_structured_only_when_it_prints_back_exactly():
    # "tahun" in lower case would print as "Tahun": without normalising, the text is kept
    text = "Undang-undang Nomor 5 tahun 2014 tentang Aparatur Sipil Negara"
    assert parse_citation(text) == text


def test_hand_typed_variants_normalise():
    text = (
        "Undang-undang Nomor 5 tahun 2014 tentang Aparatur Sipil Negara (Lembaran Negara Republi "
        "Indonesia Tahun 2014 Nomor 6,Tamabahan Lembaran Negara Republik Indonesia Nomor 5494);"
    )
    parsed = parse_citation(text, normalise=True)
    assert parsed == {
        "jenis": "Undang-Undang",
        "nomor": "5",
        "tahun": 2014,
        "tentang": "Aparatur Sipil Negara",
        "diundangkan": {"dalam": "lembaran_negara", "tahun": 2014, "nomor": "6", "tambahan": "5494"},
    }
    assert kutipan(Peraturan(**parsed)) == normalise_citation(text.rstrip(";"))


def test_beberapa_diubah_and_undangundang_normalise():
    text = (
        "Peraturan Komisi Pemilihan Umum Nomor 14 Tahun 2020 tentang Tata Kerja (Berita Negara Republik "
        "Indonesia Tahun 2020 Nomor 1236) sebagaimana telah beberapa diubah terakhir dengan Peraturan "
        "Komisi Pemilihan Umum Nomor 21 Tahun 2023 tentang Perubahan Kedua atas Peraturan Komisi "
        "Pemilihan Umum Nomor 14 Tahun 2020 tentang Tata Kerja (Berita Negara Republik Indonesia Tahun "
        "2023 Nomor 826)"
    )
    parsed = parse_citation(text, normalise=True)
    assert parsed["beberapa_kali"] is True
    assert parsed["perubahan"][0]["nomor"] == "21"
    assert parse_citation("Undangundang Nomor 7 Tahun 2017 tentang Pemilihan Umum", normalise=True)["jenis"] == "Undang-Undang"


def test_amended_by_two_regulations():
    cited = Peraturan(
        jenis="Peraturan Pemerintah", nomor="1", tahun=2010, tentang="Tata Cara, Syarat, dan Prosedur",
        diundangkan={"dalam": "lembaran_negara", "tahun": 2010, "nomor": "1", "tambahan": "10"},
        perubahan=[
            Peraturan(jenis="Peraturan Pemerintah", nomor="2", tahun=2012, tentang="Perubahan atas Peraturan Pemerintah Nomor 1 Tahun 2010"),
            Peraturan(jenis="Peraturan Pemerintah", nomor="3", tahun=2015, tentang="Perubahan Kedua, dan Penyesuaian"),
        ],
        beberapa_kali=False,
    )
    parsed = parse_citation(kutipan(cited))
    assert Peraturan(**parsed) == cited


def test_regional_publication():
    cited = Peraturan(
        jenis="Peraturan Daerah Kota Mataram", nomor="4", tahun=2019, tentang="Retribusi",
        diundangkan={"dalam": "lembaran_daerah", "wilayah": "Kota Mataram", "tahun": 2019, "nomor": "4", "tambahan": "12"},
    )
    assert Peraturan(**parse_citation(kutipan(cited))) == cited
