"""Files map one to one onto the models; every problem is named by its field path, in Indonesian."""

from __future__ import annotations

import json

import pytest

import kpu_docs
from kpu_docs.errors import InputError
from tests.conftest import EXAMPLE, minimal_data


def messages(exc: InputError) -> list[str]:
    return [str(m) for m in exc.masalah]


def test_yaml_and_json_load_the_same_decree(tmp_path):
    data = minimal_data()
    data["penutup"]["tanggal"] = "2025-09-03"
    path = tmp_path / "k.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    from_json = kpu_docs.load(path)
    yaml_path = tmp_path / "k.yaml"
    yaml_path.write_text(
        "# komentar\n" + "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in data.items()),
        encoding="utf-8",
    )
    assert kpu_docs.load(yaml_path) == from_json
    assert from_json.penutup.tanggal.isoformat() == "2025-09-03"


def test_example_loads(reference):
    assert reference.nomor == "11" and reference.tahun == 2025
    assert len(reference.mengingat) == 8


def test_errors_name_field_paths_in_indonesian():
    data = minimal_data(tahun="dua ribu", warna="merah")
    data["mengingat"][1]["tahun"] = "tujuh belas"
    data["penutup"]["tanggal"] = "3 September 2025"
    del data["instansi"]
    data["lampiran"] = [{"isi": [{"gambar": "x.png"}]}]
    with pytest.raises(InputError) as caught:
        kpu_docs.from_data(data)
    found = messages(caught.value)
    assert "instansi: wajib diisi" in found
    assert "tahun: harus berupa bilangan bulat" in found
    assert "mengingat[2].tahun: harus berupa bilangan bulat" in found
    assert "penutup.tanggal: harus berupa tanggal dengan format TTTT-BB-HH, misalnya 2025-09-03" in found
    assert "warna: kunci tidak dikenal (periksa ejaan)" in found
    assert any(m.startswith("lampiran[1].isi[1]: blok tidak dikenal") for m in found)
    assert len(found) == 6


def test_model_rules_are_reported():
    data = minimal_data(diktum=[])
    data["mengingat"][1]["diundangkan"]["dalam"] = "berita_negara"
    with pytest.raises(InputError) as caught:
        kpu_docs.from_data(data)
    found = messages(caught.value)
    assert "diktum: minimal berisi 1 butir" in found
    assert any("mengingat[2].diundangkan" in m and "tambahan hanya ada pada Lembaran" in m for m in found)


def test_grouped_table_rows_must_fit_the_columns():
    table = {"kolom": ["NO", "KOMPONEN", "INDIKATOR", "TARGET"],
             "kelompok": [{"nama": "Manajemen Perubahan", "baris": [["Tim Kerja"]]}]}
    with pytest.raises(InputError) as caught:
        kpu_docs.from_data(minimal_data(lampiran=[{"isi": [{"tabel_kelompok": table}]}]))
    assert any("baris 1: 1 isian, seharusnya 2" in m for m in messages(caught.value))


def test_broken_yaml_names_the_line(tmp_path):
    path = tmp_path / "rusak.yaml"
    path.write_text("instansi: KPU\nnomor: [11\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        kpu_docs.load(path)
    assert caught.value.masalah[0].lokasi.startswith("baris ")
    assert "YAML tidak sah" in caught.value.masalah[0].pesan


def test_missing_file():
    with pytest.raises(InputError, match="berkas tidak ditemukan"):
        kpu_docs.load(EXAMPLE.with_name("tidak-ada.yaml"))


def test_logo_path_is_relative_to_the_data_file(tmp_path):
    (tmp_path / "logo.png").write_bytes(b"")
    path = tmp_path / "k.json"
    data = minimal_data(logo="logo.png")
    data["penutup"]["tanggal"] = "2025-09-03"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert kpu_docs.load(path).logo == tmp_path / "logo.png"


@pytest.mark.parametrize("logo, allowed", [("gambar/logo.png", True), ("./gambar/../logo.png", True),
                                           ("../logo.png", False), ("gambar/../../logo.png", False),
                                           ("/srv/logo.png", False)])
def test_a_logo_named_in_a_file_stays_inside_its_folder(tmp_path, logo, allowed):
    data = minimal_data(logo=logo)
    if allowed:
        assert kpu_docs.from_data(data, base_dir=tmp_path).logo == tmp_path / logo
    else:
        with pytest.raises(InputError, match="logo: harus berupa lokasi gambar di dalam folder berkas keputusan"):
            kpu_docs.from_data(data, base_dir=tmp_path)
    assert str(kpu_docs.from_data(minimal_data(logo="/srv/logo.png")).logo) == "/srv/logo.png"  # built in Python


def test_aliases_count_each_time_they_are_used(tmp_path, monkeypatch):
    from kpu_docs import bounds

    path = tmp_path / "k.yaml"
    path.write_text("penandatangan: &p {jabatan: Ketua, nama: Edy}\nlain: [*p, *p, *p]\n", encoding="utf-8")
    # 24 values (the mapping, 2 keys and 2 texts: 5, four times, and the top's 1 + 2 keys) and
    # 93 characters, although the file writes the signatory's mapping once
    assert kpu_docs.loading.read_data(path)["lain"][2] == {"jabatan": "Ketua", "nama": "Edy"}
    monkeypatch.setattr(bounds, "DATA_VALUES_MAX", 23)
    with pytest.raises(InputError, match="lebih dari 23 nilai"):
        kpu_docs.loading.read_data(path)
    monkeypatch.setattr(bounds, "DATA_VALUES_MAX", 24)
    monkeypatch.setattr(bounds, "DATA_CHARS_MAX", 92)
    with pytest.raises(InputError, match="lebih dari 92 huruf"):
        kpu_docs.loading.read_data(path)
