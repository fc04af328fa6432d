"""How `kpu-docs import` grows with the document: time per table row or per copy, and ratios.

Three inputs, each at three sizes, each timed against a baseline run in this process on the
same file:

- our own .docx, the reference decree with its Lampiran table (tabel_kelompok) repeated to
  25, 250 and 2,500 rows; baseline: python-docx opening the file and reading every
  paragraph's text straight from the XML;
- a hand-written-looking .docx: the OCR'd reference decree typed into python-docx's default
  template (Normal paragraphs, List Number items, its tables as plain Word tables), 1x, 10x
  and 100x; same baseline;
- the OCR'd reference decree as a .txt, 1x, 10x and 100x; baseline: decoding the file and
  splitting it into whitespace-normalised lines;
- big texts of 0.5, 1, 2 and 5 MB, the corpus's .txt decrees (tests/importing/corpus) one after
  another and repeated: import_file alone, and the whole `kpu-docs import` command in a fresh
  process (start-up, import, the YAML written and read back, the result checked, what was not
  read printed); time per MB and the ratio 5 MB / 0.5 MB, about 10 when the time is linear.

Linear growth shows as ratios near 10 between sizes ten times apart (the smallest size also
carries the decree's fixed part, so its ratio to the next is lower). Peak memory is measured
with tracemalloc at the largest size: Python's allocations only (lxml's tree is not traced).
No absolute times are asserted anywhere.

Run: python benchmarks/import_speed.py [ROUNDS]   (building the 2,500-row decree takes a while)
     python benchmarks/import_speed.py [ROUNDS] --mb   (the big texts only)
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import docx
from docx.oxml.ns import qn

import kpu_docs
from kpu_docs.importing import import_file
from kpu_docs.loading import read_data

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "keputusan-11-2025.yaml"
OCR = ROOT / "tests" / "importing" / "data" / "ocr-keputusan-11-2025.txt"
ROWS = (25, 250, 2500)
COPIES = (1, 10, 100)
MEGABYTES = (0.5, 1, 2, 5)


# --- inputs ---------------------------------------------------------------------------------


def _table_blocks(node):
    """Every tabel_kelompok block in the decree's raw data."""
    if isinstance(node, dict):
        if "tabel_kelompok" in node:
            yield node["tabel_kelompok"]
        for value in node.values():
            yield from _table_blocks(value)
    elif isinstance(node, list):
        for value in node:
            yield from _table_blocks(value)


def own_docx(rows: int, path: Path) -> Path:
    """The reference decree rendered with its tabel_kelompok's rows repeated to `rows` rows."""
    data = read_data(EXAMPLE)
    table = next(_table_blocks(data))
    groups = table["kelompok"]
    rows_by_group = [(i, row) for i, group in enumerate(groups) for row in group["baris"]]
    grown = [{"nama": group["nama"], "baris": []} for group in groups]
    for n in range(rows):
        i, row = rows_by_group[n % len(rows_by_group)]
        grown[i]["baris"].append(row)
    table["kelompok"] = [group for group in grown if group["baris"]]
    path.write_bytes(kpu_docs.render_bytes(kpu_docs.from_data(data, base_dir=EXAMPLE.parent)))
    return path


_NUMBERED = re.compile(r"^(?:- )?\d+\. (?P<text>.*)$")


def hand_docx(copies: int, path: Path) -> Path:
    """The OCR'd decree typed into Word's default template, `copies` times over."""
    document = docx.Document()
    lines = OCR.read_text(encoding="utf-8").splitlines() * copies
    i = 0
    while i < len(lines):
        if "\t" in lines[i]:
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                rows.append(lines[i].split("\t"))
                i += 1
            table = document.add_table(rows=len(rows), cols=max(map(len, rows)))
            for tr, cells in zip(table.rows, rows):
                for cell, text in zip(tr.cells, cells):
                    cell.text = text
            continue
        m = _NUMBERED.match(lines[i])
        document.add_paragraph(m["text"] if m else lines[i], style="List Number" if m else None)
        i += 1
    document.save(str(path))
    return path


def big_text(megabytes: float, path: Path) -> Path:
    """The corpus's .txt decrees one after another, repeated and cut at a line to `megabytes` MB."""
    corpus = sorted((ROOT / "tests" / "importing" / "corpus").glob("*.txt"))
    one = "\n\n".join(p.read_text(encoding="utf-8") for p in corpus) + "\n\n"
    size = int(megabytes * 1_000_000)
    text = one * (size // len(one.encode("utf-8")) + 1)
    text = text.encode("utf-8")[:size].decode("utf-8", "ignore")
    path.write_text(text[: text.rfind("\n") + 1], encoding="utf-8")
    return path


def text_file(copies: int, path: Path) -> Path:
    path.write_text(OCR.read_text(encoding="utf-8") * copies, encoding="utf-8")
    return path


# --- baselines ------------------------------------------------------------------------------


def docx_baseline(path: Path) -> None:
    """python-docx opening the file, and every paragraph's text read from the XML with lxml."""
    body = docx.Document(str(path)).element.body
    w_t = qn("w:t")
    [("".join(t.text or "" for t in p.iter(w_t))) for p in body.iter(qn("w:p"))]


def text_baseline(path: Path) -> None:
    """The file decoded and split into whitespace-normalised lines."""
    [" ".join(line.split()) for line in path.read_bytes().decode("utf-8-sig").splitlines()]


# --- measuring ------------------------------------------------------------------------------


def timed(fn, rounds: int) -> float:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def peak_memory(fn) -> int:
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def report(title: str, unit: str, sizes: tuple[int, ...], paths: list[Path], baseline, rounds: int) -> None:
    """Time per size, per unit, against the baseline; ratios between sizes; memory at the largest."""
    print(f"\n{title}")
    print(f"  {unit:>6}  {'import ms':>10}  {'ms/' + unit:>9}  {'baseline ms':>11}  {'import/baseline':>15}")
    times = []
    for size, path in zip(sizes, paths):
        t, b = timed(lambda: import_file(path), rounds), timed(lambda: baseline(path), rounds)
        times.append(t)
        print(f"  {size:>6}  {t * 1000:>10.1f}  {t * 1000 / size:>9.2f}  {b * 1000:>11.1f}  {t / b:>14.1f}x")
    for (s1, t1), (s2, t2) in zip(zip(sizes, times), zip(sizes[1:], times[1:])):
        print(f"  ratio {s2}/{s1}: {t2 / t1:.2f} (linear: {s2 / s1:.0f})")
    print(f"  added cost per {unit} from {sizes[-2]} to {sizes[-1]}: {(times[-1] - times[-2]) * 1000 / (sizes[-1] - sizes[-2]):.3f} ms")
    largest = paths[-1]
    memory, base_memory = peak_memory(lambda: import_file(largest)), peak_memory(lambda: baseline(largest))
    print(f"  peak memory at {sizes[-1]} (tracemalloc): import {memory / 1e6:.1f} MB, baseline {base_memory / 1e6:.1f} MB")


def command(path: Path, output: Path) -> None:
    """`kpu-docs import` in a fresh process, as a person runs it (no terminal: no progress bar)."""
    output.unlink(missing_ok=True)
    subprocess.run([sys.executable, "-m", "kpu_docs", "import", str(path), "-o", str(output)],
                   capture_output=True, check=False)
    if not output.exists():
        raise SystemExit(f"kpu-docs import {path} wrote nothing")


def report_megabytes(paths: list[Path], folder: Path, rounds: int) -> None:
    """Time per MB for import_file and for the whole command; the ratio of the largest to the smallest."""
    print(f"\n.txt of the corpus's decrees repeated, median of {rounds} rounds")
    print(f"  {'MB':>5}  {'import_file s':>13}  {'s/MB':>6}  {'kpu-docs import s':>17}  {'s/MB':>6}")
    first: tuple[float, float] | None = None
    for megabytes, path in zip(MEGABYTES, paths):
        size = path.stat().st_size / 1_000_000
        t = timed(lambda: import_file(path), rounds)
        c = timed(lambda: command(path, folder / "out.yaml"), rounds)
        first = first or (t / size, c / size)
        print(f"  {size:>5.2f}  {t:>13.2f}  {t / size:>6.2f}  {c:>17.2f}  {c / size:>6.2f}")
        last = (t, c, size)
    t, c, size = last
    small = paths[0].stat().st_size / 1_000_000
    print(f"  ratio {size:.1f} MB / {small:.1f} MB: import_file {t / (first[0] * small):.1f}, "
          f"kpu-docs import {c / (first[1] * small):.1f} (linear: {size / small:.0f})")


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 3
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        big = [big_text(n, folder / f"big-{n}.txt") for n in MEGABYTES]
        if "--mb" in sys.argv:
            import_file(big[0])  # warm up
            report_megabytes(big, folder, rounds)
            return
        print("building inputs ...", file=sys.stderr)
        own = [own_docx(n, folder / f"rows-{n}.docx") for n in ROWS]
        hand = [hand_docx(n, folder / f"hand-{n}.docx") for n in COPIES]
        texts = [text_file(n, folder / f"text-{n}.txt") for n in COPIES]
        import_file(own[0])  # warm up imports and the template defaults
        print(f"kpu-docs import, median of {rounds} rounds; python {sys.version.split()[0]}")
        report("own .docx, Lampiran table of N rows", "row", ROWS, own, docx_baseline, rounds)
        report("hand-written-looking .docx, the OCR'd decree N times", "copy", COPIES, hand, docx_baseline, rounds)
        report(".txt, the OCR'd decree N times", "copy", COPIES, texts, text_baseline, rounds)
        report_megabytes(big, folder, rounds)


if __name__ == "__main__":
    main()
