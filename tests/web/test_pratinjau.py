"""Page pictures and downloads: the .docx is what `kpu-docs render` writes from the same file."""

from __future__ import annotations

import io
import shutil
import time
import zipfile

import pytest
from typer.testing import CliRunner

from kpu_docs.cli import app
from tests.missing import tool_missing
from tests.web.conftest import REFERENCE


def _document_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml")


def test_the_docx_download_is_the_document_kpu_docs_render_writes(client, folder, tmp_path_factory):
    response = client.get("/unduh", params={"berkas": REFERENCE, "bentuk": "docx"})
    assert response.status_code == 200
    assert response.headers["content-disposition"] == "attachment; filename*=UTF-8''keputusan-11-2025.docx"
    out = tmp_path_factory.mktemp("render")
    result = CliRunner().invoke(app, ["render", str(folder / REFERENCE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert _document_xml(response.content) == _document_xml((out / "keputusan-11-2025.docx").read_bytes())


def test_an_invalid_decree_has_no_download(client, folder):
    (folder / "rusak.yaml").write_text("instansi: KPU\n", encoding="utf-8")
    response = client.get("/unduh", params={"berkas": "rusak.yaml", "bentuk": "docx"})
    assert response.status_code == 422 and "belum sah" in response.text


def test_downloads_stay_inside_the_folder(client):
    assert client.get("/unduh", params={"berkas": "../x.yaml"}).status_code == 403


def _require_tools() -> None:
    missing = [t for t in ("soffice", "pdftoppm", "pdfinfo") if shutil.which(t) is None]
    if missing:
        tool_missing(f"tidak terpasang: {', '.join(missing)}")


@pytest.mark.libreoffice
def test_pictures_are_made_in_the_background_then_cached(client, folder):
    _require_tools()
    first = client.get("/pratinjau", params={"berkas": REFERENCE})
    assert first.status_code == 200
    assert 'hx-trigger="every 1s"' in first.text  # the page asks again until the pictures are there
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        page = client.get("/pratinjau", params={"berkas": REFERENCE}).text
        if "data-halaman" in page:
            break
        time.sleep(0.5)
    else:
        pytest.fail("pictures not made in time")
    images = [part.split('"')[0] for part in page.split('src="')[1:]]
    assert len(images) >= 9
    picture = client.get(images[0])
    assert picture.status_code == 200 and picture.content.startswith(b"\x89PNG")
    cache = next((folder / ".kpu-docs" / "pratinjau").iterdir())
    made = (cache / "done.txt").stat().st_mtime_ns
    assert "data-halaman" in client.get("/pratinjau", params={"berkas": REFERENCE}).text  # no new conversion
    assert (cache / "done.txt").stat().st_mtime_ns == made
    pdf = client.get("/unduh", params={"berkas": REFERENCE, "bentuk": "pdf"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_picture_names_are_checked(client):
    assert client.get("/pratinjau/gambar/../../web.sqlite").status_code == 404
    assert client.get("/pratinjau/gambar/0123456789abcdef01234567/..%2Fdone.txt").status_code == 404
