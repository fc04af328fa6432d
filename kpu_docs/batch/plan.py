"""From a data row to a decree's complete data: columns checked once, each row applied to the base.

Everything that is wrong for every row (an unknown column, a missing file, a base the columns
do not fit) is a BatchError before anything renders; what is wrong for one row is that row's
failure, and the other rows go on.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import kpu_docs
from kpu_docs import bounds
from kpu_docs.batch.errors import BatchError
from kpu_docs.batch.manifest import canonical, digest
from kpu_docs.batch.numbers import RowNumbers
from kpu_docs.batch.paths import PathError, apply, check_model_path, format_path, get, parse, put
from kpu_docs.batch.rows import open_rows
from kpu_docs.batch.tables import TableRows, find_target, numbered
from kpu_docs.batch.work import Task, problems, set_by
from kpu_docs.bounds import FileRefused
from kpu_docs.errors import InputError
from kpu_docs.files import name_problem
from kpu_docs import loading
from kpu_docs.models import Keputusan
from kpu_docs.nomor.pola import NOMOR_KOSONG

BERKAS = "berkas"
_NOT_IN_NAMES = set('/\\:*?"<>|')


class RowError(ValueError):
    """Why one row cannot become a decree ("field: message"); the batch goes on without it."""


@dataclass(frozen=True)
class Failure:
    """A row that cannot become a task; `masalah` are "field: message" texts."""

    baris: int
    berkas: str
    masalah: tuple[str, ...]
    tempat: str = ""


class Plan:
    """A batch, checked and ready: `task(number, cells)` turns each data row into work.

    `data` and `tabel` are files or rows in memory (rows.open_rows). Opening the plan passes
    over every row once (audit.py): `errors` are what stops the batch before it renders,
    `warnings` what it took with a word of notice.
    """

    def __init__(
        self,
        base: Path,
        data: Any,
        *,
        tabel: Any = None,
        kunci: str | None = None,
        ke: str | None = None,
        templates: str | Path | None = None,
        numbers: RowNumbers | None = None,
        jumlah_baris: tuple[int | None, int | None] | None = None,
    ):
        self.base = Path(base)
        self.numbers = numbers
        self.templates = Path(templates) if templates else None
        if (kunci or ke) and tabel is None:
            raise BatchError("--kunci dan --ke hanya berlaku bersama --tabel")
        if jumlah_baris is not None and tabel is None:
            raise BatchError("--jumlah-baris hanya berlaku bersama --tabel")
        if tabel is not None and not kunci:
            raise BatchError("--tabel perlu --kunci: kolom yang menghubungkan baris tabel dengan keputusannya, misalnya --kunci desa")
        try:
            self._base_text = loading.read_text(self.base)
            self.base_data = loading.parse(self._base_text, self.base)
        except (InputError, FileRefused) as exc:
            raise BatchError(str(exc)) from None
        except ValueError as exc:  # a value the YAML reader itself refuses (a 30 February)
            raise BatchError(f"{self.base}: tidak dapat dibaca: {exc}") from None
        if not isinstance(self.base_data, dict):
            raise BatchError(f"{self.base}: isi berkas harus berupa pemetaan kunci: nilai")
        self.source = open_rows(data, "data")
        self.table: TableRows | None = None
        self.target: tuple = ()
        self._digits = 1
        self._logos: dict[str, str] = {}
        try:
            self._open_columns(kunci, numbers)
            self._fixed = self._fixed_inputs()
        except BaseException:
            self.close()
            raise
        try:
            if tabel is not None and kunci:  # a table without its key column was refused above
                self._open_table(tabel, kunci, ke)
            self._check_base_values()
            from kpu_docs.batch.audit import audit

            found = audit(self, jumlah_baris)
        except BaseException:
            self.close()
            raise
        self.total, self.errors, self.warnings = found.total, found.errors, found.warnings
        self._digits = len(str(found.last))

    def _open_columns(self, kunci: str | None, numbers: RowNumbers | None) -> None:
        self.width = len(self.source.header)
        self.berkas_at = self.source.header.index(BERKAS) if BERKAS in self.source.header else None
        self.key_at: int | None = None
        if kunci:
            if kunci not in self.source.header:
                raise BatchError(f"{self.source.label}: tidak ada kolom {kunci} (kolom kunci --kunci)")
            self.key_at = self.source.header.index(kunci)
        self.columns = self._columns(kunci)
        self._check_columns_fit_base()
        if numbers is not None and ("nomor",) not in [path for _, path in self.columns] \
                and NOMOR_KOSONG not in str(self.base_data.get("nomor")):
            raise BatchError(f"--register: nomor keputusan dasar sudah diisi ({self.base_data.get('nomor')}); "
                             f"tulis {NOMOR_KOSONG} di tempat nomor urutnya agar tiap baris diberi nomor")

    def _open_table(self, tabel: Any, kunci: str, ke: str | None) -> None:
        self.target = find_target(self.base_data, ke)
        source = open_rows(tabel, "tabel", spool=False)  # TableRows copies it once into its index
        self.table = TableRows(source, kunci)
        table = get(self.base_data, self.target)
        if numbered(table["kolom"], self.table.columns, format_path(self.target), source.label,
                    nomor_urut=table.get("nomor_urut") is True):
            # the renderer numbers the rows, centred, and the file's rows go in as they are
            self.base_data = put(self.base_data, self.target + ("nomor_urut",), True)

    def _check_base_values(self) -> None:
        """A problem of the base file in a field that no column and no table rows set would fail
        every row alike: the batch does not start, and each problem names its line in the base."""
        try:
            loading.from_data(self.base_data, base_dir=self.base.parent, sumber=str(self.base),
                      teks=self._base_text if self.base.suffix.lower() != ".json" else None)
        except InputError as exc:
            own = [format_path(path) for _, path in self.columns]
            if self.target:
                own.append(format_path(self.target + ("baris",)))
            fixed = [m for m in exc.masalah if m.lokasi and not set_by(m.lokasi, own)]
            if fixed:
                raise BatchError([f"{self.base}: {m} (tidak diubah oleh kolom mana pun, jadi setiap baris akan gagal)"
                                  for m in fixed]) from None

    def _columns(self, kunci: str | None) -> list[tuple[int, tuple]]:
        """(position, field path) of each column that sets a field; unknown columns are errors."""
        columns = []
        for position, name in enumerate(self.source.header):
            if name == BERKAS:
                continue
            try:
                path = parse(name)
                check_model_path(Keputusan, path)
            except PathError as exc:
                if name == kunci:
                    continue  # the key column links rows to their table; it need not be a field
                raise BatchError(f"{self.source.label}: kolom {name}: {exc}") from None
            columns.append((position, path))
        return columns

    def _check_columns_fit_base(self) -> None:
        """Apply every column at once to the base: a path the base cannot take fails here, once."""
        data = self.base_data
        for position, path in self.columns:
            try:
                data = put(data, path, "x")
            except PathError as exc:
                raise BatchError(f"{self.source.label}: kolom {self.source.header[position]}: {exc}") from None

    def _fixed_inputs(self) -> bytes:
        """What every row's output depends on besides its data: base file, templates, version."""
        from kpu_docs.word.templates import NAMES, template_path

        parts = [kpu_docs.__version__.encode(), self.base.read_bytes()]
        for name in NAMES:
            try:
                parts.append(template_path(name, self.templates).read_bytes())
            except FileNotFoundError as exc:
                raise BatchError(str(exc)) from None
        return b"\0".join(hashlib.sha256(part).digest() for part in parts)

    def default_name(self, number: int) -> str:
        return f"{self.base.stem}-{number:0{self._digits}d}"

    def where(self, number: int, name: str, key: str = "") -> str:
        """`desa.csv baris 3 (berkas pps-2, desa Dasan Agung)`: a row as every message names it."""
        kunci = f", {self.source.header[self.key_at]} {key}" if self.key_at is not None and key else ""
        return f"{self.source.where(number)} (berkas {name}{kunci})"

    def row_where(self, number: int, cells: list, name: str) -> str:
        key = str(cells[self.key_at]) if self.key_at is not None and self.key_at < len(cells) else ""
        return self.where(number, name, key)

    def task(self, number: int, cells: list, *, numbered: bool = True) -> Task | Failure:
        """The row's decree as a task, or why it cannot be one (`numbered`: take its register
        number; a check of the batch takes none)."""
        name = self.default_name(number)
        changes: tuple = ()
        try:
            name = self.name_of(number, cells)
            changes = self._changes(cells)
            data = apply(self.base_data, changes)  # a path the base cannot take fails this row here
            if self.numbers is not None and numbered:  # in row order, before the row renders
                changes += ((("nomor",), self.numbers.give(name, data)),)
        except (PathError, RowError) as exc:
            return Failure(number, name, (str(exc),), self.row_where(number, cells, name))
        except InputError as exc:  # the register validated the row's decree
            return Failure(number, name, tuple(problems(exc, changes, str(self.base))),
                           self.row_where(number, cells, name))
        return Task(number, name, changes, self._input_hash(changes, data), self.row_where(number, cells, name))

    def name_of(self, number: int, cells: list) -> str:
        """The row's output name (without .docx); RowError for a name that is no plain file name.
        Two rows with one name are found before rendering (audit.py)."""
        given = str(cells[self.berkas_at]) if self.berkas_at is not None else ""
        name = given[:-5] if given.lower().endswith(".docx") else given
        if given and (name.startswith(".") or any(c in _NOT_IN_NAMES or ord(c) < 32 for c in name)):
            raise RowError(f"{BERKAS}: {given!r} bukan nama berkas biasa (tanpa / \\ : * ? \" < > |, tidak diawali titik)")
        if given and (problem := name_problem(name)):
            raise RowError(f"{BERKAS}: {given!r} {problem}")
        return name or self.default_name(number)

    def _changes(self, cells: list) -> tuple[tuple[tuple, Any], ...]:
        """(field path, value) for each field this row sets: all a worker needs besides the base."""
        if len(cells) > self.width:
            raise RowError(f"ada isian di luar kolom yang berjudul (kolom ke-{self.width + 1} dan seterusnya)")
        changes: list[tuple[tuple, Any]] = [
            (path, cells[position]) for position, path in self.columns if cells[position]
        ]
        if self.table is not None and self.key_at is not None:  # a table comes with its key column
            kunci = self.source.header[self.key_at]
            key = str(cells[self.key_at])
            where = format_path(self.target + ("baris",))
            if not key:  # found before rendering too (audit.py); a row never goes without its rows
                raise RowError(f"{kunci}: kosong, tidak ada kunci untuk baris tabel {where}")
            rows = self.table.rows_for(key)
            if not rows:
                raise RowError(f"{where}: tidak ada baris tabel untuk {kunci} {key}")
            changes.append((self.target + ("baris",), rows))
        return tuple(changes)

    def _input_hash(self, changes: tuple, data: dict) -> str:
        """The base file is in the fixed inputs; the row adds its changes (and its logo image)."""
        logo = data.get("logo")
        extra = self._logo_hash(logo) if isinstance(logo, str) else ""
        return digest(self._fixed + canonical(changes) + extra.encode())

    def _logo_hash(self, logo: str) -> str:
        """A changed logo image changes the output too; each image is read once per batch."""
        if logo not in self._logos:
            path = Path(logo) if Path(logo).is_absolute() else self.base.parent / logo
            try:
                self._logos[logo] = digest(bounds.read_bytes(path, bounds.LOGO_MAX, "logo"))
            except (OSError, FileRefused):  # the row then fails, naming the logo, when it renders
                self._logos[logo] = "-"
        return self._logos[logo]

    def close(self) -> None:
        if self.table is not None:
            self.table.close()
        close = getattr(getattr(self, "source", None), "close", None)
        if close is not None:  # a file's spool of rows (rows.Source)
            close()
