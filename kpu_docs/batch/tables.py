"""Per-decree table rows (the PPS members of each desa), grouped by a key column.

The table file may be huge and in any order, so it goes into a temporary SQLite database
indexed by key, and each decree asks for its own rows: memory stays flat, and a decree's rows
keep their order in the file.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from kpu_docs.batch.errors import BatchError
from kpu_docs.batch.paths import PathError, format_path, get, parse
from kpu_docs.batch.rows import Rows

_NUMBER_HEADERS = ("NO", "NO.")


class TableRows:
    """The rows of a table file by key; the key column itself is dropped from each row."""

    def __init__(self, source: Rows, kunci: str):
        if kunci not in source.header:
            raise BatchError(f"{source.label}: tidak ada kolom {kunci} (kolom kunci --kunci)")
        key_at = source.header.index(kunci)
        self.source = source
        self.kunci = kunci
        self.columns = [name for name in source.header if name != kunci]
        self._folder = tempfile.TemporaryDirectory(prefix="kpu-docs-tabel-")
        self._db = sqlite3.connect(Path(self._folder.name) / "tabel.sqlite")
        try:
            self._db.executescript(
                "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                "CREATE TABLE baris (urut INTEGER PRIMARY KEY, kunci TEXT NOT NULL, nomor INTEGER NOT NULL,"
                " isian TEXT NOT NULL);"
            )
            self._db.executemany("INSERT INTO baris (kunci, nomor, isian) VALUES (?, ?, ?)", _records(source, key_at))
            self._db.execute("CREATE INDEX baris_kunci ON baris (kunci, urut)")
            self._db.commit()
        except BaseException:
            self.close()
            raise

    def rows_for(self, key: str) -> list[list[str]]:
        """The rows whose key is `key`, in file order."""
        found = self._db.execute("SELECT isian FROM baris WHERE kunci = ? ORDER BY urut", (key,))
        return [json.loads(isian) for (isian,) in found]

    def keys(self) -> list[tuple[str, list[int]]]:
        """Each key with the numbers of its rows (in file order), keys in order of first row."""
        found = self._db.execute(
            "SELECT kunci, group_concat(nomor) FROM (SELECT kunci, nomor, urut FROM baris ORDER BY urut) "
            "GROUP BY kunci ORDER BY min(urut)"
        )
        return [(key, sorted(int(n) for n in numbers.split(","))) for key, numbers in found]

    def rename(self, key: str, to: str) -> None:
        """Give the rows of `key` to the decree with key `to` (a key that differs only in case or
        spaces); the rows keep their place in file order among `to`'s own."""
        self._db.execute("UPDATE baris SET kunci = ? WHERE kunci = ?", (to, key))

    def commit(self) -> None:
        self._db.commit()

    def close(self) -> None:
        self._db.close()
        self._folder.cleanup()

    def __enter__(self) -> TableRows:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _records(source: Rows, key_at: int):
    width = len(source.header)
    for number, cells in source.rows():
        if len(cells) > width:
            raise BatchError(f"{source.where(number)}: ada isian di luar kolom yang berjudul")
        key = str(cells[key_at])
        if not key:
            raise BatchError(f"{source.where(number)}: kolom {source.header[key_at]} kosong")
        yield key, number, json.dumps(cells[:key_at] + cells[key_at + 1 :], ensure_ascii=False)


def find_target(base: dict, ke: str | None) -> tuple:
    """The path of the table block that receives each decree's rows.

    With `ke` it is that block (`lampiran[1].isi[2].tabel`, or the block holding it); without,
    the one `tabel` in the Lampiran that has no rows yet.
    """
    if ke:
        try:
            path = parse(ke)
            value = get(base, path)
        except PathError as exc:
            raise BatchError(f"--ke {ke}: {exc}") from None
        if isinstance(value, dict) and "kolom" not in value and isinstance(value.get("tabel"), dict):
            path, value = path + ("tabel",), value["tabel"]
        if not isinstance(value, dict) or not isinstance(value.get("kolom"), list):
            raise BatchError(f"--ke {ke}: bukan tabel (tunjuk blok tabel, misalnya lampiran[1].isi[2].tabel)")
        return path
    found: list[tuple] = []
    for i, lampiran in enumerate(base.get("lampiran") or []):
        if isinstance(lampiran, dict):
            _empty_tables(lampiran.get("isi"), ("lampiran", i, "isi"), found)
    if len(found) == 1:
        return found[0]
    if not found:
        raise BatchError(
            "lampiran berkas dasar tidak punya tabel tanpa baris untuk diisi: "
            "tunjuk tabelnya dengan --ke, misalnya --ke lampiran[1].isi[2].tabel"
        )
    raise BatchError(
        f"lampiran berkas dasar punya {len(found)} tabel tanpa baris "
        f"({', '.join(format_path(p) for p in found)}): pilih satu dengan --ke"
    )


def _empty_tables(blocks: Any, prefix: tuple, found: list[tuple]) -> None:
    """Collect the paths of `tabel` blocks without rows, lists' nested blocks included."""
    if not isinstance(blocks, list):
        return
    for j, block in enumerate(blocks):
        if not isinstance(block, dict):
            continue
        table = block.get("tabel")
        if isinstance(table, dict) and not table.get("baris"):
            found.append(prefix + (j, "tabel"))
        for k, item in enumerate(block.get("daftar") or []):
            if isinstance(item, dict):
                _empty_tables(item.get("isi"), prefix + (j, "daftar", k, "isi"), found)


def numbered(kolom: list, columns: list[str], where: str, label: str, nomor_urut: bool = False) -> bool:
    """Whether the rows are numbered: the target has one more column, headed NO or marked
    nomor_urut. The renderer then numbers them (nomor_urut), so the file's rows go in as they are.

    Otherwise the file must fill every column of the target; anything else is an error now,
    not a failure in every row later.
    """
    if len(kolom) == len(columns) + 1 and (nomor_urut or str(kolom[0]).strip().upper() in _NUMBER_HEADERS):
        return True
    if len(kolom) == len(columns) and not nomor_urut:
        return False
    expected = "satu kurang dari jumlah kolom tabel, yang kolom nomornya diisi otomatis (nomor_urut)" if nomor_urut else (
        "jumlahnya harus sama, atau satu lebih bila kolom pertama tabel berjudul NO")
    raise BatchError(
        f"{label}: {len(columns)} kolom selain kunci ({', '.join(columns)}), "
        f"sedangkan tabel {where} punya {len(kolom)} kolom ({', '.join(map(str, kolom))}); {expected}"
    )
