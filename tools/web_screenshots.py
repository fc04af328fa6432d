"""Screenshots of the web desk for the README, at a clerk's laptop size (1366x768).

    python tools/web_screenshots.py [--out docs/images]

Serves a copy of examples/ on a free port of 127.0.0.1 and photographs the list and the
reference decree's edit page (with its page pictures, once LibreOffice has made them) in
Debian's headless Chromium, as the browser tests drive it.
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    out = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)

    from selenium.webdriver.common.by import By

    from kpu_docs.web.app import create_app
    from tests.web.browser import chromium, serve

    folder = Path(tempfile.mkdtemp(prefix="kpu-docs-shots-"))
    for example in (ROOT / "examples").glob("*.yaml"):
        shutil.copy(example, folder / example.name)
    driver = chromium()
    try:
        with serve(create_app(folder)) as base:
            driver.get(base + "/")
            time.sleep(0.5)
            driver.save_screenshot(str(out / "web-daftar.png"))
            driver.get(base + "/sunting?berkas=keputusan-11-2025.yaml")
            deadline = time.monotonic() + 240
            while time.monotonic() < deadline and not driver.find_elements(By.CSS_SELECTOR, "#pratinjau img"):
                time.sleep(1)
            time.sleep(1)
            driver.execute_script("document.querySelector('#bagian-menimbang').scrollIntoView()")
            time.sleep(0.3)
            driver.save_screenshot(str(out / "web-sunting.png"))
            driver.execute_script("document.querySelector('.grid-isian').scrollIntoView()")
            time.sleep(0.3)
            driver.save_screenshot(str(out / "web-tabel.png"))
    finally:
        driver.quit()
        shutil.rmtree(folder, ignore_errors=True)
    for name in ("web-daftar.png", "web-sunting.png", "web-tabel.png"):
        print(f"Ditulis: {out / name}")


if __name__ == "__main__":
    main()
