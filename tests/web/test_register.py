"""The register in the desk: a number taken as `kpu-docs nomor ambil` takes it, the agenda book
as a table and as .csv/.xlsx."""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook

from kpu_docs.loading import load
from tests.web.conftest import REFERENCE


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def tanpa_nomor(folder):
    """Two copies of the reference decree waiting for a number."""
    text = (folder / REFERENCE).read_text(encoding="utf-8")
    assert text.count('nomor: "11"') == 1
    for name in ("a.yaml", "b.yaml"):
        (folder / name).write_text(text.replace('nomor: "11"', 'nomor: "[ISI NOMOR]"'), encoding="utf-8")
    return folder


def _rows(html: str) -> list[list[str]]:
    body = re.search(r'<table class="daftar agenda">.*?<tbody>(.*?)</tbody>', html, re.S).group(1)
    return [[_text(c).strip() for c in re.findall(r"<td>(.*?)</td>", tr, re.S)] for tr in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def test_taking_numbers_writes_them_into_the_files_and_the_agenda(client, tanpa_nomor):
    folder = tanpa_nomor
    before = (folder / "a.yaml").read_text(encoding="utf-8").splitlines()
    assert "Register masih kosong" in client.get("/register").text
    answer = client.post("/register/ambil", data={"csrf": client.csrf, "berkas": "a.yaml"}, follow_redirects=False)
    assert answer.status_code == 303
    client.post("/register/ambil", data={"csrf": client.csrf, "berkas": "b.yaml"})
    after = (folder / "a.yaml").read_text(encoding="utf-8").splitlines()
    assert [i for i, (x, y) in enumerate(zip(before, after)) if x != y] == [before.index('nomor: "[ISI NOMOR]"')]
    assert load(folder / "a.yaml").nomor == "1" and load(folder / "b.yaml").nomor == "2"
    page = client.get("/register")
    rows = _rows(page.text)
    assert [(r[0], r[1], r[2], r[4], r[5], r[7]) for r in rows] == [
        ("1", "1", "2025-09-03", "a.yaml", "lokal", "ditulis"), ("2", "2", "2025-09-03", "b.yaml", "lokal", "ditulis")]
    assert rows[0][3] == load(folder / REFERENCE).tentang
    assert (folder / ".kpu-docs" / "register.sqlite").is_file()
    assert "Nomor 2 diberikan kepada b.yaml" in _text(client.get("/register?pesan=Nomor 2 diberikan kepada b.yaml").text)


def test_the_agenda_downloads_as_csv_and_xlsx(client, tanpa_nomor):
    client.post("/register/ambil", data={"csrf": client.csrf, "berkas": "a.yaml"})
    csv = client.get("/register/unduh?format=csv")
    assert csv.headers["content-disposition"] == 'attachment; filename="register-nomor.csv"'
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("No.,Nomor,Tanggal,Tentang,Berkas")
    assert lines[1].startswith("1,1,2025-09-03,")
    xlsx = client.get("/register/unduh?format=xlsx&tahun=2025")
    sheet = load_workbook(io.BytesIO(xlsx.content)).worksheets[0]
    assert [c.value for c in sheet[2]][:2] == [1, "1"]
    empty = load_workbook(io.BytesIO(client.get("/register/unduh?format=xlsx&tahun=2030").content)).worksheets[0]
    assert empty.max_row == 1
    assert client.get("/register/unduh?format=pdf").status_code == 400


def test_a_decree_that_cannot_be_numbered_says_why_and_takes_no_number(client, folder):
    answer = client.post("/register/ambil", data={"csrf": client.csrf, "berkas": REFERENCE})
    assert answer.status_code == 422
    shown = _text(answer.text)
    assert "nomor: sudah diisi (11)" in shown
    assert f'href="/sunting?berkas={REFERENCE}#f-nomor"' in answer.text
    assert not (folder / ".kpu-docs" / "register.sqlite").exists()
    assert client.post("/register/ambil", data={"csrf": client.csrf, "berkas": "../luar.yaml"}).status_code == 403


def test_the_register_shared_with_the_cli(client, tanpa_nomor, tmp_path_factory, monkeypatch):
    shared = tmp_path_factory.mktemp("bersama") / "register.sqlite"
    monkeypatch.setenv("KPU_DOCS_REGISTER", str(shared))
    client.post("/register/ambil", data={"csrf": client.csrf, "berkas": "a.yaml"})
    from typer.testing import CliRunner

    from kpu_docs.cli import app as cli

    result = CliRunner().invoke(cli, ["nomor", "daftar", "--register", str(shared)])
    assert result.exit_code == 0 and "ditulis" in result.output and "a.yaml" in result.output


def test_taking_a_number_needs_the_csrf_token(client, tanpa_nomor):
    answer = client.post("/register/ambil", data={"berkas": "a.yaml"})
    assert answer.status_code == 403
    assert load(tanpa_nomor / "a.yaml").nomor == "[ISI NOMOR]"


def test_the_review_list_of_a_draft_leads_to_its_number(client, folder):
    answer = client.post("/tahun-depan", data={"csrf": client.csrf, "berkas": REFERENCE, "nama": "k26"})
    link = re.search(r'id="ke-register" href="([^"]+)"', answer.text).group(1)
    assert link == "/register?berkas=k26.yaml"
    assert '<option value="k26.yaml" selected>k26.yaml (belum bernomor)</option>' in client.get(link).text


def test_a_number_cancelled_is_never_given_again(client, tanpa_nomor):
    client.post("/register/ambil", data={"csrf": client.csrf, "berkas": "a.yaml"})
    answer = client.post("/register/batal", data={"csrf": client.csrf, "nomor": "1", "instansi": "",
                                                  "alasan": "salah ketik tanggal"}, follow_redirects=True)
    assert "Dibatalkan: 1 (nomor urut 1 tidak akan diberikan lagi)" in _text(answer.text)
    row = _rows(answer.text)[0]
    assert row[7] == "BATAL" and row[8].startswith("dibatalkan oleh lokal") and row[8].endswith(": salah ketik tanggal")
    assert 'action="/register/batal"' not in answer.text  # a cancelled number has no button
    client.post("/register/ambil", data={"csrf": client.csrf, "berkas": "b.yaml"})
    assert load(tanpa_nomor / "b.yaml").nomor == "2"
    unknown = client.post("/register/batal", data={"csrf": client.csrf, "nomor": "99"})
    assert unknown.status_code == 422 and "nomor 99 tidak ada di register" in _text(unknown.text)
