"""Where a 40-row batch spends wall time that its own work does not explain (issue 15, item 8).

Measures, on the PPS example grown to 40 decrees:
- the `kpu-docs batch` command's wall time (measured outside, around the process) against the
  "Selesai dalam N detik" it prints, with 1 and 2 workers;
- the wait for the first chunk back from freshly started worker processes (fork server start
  and its imports), from the batch's own status line;
- the register's cost per row (two SQLite write transactions, synchronous=FULL, per row);
- a calling script whose module-level code takes 2 s (reading a big sheet, say), run with two
  workers: the workers must not run it again.

Nothing is asserted: tests never time anything. Run: python benchmarks/batch_waits.py
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
sys.path.insert(0, str(ROOT))
EXAMPLE = ROOT / "examples" / "pps"
ROWS = 40


def _data(folder: Path) -> tuple[Path, Path, Path]:
    """The example's base with [ISI NOMOR], and 40 desa rows with three members each, as CSV."""
    with open(EXAMPLE / "desa.csv", encoding="utf-8", newline="") as handle:
        desa = list(csv.DictReader(handle))
    rows, members = [], []
    for i in range(ROWS):
        row = dict(desa[i % len(desa)])
        key = f"{row['desa']} {i // len(desa) + 1}"
        row.update(desa=key, berkas=f"pps-{i + 1:02d}", nomor="")
        rows.append(row)
        members += [{"desa": key, "nama": f"Anggota {i + 1}-{j}", "jabatan": "Anggota"} for j in (1, 2, 3)]
    paths = []
    for name, records in (("desa.csv", rows), ("anggota.csv", members)):
        with open(folder / name, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(records[0]))
            writer.writeheader()
            writer.writerows(records)
        paths.append(folder / name)
    return EXAMPLE / "keputusan-pps.yaml", paths[0], paths[1]


def _command(base: Path, data: Path, table: Path, out: Path, *extra: str) -> tuple[float, float]:
    """(wall seconds around the process, seconds the summary printed)."""
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", "from kpu_docs.cli import main; main()", "batch", str(base), str(data), "-o", str(out),
                           "--tabel", str(table), "--kunci", "desa", "--ulang", "-q", *extra],
                          capture_output=True, text=True, check=False)
    wall = time.monotonic() - started
    if done.returncode != 0:
        raise SystemExit(done.stdout + done.stderr)
    said = float(done.stdout.split("Selesai dalam ")[1].split(" detik")[0].replace(",", "."))
    return wall, said


def main() -> None:
    from kpu_docs.batch import run_batch

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base, data, table = _data(folder)
        print("| what | seconds |")
        print("| --- | --- |")
        for jobs in ("1", "2"):
            wall, said = _command(base, data, table, folder / f"cli-{jobs}", "--jobs", jobs)
            print(f"| `kpu-docs batch`, {ROWS} rows, --jobs {jobs}: wall around the process / summary | "
                  f"{wall:.2f} / {said:.2f} |")

        marks: list[tuple[float, str | None]] = []
        started = time.monotonic()
        run_batch(base, data, folder / "pool", tabel=table, kunci="desa", jobs=2, ulang=True,
                  status=lambda text: marks.append((time.monotonic() - started, text)))
        begun = next(t for t, text in marks if text and text.startswith("memulai"))
        back = next(t for t, text in marks if t > begun and text is None)
        print(f"| worker processes started until the first chunk is back (--jobs 2) | {back - begun:.2f} |")

        timings = {}
        for register in (None, folder / "register.sqlite"):
            started = time.monotonic()
            run_batch(base, data, folder / f"reg-{register is not None}", tabel=table, kunci="desa", jobs=1,
                      ulang=True, register=register)
            timings[register is not None] = time.monotonic() - started
        per_row = (timings[True] - timings[False]) / ROWS
        print(f"| register numbering, per row (--jobs 1, {ROWS} rows: {timings[False]:.2f} without, "
              f"{timings[True]:.2f} with) | {per_row:.3f} |")

        script = folder / "skrip.py"
        script.write_text(
            "import time\n"
            "time.sleep(2)  # module-level work: reading a big sheet\n"
            "from kpu_docs import run_batch\n"
            f"run_batch({str(base)!r}, {str(data)!r}, {str(folder / 'skrip')!r}, tabel={str(table)!r}, "
            "kunci='desa', jobs=2)\n",
            encoding="utf-8",
        )
        started = time.monotonic()
        subprocess.run([sys.executable, str(script)], check=True, cwd=folder,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
        print(f"| a script with 2 s of module-level work, --jobs 2, wall | {time.monotonic() - started:.2f} |")


if __name__ == "__main__":
    main()
