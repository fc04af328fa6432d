"""Property: any decree, with arbitrary Unicode in every text field, is refused with an input error
naming the field, or renders to a .docx that python-docx opens and whose XML holds every text as
printed, in order. CI runs a few hundred examples; benchmarks/fuzz.py runs ten thousand."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from tests.fuzzing import Hasil, check, decree_data

counts = {"refused": 0, "rendered": 0}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(decree_data())
def test_every_text_prints_or_is_refused(data):
    result: Hasil = check(data)
    counts["refused" if result.refused else "rendered"] += 1
    assert result.lost == []


def test_both_outcomes_were_exercised():
    """The generator is not all refusals (or all clean): the property above saw both."""
    if counts["rendered"] + counts["refused"] == 0:
        test_every_text_prints_or_is_refused()
    assert counts["rendered"] > 0 and counts["refused"] > 0


def test_a_character_no_word_file_holds_is_refused_by_name():
    """The refusal branch of the property, for one known decree."""
    from tests.conftest import minimal_data

    result = check(minimal_data(tembusan=["Arsip", "Ketua\x0bKPU"]))
    assert result.refused is not None and "tembusan[2]: memuat karakter U+000B" in result.refused


def test_a_title_broken_over_lines_still_holds_every_text():
    """A long instansi is broken where a typist breaks it (wording.judul), between its words; the
    title's texts are still found, in order. The decree the property drew in CI."""
    data = {
        "instansi": "{{ jabatan_penetap }}{{ jabatan_penetap }}", "nomor": "0", "tahun": 2025, "tentang": "0",
        "jabatan_penetap": "00", "kop": {"baris": ["0"], "alamat": "0", "telepon": "0", "pos_el": "0"},
        "menimbang": ["0"], "mengingat": ["0", {"jenis": "0", "nomor": "0", "tahun": 2017, "tentang": "0"}],
        "memperhatikan": [], "diktum": [{"isi": "0", "rincian": [], "rincian_nilai": [{"label": "0", "nilai": "0"}]}, "0"],
        "penutup": {"tempat": "0", "tanggal": "2025-09-03", "penandatangan": {
            "jabatan": "0", "nama": "0", "nip": "0", "pangkat": "0", "atas_nama": "0"}},
        "disampaikan_kepada": [], "tembusan": [], "salinan": {"unit": "0", "jabatan": "0", "nama": "0", "nip": "0"},
        "lampiran": [{"judul": "0", "isi": [
            {"judul": "0"}, {"bagian": "0"}, {"paragraf": "0"}, {"daftar": ["0", {"butir": "0", "isi": [{"daftar": ["0"]}]}]},
            {"rincian_nilai": [{"label": "0", "nilai": "0"}]}, {"tabel": {"kolom": ["0", "0"], "baris": [["0", "0"]]}}]}],
        "pengaturan": {"tanda_baca_konsiderans": "seperti_ditulis", "nama_penandatangan": "seperti_ditulis"},
    }
    result = check(data)
    assert result.refused is None and result.lost == [] and result.checked > 20
