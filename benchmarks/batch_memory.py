"""Peak memory of `kpu-docs batch` at 20,000 and 200,000 rows, and their ratio (issue 16, item 6).

A batch must not grow with the sheet: rows are parsed once into a spool on disk, outcomes are
counted rather than kept, the manifest is on disk. Rendering 200,000 decrees takes hours, so
two runs that go through every row without rendering each:

- `refused`: every row has its own output name (`berkas`) and a cell beyond the last headed
  column, so every row passes the audit (which checks that no two rows write one file) and is
  then refused by the batch itself with its message: the reading, the audit, the loop, each
  outcome and the summary, for every row (the path where a result was kept per row);
- `checked-table`: a member table of as many rows (`--tabel`, `--kunci`), grouped into 50
  decrees, checked with `--periksa`: the table's parse, its index and the audit of its keys.

Each run is the command line in a subprocess that reports its own peak resident memory
(VmHWM) as it exits. Give another checkout as argument to measure it (the figures before):

    python benchmarks/batch_memory.py            # this checkout
    python benchmarks/batch_memory.py /work/main # another one, same data

Nothing is asserted: tests never time anything.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASE = ROOT / "tests" / "batch" / "data" / "pps.yaml"
SIZES = (20_000, 200_000)
DECREES = 50

_REPORTING = """
import atexit, re, runpy, sys
def report(path=sys.argv.pop(1)):
    with open("/proc/self/status") as status:
        kb = int(re.search(r"VmHWM:\\s+(\\d+)", status.read()).group(1))
    with open(path, "w") as out:
        out.write(str(kb))
atexit.register(report)
sys.argv[0] = "kpu-docs"
runpy.run_module("kpu_docs", run_name="__main__", alter_sys=True)
"""


def _refused(folder: Path, rows: int) -> list[str]:
    data = folder / f"refused-{rows}.csv"
    with open(data, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["nomor", "tentang", "penutup.tanggal", "berkas"])
        for i in range(rows):
            out.writerow([i + 1, f"Pembentukan PPS Desa Contoh {i}", "2025-01-06", f"sk-{i:06d}", "di luar kolom"])
    return [str(BASE), str(data), "-o", str(folder / f"out-{rows}")]


def _checked_table(folder: Path, rows: int) -> list[str]:
    data, table = folder / f"desa-{rows}.csv", folder / f"anggota-{rows}.csv"
    with open(data, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["nomor", "tentang", "penutup.tanggal", "desa"])
        for i in range(DECREES):
            out.writerow([i + 1, f"Pembentukan PPS Desa {i}", "2025-01-06", f"Desa {i}"])
    with open(table, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["desa", "nama", "jabatan"])
        for i in range(rows):
            out.writerow([f"Desa {i % DECREES}", f"Anggota Nomor {i}", "Anggota"])
    return [str(BASE), str(data), "--tabel", str(table), "--kunci", "desa", "--periksa"]


def measure(root: Path, args: list[str], folder: Path) -> tuple[float, int, int]:
    """(seconds, peak MB, exit code) of `kpu-docs batch ARGS -q` run from `root`."""
    peak = folder / "peak-kb"
    env = {**os.environ, "PYTHONPATH": str(root)}
    started = time.monotonic()
    with open(folder / "stderr.txt", "w") as stderr:
        done = subprocess.run([sys.executable, "-c", _REPORTING, str(peak), "batch", *args, "-q"],
                              env=env, stdout=subprocess.DEVNULL, stderr=stderr, cwd=folder)
    return time.monotonic() - started, int(peak.read_text()) // 1024, done.returncode


def main() -> None:
    root = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT
    print(f"kpu-docs from {root}")
    with tempfile.TemporaryDirectory(prefix="kpu-docs-bench-") as tmp:
        folder = Path(tmp)
        for name, make in (("refused", _refused), ("checked-table", _checked_table)):
            peaks = []
            for rows in SIZES:
                seconds, megabytes, code = measure(root, make(folder, rows), folder)
                peaks.append(megabytes)
                print(f"{name:14} {rows:>7,} rows: {megabytes:4d} MB peak, {seconds:6.1f} s (exit {code})")
            print(f"{name:14} 200k / 20k peak memory: {peaks[1] / peaks[0]:.2f}")


if __name__ == "__main__":
    main()
