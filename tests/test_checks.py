"""Warnings for valid data that is probably not what the secretariat meant."""


import kpu_docs
from kpu_docs.checks import NOMOR_KOSONG, periksa
from kpu_docs.models import Keputusan
from tests.conftest import minimal_data


def test_reference_decree_has_no_warnings(reference):
    assert periksa(reference) == []


def test_placeholder_number_and_date_in_another_year():
    data = minimal_data(nomor=NOMOR_KOSONG, tahun=2026)
    warnings = periksa(Keputusan.model_validate(data))
    assert any(w.startswith("nomor: masih [ISI NOMOR]") for w in warnings)
    assert "penutup.tanggal: tahun 2025 berbeda dengan tahun keputusan 2026" in warnings


def test_ministerial_regulation_in_lembaran_negara_is_flagged():
    permen = {"jenis": "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "nomor": "90",
              "tahun": 2021, "tentang": "Pembangunan dan Evaluasi Zona Integritas",
              "diundangkan": {"dalam": "lembaran_negara", "tahun": 2021, "nomor": "1571"}}
    data = minimal_data()
    data["mengingat"].append(permen)
    warnings = periksa(Keputusan.model_validate(data))
    assert warnings == ["mengingat[3]: Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi "
                        "diundangkan dalam Berita Negara, bukan Lembaran Negara"]


def test_hierarchy_order_and_bahwa():
    data = minimal_data(menimbang=["perlu dibentuk tim"])
    data["mengingat"] = list(reversed(data["mengingat"]))
    warnings = periksa(Keputusan.model_validate(data))
    assert 'menimbang[1]: setiap pertimbangan diawali kata "bahwa"' in warnings
    assert "mengingat[2]: urutan tidak mengikuti hierarki peraturan perundang-undangan" in warnings


def test_degrees_in_a_capitalised_name_and_a_doubled_acting_status():
    signer = {"jabatan": "Plt. Kepala Biro", "nama": "Dr. Budi Santoso, S.H., M.H.", "status": "Plt."}
    data = minimal_data(penutup={**minimal_data()["penutup"], "penandatangan": signer})
    warnings = periksa(kpu_docs.from_data(data))
    assert any(w.startswith("penutup.penandatangan.nama: nama dicetak kapital tanpa gelar") for w in warnings)
    assert any(w.startswith("penutup.penandatangan.jabatan: Plt. sudah dicetak") for w in warnings)
    data["pengaturan"] = {"nama_penandatangan": "seperti_ditulis"}
    data["penutup"]["penandatangan"] = {**signer, "jabatan": "Kepala Biro"}
    assert periksa(kpu_docs.from_data(data)) == []
    assert periksa(kpu_docs.from_data(minimal_data())) == []
