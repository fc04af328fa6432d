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
