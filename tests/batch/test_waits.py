"""What a batch waits for, it says; and its summary's time is the command's wall time."""

from __future__ import annotations

import sqlite3
import threading
import time

from typer.testing import CliRunner

from kpu_docs.batch import run_batch
from kpu_docs.batch import runner as batch_runner
from kpu_docs.cli import app
from tests.batch.conftest import ANGGOTA, DESA, read_rows, write_csv


def _unnumbered(tmp_path):
    """desa.csv with its nomor cells emptied: the base's [ISI NOMOR] is filled from the register."""
    rows = read_rows(DESA)
    for row in rows[1:]:
        row[0] = ""
    return write_csv(tmp_path / "desa.csv", rows)


def test_a_register_locked_by_another_process_is_waited_for_out_loud(base, tmp_path):
    data = _unnumbered(tmp_path)
    register = tmp_path / "register.sqlite"
    run_batch(base, data, tmp_path / "pertama", tabel=ANGGOTA, kunci="desa", jobs=1, register=register)

    other = sqlite3.connect(register, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another batch or `nomor ambil` holding the register
    said: list[str | None] = []
    locked = threading.Event()

    def status(text):
        said.append(text)
        if text and text.startswith("menunggu register"):
            locked.set()

    def release():
        locked.wait(30)
        other.execute("COMMIT")

    releaser = threading.Thread(target=release)
    releaser.start()
    try:
        report = run_batch(base, data, tmp_path / "kedua", tabel=ANGGOTA, kunci="desa", jobs=1,
                           register=register, status=status)
    finally:
        releaser.join()
        other.close()
    assert locked.is_set(), said
    waits = [text for text in said if text and text.startswith("menunggu")]
    assert waits[0].startswith(f"menunggu register {register}: dikunci proses lain (")
    assert said[-1] is None  # the wait is over, and the batch said so
    assert report.ditulis == 3 and len(report.nomor) == 3


def test_starting_worker_processes_is_said(tmp_path):
    said: list[str | None] = []
    report = run_batch(DESA.parent / "pps.yaml", DESA, tmp_path, tabel=ANGGOTA, kunci="desa", jobs=2,
                       status=said.append)
    assert report.ditulis == 3
    assert "memulai 2 proses pekerja" in said and said[-1] is None
    assert said[0] == "membaca dan memeriksa semua baris"


def test_the_summary_is_the_commands_wall_time(tmp_path, monkeypatch):
    """Time spent outside the library's own span (here: a slow start before run_batch) counts."""
    real = batch_runner.run_batch

    def slow(*args, **kwargs):
        time.sleep(1.2)
        report = real(*args, **kwargs)
        report.detik = 0.0  # what the library measured is not what the summary prints
        return report

    monkeypatch.setattr("kpu_docs.batch.run_batch", slow)
    result = CliRunner().invoke(app, ["batch", str(DESA.parent / "pps.yaml"), str(DESA), "-o", str(tmp_path),
                                      "--tabel", str(ANGGOTA), "--kunci", "desa", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    seconds = float(result.output.split("Selesai dalam ")[1].split(" detik")[0].replace(",", "."))
    assert seconds >= 1.2


def test_the_command_line_says_what_it_waits_for_in_a_log(base, tmp_path, monkeypatch):
    """Not on a terminal (a log, CI): each kind of wait is one line on standard error."""
    from kpu_docs.batch import numbers

    data = _unnumbered(tmp_path)
    register = tmp_path / "register.sqlite"
    run_batch(base, data, tmp_path / "pertama", tabel=ANGGOTA, kunci="desa", jobs=1, register=register)
    other = sqlite3.connect(register, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    locked = threading.Event()
    opened = numbers.RowNumbers.__init__

    def watched(self, *args, status=None, **kwargs):
        def seen(text):
            if text and text.startswith("menunggu register"):
                locked.set()
            if status is not None:
                status(text)
        opened(self, *args, status=seen, **kwargs)

    monkeypatch.setattr(numbers.RowNumbers, "__init__", watched)

    def release():
        locked.wait(30)
        time.sleep(0.6)  # a few more tries, still one line
        other.execute("COMMIT")

    releaser = threading.Thread(target=release)
    releaser.start()
    try:
        result = CliRunner().invoke(app, ["batch", str(base), str(data), "-o", str(tmp_path / "kedua"), "--tabel",
                                          str(ANGGOTA), "--kunci", "desa", "--jobs", "1", "--register", str(register)])
    finally:
        releaser.join()
        other.close()
    assert result.exit_code == 0, result.output
    assert result.output.count(f"Menunggu: menunggu register {register}: dikunci proses lain (") == 1
    assert "3 ditulis" in result.output


def test_a_slow_start_of_the_workers_is_said_with_its_seconds(tmp_path, monkeypatch):
    monkeypatch.setattr(batch_runner, "WAIT_SAID", 0.001)
    said: list[str | None] = []
    report = run_batch(DESA.parent / "pps.yaml", DESA, tmp_path, tabel=ANGGOTA, kunci="desa", jobs=2,
                       status=said.append)
    assert report.ditulis == 3
    assert any(text and text.startswith("memulai 2 proses pekerja (") for text in said), said
    assert said[-1] is None


def test_a_script_without_a_main_guard_runs_once_with_worker_processes(tmp_path):
    """Workers never run the caller's script again: its module-level code runs once, and a script
    without `if __name__ == "__main__":` works."""
    import subprocess
    import sys
    from pathlib import Path

    script = tmp_path / "pps_batch.py"
    script.write_text(
        "import csv\n"
        "from kpu_docs import run_batch\n"
        "print('skrip dimulai', flush=True)\n"
        f"rows = list(csv.DictReader(open({str(DESA)!r}, encoding='utf-8')))\n"
        f"members = list(csv.DictReader(open({str(ANGGOTA)!r}, encoding='utf-8')))\n"
        f"report = run_batch({str(DESA.parent / 'pps.yaml')!r}, rows, 'hasil', tabel=members, kunci='desa', jobs=2)\n"
        "print(report.ditulis, report.gagal)\n",
        encoding="utf-8",
    )
    done = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          env={**__import__("os").environ, "PYTHONPATH": str(Path(__file__).parents[2])})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["skrip dimulai", "3 0"], done.stdout + done.stderr
    assert sorted(p.name for p in (tmp_path / "hasil").glob("*.docx")) == ["pps-1.docx", "pps-2.docx", "pps-3.docx"]


def test_connecting_to_a_dask_cluster_is_said(tmp_path):
    import pytest

    distributed = pytest.importorskip("distributed")
    said: list[str | None] = []
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        report = run_batch(DESA.parent / "pps.yaml", DESA, tmp_path, tabel=ANGGOTA, kunci="desa",
                           dask=cluster.scheduler_address, status=said.append)
    assert report.ditulis == 3
    assert f"menghubungi klaster Dask {cluster.scheduler_address}" in said and said[-1] is None
