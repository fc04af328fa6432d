"""Screenshots of the web desk's yearly screens for the README (1366x768): the new-decree page,
next year's review list, a comparison, the register after a number is taken, the batch's check
and its finished run.

    python tools/web_screenshots_tahunan.py [--out docs/images]

Serves a copy of some examples on a free port of 127.0.0.1 in Debian's headless Chromium, as
the browser tests drive it (tools/web_screenshots.py pictures the list and the form).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EXAMPLES = ROOT / "examples"
REFERENCE = "keputusan-11-2025.yaml"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    out = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)

    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    from kpu_docs.web.app import create_app
    from tests.web.browser import chromium, serve

    folder = Path(tempfile.mkdtemp(prefix="kpu-docs-shots-"))
    for name in (REFERENCE, "lapan-110-2004.yaml", "pps/keputusan-pps.yaml"):
        shutil.copy(EXAMPLES / name, folder / Path(name).name)
    text = (folder / REFERENCE).read_text(encoding="utf-8")
    revised = text.replace("Berkewajiban Menyusun Rencana Kerja", "Berkewajiban Menyiapkan Rencana Kerja")
    (folder / "keputusan-11-2025-revisi.yaml").write_text(
        revised.replace("Kota Mataram Tahun 2025", "Kota Mataram Tahun Anggaran 2025", 1), encoding="utf-8")
    driver = chromium()

    def shot(name: str) -> None:
        time.sleep(0.3)
        driver.save_screenshot(str(out / f"{name}.png"))

    try:
        with serve(create_app(folder)) as base:
            driver.get(base + "/baru")
            WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "dari-contoh"))
            shot("web-baru")
            driver.get(base + f"/tahun-depan?berkas={REFERENCE}")
            driver.find_element(By.CSS_SELECTOR, "form.kotak-isian button").click()
            WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "table.periksa"))
            shot("web-periksa-draf")
            driver.get(base + f"/beda?lama={REFERENCE}&baru=keputusan-11-2025-revisi.yaml")
            shot("web-beda")
            driver.get(base + "/register")
            Select(driver.find_element(By.ID, "berkas-nomor")).select_by_value("keputusan-11-2026.yaml")
            driver.find_element(By.ID, "ambil-nomor").click()
            WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "table.agenda"))
            shot("web-register")
            driver.get(base + "/batch")
            Select(driver.find_element(By.ID, "batch-dasar")).select_by_value("keputusan-pps.yaml")
            driver.find_element(By.ID, "batch-data").send_keys(str(EXAMPLES / "pps" / "desa.csv"))
            driver.find_element(By.ID, "batch-tabel").send_keys(str(EXAMPLES / "pps" / "anggota.csv"))
            driver.find_element(By.ID, "batch-kunci").send_keys("desa")
            driver.find_element(By.ID, "batch-periksa").click()
            WebDriverWait(driver, 60).until(lambda d: d.find_elements(By.ID, "batch-jalankan"))
            shot("web-batch-periksa")
            driver.find_element(By.ID, "batch-jalankan").click()
            WebDriverWait(driver, 120).until(lambda d: d.find_elements(By.ID, "batch-unduh"))
            shot("web-batch-selesai")
    finally:
        driver.quit()
        shutil.rmtree(folder, ignore_errors=True)
    print(f"Ditulis: {out}/web-{{baru,periksa-draf,beda,register,batch-periksa,batch-selesai}}.png")


if __name__ == "__main__":
    main()
