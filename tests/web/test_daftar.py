"""The list of decrees: what it shows, search, copy and the recycle folder."""

from __future__ import annotations

import re

from tests.web.conftest import REFERENCE


def test_the_list_shows_each_decree_with_its_warnings(client):
    page = client.get("/").text
    row = re.search(r"<tr>\s*<td><a href=\"/sunting\?berkas=keputusan-11-2025.yaml\">11</a></td>(.*?)</tr>", page, re.S).group(1)
    assert "<td>2025</td>" in row and "Penetapan Rencana Aksi Pembangunan Zona Integritas" in row
    assert "3 September 2025" in row and "3 peringatan" in row and ">final<" in row
    assert "Kep/110/V/2004" in page


def test_search_finds_by_any_word_of_the_text(client):
    page = client.get("/", params={"cari": "Antariksa"}).text
    assert "lapan-110-2004.yaml" in page and "keputusan-11-2025.yaml" not in page
    assert "Tidak ada keputusan" in client.get("/", params={"cari": "tidakadadimanapun"}).text


def test_search_answers_htmx_with_the_rows_only(client):
    response = client.get("/", params={"cari": "Mataram"}, headers={"HX-Request": "true", "HX-Target": "baris"})
    assert response.text.lstrip().startswith("<tr>") and "<html" not in response.text


def test_copy_makes_a_new_file_and_opens_it(client, folder):
    response = client.post("/salin", data={"berkas": REFERENCE, "csrf": client.csrf}, follow_redirects=False)
    assert response.headers["location"] == "/sunting?berkas=keputusan-11-2025-salinan.yaml"
    copy = (folder / "keputusan-11-2025-salinan.yaml").read_text(encoding="utf-8")
    original = (folder / REFERENCE).read_text(encoding="utf-8")
    assert copy.replace("tahun: 2025\nstatus: draf\n", "tahun: 2025\n", 1) == original  # a new draft, the rest kept
    import kpu_docs

    assert kpu_docs.load(folder / "keputusan-11-2025-salinan.yaml").status == "draf"
    client.post("/salin", data={"berkas": REFERENCE, "csrf": client.csrf})
    assert (folder / "keputusan-11-2025-salinan-2.yaml").exists()


def test_a_decree_that_does_not_validate_is_listed_with_its_errors(client, folder):
    (folder / "rusak.yaml").write_text("instansi: KPU\ntahun: dua ribu\n", encoding="utf-8")
    page = client.get("/").text
    assert re.search(r"rusak.yaml.*?galat", page, re.S) or re.search(r"galat</span></td>\s*<td>rusak.yaml", page)
