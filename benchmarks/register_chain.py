"""What the register's hash chain costs (issue 16, item 7): the walk that runs before a number is
taken from a freshly opened register, and `nomor periksa`, at a size beyond any office's years.

Builds a register of ROWS numbers (default 20,000: ten years of a busy provincial office), then
times: opening it and taking one number (a full walk of the chain, as `nomor ambil` does), taking
another on the same connection (no other writer: no walk), `periksa_semua` (SQLite's quick_check
and the walk), and a version 1 register of the same size sealed on first open (the migration).

Run: python benchmarks/register_chain.py [ROWS]
"""

from __future__ import annotations

import datetime
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kpu_docs.nomor.pola import Pola  # noqa: E402
from kpu_docs.nomor.register import Register  # noqa: E402

POLA = Pola("{urut}/PP.04.1-Kpt/5201/{tahun}")
TANGGAL = datetime.date(2026, 2, 10)


def take(reg: Register, i: int) -> None:
    reg.ambil(instansi="Komisi Pemilihan Umum Kabupaten Lombok Barat", pola=POLA, tahun=2026, tanggal=TANGGAL,
              tentang=f"Pembentukan Tim Kerja {i}", berkas=f"/srv/keputusan/{i}.yaml", oleh="Siti")


def main() -> int:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "register.sqlite"
        with Register(path, create=True) as reg:
            reg.conn.execute("PRAGMA synchronous = OFF")  # building only: not what is measured
            for i in range(rows):
                take(reg, i)
        started = time.perf_counter()
        with Register(path) as reg:
            take(reg, rows)
            first = time.perf_counter() - started
            started = time.perf_counter()
            take(reg, rows + 1)
            second = time.perf_counter() - started
            started = time.perf_counter()
            count, found = reg.periksa_semua()
            check = time.perf_counter() - started
        assert not found, found
        with sqlite3.connect(path, isolation_level=None) as conn:  # back to version 1: unsealed
            conn.execute("PRAGMA user_version = 1")
        started = time.perf_counter()
        Register(path).close()
        migrate = time.perf_counter() - started
    print(f"{rows} baris: buka + ambil {first:.3f} s; ambil lagi {second:.3f} s; "
          f"periksa {check:.3f} s ({count} baris); segel versi 1 {migrate:.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
