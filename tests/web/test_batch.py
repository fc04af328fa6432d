"""The batch in the desk: the pre-check as a table, a run in the background polled for progress,
the decrees as a zip equal to what `kpu-docs batch` writes."""

from __future__ import annotations

import io
import re
import shutil
import time
import zipfile

import pytest
from typer.testing import CliRunner

from kpu_docs.cli import app as cli
from tests.web.conftest import EXAMPLES

PPS = EXAMPLES / "pps"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def pps(folder):
    shutil.copy(PPS / "keputusan-pps.yaml", folder / "keputusan-pps.yaml")
    return folder


def _check(client, data: bytes | None = None, tabel: bytes | None = None, **fields):
    files = {"data": ("desa.csv", data if data is not None else (PPS / "desa.csv").read_bytes())}
    files["tabel"] = ("anggota.csv", tabel if tabel is not None else (PPS / "anggota.csv").read_bytes())
    form = {"csrf": client.csrf, "dasar": "keputusan-pps.yaml", "kunci": "desa", **fields}
    return client.post("/batch/periksa", data=form, files=files)


def _finished(client, kode: str) -> str:
    for _ in range(240):
        html = client.get(f"/batch/{kode}/kemajuan").text
        if "hx-trigger" not in html:
            return html
        time.sleep(0.25)
    raise AssertionError("batch did not finish")


def test_the_pre_check_is_a_table_of_rows_and_writes_nothing(client, pps):
    answer = _check(client)
    assert answer.status_code == 200
    desa = (PPS / "desa.csv").read_text(encoding="utf-8").splitlines()[1:]
    rows = re.findall(r"<tr class=\"\"><td>(\d+)</td><td>([^<]+)</td>", answer.text)
    assert rows == [(str(i), line.split(",")[0]) for i, line in enumerate(desa, start=1)]
    assert "10 baris, 10 sah, 0 gagal" in _text(answer.text)
    # the base decree's placeholders, in every row, said once above the table
    warning = "lampiran[1].isi[1].tabel.baris[1][1]: masih ada tempat isian &#34;[ISI NAMA]&#34;"
    assert answer.text.count(warning) == 1
    assert answer.text.index(warning) < answer.text.index('<table class="daftar periksa-batch">')
    assert 'id="batch-jalankan"' in answer.text
    work = next((pps / ".kpu-docs" / "batch").iterdir())
    assert not (work / "hasil").exists()


def test_unmatched_keys_and_bad_rows_are_shown_and_stop_the_run(client, pps):
    tabel = (PPS / "anggota.csv").read_bytes() + "Atlantis,Budi,Ketua\n".encode()
    data = (PPS / "desa.csv").read_text(encoding="utf-8").replace("2023-01-20", "2023-02-30", 1).encode()
    answer = _check(client, data=data, tabel=tabel)
    shown = _text(answer.text)
    assert "Atlantis" in shown and "baris" in shown  # the table row that belongs to no decree, named
    assert re.search(r'<tr class="gagal"><td>1</td><td>pps-desa-kertamulya</td>', answer.text)
    assert "penutup.tanggal" in shown
    assert 'id="batch-jalankan"' not in answer.text


def test_a_batch_that_cannot_start_says_every_problem(client, pps):
    data = b"berkas,desa,kolom_tak_dikenal\nx,Kertamulya,1\n"
    answer = _check(client, data=data)
    assert answer.status_code == 422
    assert "kolom_tak_dikenal" in _text(answer.text)
    wrong = client.post("/batch/periksa", data={"csrf": client.csrf, "dasar": "keputusan-pps.yaml"},
                        files={"data": ("desa.txt", b"a,b\n")})
    assert wrong.status_code == 422 and "data harus berkas .csv, .xlsx" in wrong.text


def test_a_run_with_progress_gives_the_decrees_as_the_cli_makes_them(client, pps, tmp_path_factory):
    kode = re.search(r'name="kode" value="([^"]+)"', _check(client).text).group(1)
    page = client.post("/batch/jalankan", data={"csrf": client.csrf, "kode": kode})
    assert f'hx-get="/batch/{kode}/kemajuan"' in page.text and "<progress" in page.text
    done = _finished(client, kode)
    assert "10 ditulis, 0 dilewati karena tidak berubah, 0 gagal" in _text(done)
    download = client.get(f"/batch/{kode}/unduh")
    assert download.headers["content-disposition"] == 'attachment; filename="keputusan-pps-batch.zip"'
    archive = zipfile.ZipFile(io.BytesIO(download.content))
    cli_out = tmp_path_factory.mktemp("cli")
    result = CliRunner().invoke(cli, ["batch", str(pps / "keputusan-pps.yaml"), str(PPS / "desa.csv"), "-o",
                                      str(cli_out), "--tabel", str(PPS / "anggota.csv"), "--kunci", "desa", "-q"])
    assert result.exit_code == 0, result.output
    made = sorted(p.name for p in cli_out.glob("*.docx"))
    assert sorted(archive.namelist()) == made and len(made) == 10
    for name in made:
        with zipfile.ZipFile(cli_out / name) as theirs:
            assert zipfile.ZipFile(io.BytesIO(archive.read(name))).read("word/document.xml") == theirs.read("word/document.xml")


def test_an_xlsx_upload_is_read_as_the_csv(client, pps, tmp_path):
    import csv

    from openpyxl import Workbook

    book = Workbook()
    for row in csv.reader(io.StringIO((PPS / "desa.csv").read_text(encoding="utf-8"))):
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    answer = client.post("/batch/periksa", data={"csrf": client.csrf, "dasar": "keputusan-pps.yaml", "kunci": "desa"},
                         files={"data": ("desa.xlsx", buffer.getvalue()),
                                "tabel": ("anggota.csv", (PPS / "anggota.csv").read_bytes())})
    assert "10 baris, 10 sah, 0 gagal" in _text(answer.text)


def test_a_run_numbers_each_decree_from_the_register(client, pps):
    kode = re.search(r'name="kode" value="([^"]+)"', _check(client, register="ya").text).group(1)
    client.post("/batch/jalankan", data={"csrf": client.csrf, "kode": kode})
    done = _text(_finished(client, kode))
    assert "Nomor dari register" in done and "(10 nomor)" in done
    agenda = client.get("/register/unduh?format=csv").content.decode("utf-8-sig").splitlines()
    assert len(agenda) == 11


def test_an_unknown_batch_and_a_bad_code(client, pps):
    assert client.get("/batch/abc123/kemajuan").status_code == 403
    assert client.post("/batch/jalankan", data={"csrf": client.csrf, "kode": "../x"}).status_code == 400
    assert client.post("/batch/jalankan", data={"csrf": client.csrf, "kode": "abc123"}).status_code == 400
    assert client.get("/batch/abc123/unduh").status_code == 400
    assert not (pps / ".kpu-docs" / "batch" / "abc123").exists()


def test_a_batch_folder_is_kept_for_its_zip_and_removed_once_old(client, pps):
    import os

    from kpu_docs.web import batch

    folder = pps / ".kpu-docs" / "batch"
    kode = re.search(r'name="kode" value="([^"]+)"', _check(client).text).group(1)
    # a pre-check that cannot start keeps nothing of its uploads
    assert _check(client, data=b"berkas,desa,kolom_tak_dikenal\nx,Kertamulya,1\n").status_code == 422
    assert [p.name for p in folder.iterdir()] == [kode]
    # KEPT_DAYS later the next upload removes it; until then its zip can be had again
    old = time.time() - (batch.KEPT_DAYS + 1) * 86400
    for path in [*(folder / kode).rglob("*"), folder / kode]:
        os.utime(path, (old, old))
    again = re.search(r'name="kode" value="([^"]+)"', _check(client).text).group(1)
    assert [p.name for p in folder.iterdir()] == [again]
