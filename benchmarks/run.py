"""Speed and memory of kpu-docs, as ratios against baselines run here, on the same data.

Prints one table (Markdown, for the README):
- ms per decree: kpu-docs rendering the reference decree, and a plain docxtpl loop
  (`DocxTemplate(path).render(ctx); save()` per document) on a comparable Keputusan + Lampiran
  template that this script builds, with a 25-row table with merged cells; their ratio;
- the same decree with a 25-, 250- and 2,500-row action plan, and the ratios between them;
- decrees per second for a 200-row batch with 1 worker and with every core;
- peak memory (resident) of a process after 100 and after 2,000 renders, and of one that only
  loads the decree;
- seconds per PDF for a batch of 20 converted in one LibreOffice start, against one start per file.

Nothing here is asserted: tests never time anything. Run: python benchmarks/run.py [--cepat]
"""

from __future__ import annotations

import copy
import datetime
import io
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import kpu_docs  # noqa: E402
from kpu_docs import wording  # noqa: E402
from kpu_docs.loading import read_data  # noqa: E402
from kpu_docs.models.lampiran import TabelKelompokBlok  # noqa: E402

EXAMPLE = ROOT / "examples" / "keputusan-11-2025.yaml"


def per_call(fn, seconds: float = 2.0, least: int = 5) -> float:
    """Median seconds of one call, calling for about `seconds` (after one warm-up call)."""
    fn()
    samples: list[float] = []
    deadline = time.perf_counter() + seconds
    while len(samples) < least or time.perf_counter() < deadline:
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


# --- the plain docxtpl baseline ------------------------------------------------------------


def build_docxtpl_template(path: Path) -> None:
    """A Keputusan + Lampiran template in docxtpl's own tags, as a developer would write it."""
    from docx import Document

    doc = Document()
    for text in ("KEPUTUSAN {{ instansi }}", "NOMOR {{ nomor }} TAHUN {{ tahun }}", "TENTANG", "{{ tentang }}",
                 "{{ jabatan }},"):
        doc.add_paragraph(text)
    for label, name in (("Menimbang", "menimbang"), ("Mengingat", "mengingat")):
        doc.add_paragraph(label + " :")
        doc.add_paragraph(f"{{%p for butir in {name} %}}")
        doc.add_paragraph("{{ butir }}", style="List Number")
        doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("MEMUTUSKAN:")
    diktum = doc.add_table(rows=3, cols=3)
    diktum.cell(0, 0).text = "{%tr for d in diktum %}"
    diktum.cell(1, 0).text, diktum.cell(1, 1).text, diktum.cell(1, 2).text = "{{ d.label }}", ":", "{{ d.isi }}"
    diktum.cell(2, 0).text = "{%tr endfor %}"
    for text in ("Ditetapkan di {{ tempat }}", "pada tanggal {{ tanggal }}", "{{ jabatan }},", "{{ nama }}"):
        doc.add_paragraph(text)
    doc.add_page_break()
    for text in ("LAMPIRAN", "KEPUTUSAN {{ instansi }}", "NOMOR {{ nomor }} TAHUN {{ tahun }}", "{{ judul }}"):
        doc.add_paragraph(text)
    doc.add_paragraph("{%p for paragraf in isi %}")
    doc.add_paragraph("{{ paragraf }}")
    doc.add_paragraph("{%p endfor %}")
    table = doc.add_table(rows=6, cols=5)  # header, two loops opened, the row, two loops closed
    table.style = "Table Grid"
    for c, head in enumerate(("NO", "KOMPONEN", "INDIKATOR/PROGRAM", "RENCANA AKSI", "TARGET WAKTU")):
        table.cell(0, c).text = head
    table.cell(1, 0).text = "{%tr for g in kelompok %}"
    table.cell(2, 0).text = "{%tr for b in g.baris %}"
    for c, cell in enumerate(("{{ g.nomor }}{% vm %}", "{{ g.nama }}{% vm %}", "{{ b[0] }}", "{{ b[1] }}", "{{ b[2] }}")):
        table.cell(3, c).text = cell
    table.cell(4, 0).text = "{%tr endfor %}"
    table.cell(5, 0).text = "{%tr endfor %}"
    doc.add_paragraph("{{ jabatan }},")
    doc.add_paragraph("{{ nama }}")
    doc.save(str(path))


def docxtpl_context(keputusan) -> dict:
    """The same decree's text, for the plain template."""
    tabel = next(b.tabel_kelompok for b in keputusan.lampiran[0].isi if isinstance(b, TabelKelompokBlok))
    return {
        "instansi": keputusan.instansi.upper(), "nomor": keputusan.nomor, "tahun": keputusan.tahun,
        "tentang": keputusan.tentang.upper(), "jabatan": keputusan.jabatan_penetap.upper(),
        "menimbang": wording.menimbang_butir(keputusan), "mengingat": wording.kutipan_daftar(keputusan.mengingat),
        "diktum": [{"label": wording.label_diktum(n, "kesatu"), "isi": d.isi} for n, d in enumerate(keputusan.diktum, 1)],
        "tempat": keputusan.penutup.tempat, "tanggal": str(keputusan.penutup.tanggal),
        "nama": keputusan.penutup.penandatangan.nama.upper(), "judul": keputusan.lampiran[0].judul,
        "isi": [b.paragraf for b in keputusan.lampiran[0].isi if hasattr(b, "paragraf")],
        "kelompok": [{"nomor": i, "nama": g.nama, "baris": g.baris} for i, g in enumerate(tabel.kelompok, 1)],
    }


def docxtpl_render(template: Path, context: dict) -> bytes:
    from docxtpl import DocxTemplate

    document = DocxTemplate(str(template))
    document.render(context, autoescape=True)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- data of any size ------------------------------------------------------------------------


def with_rows(data: dict, rows: int) -> dict:
    """The reference decree with its action plan grown (or cut) to `rows` rows, groups of five."""
    data = copy.deepcopy(data)
    for block in data["lampiran"][0]["isi"]:
        if isinstance(block, dict) and "tabel_kelompok" in block:
            table = block["tabel_kelompok"]
            source = [row for group in table["kelompok"] for row in group["baris"]]
            groups = []
            for start in range(0, rows, 5):
                baris = [source[(start + i) % len(source)] for i in range(min(5, rows - start))]
                groups.append({"nama": table["kelompok"][(start // 5) % len(table["kelompok"])]["nama"], "baris": baris})
            table["kelompok"] = groups
    return data


# --- measurements ------------------------------------------------------------------------------


def speed(rows: list[tuple[str, str, str]], quick: bool) -> dict:
    data = read_data(EXAMPLE)
    data.pop("logo", None)
    keputusan = kpu_docs.from_data(copy.deepcopy(data), base_dir=EXAMPLE.parent)
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "docxtpl.docx"
        build_docxtpl_template(template)
        context = docxtpl_context(keputusan)
        plain = per_call(lambda: docxtpl_render(template, context), 1 if quick else 4)
    ours = per_call(lambda: kpu_docs.render_bytes(keputusan), 1 if quick else 4)
    rows.append(("Render the reference decree (25-row table)", f"{ours * 1e3:.2f} ms",
                 f"plain docxtpl loop {plain * 1e3:.1f} ms: kpu-docs **{plain / ours:.0f}x** faster"))
    timings = {}
    for n in (25, 250, 2500):
        k = kpu_docs.from_data(with_rows(data, n))
        timings[n] = per_call(lambda: kpu_docs.render_bytes(k), 1 if quick else 3, least=3)
    rows.append(("Render with a 25 / 250 / 2,500-row table",
                 " / ".join(f"{timings[n] * 1e3:.1f} ms" for n in (25, 250, 2500)),
                 f"250/25: {timings[250] / timings[25]:.1f}x, 2,500/250: **{timings[2500] / timings[250]:.1f}x**"))
    return {"data": data}


def batch(rows: list[tuple[str, str, str]], quick: bool) -> None:
    """Decrees per second with one worker (in this process) and with every core, for a batch of
    200 (where starting the worker processes weighs) and of 1,000."""
    from kpu_docs.batch import run_batch

    cores = os.cpu_count() or 1
    for n in (60,) if quick else (200, 1000):
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            data_csv = tmp / "data.csv"
            lines = ["berkas,nomor,tentang"]
            lines += [f"sk-{i:04d},{i},Penetapan Rencana Aksi Zona Integritas Unit {i}" for i in range(1, n + 1)]
            data_csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
            rates = {}
            for jobs in sorted({1, cores}):
                start = time.perf_counter()
                run_batch(EXAMPLE, data_csv, tmp / f"hasil-{jobs}", jobs=jobs)
                rates[jobs] = n / (time.perf_counter() - start)
        rows.append((f"Batch of {n:,} decrees from a CSV", " / ".join(f"{rates[j]:.0f} docs/s" for j in sorted(rates)),
                     f"1 worker / {cores} workers: {rates[cores] / rates[1]:.1f}x"))


_MEMORY = """
import sys
sys.path.insert(0, {root!r})
import kpu_docs
k = kpu_docs.load({example!r})
for _ in range({n}):
    kpu_docs.render_bytes(k)
# VmHWM, not ru_maxrss: the latter keeps the high-water mark of the parent forked before exec
print(next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")))
"""


def memory(rows: list[tuple[str, str, str]], quick: bool) -> None:
    def peak(n: int) -> float:
        code = _MEMORY.format(root=str(ROOT), example=str(EXAMPLE), n=n)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        return int(out.split()[-1]) / 1024

    loaded, hundred, many = peak(0), peak(100), peak(500 if quick else 2000)
    rows.append(("Peak memory: loaded / 100 renders / " + ("500" if quick else "2,000") + " renders",
                 f"{loaded:.0f} / {hundred:.0f} / {many:.0f} MB",
                 f"after 100 renders: **{many / hundred:.2f}x**; rendering adds {hundred - loaded:.0f} MB"))


def pdf(rows: list[tuple[str, str, str]], quick: bool) -> None:
    from kpu_docs.pdf import LibreOfficeMissing, to_pdf

    keputusan = kpu_docs.load(EXAMPLE)
    n = 5 if quick else 20
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        paths = [tmp / f"sk-{i:02d}.docx" for i in range(n)]
        for path in paths:
            kpu_docs.render(keputusan, path)
        try:
            start = time.perf_counter()
            to_pdf(paths[:1], tmp / "satu")
            one = time.perf_counter() - start
            start = time.perf_counter()
            to_pdf(paths, tmp / "semua")
            each = (time.perf_counter() - start) / n
        except LibreOfficeMissing:
            rows.append(("PDF", "LibreOffice missing", ""))
            return
    rows.append((f"PDF: {n} decrees in one LibreOffice start", f"{each:.2f} s per PDF",
                 f"one start per file: {one:.2f} s, **{one / each:.1f}x** slower"))


def main() -> None:
    quick = "--cepat" in sys.argv
    rows: list[tuple[str, str, str]] = []
    speed(rows, quick)
    try:
        batch(rows, quick)
    except ImportError:
        rows.append(("Batch", "kpu_docs.batch not available", ""))
    memory(rows, quick)
    pdf(rows, quick)
    print(f"Measured {datetime.date.today()} on {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {platform.system()} {platform.release()}")
    print()
    print("| what | measured | against the baseline |")
    print("| --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
