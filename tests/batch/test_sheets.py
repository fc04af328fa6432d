"""Spreadsheets read as a person sees them, bounded before they are parsed, and parsed once;
a batch's memory and files under long sheets, killed runs and careless options (issue 16)."""

from __future__ import annotations

import datetime
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from kpu_docs import bounds
from kpu_docs.archive import XLSX, check_zip
from kpu_docs.batch import BatchError, run_batch
from kpu_docs.batch import pools, runner
from kpu_docs.batch.manifest import FILE_NAME, OLD_FILE_NAME, Manifest
from kpu_docs.batch.rows import Source, cell_text
from kpu_docs.files import remove_leftovers
from kpu_docs.word.package import Member
from tests.batch.conftest import ANGGOTA, BASE, DESA, lines, read_rows, write_csv
from tests.hostile import build

ROOT = Path(__file__).resolve().parents[2]


def _sheet(tmp_path: Path, rows: bytes, name: str = "data.xlsx") -> Path:
    """A workbook whose sheet (Data) holds header `tentang` and the given <row> elements."""
    path = tmp_path / name
    path.write_bytes(build.xlsx(Member.of("xl/worksheets/sheet1.xml", build._SHEET_HEAD + rows + build._SHEET_TAIL)))
    return path


def _rows(source: Source) -> list[list[str]]:
    return [cells for _, cells in source.rows()]


# --- .xlsx: what a person sees --------------------------------------------------------------------
def test_formula_without_a_cached_value_names_its_cell(tmp_path):
    path = build.xlsx_by_openpyxl(tmp_path / "rumus.xlsx", build._formula)
    with pytest.raises(BatchError) as caught:
        Source(path)
    assert str(caught.value) == (
        f'{path} lembar Sheet sel A3: rumus =CONCAT("Pembentukan Tim ", "Kerja 2") tanpa nilai tersimpan; '
        "simpan ulang di Excel/LibreOffice agar nilainya dihitung dan disimpan")


def test_formula_with_its_cached_value_reads_the_value(tmp_path):
    """As Excel and LibreOffice save it: the formula and the value they computed."""
    path = _sheet(tmp_path, b'<row r="2"><c r="A2" t="str"><f>CONCAT("a";"b")</f><v>ab</v></c></row>'
                            b'<row r="3"><c r="A3"><f>1+1</f><v>2</v></c></row>'
                            b'<row r="4"><c r="A4" t="str"><f>""</f><v></v></c></row>'
                            b'<row r="5"><c r="A5" t="inlineStr"><is><t>lima</t></is></c></row>')
    assert list(Source(path).rows()) == [(1, ["ab"]), (2, ["2"]), (4, ["lima"])]


def test_formula_error_value_is_refused(tmp_path):
    path = _sheet(tmp_path, b'<row r="2"><c r="A2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>')
    with pytest.raises(BatchError, match="sel A2: rumus bernilai galat #DIV/0!"):
        Source(path)


def test_merged_cells_are_refused_with_their_range(tmp_path):
    path = build.xlsx_by_openpyxl(tmp_path / "gabung.xlsx", build._merge)
    with pytest.raises(BatchError, match=r"ada sel gabungan \(B2:B4\)"):
        Source(path)


def test_cells_are_as_typed(tmp_path):
    """Shared and rich texts, numbers without .0, dates by their style, booleans."""
    path = tmp_path / "jenis.xlsx"
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["a", "b", "c", "d"])
    sheet.append([11, 2.5, datetime.date(2025, 1, 6), True])
    sheet.append(["  teks  ", "\t=1+1", None, "x"])
    book.save(path)
    assert _rows(Source(path)) == [["11", "2.5", "2025-01-06", "true"], ["teks", "\t=1+1", "", "x"]]


def test_leading_tab_before_a_formula_is_kept():
    """`\\t=1+1` is how a cell is kept from being a formula: the batch passes it on as typed."""
    assert cell_text("\t=1+1") == "\t=1+1"
    assert cell_text("\t@SUM(A1)") == "\t@SUM(A1)"
    assert cell_text("  Desa Baru \t") == "Desa Baru"
    assert cell_text("\tDesa") == "Desa"


# --- .xlsx and CSV: bounded -------------------------------------------------------------------------
def test_workbook_parts_are_checked_before_inflating(tmp_path):
    path = tmp_path / "bom.xlsx"
    path.write_bytes(build.xlsx_strings_bomb())
    with pytest.raises(BatchError, match="bagian xl/sharedStrings.xml terurai menjadi 1625,1 MB"):
        Source(path)
    with pytest.raises(bounds.FileTooLarge):
        check_zip(path, "bom.xlsx", XLSX)


def test_cell_longer_than_excel_allows_is_refused(tmp_path):
    path = tmp_path / "panjang.xlsx"
    path.write_bytes(build.xlsx_long_cell())
    with pytest.raises(BatchError, match="sel A2: 40.000 karakter; batas satu sel 32.767"):
        Source(path)
    csv_path = tmp_path / "panjang.csv"
    csv_path.write_text("tentang\n" + "A" * 40_000 + "\n", encoding="utf-8")
    with pytest.raises(BatchError, match="baris 2 kolom ke-1: 40.000 karakter"):
        Source(csv_path)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_rows_beyond_the_limit_are_refused(tmp_path, monkeypatch, suffix):
    monkeypatch.setattr(bounds, "SHEET_ROWS_MAX", 3)
    if suffix == ".csv":
        path = write_csv(tmp_path / "data.csv", [["tentang"], ["a"], ["b"], ["c"]])
    else:
        path = _sheet(tmp_path, b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c></row>' % (i, i)
                                         for i in range(2, 5)))
    with pytest.raises(BatchError, match="baris 4: lebih dari 3 baris"):
        Source(path)


# --- CSV: strict ----------------------------------------------------------------------------------------
def test_unclosed_quote_names_its_row_and_nothing_renders(tmp_path):
    data = tmp_path / "desa.csv"
    header, first, second, third = read_rows(DESA)
    data.write_text(",".join(header) + "\n" + ",".join(first) + "\n" + '21,"Pembentukan PPS,2025-01-07,Dasan Agung\n'
                    + ",".join(third) + "\n", encoding="utf-8")
    with pytest.raises(BatchError) as caught:
        run_batch(BASE, data, tmp_path / "hasil", tabel=ANGGOTA, kunci="desa", jobs=1)
    assert str(caught.value).startswith(f"{data} baris 3 (baris teks 3): tanda kutip \" dibuka tetapi tidak pernah ditutup")
    assert not (tmp_path / "hasil").exists()


def test_quoted_line_breaks_are_still_one_cell(tmp_path):
    data = tmp_path / "data.csv"
    data.write_text('tentang,berkas\n"Baris satu\nbaris dua",a\n"x ""y""",b\n', encoding="utf-8")
    assert _rows(Source(data)) == [["Baris satu\nbaris dua", "a"], ['x "y"', "b"]]


def test_file_is_parsed_once(tmp_path):
    """The rows go to a spool when the source opens: every later pass reads that, not the file."""
    data = write_csv(tmp_path / "desa.csv", read_rows(DESA))
    source = Source(data)
    data.unlink()
    assert _rows(source) == _rows(source) == [row for row in read_rows(DESA)[1:]]
    assert source.count() == (3, 3)
    source.close()


# --- a batch's memory, outcomes and manifest --------------------------------------------------------------
def test_counts_without_outcomes_per_row(tmp_path):
    seen = []
    report = run_batch(BASE, DESA, tmp_path / "hasil", tabel=ANGGOTA, kunci="desa", jobs=1, per_baris=False,
                       progress=lambda done, total, outcome: seen.append(outcome))
    assert report.outcomes == [] and (report.ditulis, report.gagal, report.baris) == (3, 0, 3)
    assert sorted(o.berkas for o in seen if o is not None) == ["pps-1", "pps-2", "pps-3"]


def test_jobs_above_the_cores_are_capped_with_a_warning(tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "usable_cores", lambda: 1)
    report = run_batch(BASE, DESA, tmp_path / "hasil", tabel=ANGGOTA, kunci="desa", jobs=64)
    assert report.ditulis == 3
    assert report.peringatan[0].startswith("--jobs 64 melebihi jumlah inti prosesor (1); dipakai 1 proses pekerja")


def test_manifest_is_on_disk_from_the_first_written_file(tmp_path):
    outdir = tmp_path / "hasil"
    recorded = []

    def progress(done, total, outcome):
        if outcome is not None and not recorded:  # read by another connection, as a rerun would
            with sqlite3.connect(outdir / FILE_NAME) as other:
                recorded.extend(name for (name,) in other.execute("SELECT nama FROM berkas"))

    run_batch(BASE, DESA, outdir, tabel=ANGGOTA, kunci="desa", jobs=1, progress=progress)
    assert recorded == ["pps-1"]


def test_manifest_of_an_earlier_version_is_taken_over(tmp_path):
    (tmp_path / "a.docx").write_bytes(b"docx")
    from kpu_docs.batch.manifest import digest

    (tmp_path / OLD_FILE_NAME).write_text(
        '{"versi": 1, "berkas": {"a": {"masukan": "h1", "keluaran": {"a.docx": "%s"}}}}' % digest(b"docx"))
    manifest = Manifest(tmp_path)
    assert manifest.unchanged("a", "h1", pdf=False)
    assert not (tmp_path / OLD_FILE_NAME).exists()


def test_leftovers_of_a_killed_run_are_removed_and_nothing_else(tmp_path):
    names = [".pps-1.docx.k3j9x0ab.tmp", ".pps-1.docx.k3j9x0ab.lama", ".kpu-q8w7e6r5.tmp"]
    kept = ["pps-1.docx", ".kpu-docs-batch.sqlite", ".pps-1.docx.tmp", "catatan.k3j9x0ab.tmp"]
    for name in names + kept:
        (tmp_path / name).write_bytes(b"x")
    assert sorted(p.name for p in remove_leftovers(tmp_path)) == sorted(names)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(kept)


def test_kill_9_mid_batch_then_rerun(tmp_path):
    """A batch killed with SIGKILL: the rerun finds no temporary file left and skips what the
    manifest recorded before the kill (it is saved from the first written file)."""
    header, *rows = read_rows(DESA)
    data = write_csv(tmp_path / "desa.csv", [header + ["berkas"]] + [
        rows[i % 3][:1] + [f"{rows[i % 3][1]} {i}"] + rows[i % 3][2:] + [f"sk-{i:02d}"] for i in range(40)])
    members = write_csv(tmp_path / "anggota.csv", [["desa", "nama", "jabatan"], *[
        [rows[i % 3][3], f"Anggota {i}", "Ketua"] for i in range(3)]])
    outdir = tmp_path / "hasil"
    command = [sys.executable, "-m", "kpu_docs", "batch", str(BASE), str(data), "-o", str(outdir),
               "--tabel", str(members), "--kunci", "desa", "--jobs", "1", "-q"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(outdir.glob("sk-*.docx"))) < 3:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    written_before = len(list(outdir.glob("sk-*.docx")))
    assert 3 <= written_before < 40
    (outdir / ".sk-39.docx.abcd1234.tmp").write_bytes(b"half")  # as a kill in the middle of a write leaves
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    skipped = int(again.stdout.split(" dilewati")[0].rsplit(", ", 1)[1])
    # the first file is recorded at once, later ones at least every second (those after it render again)
    assert 1 <= skipped <= written_before
    assert sorted(p.name for p in outdir.iterdir() if p.name.startswith(".")) == [FILE_NAME]
    assert len(list(outdir.glob("sk-*.docx"))) == 40


# --- --dask ---------------------------------------------------------------------------------------------
def _server(greeting: bytes | None):
    server = socket.create_server(("127.0.0.1", 0))

    def serve():
        try:
            conn, _ = server.accept()
        except OSError:
            return
        with conn:
            if greeting:
                conn.sendall(greeting)
            conn.settimeout(5)
            try:
                conn.recv(1024)
            except OSError:
                pass

    threading.Thread(target=serve, daemon=True).start()
    return server, f"tcp://127.0.0.1:{server.getsockname()[1]}"


def test_dask_address_that_says_nothing_is_refused_in_time():
    server, address = _server(None)
    started = time.monotonic()
    with server, pytest.raises(BatchError, match="tidak menjawab sebagai penjadwal Dask dalam 1 detik"):
        pools.probe_scheduler(address, timeout=1.0)
    assert time.monotonic() - started < 4


@pytest.mark.parametrize("greeting", [b"\xff" * 8 + b"sampah", b"HTTP/1.1 400 Bad Request\r\n\r\n",
                                      b"\x20\x00\x00\x00\x00\x00\x00\x00" + b"x" * 32])
def test_dask_address_that_is_not_dask_is_refused(greeting):
    server, address = _server(greeting)
    with server, pytest.raises(BatchError, match="bukan penjadwal Dask"):
        pools.probe_scheduler(address, timeout=2)


def test_dask_address_nobody_listens_on():
    with socket.socket() as unused:  # bound, never listening: a connection is refused
        unused.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{unused.getsockname()[1]}"
    with pytest.raises(BatchError, match="tidak dapat terhubung ke penjadwal Dask"):
        pools.probe_scheduler(address, timeout=2)


def test_csv_of_one_endless_line_is_refused_as_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(bounds, "CSV_LINE_MAX", 1000)
    data = tmp_path / "satu-baris.csv"
    data.write_text("tentang,berkas\n" + "A" * 5000, encoding="utf-8")
    with pytest.raises(BatchError, match="satu-baris.csv baris teks 2: lebih dari 1.000 karakter dalam satu baris"):
        Source(data)


def test_csv_larger_than_the_limit_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(bounds, "CSV_FILE_MAX", 10)
    data = write_csv(tmp_path / "besar.csv", [["tentang"], ["Pembentukan Tim Kerja"]])
    with pytest.raises(BatchError, match="besar.csv: berkas CSV terlalu besar"):
        Source(data)


def test_parts_read_whole_keep_the_docx_limit(tmp_path):
    """Styles, workbook and relationships are parsed whole: 10 MB, as a .docx's XML."""
    styles = build.repeated("xl/styles.xml", b"<styleSheet>", b"<x/>" * 100_000, 60, b"</styleSheet>")
    path = tmp_path / "gaya.xlsx"
    path.write_bytes(build.xlsx(Member.of("xl/worksheets/sheet1.xml", build._SHEET_HEAD + build._SHEET_TAIL), styles))
    with pytest.raises(BatchError, match=r"bagian xl/styles.xml terurai menjadi 22,9 MB \(batas 10,0 MB\)"):
        Source(path)


def test_shared_strings_and_rich_text_as_excel_writes_them(tmp_path):
    """Excel stores texts once, in sharedStrings.xml; a text with formatting is several runs,
    and a phonetic guide (rPh) is not part of the text."""
    strings = Member.of("xl/sharedStrings.xml", (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<si><t>Desa Kertamulya</t></si>"
        b"<si><r><rPr><b/></rPr><t>Pembentukan </t></r><r><t>PPS</t></r><rPh><t>x</t></rPh></si></sst>"))
    sheet = Member.of("xl/worksheets/sheet1.xml", build._SHEET_HEAD
                      + b'<row r="2"><c r="A2" t="s"><v>1</v></c></row><row r="3"><c r="A3" t="s"><v>0</v></c></row>'
                      + b'<row r="4"><c r="A4" t="s"><v>7</v></c></row>' + build._SHEET_TAIL)
    path = tmp_path / "teks.xlsx"
    path.write_bytes(build.xlsx(sheet, strings))
    with pytest.raises(BatchError, match="sel A4: merujuk teks bersama nomor 7 yang tidak ada"):
        Source(path)
    sheet = Member.of("xl/worksheets/sheet1.xml", build._SHEET_HEAD
                      + b'<row r="2"><c r="A2" t="s"><v>1</v></c></row><row r="3"><c r="A3" t="s"><v>0</v></c></row>'
                      + build._SHEET_TAIL)
    path.write_bytes(build.xlsx(sheet, strings))
    assert _rows(Source(path)) == [["Pembentukan PPS"], ["Desa Kertamulya"]]
