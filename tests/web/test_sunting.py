"""The edit form: every example saved unchanged, one-word edits as one-line diffs, messages
beside their fields, nothing written without CSRF or with invalid data, two saves merged."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess

import pytest
from starlette.testclient import TestClient

from kpu_docs.web.app import create_app
from tests.web.conftest import EXAMPLES, REFERENCE
from tests.web.formfields import form_fields

EXAMPLE_FILES = sorted(p.name for p in EXAMPLES.glob("*.yaml"))


def _open(client, name=REFERENCE):
    page = client.get("/sunting", params={"berkas": name})
    assert page.status_code == 200
    return form_fields(page.text)


def _save(client, fields, name=REFERENCE):
    return client.post("/sunting", params={"berkas": name}, data=fields, follow_redirects=False)


def _git_diff(a, b) -> list[str]:
    result = subprocess.run(["git", "diff", "--no-index", "-U0", str(a), str(b)], capture_output=True, text=True)
    return [line for line in result.stdout.splitlines()
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_every_example_saved_from_its_form_unchanged_is_unchanged(tmp_path, name):
    shutil.copy(EXAMPLES / name, tmp_path / name)
    client = TestClient(create_app(tmp_path), base_url="http://127.0.0.1")
    response = _save(client, _open(client, name), name)
    assert response.status_code == 303, re.findall(r'pesan-bidang galat.{0,200}', response.text)
    assert (tmp_path / name).read_bytes() == (EXAMPLES / name).read_bytes()


def test_a_one_word_edit_is_a_one_line_diff(client, folder):
    fields = _open(client)
    assert fields["penutup.penandatangan.nama"] == "Edy Putrawan"
    fields["penutup.penandatangan.nama"] = "Edi Putrawan"
    assert _save(client, fields).status_code == 303
    assert _git_diff(EXAMPLES / REFERENCE, folder / REFERENCE) == [
        "-    nama: Edy Putrawan", "+    nama: Edi Putrawan"]


def test_a_word_changed_in_a_folded_paragraph_changes_its_line_only(client, folder):
    fields = _open(client)
    fields["menimbang[1]"] = fields["menimbang[1]"].replace("Instansi Pemerintah", "Instansi Daerah")
    assert _save(client, fields).status_code == 303
    diff = _git_diff(EXAMPLES / REFERENCE, folder / REFERENCE)
    assert len(diff) == 2 and diff[0].endswith("Instansi Pemerintah") and diff[1].endswith("Instansi Daerah")


def test_adding_and_removing_menimbang_items_keeps_the_comments(client, folder):
    fields = _open(client)
    fields["menimbang[3]"] = "bahwa perlu ditambahkan pertimbangan ketiga"
    assert _save(client, fields).status_code == 303
    text = (folder / REFERENCE).read_text(encoding="utf-8")
    assert "  - bahwa perlu ditambahkan pertimbangan ketiga\n" in text
    original_comments = [l for l in (EXAMPLES / REFERENCE).read_text(encoding="utf-8").splitlines() if l.lstrip().startswith("#")]
    assert [l for l in text.splitlines() if l.lstrip().startswith("#")] == original_comments
    diff = _git_diff(EXAMPLES / REFERENCE, folder / REFERENCE)
    assert diff == ["+  - bahwa perlu ditambahkan pertimbangan ketiga"]

    fields = _open(client)
    del fields["menimbang[3]"]
    assert _save(client, fields).status_code == 303
    assert (folder / REFERENCE).read_bytes() == (EXAMPLES / REFERENCE).read_bytes()


def test_a_table_row_added_in_the_grid_is_saved_as_a_row(client, folder):
    fields = _open(client)
    table = next(n.rsplit(".baris", 1)[0] for n in fields if re.search(r"\.tabel_kelompok\.kelompok\[1\]\.baris\[1\]\[1\]$", n))
    rows = {int(m.group(1)) for n in fields if (m := re.match(re.escape(table) + r"\.baris\[(\d+)\]", n))}
    new = max(rows) + 1
    for c, value in enumerate(["Rapat Koordinasi", "Rapat koordinasi tim kerja setiap bulan", "Desember 2025"], start=1):
        fields[f"{table}.baris[{new}][{c}]"] = value
    assert _save(client, fields).status_code == 303
    import kpu_docs

    kelompok = kpu_docs.load(folder / REFERENCE).lampiran[0].isi[28].tabel_kelompok.kelompok[0]
    assert kelompok.baris[-1] == ["Rapat Koordinasi", "Rapat koordinasi tim kerja setiap bulan", "Desember 2025"]


def test_an_invalid_value_is_shown_beside_its_field_and_nothing_is_written(client, folder):
    before = (folder / REFERENCE).read_bytes()
    fields = _open(client)
    fields["tahun"] = "dua ribu"
    fields["penutup.tanggal"] = "2025-02-30"
    response = _save(client, fields)
    assert response.status_code == 422
    assert "Belum disimpan" in response.text
    assert re.search(r'data-untuk="tahun">[^<]*harus berupa bilangan bulat', response.text)
    assert re.search(r'data-untuk="penutup.tanggal">[^<]*tanggal', response.text)
    assert 'value="dua ribu"' in response.text  # what was typed stays in the form
    assert (folder / REFERENCE).read_bytes() == before


def test_check_warnings_are_shown_beside_their_fields(client):
    page = client.get("/sunting", params={"berkas": REFERENCE}).text
    assert re.search(r'data-untuk="menimbang_penutup">merujuk huruf a[^<]*<span class="aturan">\[menimbang-huruf\]', page)


def test_the_generated_closing_formula_is_shown_until_overridden(folder):
    text = (folder / REFERENCE).read_text(encoding="utf-8")
    start = text.index("menimbang_penutup:")
    end = text.index("\nmengingat:")
    (folder / REFERENCE).write_text(text[:start] + text[end + 1:], encoding="utf-8")
    client = TestClient(create_app(folder), base_url="http://127.0.0.1")
    page = client.get("/sunting", params={"berkas": REFERENCE}).text
    assert '<option value="otomatis" selected>dibuat otomatis</option>' in page
    assert "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan" in page
    fields = form_fields(page)
    fields["menimbang_penutup._mode"] = "sendiri"
    fields["menimbang_penutup._teks"] = "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan Keputusan"
    assert _save(client, fields).status_code == 303
    assert "menimbang_penutup: bahwa berdasarkan pertimbangan" in (folder / REFERENCE).read_text(encoding="utf-8")


def test_a_save_without_the_csrf_token_changes_nothing(client, folder):
    fields = _open(client)
    fields["nomor"] = "99"
    del fields["csrf"]
    assert _save(client, fields).status_code == 403
    assert (folder / REFERENCE).read_bytes() == (EXAMPLES / REFERENCE).read_bytes()


def test_each_save_is_in_the_audit_log(client, folder):
    fields = _open(client)
    fields["nomor"] = "12"
    assert _save(client, fields).status_code == 303
    rows = sqlite3.connect(folder / ".kpu-docs" / "web.sqlite").execute(
        "SELECT pengguna, tindakan, berkas, waktu FROM audit").fetchall()
    assert [(r[0], r[1], r[2]) for r in rows] == [("lokal", "simpan", REFERENCE)]
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", rows[0][3])
    assert re.search(r"<li>\d{4}-\d\d-\d\d \d\d:\d\d UTC: simpan oleh lokal</li>", client.get("/sunting", params={"berkas": REFERENCE}).text)


def test_two_saves_of_different_fields_both_stay(client, folder):
    first, second = _open(client), _open(client)
    first["penutup.penandatangan.nama"] = "Edi Putrawan"
    assert _save(client, first).status_code == 303
    second["penutup.tempat"] = "Kota Mataram"
    response = _save(client, second)
    assert response.status_code == 303 and "digabung=1" in response.headers["location"]
    text = (folder / REFERENCE).read_text(encoding="utf-8")
    assert "nama: Edi Putrawan" in text and "tempat: Kota Mataram" in text


def test_two_saves_of_the_same_field_are_a_conflict_showing_both(client, folder):
    first, second = _open(client), _open(client)
    first["penutup.penandatangan.nama"] = "Edi Putrawan"
    assert _save(client, first).status_code == 303
    saved = (folder / REFERENCE).read_bytes()
    second["penutup.penandatangan.nama"] = "Edy Putra"
    response = _save(client, second)
    assert response.status_code == 409
    assert "penutup.penandatangan.nama" in response.text
    assert "nama: Edi Putrawan" in response.text and "nama: Edy Putra" in response.text
    assert (folder / REFERENCE).read_bytes() == saved


def test_a_file_changed_by_the_cli_is_picked_up(client, folder):
    _open(client)
    path = folder / REFERENCE
    path.write_text(path.read_text(encoding="utf-8").replace('nomor: "11"', 'nomor: "45"'), encoding="utf-8")
    assert _open(client)["nomor"] == "45"
    assert ">45</a>" in client.get("/").text


def test_a_new_item_widget_carries_its_field_path(client):
    html = client.get("/sunting/butir", params={"jalur": "mengingat", "ke": "9", "jenis": "Peraturan"}).text
    assert 'name="mengingat[9].jenis"' in html and 'name="mengingat[9].diundangkan._ada"' in html
    html = client.get("/sunting/butir", params={"jalur": "lampiran[1].isi", "ke": "3", "jenis": "TabelBlok"}).text
    assert 'name="lampiran[1].isi[3].tabel.kolom[1]"' in html and 'name="lampiran[1].isi[3].tabel.baris[1][2]"' in html
    html = client.get("/sunting/butir", params={"jalur": "menimbang", "ke": "4", "jenis": "str"}).text
    assert 'name="menimbang[4]"' in html


def test_a_decree_from_scratch(client, folder):
    response = client.post("/baru", data={"nama": "tim-kerja", "csrf": client.csrf}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/sunting?berkas=tim-kerja.yaml"
    page = client.get(response.headers["location"]).text
    assert re.search(r'data-untuk="instansi">tidak boleh kosong', page)
    fields = form_fields(page)
    fields.update({
        "instansi": "Komisi Pemilihan Umum Kota Mataram", "tentang": "Pembentukan Tim Kerja",
        "jabatan_penetap": "Ketua Komisi Pemilihan Umum Kota Mataram",
        "menimbang[1]": "bahwa perlu dibentuk tim kerja", "mengingat[1]": "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945",
        "diktum[1]": "Membentuk Tim Kerja.", "penutup.tempat": "Mataram",
        "penutup.penandatangan.jabatan": "Ketua Komisi Pemilihan Umum Kota Mataram", "penutup.penandatangan.nama": "Edy Putrawan",
    })
    response = _save(client, fields, "tim-kerja.yaml")
    assert response.status_code == 303, re.findall(r'pesan-bidang galat.{0,200}', response.text)
    import kpu_docs

    keputusan = kpu_docs.load(folder / "tim-kerja.yaml")
    assert keputusan.status == "draf" and keputusan.menimbang == ["bahwa perlu dibentuk tim kerja"]
    assert "# Keputusan baru" in (folder / "tim-kerja.yaml").read_text(encoding="utf-8")


def test_a_new_decree_is_never_written_over_another(client, folder):
    response = client.post("/baru", data={"nama": REFERENCE, "csrf": client.csrf})
    assert response.status_code == 422 and "sudah ada" in response.text
    assert (folder / REFERENCE).read_bytes() == (EXAMPLES / REFERENCE).read_bytes()


def test_a_structured_citation_shows_the_sentence_it_prints(client):
    page = client.get("/sunting", params={"berkas": REFERENCE}).text
    assert ('title="Tercetak">Undang-Undang Nomor 28 Tahun 1999 tentang Penyelenggaraan Negara yang Bersih dan bebas dari '
            'korupsi, kolusi, nepotisme (Lembaran Negara Republik Indonesia Tahun 1999 Nomor 75,') in page


PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7V\xbd\xfa\x00\x00\x00\x00IEND\xaeB`\x82")


def test_a_logo_uploaded_is_copied_beside_the_decree_and_saved_as_its_path(client, folder):
    response = client.post("/sunting/logo", params={"berkas": REFERENCE}, headers={"X-CSRF-Token": client.csrf},
                           files={"gambar": ("Logo KPU.png", PNG, "image/png")})
    assert response.json() == {"logo": "gambar/Logo-KPU.png"}
    assert (folder / "gambar" / "Logo-KPU.png").read_bytes() == PNG
    fields = _open(client)
    fields["logo"] = "gambar/Logo-KPU.png"
    assert _save(client, fields).status_code == 303
    import kpu_docs

    assert kpu_docs.load(folder / REFERENCE).logo == folder / "gambar" / "Logo-KPU.png"
    assert "\nlogo: gambar/Logo-KPU.png\n" in (folder / REFERENCE).read_text(encoding="utf-8")


def test_a_logo_upload_is_refused_when_it_is_no_picture_or_has_no_token(client, folder):
    response = client.post("/sunting/logo", params={"berkas": REFERENCE}, headers={"X-CSRF-Token": client.csrf},
                           files={"gambar": ("logo.png", b"<script>", "image/png")})
    assert response.status_code == 422 and "PNG atau JPEG" in response.json()["galat"]
    response = client.post("/sunting/logo", params={"berkas": REFERENCE}, files={"gambar": ("logo.png", PNG, "image/png")})
    assert response.status_code == 403
    assert not (folder / "gambar").exists()


def test_a_request_body_over_the_bound_is_refused(client, folder, monkeypatch):
    from kpu_docs.web import auth

    monkeypatch.setattr(auth, "BODY_MAX", 1000)
    response = client.post("/sunting/logo", params={"berkas": REFERENCE}, headers={"X-CSRF-Token": client.csrf},
                           files={"gambar": ("logo.png", PNG + b"\0" * 2000, "image/png")})
    assert response.status_code == 413
    assert not (folder / "gambar").exists()
