"""Journeys in a real browser: a decree from scratch to its .docx, and a login refused."""

from __future__ import annotations

import base64
import io
import zipfile

import pytest
from typer.testing import CliRunner

from kpu_docs.cli import app as cli
from kpu_docs.web.app import create_app
from kpu_docs.web.auth import Store
from tests.web.browser import chromium, require_browser, serve

pytestmark = pytest.mark.browser


@pytest.fixture
def browser():
    require_browser()
    driver = chromium()
    yield driver
    driver.quit()


def _wait(driver, css: str, timeout: float = 15):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(ec.presence_of_element_located((By.CSS_SELECTOR, css)))


def _field(driver, name: str):
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, f'[name="{name}"]')


def _type(driver, name: str, text: str) -> None:
    element = _field(driver, name)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.clear()
    element.send_keys(text)


def _click(driver, css: str) -> None:
    from selenium.webdriver.common.by import By

    element = driver.find_element(By.CSS_SELECTOR, css)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def _paste(driver, name: str, text: str) -> None:
    """What Chromium does when cells copied from a spreadsheet are pasted: a paste event whose
    clipboard holds tab-separated lines."""
    driver.execute_script(
        "var dt = new DataTransfer(); dt.setData('text/plain', arguments[1]);"
        "arguments[0].dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));",
        _field(driver, name), text)


def _document_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml")


def test_a_decree_from_scratch_to_its_docx(browser, tmp_path):
    from selenium.webdriver.common.by import By

    with serve(create_app(tmp_path)) as base:
        browser.get(base + "/")
        _click(browser, 'a[href="/baru"]')
        _type(browser, "nama", "tim-kerja-2026")
        _click(browser, "form.kotak-baru button[type=submit]")
        _wait(browser, "#isian")
        # a decree still empty: each empty field says so beside itself
        assert "tidak boleh kosong" in browser.find_element(By.CSS_SELECTOR, '[data-untuk="instansi"]').text

        for name, text in {
            "instansi": "Komisi Pemilihan Umum Kota Mataram", "tentang": "Pembentukan Tim Kerja Pemutakhiran Data",
            "jabatan_penetap": "Ketua Komisi Pemilihan Umum Kota Mataram", "tahun": "dua ribu dua enam",
            "menimbang[1]": "bahwa untuk pemutakhiran data perlu dibentuk tim kerja",
            "mengingat[1]": "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945",
            "diktum[1]": "Membentuk Tim Kerja Pemutakhiran Data.", "penutup.tempat": "Mataram",
            "penutup.penandatangan.jabatan": "Ketua Komisi Pemilihan Umum Kota Mataram",
            "penutup.penandatangan.nama": "Edy Putrawan",
        }.items():
            _type(browser, name, text)
        _click(browser, "#simpan")
        message = _wait(browser, '[data-untuk="tahun"]')
        assert "harus berupa bilangan bulat" in message.text
        assert "Belum disimpan" in browser.find_element(By.CSS_SELECTOR, ".galat-umum").text

        _type(browser, "tahun", "2026")
        _click(browser, '[data-jalur="menimbang"] [data-tambah]')
        _wait(browser, '[name="menimbang[2]"]')
        _type(browser, "menimbang[2]", "bahwa tim kerja perlu ditetapkan dengan keputusan")
        _click(browser, '[data-jalur="lampiran"] [data-tambah]')
        _wait(browser, '[name="lampiran[1].judul"]')
        _type(browser, "lampiran[1].judul", "Susunan Tim Kerja")
        _click(browser, '[data-jalur="lampiran[1].isi"] [data-tambah="TabelBlok"]')
        _wait(browser, '[name="lampiran[1].isi[1].tabel.baris[1][1]"]')
        _type(browser, "lampiran[1].isi[1].tabel.kolom[1]", "Jabatan")
        _type(browser, "lampiran[1].isi[1].tabel.kolom[2]", "Nama")
        _paste(browser, "lampiran[1].isi[1].tabel.baris[1][1]", "Ketua\tEdy Putrawan\r\nSekretaris\tLalu Ahmad\r\n")
        assert _field(browser, "lampiran[1].isi[1].tabel.baris[2][2]").get_attribute("value") == "Lalu Ahmad"
        _click(browser, "#simpan")
        _wait(browser, ".pesan-umum")
        assert browser.find_element(By.CSS_SELECTOR, ".pesan-umum").text == "Disimpan."
        browser.save_screenshot(str(tmp_path / "sunting.png"))

        import kpu_docs

        saved = tmp_path / "tim-kerja-2026.yaml"
        keputusan = kpu_docs.load(saved)
        assert keputusan.tahun == 2026 and len(keputusan.menimbang) == 2
        assert keputusan.lampiran[0].isi[0].tabel.baris == [["Ketua", "Edy Putrawan"], ["Sekretaris", "Lalu Ahmad"]]

        # the .docx as the browser downloads it, beside `kpu-docs render` of the saved YAML
        encoded = browser.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "fetch(document.getElementById('unduh-docx').href).then(r => r.arrayBuffer()).then(b => {"
            "  var s = ''; new Uint8Array(b).forEach(c => s += String.fromCharCode(c)); done(btoa(s)); });")
        out = tmp_path / "cli"
        result = CliRunner().invoke(cli, ["render", str(saved), "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert _document_xml(base64.b64decode(encoded)) == _document_xml((out / "tim-kerja-2026.docx").read_bytes())


def test_login_refused_with_a_wrong_password_and_posts_without_the_token(browser, tmp_path):
    from selenium.webdriver.common.by import By

    (tmp_path / "a.yaml").write_text("instansi: KPU\n", encoding="utf-8")
    Store(tmp_path).add_user("sekretariat", "rahasia-kantor")
    with serve(create_app(tmp_path, login_required=True)) as base:
        browser.get(base + "/")
        _wait(browser, ".kotak-masuk")
        assert "/masuk" in browser.current_url
        _type(browser, "nama", "sekretariat")
        _type(browser, "sandi", "bukan-sandinya")
        _click(browser, ".kotak-masuk button")
        assert "Nama pengguna atau kata sandi salah." in _wait(browser, ".kotak-masuk .galat").text
        _type(browser, "sandi", "rahasia-kantor")
        _click(browser, ".kotak-masuk button")
        _wait(browser, "table.daftar")
        status = browser.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "var body = new URLSearchParams({berkas: 'a.yaml'});"
            "fetch('/hapus', {method: 'POST', body: body}).then(r => done(r.status));")
        assert status == 403
        assert (tmp_path / "a.yaml").exists()
        assert "a.yaml" in browser.find_element(By.CSS_SELECTOR, "table.daftar").text


def test_items_moved_removed_and_switched_in_the_browser_are_saved_so(browser, tmp_path):
    import shutil

    from tests.web.conftest import EXAMPLES

    shutil.copy(EXAMPLES / "uinssc-1124-2026.yaml", tmp_path / "rektor.yaml")
    import kpu_docs

    before = kpu_docs.load(tmp_path / "rektor.yaml")
    assert len(before.menimbang) >= 2 and len(before.mengingat) >= 3
    with serve(create_app(tmp_path)) as base:
        browser.get(base + "/sunting?berkas=rektor.yaml")
        _wait(browser, "#isian")
        _click(browser, '[data-jalur="menimbang"] .butir[data-ke="2"] [data-naik]')  # b. before a.
        assert _field(browser, "menimbang[1]").get_attribute("value") == before.menimbang[1]
        _click(browser, '[data-jalur="mengingat"] .butir[data-ke="1"] [data-hapus]')  # the first citation goes
        first = _field(browser, "mengingat[1]._bentuk")  # the former second, renumbered
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", first)
        from selenium.webdriver.support.ui import Select

        Select(first).select_by_value("str")  # as free text
        _wait(browser, 'textarea[name="mengingat[1]"]')
        _type(browser, "mengingat[1]", "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945")
        _click(browser, "#simpan")
        _wait(browser, ".pesan-umum")
    after = kpu_docs.load(tmp_path / "rektor.yaml")
    assert after.menimbang[:2] == [before.menimbang[1], before.menimbang[0]]
    assert after.mengingat[0] == "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945"
    assert after.mengingat[1:] == before.mengingat[2:]
