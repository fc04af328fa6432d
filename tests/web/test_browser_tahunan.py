"""Journeys in a real browser: take a number from the register; upload a batch, see its check,
run it with its progress bar and download the decrees as a zip.

Screenshots (1366x768) go to KPU_DOCS_SCREENSHOTS when it names a folder, else to tmp_path."""

from __future__ import annotations

import base64
import io
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from kpu_docs.loading import load
from kpu_docs.web.app import create_app
from tests.web.browser import serve
from tests.web.conftest import EXAMPLES, REFERENCE
from tests.web.test_browser import _click, _wait, browser  # noqa: F401 - the Chromium fixture

pytestmark = pytest.mark.browser


def _shot(driver, tmp_path: Path, name: str) -> None:
    folder = Path(os.environ.get("KPU_DOCS_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(folder / f"{name}.png"))


def _fetch(driver, url: str) -> bytes:
    """A download as the browser gets it (its session cookie and all)."""
    encoded = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {"
        "  var s = ''; new Uint8Array(b).forEach(c => s += String.fromCharCode(c)); done(btoa(s)); });", url)
    return base64.b64decode(encoded)


def test_take_a_number(browser, tmp_path):  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    text = (EXAMPLES / REFERENCE).read_text(encoding="utf-8")
    (tmp_path / "rencana-aksi.yaml").write_text(text.replace('nomor: "11"', 'nomor: "[ISI NOMOR]"'), encoding="utf-8")
    shutil.copy(EXAMPLES / REFERENCE, tmp_path / REFERENCE)
    with serve(create_app(tmp_path)) as base:
        browser.get(base + "/")
        _click(browser, 'a[href="/register"]')
        _wait(browser, "#berkas-nomor")
        assert "Register masih kosong" in browser.find_element(By.TAG_NAME, "main").text
        choice = Select(browser.find_element(By.ID, "berkas-nomor"))
        assert choice.first_selected_option.text == "rencana-aksi.yaml (belum bernomor)"
        _click(browser, "#ambil-nomor")
        assert _wait(browser, ".pesan-umum").text == "Nomor 1 diberikan kepada rencana-aksi.yaml"
        cells = [td.text for td in browser.find_elements(By.CSS_SELECTOR, "table.agenda tbody tr td")]
        assert cells[:3] == ["1", "1", "2025-09-03"] and cells[4] == "rencana-aksi.yaml" and cells[7] == "ditulis"
        assert load(tmp_path / "rencana-aksi.yaml").nomor == "1"
        _shot(browser, tmp_path, "web-register")

        # a decree that has its number already: the reason, linked to its field; no number taken
        Select(browser.find_element(By.ID, "berkas-nomor")).select_by_value(REFERENCE)
        _click(browser, "#ambil-nomor")
        message = _wait(browser, ".ambil-nomor .galat a")
        assert message.text.startswith("nomor: sudah diisi (11)")
        assert message.get_attribute("href").endswith(f"/sunting?berkas={REFERENCE}#f-nomor")
        assert len(browser.find_elements(By.CSS_SELECTOR, "table.agenda tbody tr")) == 1

        csv = _fetch(browser, browser.find_element(By.ID, "unduh-csv").get_attribute("href")).decode("utf-8-sig")
        assert csv.splitlines()[1].startswith("1,1,2025-09-03,")


def test_run_a_batch_upload_and_download_the_zip(browser, tmp_path):  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    folder = tmp_path / "folder"
    folder.mkdir()
    shutil.copy(EXAMPLES / "pps" / "keputusan-pps.yaml", folder / "keputusan-pps.yaml")
    shutil.copy(EXAMPLES / REFERENCE, folder / REFERENCE)
    with serve(create_app(folder)) as base:
        browser.get(base + "/")
        _click(browser, 'a[href="/batch"]')
        _wait(browser, "#batch-dasar")
        Select(browser.find_element(By.ID, "batch-dasar")).select_by_value("keputusan-pps.yaml")
        browser.find_element(By.ID, "batch-data").send_keys(str(EXAMPLES / "pps" / "desa.csv"))
        browser.find_element(By.ID, "batch-tabel").send_keys(str(EXAMPLES / "pps" / "anggota.csv"))
        browser.find_element(By.ID, "batch-kunci").send_keys("desa")
        _shot(browser, tmp_path, "web-batch-unggah")
        _click(browser, "#batch-periksa")

        summary = _wait(browser, "#ringkasan-periksa")
        assert summary.text.startswith("10 baris, 10 sah, 0 gagal, 0 galat kelompok tabel/nama berkas")
        rows = browser.find_elements(By.CSS_SELECTOR, "table.periksa-batch tbody tr")
        assert [r.find_elements(By.TAG_NAME, "td")[1].text for r in rows][:2] == ["pps-desa-kertamulya",
                                                                                  "pps-desa-padalarang"]
        assert "[ISI NAMA]" in browser.find_element(By.CSS_SELECTOR, ".peringatan-semua").text
        _shot(browser, tmp_path, "web-batch-periksa")
        _click(browser, "#batch-jalankan")

        _wait(browser, "#kemajuan progress")
        link = WebDriverWait(browser, 120).until(lambda d: d.find_elements(By.ID, "batch-unduh"))[0]
        assert "10 ditulis, 0 dilewati karena tidak berubah, 0 gagal" in browser.find_element(By.ID, "batch-selesai").text
        bar = browser.find_element(By.ID, "bilah")
        assert bar.get_attribute("value") == bar.get_attribute("max") == "10"
        _shot(browser, tmp_path, "web-batch-selesai")

        archive = zipfile.ZipFile(io.BytesIO(_fetch(browser, link.get_attribute("href"))))
        names = sorted(archive.namelist())
        assert len(names) == 10 and "pps-desa-kertamulya.docx" in names
        from docx import Document

        text = "\n".join(p.text for p in Document(io.BytesIO(archive.read("pps-desa-kertamulya.docx"))).paragraphs)
        assert "PANITIA PEMUNGUTAN SUARA DESA KERTAMULYA KECAMATAN PADALARANG" in text
