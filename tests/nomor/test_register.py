"""The register of numbers: taken once each, in order, under contention; cancelled, never reused;
written into the decree file with nothing else changed; listed as an agenda book."""

from __future__ import annotations

import csv
import datetime
import io
import multiprocessing
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kpu_docs
from kpu_docs.cli import app
from kpu_docs.errors import InputError
from kpu_docs.nomor import ambil as ambil_module
from kpu_docs.nomor.ambil import ambil_nomor
from kpu_docs.nomor.pola import Pola
from kpu_docs.nomor.register import BATAL, DIAMBIL, DITULIS, GAGAL, Register
from kpu_docs.wording import nomor_judul
from tests.nomor.conftest import decree_file

ROOT = Path(__file__).resolve().parents[2]
DRAFT = "[ISI NOMOR]/PP.04.1-Kpt/5201/2026"
runner = CliRunner()


def cli(*args):
    return runner.invoke(app, [str(a) for a in args])


def rows(register: Path) -> list[dict]:
    """The register's table as it is stored, read with plain sqlite3."""
    with sqlite3.connect(register) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute("SELECT * FROM nomor ORDER BY id")]


def test_ambil_writes_only_the_number_and_records_who_took_it_for_what(tmp_path):
    path = decree_file(tmp_path, DRAFT, "2026-02-10")
    before = path.read_text(encoding="utf-8").splitlines()
    result = cli("nomor", "ambil", path, "--register", tmp_path / "register.sqlite", "--oleh", "Siti")
    assert result.exit_code == 0, result.output
    assert result.stdout == "1/PP.04.1-Kpt/5201/2026\n"
    after = path.read_text(encoding="utf-8").splitlines()
    assert [(a, b) for a, b in zip(before, after) if a != b] == [
        (f'nomor: "{DRAFT}"  # nomor dari buku agenda', 'nomor: "1/PP.04.1-Kpt/5201/2026"  # nomor dari buku agenda')]
    assert len(before) == len(after)
    (row,) = rows(tmp_path / "register.sqlite")
    assert {k: row[k] for k in ("instansi", "pola", "tahun", "urut", "nomor", "tanggal", "tentang", "berkas", "oleh",
                                "status")} == {
        "instansi": "Komisi Pemilihan Umum Kabupaten Lombok Barat", "pola": "{urut}/PP.04.1-Kpt/5201/{tahun}",
        "tahun": 2026, "urut": 1, "nomor": "1/PP.04.1-Kpt/5201/2026", "tanggal": "2026-02-10",
        "tentang": "Pembentukan Tim Kerja Tahun 2026", "berkas": str(path.resolve()), "oleh": "Siti",
        "status": DITULIS}
    assert kpu_docs.periksa(kpu_docs.load(path)) == []


def test_sequences_are_per_office_pattern_and_year(tmp_path):
    register = tmp_path / "register.sqlite"
    take = [
        (DRAFT, "2026-01-05", None),
        (DRAFT, "2026-01-06", None),
        ("[ISI NOMOR]/HK.03-Kpt/5201/2026", "2026-01-07", None),  # another kind of decree
        ("[ISI NOMOR]/PP.04.1-Kpt/5201/2027", "2027-01-04", None),  # another year
        ("[ISI NOMOR]", "2026-03-02", "{urut}/ORT.07-Kpt/01/KPU/{bulan_romawi}/{tahun}"),  # a given pattern
        (DRAFT, "2026-01-08", None),
    ]
    numbers = [ambil_nomor(decree_file(tmp_path, nomor, tanggal, pola, name=f"k{i}.yaml"), register).nomor
               for i, (nomor, tanggal, pola) in enumerate(take)]
    assert numbers == ["1/PP.04.1-Kpt/5201/2026", "2/PP.04.1-Kpt/5201/2026", "1/HK.03-Kpt/5201/2026",
                       "1/PP.04.1-Kpt/5201/2027", "1/ORT.07-Kpt/01/KPU/III/2026", "3/PP.04.1-Kpt/5201/2026"]


def test_a_plain_number_and_a_starting_number(tmp_path):
    register = tmp_path / "register.sqlite"
    first = decree_file(tmp_path, "[ISI NOMOR]", "2026-09-03", name="a.yaml")
    result = cli("nomor", "ambil", first, "--register", register, "--mulai", "45")
    assert result.stdout == "45\n"
    assert kpu_docs.load(first).nomor == "45"
    assert nomor_judul(kpu_docs.load(first)) == "NOMOR 45 TAHUN 2026"
    assert cli("nomor", "ambil", decree_file(tmp_path, "[ISI NOMOR]", "2026-09-04", name="b.yaml"),
               "--register", register, "--mulai", "10").stdout == "46\n"


def test_a_given_pattern_and_the_register_named_by_the_environment(tmp_path):
    register = tmp_path / "register.sqlite"
    path = decree_file(tmp_path, "800/[ISI NOMOR]/BKPSDM/2026", "2026-02-10", pola="800/{urut}/BKPSDM/{tahun}")
    result = runner.invoke(app, ["nomor", "ambil", str(path)], env={"KPU_DOCS_REGISTER": str(register)})
    assert result.exit_code == 0, result.output
    assert result.stdout == "800/1/BKPSDM/2026\n"
    assert [(r["pola"], r["urut"]) for r in rows(register)] == [("800/{urut}/BKPSDM/{tahun}", 1)]
    assert kpu_docs.periksa(kpu_docs.load(path)) == []


def test_eight_processes_at_once_get_eight_consecutive_numbers(tmp_path):
    register = tmp_path / "shared" / "register.sqlite"
    files = [decree_file(tmp_path, DRAFT, "2026-02-10", name=f"salinan-{i}.yaml") for i in range(8)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    processes = [
        subprocess.Popen([sys.executable, "-m", "kpu_docs", "nomor", "ambil", str(f), "--register", str(register)],
                         cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for f in files
    ]
    outputs = [p.communicate(timeout=300) for p in processes]
    assert [p.returncode for p in processes] == [0] * 8, outputs
    printed = sorted(out.strip() for out, _ in outputs)
    assert printed == sorted(f"{n}/PP.04.1-Kpt/5201/2026" for n in range(1, 9))
    written = {f.resolve(): kpu_docs.load(f).nomor for f in files}
    assert sorted(written.values()) == printed
    stored = rows(register)
    assert sorted(r["urut"] for r in stored) == list(range(1, 9))
    assert {Path(r["berkas"]): r["nomor"] for r in stored} == written
    assert {r["status"] for r in stored} == {DITULIS}


def _take_many(register: str, barrier, count: int, queue) -> None:
    barrier.wait()  # every process starts taking at the same moment
    with Register(register, create=True) as reg:
        queue.put([reg.ambil(instansi="KPU Kota Mataram", pola=Pola("{urut}/PP.04.1-Kpt/5271/{tahun}"), tahun=2026,
                             tanggal=datetime.date(2026, 1, 5), tentang="Uji", berkas=None).urut
                   for _ in range(count)])


def test_simultaneous_takes_never_share_a_number(tmp_path):
    register = str(tmp_path / "register.sqlite")
    Register(register, create=True).close()
    context = multiprocessing.get_context("spawn")
    barrier, queue = context.Barrier(8), context.Queue()
    workers = [context.Process(target=_take_many, args=(register, barrier, 5, queue)) for _ in range(8)]
    for worker in workers:
        worker.start()
    taken = [n for _ in workers for n in queue.get(timeout=300)]
    for worker in workers:
        worker.join(timeout=60)
    assert sorted(taken) == list(range(1, 41))
    assert [r["urut"] for r in rows(Path(register))] == sorted(taken)


def test_a_cancelled_number_is_listed_as_cancelled_and_never_given_again(tmp_path):
    register = tmp_path / "register.sqlite"
    for i in range(3):
        ambil_nomor(decree_file(tmp_path, DRAFT, "2026-02-10", name=f"k{i}.yaml"), register, oleh="Siti")
    result = cli("nomor", "batal", "3/PP.04.1-Kpt/5201/2026", "--register", register, "--alasan", "salah tentang",
                 "--oleh", "Budi")
    assert result.exit_code == 0, result.output
    assert "Dibatalkan: 3/PP.04.1-Kpt/5201/2026" in result.output
    assert "sudah dibatalkan sebelumnya" in cli("nomor", "batal", "3/PP.04.1-Kpt/5201/2026", "--register", register).output
    after = ambil_nomor(decree_file(tmp_path, DRAFT, "2026-02-11", name="k3.yaml"), register)
    assert after.nomor == "4/PP.04.1-Kpt/5201/2026"

    listed = cli("nomor", "daftar", "--register", register, "--format", "csv")
    table = list(csv.reader(io.StringIO(listed.stdout.lstrip("\ufeff"))))
    assert table[0] == ["No.", "Nomor", "Tanggal", "Tentang", "Berkas", "Diambil oleh", "Diambil pada", "Status",
                        "Keterangan"]
    assert [(r[1], r[7]) for r in table[1:]] == [
        ("1/PP.04.1-Kpt/5201/2026", "ditulis"), ("2/PP.04.1-Kpt/5201/2026", "ditulis"),
        ("3/PP.04.1-Kpt/5201/2026", "BATAL"), ("4/PP.04.1-Kpt/5201/2026", "ditulis")]
    assert table[3][8].startswith("dibatalkan oleh Budi ") and table[3][8].endswith(": salah tentang")
    assert table[3][4] == str((tmp_path / "k2.yaml").resolve()) and table[3][5] == "Siti"

    screen = cli("nomor", "daftar", "--register", register).stdout.splitlines()
    assert screen[3].split()[:4] == ["3", "3/PP.04.1-Kpt/5201/2026", "2026-02-10", "BATAL"]
    assert "(k2.yaml, Siti); dibatalkan oleh Budi" in screen[3]


def test_the_register_refuses_to_delete_or_revive_a_number(tmp_path):
    register = tmp_path / "register.sqlite"
    ambil_nomor(decree_file(tmp_path, DRAFT, "2026-02-10"), register)
    with Register(register) as reg:
        reg.batal("1/PP.04.1-Kpt/5201/2026")
    with sqlite3.connect(register) as conn:
        with pytest.raises(sqlite3.DatabaseError, match="tidak pernah dihapus"):
            conn.execute("DELETE FROM nomor")
        with pytest.raises(sqlite3.DatabaseError, match="tidak diubah lagi"):
            conn.execute("UPDATE nomor SET status = 'ditulis'")
    assert [r["status"] for r in rows(register)] == [BATAL]


def test_a_failed_write_keeps_the_number_marked_and_gives_it_again(tmp_path, monkeypatch):
    register = tmp_path / "register.sqlite"
    path = decree_file(tmp_path, DRAFT, "2026-02-10")
    original = path.read_bytes()

    def disk_full(target, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ambil_module, "write_atomic", disk_full)
    result = cli("nomor", "ambil", path, "--register", register)
    assert result.exit_code == 1
    assert "No space left on device" in result.output and "tercatat di register" in result.output
    assert path.read_bytes() == original
    (row,) = rows(register)
    assert (row["nomor"], row["status"]) == ("1/PP.04.1-Kpt/5201/2026", GAGAL)
    assert "No space left on device" in row["keterangan"]

    monkeypatch.undo()
    assert ambil_nomor(path, register).nomor == "1/PP.04.1-Kpt/5201/2026"  # the same number, no gap
    assert [(r["urut"], r["status"], r["keterangan"]) for r in rows(register)] == [(1, DITULIS, None)]


def test_a_number_taken_before_a_crash_is_given_to_the_same_file_again(tmp_path):
    register = tmp_path / "register.sqlite"
    path = decree_file(tmp_path, DRAFT, "2026-02-10")
    with Register(register, create=True) as reg:  # committed, then the process died before writing the file
        reg.ambil(instansi="Komisi Pemilihan Umum Kabupaten Lombok Barat", pola=Pola("{urut}/PP.04.1-Kpt/5201/{tahun}"),
                  tahun=2026, tanggal=datetime.date(2026, 2, 10), tentang="Pembentukan Tim Kerja Tahun 2026", berkas=path)
    assert [r["status"] for r in rows(register)] == [DIAMBIL]
    other = ambil_nomor(decree_file(tmp_path, DRAFT, "2026-02-10", name="lain.yaml"), register)
    assert other.urut == 2
    assert ambil_nomor(path, register).urut == 1
    assert [r["status"] for r in rows(register)] == [DITULIS, DITULIS]


@pytest.mark.parametrize(
    "nomor, tanggal, pola, problem",
    [
        ("45/PP.04.1-Kpt/5201/2026", "2026-02-10", None, "nomor: sudah diisi (45/PP.04.1-Kpt/5201/2026)"),
        ("KEP.[ISI NOMOR]/KPU", "2026-02-10", None, "nomor: pola nomor tidak dikenali; tulis pola_nomor"),
    ],
)
def test_a_decree_that_cannot_be_numbered_takes_no_number(tmp_path, nomor, tanggal, pola, problem):
    register = tmp_path / "register.sqlite"
    path = decree_file(tmp_path, nomor, tanggal, pola)
    original = path.read_bytes()
    result = cli("nomor", "ambil", path, "--register", register)
    assert result.exit_code == 2
    assert problem in result.output
    assert path.read_bytes() == original
    assert not register.exists()


def test_a_date_in_another_year_takes_no_number(tmp_path):
    path = decree_file(tmp_path, DRAFT, "2026-02-10")
    path.write_text(path.read_text().replace("tanggal: 2026-02-10", "tanggal: 2025-12-30"))
    with pytest.raises(InputError, match="penutup.tanggal: tahun 2025 berbeda dengan tahun keputusan 2026"):
        ambil_nomor(path, tmp_path / "register.sqlite")


def test_a_missing_or_foreign_register_is_an_error(tmp_path):
    missing = tmp_path / "tidak-ada.sqlite"
    result = cli("nomor", "daftar", "--register", missing)
    assert result.exit_code == 2 and "register tidak ditemukan" in result.output
    assert not missing.exists()
    foreign = tmp_path / "lain.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE pegawai (nama TEXT)")
    result = cli("nomor", "ambil", decree_file(tmp_path, DRAFT, "2026-02-10"), "--register", foreign)
    assert result.exit_code == 2 and "bukan register nomor kpu-docs" in result.output
    text = tmp_path / "catatan.sqlite"
    text.write_text("bukan basis data " * 100)
    assert cli("nomor", "daftar", "--register", text).exit_code == 2
    assert cli("nomor", "batal", "9/X/2026", "--register", foreign).exit_code == 2


def test_agenda_as_xlsx(tmp_path):
    from openpyxl import load_workbook

    register = tmp_path / "register.sqlite"
    ambil_nomor(decree_file(tmp_path, DRAFT, "2026-02-10"), register, oleh="Siti")
    target = tmp_path / "agenda.xlsx"
    result = cli("nomor", "daftar", "--register", register, "-o", target)
    assert result.exit_code == 0, result.output
    sheet = load_workbook(target).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][:3] == ["No.", "Nomor", "Tanggal"]
    assert values[1][:4] == [1, "1/PP.04.1-Kpt/5201/2026", datetime.datetime(2026, 2, 10), "Pembentukan Tim Kerja Tahun 2026"]
    assert values[1][5] == "Siti" and values[1][7] == "ditulis"
    assert cli("nomor", "daftar", "--register", register, "--format", "xlsx").exit_code == 2  # needs -o


def test_check_warns_about_a_number_taken_by_another_decree_or_cancelled(tmp_path):
    register = tmp_path / "register.sqlite"
    own = decree_file(tmp_path, DRAFT, "2026-02-10", name="asli.yaml")
    ambil_nomor(own, register)
    assert cli("check", own, "--register", register).output.strip() == "Data sah; 0 peringatan."
    copy = tmp_path / "salinan.yaml"
    copy.write_bytes(own.read_bytes())
    result = cli("check", copy, "--register", register)
    assert result.exit_code == 0
    assert (f"nomor: 1/PP.04.1-Kpt/5201/2026 sudah diambil di register untuk keputusan lain tentang Pembentukan "
            f"Tim Kerja Tahun 2026 ({own.resolve()}") in result.output
    with Register(register) as reg:
        reg.batal("1/PP.04.1-Kpt/5201/2026", alasan="diganti")
    result = cli("check", own, "--register", register)
    assert "nomor: 1/PP.04.1-Kpt/5201/2026 sudah dibatalkan di register (diganti); ambil nomor baru" in result.output
    assert "Data sah; 1 peringatan." in result.output
