"""Speed of the web desk on the reference decree, beside the CLI's own `check` of the same file.

    python benchmarks/web.py [--runs 20]

The desk is served by uvicorn on a free port of 127.0.0.1 (as `kpu-docs web` serves it) over a
copy of examples/keputusan-11-2025.yaml, and asked over HTTP like a browser asks:
- the edit page (GET /sunting): the whole form, every field, messages and `check`'s warnings;
- a save (POST /sunting) of a one-word change: the form's fields to data, validation, `check`,
  the round-trip writer, the file written, the audit log, the redirect;
beside `kpu-docs check` of the same file, in a fresh process as the command line runs it, and
in-process (load and check, what a save does too). The first request of each kind warms the
process and is not counted. Prints medians, the fastest run, and the ratios. Nothing asserted.
"""

from __future__ import annotations

import argparse
import http.client
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EXAMPLE = ROOT / "examples" / "keputusan-11-2025.yaml"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs

    from kpu_docs.checks import temuan
    from kpu_docs.loading import load
    from kpu_docs.web.app import create_app
    from kpu_docs.web.decrees import text_hash
    from tests.web.browser import serve
    from tests.web.formfields import form_fields

    folder = Path(tempfile.mkdtemp(prefix="kpu-docs-bench-web-"))
    path = folder / EXAMPLE.name
    shutil.copy(EXAMPLE, path)
    times: dict[str, list[float]] = {"edit page (GET /sunting)": [], "save (POST /sunting)": [],
                                     "kpu-docs check (process)": [], "load + check (in-process)": []}
    with serve(create_app(folder)) as base:
        host = urllib.parse.urlsplit(base)
        conn = http.client.HTTPConnection(host.hostname, host.port)

        def get(url: str, cookie: str = "") -> tuple[int, str, str]:
            conn.request("GET", url, headers={"Cookie": cookie} if cookie else {})
            response = conn.getresponse()
            return response.status, response.read().decode("utf-8"), response.getheader("set-cookie") or ""

        url = "/sunting?berkas=" + EXAMPLE.name
        status, page, cookie = get(url)
        cookie = cookie.split(";")[0]
        assert status == 200
        fields = form_fields(page)
        for i in range(runs + 1):
            start = time.perf_counter()
            status, page, _ = get(url, cookie)
            if i:
                times["edit page (GET /sunting)"].append(time.perf_counter() - start)
        names = ("Edy Putrawan", "Edi Putrawan")
        for i in range(runs + 1):
            fields["penutup.penandatangan.nama"] = names[i % 2]
            fields["hash"] = text_hash(path.read_text(encoding="utf-8"))
            body = urllib.parse.urlencode(fields)
            start = time.perf_counter()
            conn.request("POST", url, body=body, headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
            response = conn.getresponse()
            response.read()
            if i:
                times["save (POST /sunting)"].append(time.perf_counter() - start)
            assert response.status == 303, response.status
        conn.close()
    for i in range(runs + 1):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import sys; sys.argv=['kpu-docs','check',sys.argv[1]]; "
                        "from kpu_docs.cli import main; main()", str(path)], capture_output=True, cwd=ROOT)
        if i:
            times["kpu-docs check (process)"].append(time.perf_counter() - start)
        start = time.perf_counter()
        list(temuan(load(path)))
        if i:
            times["load + check (in-process)"].append(time.perf_counter() - start)
    check = statistics.median(times["kpu-docs check (process)"])
    inproc = statistics.median(times["load + check (in-process)"])
    print(f"{'':30} {'median':>9} {'fastest':>9} {'x check':>8} {'x in-proc':>9}")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:30} {median * 1000:7.1f}ms {min(values) * 1000:7.1f}ms {median / check:8.2f} {median / inproc:9.2f}")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
