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
    assert messages(caught.value) == [
        "baris 3, kolom 1: YAML tidak sah: kurung siku '[' pada baris 2 tidak ditutup dengan ']', atau butirnya "
        "tidak dipisah koma"
    ]


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


# --- errors that help (issue 10, item 5) --------------------------------------------------------

DECREE = """\
instansi: Komisi Pemilihan Umum Kota Mataram
nomor: "12"
tahun: 2025
jabatan_penetap: Ketua Komisi Pemilihan Umum Kota Mataram
menimbang:
  - bahwa perlu dibentuk tim kerja
mengingat:
  - Undang-Undang Dasar Negara Republik Indonesia Tahun 1945
  - jenis: Undang-Undang
    nomor: "7"
    tahun: 2017
    tentang: Pemilihan Umum
diktum:
  - Membentuk Tim Kerja.
penutup:
  tempat: Mataram
  tanggal: 2025-09-03
  penandatangan:
    jabatan: Ketua Komisi Pemilihan Umum Kota Mataram
    nama: Edy Putrawan
"""


def problems(tmp_path, text: str, name: str = "k.yaml") -> list[str]:
    """The messages of loading `text` as a file (which must fail)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        kpu_docs.load(path)
    return messages(caught.value)


def test_the_decree_text_is_valid(tmp_path):
    path = tmp_path / "k.yaml"
    path.write_text(DECREE, encoding="utf-8")
    assert kpu_docs.load(path).nomor == "12"


def test_a_capitalised_key_is_named_with_the_field_it_means(tmp_path):
    """Was "- kunci tidak dikenal", no key named, and "menimbang: wajib diisi" besides."""
    text = DECREE.replace("menimbang:", "Menimbang:")
    assert problems(tmp_path, text) == ["baris 5, kolom 1: Menimbang: kunci tidak dikenal; maksud Anda menimbang?"]


def test_an_unknown_key_under_the_signatory_names_the_key_and_the_field(tmp_path):
    """Was "penutup.penandatangan: kunci tidak dikenal"."""
    text = DECREE + '    NIP: "197001011990031001"\n'
    path = tmp_path / "k.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        kpu_docs.load(path)
    (problem,) = caught.value.masalah
    assert str(problem) == "baris 21, kolom 5: penutup.penandatangan.NIP: kunci tidak dikenal; maksud Anda nip?"
    assert (problem.lokasi, problem.kunci, problem.baris, problem.kolom) == ("penutup.penandatangan.NIP", "NIP", 21, 5)


@pytest.mark.parametrize("key, meant", [("tanggall", "tanggal"), ("Tempat", "tempat"), ("atas nama", None),
                                        ("warna", None)])
def test_a_close_key_is_suggested(key, meant):
    data = minimal_data()
    data["penutup"][key] = "x"
    with pytest.raises(InputError) as caught:
        kpu_docs.from_data(data)
    hint = f"maksud Anda {meant}?" if meant else "(periksa ejaan)"
    assert messages(caught.value) == [f"penutup.{key}: kunci tidak dikenal; {hint}".replace("; (", " (")]


def test_unquoted_row_numbers_are_one_error_with_the_fix(tmp_path):
    """Each row's number tried as text and as a cell gave two messages a row, and no fix."""
    rows = "".join(f"            - [{n}, Anggota {n}]\n" for n in range(1, 31))
    text = DECREE + "lampiran:\n  - isi:\n      - tabel:\n          kolom: [\"NO\", NAMA]\n          baris:\n" + rows
    assert problems(tmp_path, text) == [
        'baris 26, kolom 16: lampiran[1].isi[1].tabel.baris[1][1]: harus berupa teks; beri tanda kutip: "1" '
        "(kesalahan yang sama di 29 tempat lain: baris 27, 28, 29, 30, 31, 32, 33, 34, ...)"
    ]


@pytest.mark.parametrize("typed, fix", [("45", '"45"'), ("045", '"045"'), ("1.10", '"1.10"'), ("true", '"true"')])
def test_a_number_where_text_belongs_says_to_quote_it(tmp_path, typed, fix):
    """Was "nomor: harus berupa teks"; the fix quotes the value as typed (045 stays 045)."""
    text = DECREE.replace('nomor: "12"', f"nomor: {typed}")
    assert problems(tmp_path, text) == [f"baris 2, kolom 1: nomor: harus berupa teks; beri tanda kutip: nomor: {fix}"]


def test_an_empty_value_where_text_belongs(tmp_path):
    assert problems(tmp_path, DECREE.replace('nomor: "12"', "nomor:")) == ["baris 2, kolom 1: nomor: tidak boleh kosong"]


def test_a_number_as_a_list_item_or_a_list_of_items(tmp_path):
    text = DECREE.replace("  - Membentuk Tim Kerja.", "  - Membentuk Tim Kerja.\n  - 2025")
    assert problems(tmp_path, text) == ['baris 15, kolom 5: diktum[2]: harus berupa teks; beri tanda kutip: "2025"']


def test_yes_and_a_decimal_comma_get_their_fix(tmp_path):
    text = DECREE + "pengaturan:\n  lampiran_terpisah: yes\n  ukuran_huruf: 11,5\n"
    assert problems(tmp_path, text) == [
        "baris 22, kolom 3: pengaturan.lampiran_terpisah: harus berupa true atau false; tulis lampiran_terpisah: true",
        "baris 23, kolom 3: pengaturan.ukuran_huruf: harus berupa angka dengan titik desimal: 11.5",
    ]


def test_a_citation_reports_its_own_problem_not_that_it_is_not_text(tmp_path):
    text = DECREE.replace("    tahun: 2017\n", "    tahun: 2017\n    Tentang: x\n").replace("    tentang: Pemilihan Umum\n", "")
    assert problems(tmp_path, text) == ["baris 12, kolom 5: mengingat[2].Tentang: kunci tidak dikenal; maksud Anda tentang?"]


def test_a_misspelt_block_key_is_suggested():
    data = minimal_data(lampiran=[{"isi": [{"Tabel": {"kolom": ["A"]}}]}])
    with pytest.raises(InputError) as caught:
        kpu_docs.from_data(data)
    (message,) = messages(caught.value)
    assert message.startswith("lampiran[1].isi[1]: blok tidak dikenal") and message.endswith("; maksud Anda tabel?")


def test_every_problem_in_a_yaml_file_names_its_line_and_column(tmp_path):
    text = (DECREE.replace('nomor: "12"', "nomor: 12").replace("tahun: 2025", "tahun: dua ribu")
            .replace("    nama: Edy Putrawan\n", "    nip: 1970\n").replace("  tempat: Mataram\n", "  Tempat: Mataram\n")
            .replace("    tahun: 2017\n", "    tahun: 17\n") + "lampiran:\n  - isi: [{gambar: x.png}]\nwarna: merah\n")
    path = tmp_path / "k.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        kpu_docs.load(path)
    assert [str(m) for m in caught.value.masalah] == [
        'baris 2, kolom 1: nomor: harus berupa teks; beri tanda kutip: nomor: "12"',
        "baris 3, kolom 1: tahun: harus berupa bilangan bulat",
        "baris 11, kolom 5: mengingat[2].tahun: tidak boleh kurang dari 1945",
        "baris 16, kolom 3: penutup.Tempat: kunci tidak dikenal; maksud Anda tempat?",
        "baris 18, kolom 3: penutup.penandatangan.nama: wajib diisi",
        'baris 20, kolom 5: penutup.penandatangan.nip: harus berupa teks; beri tanda kutip: nip: "1970"',
        "baris 22, kolom 11: lampiran[1].isi[1]: blok tidak dikenal: harus memuat salah satu kunci judul, bagian, "
        "paragraf, daftar, daftar_mengingat, tabel, tabel_kelompok, rincian_nilai",
        "baris 23, kolom 1: warna: kunci tidak dikenal (periksa ejaan)",
    ]
    assert all(m.baris and m.kolom for m in caught.value.masalah)  # and in the order of the file


def test_a_valid_file_is_not_parsed_again_for_positions(tmp_path, monkeypatch):
    """Positions cost a second parse, made only when validation fails: `check` of a valid file
    pays nothing for them."""
    calls = []
    real = kpu_docs.loading.yaml_positions
    monkeypatch.setattr(kpu_docs.loading, "yaml_positions", lambda text: calls.append(text) or real(text))
    path = tmp_path / "k.yaml"
    path.write_text(DECREE, encoding="utf-8")
    kpu_docs.load(path)
    kpu_docs.load(EXAMPLE)
    assert calls == []
    path.write_text(DECREE.replace('nomor: "12"', "nomor: 12"), encoding="utf-8")
    with pytest.raises(InputError):
        kpu_docs.load(path)
    assert len(calls) == 1


@pytest.mark.parametrize("text, message", [
    ("instansi: KPU\n\tnomor: '1'\n",
     "baris 2, kolom 1: YAML tidak sah: tab dipakai untuk indentasi; YAML hanya menerima spasi di awal baris: "
     "ganti tab itu dengan spasi"),
    ("instansi: KPU\npenutup:\n  tempat: Mataram\n\ttanggal: 2025-09-03\n",
     "baris 4, kolom 1: YAML tidak sah: tab dipakai untuk indentasi; YAML hanya menerima spasi di awal baris: "
     "ganti tab itu dengan spasi"),
    ("nomor: '1'\nnomor: '2'\n",
     'baris 2, kolom 1: YAML tidak sah: kunci "nomor" muncul lebih dari sekali dalam satu pemetaan; hapus atau '
     "ganti salah satunya"),
    ("tentang: Perubahan: Tim Kerja  # lama\n",
     "baris 1, kolom 19: YAML tidak sah: titik dua dan spasi (': ') di tengah nilai tanpa tanda kutip; beri tanda "
     'kutip: tentang: "Perubahan: Tim Kerja"'),
    ('tentang: "Tim Kerja\nnomor: 1\n',
     "baris 1, kolom 10: YAML tidak sah: tanda kutip yang dibuka di sini tidak ditutup; akhiri nilainya dengan "
     "tanda kutip yang sama"),
    ("penutup:\n    tempat: Mataram\n  tanggal: 2025-09-03\n",
     "baris 3, kolom 3: YAML tidak sah: indentasi tidak sesuai, atau ada teks sesudah nilai bertanda kutip: setiap "
     "kunci sejajar dengan kunci lain di pemetaannya (yang dimulai pada baris 1)"),
    ("nomor: @1\n",
     "baris 1, kolom 8: YAML tidak sah: karakter '@' tidak dapat mengawali nilai tanpa tanda kutip; beri tanda "
     'kutip: nomor: "@1"'),
    ("menimbang: - bahwa a\n",
     "baris 1, kolom 12: YAML tidak sah: butir daftar '- ' tidak boleh di baris yang sama dengan kuncinya; pindahkan "
     "ke baris berikutnya, menjorok ke dalam"),
    ("logo: !!python/object:os.system x\n",
     "baris 1, kolom 7: YAML tidak sah: tag YAML !!python/object:os.system tidak didukung; hapus tag itu"),
])
def test_yaml_parser_problems_in_indonesian(tmp_path, text, message):
    assert problems(tmp_path, text) == [message]


def test_an_unknown_parser_problem_keeps_its_english_after_an_indonesian_lead_in(tmp_path):
    from ruamel.yaml.error import MarkedYAMLError

    error = MarkedYAMLError(problem="something new")
    assert str(kpu_docs.loading.yaml_error(error, tmp_path / "k.yaml").masalah[0]) == \
        "YAML tidak sah: something new (pesan pengurai YAML)"


@pytest.mark.parametrize("text, message", [
    ('{"nomor": "1",}', "baris 1, kolom 15: JSON tidak sah: kunci diapit tanda kutip ganda (atau ada koma berlebih sebelum '}')"),
    ('{"nomor": "1"\n "tahun": 2025}', "baris 2, kolom 2: JSON tidak sah: koma ',' diharapkan di antara butir atau pasangan"),
])
def test_json_parser_problems_in_indonesian(tmp_path, text, message):
    assert problems(tmp_path, text, "k.json") == [message]


def test_models_built_in_python_name_the_key_too():
    from kpu_docs.models import Penandatangan

    with pytest.raises(InputError) as caught:
        Penandatangan(jabatan="Ketua", nama="Edy", NIP="1970")
    assert messages(caught.value) == ["NIP: kunci tidak dikenal; maksud Anda nip?"]
