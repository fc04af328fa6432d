"""`kpu-docs batch --register`: each row numbered from the register, in row order, before it renders."""

from __future__ import annotations

import sqlite3

from typer.testing import CliRunner

from kpu_docs.batch import run_batch
from kpu_docs.cli import app
from tests.batch.conftest import ANGGOTA, DESA, lines, read_rows, write_csv

runner = CliRunner()


def _register_rows(register) -> list[tuple]:
    with sqlite3.connect(register) as conn:
        return conn.execute("SELECT urut, nomor, berkas, tentang, status, keterangan FROM nomor ORDER BY id").fetchall()


def _unnumbered(tmp_path, rows=None):
    """desa.csv with its nomor cells emptied: the base's [ISI NOMOR] is to be filled from the register."""
    rows = rows or read_rows(DESA)
    for row in rows[1:]:
        row[0] = ""
    return write_csv(tmp_path / "desa.csv", rows)


def test_rows_take_consecutive_numbers_in_row_order_and_keep_them_when_run_again(base, tmp_path):
    base.write_text(base.read_text().replace('nomor: "[ISI NOMOR]"', 'nomor: "[ISI NOMOR]/PP.04.1-Kpt/5271/2025"'))
    data, out, register = _unnumbered(tmp_path), tmp_path / "hasil", tmp_path / "register.sqlite"

    def run():
        return run_batch(base, data, out, tabel=ANGGOTA, kunci="desa", jobs=1, register=register, oleh="Siti")

    report = run()
    assert [o.status for o in report.outcomes] == ["ditulis"] * 3
    assert report.nomor == {f"pps-{n}": f"{n}/PP.04.1-Kpt/5271/2025" for n in (1, 2, 3)}
    stored = _register_rows(register)
    assert [(u, n, s) for u, n, _, _, s, _ in stored] == [(n, f"{n}/PP.04.1-Kpt/5271/2025", "ditulis") for n in (1, 2, 3)]
    assert [b for _, _, b, _, _, _ in stored] == [str((out / f"pps-{n}.docx").resolve()) for n in (1, 2, 3)]
    assert stored[2][3] == "Pembentukan Panitia Pemungutan Suara Desa Pagesangan"
    for n in (1, 2, 3):
        text = lines(out / f"pps-{n}.docx")
        assert f"NOMOR {n}/PP.04.1-Kpt/5271/2025" in text and not any("TAHUN 2025" == t[-10:] for t in text[:3])

    again = run()  # resuming: the same numbers, nothing re-rendered, nothing new taken
    assert [o.status for o in again.outcomes] == ["dilewati"] * 3
    assert again.nomor == report.nomor
    assert _register_rows(register) == stored


def test_a_row_that_cannot_be_a_decree_takes_no_number(base, tmp_path):
    rows = read_rows(DESA)
    rows[2][2] = "7 Januari 2025"  # row 2's date
    data, out, register = _unnumbered(tmp_path, rows), tmp_path / "hasil", tmp_path / "register.sqlite"
    result = runner.invoke(app, ["batch", str(base), str(data), "-o", str(out), "--tabel", str(ANGGOTA),
                                 "--kunci", "desa", "--jobs", "1", "--register", str(register)])
    assert result.exit_code == 1, result.output
    assert f"{data} baris 3 (berkas pps-2, desa Dasan Agung): penutup.tanggal: harus berupa tanggal" in result.output
    assert "Nomor dari register" in result.output and ": 1 sampai 2 (2 nomor)." in result.output
    assert [(u, b.rsplit("/", 1)[-1]) for u, _, b, _, _, _ in _register_rows(register)] == [(1, "pps-1.docx"),
                                                                                         (2, "pps-3.docx")]
    assert "NOMOR 2 TAHUN 2025" in lines(out / "pps-3.docx")


def test_a_row_with_its_own_number_is_not_renumbered(base, tmp_path):
    rows = read_rows(DESA)
    data = _unnumbered(tmp_path, rows)
    rows = read_rows(data)
    rows[3][0] = "23"
    write_csv(data, rows)
    report = run_batch(base, data, tmp_path / "hasil", tabel=ANGGOTA, kunci="desa", jobs=1,
                       register=tmp_path / "register.sqlite")
    assert [o.status for o in report.outcomes] == ["ditulis", "ditulis", "gagal"]
    assert report.outcomes[2].masalah[0].startswith("nomor: sudah diisi (23)")
    assert len(_register_rows(tmp_path / "register.sqlite")) == 2


def test_a_base_with_a_number_and_no_nomor_column_stops_before_anything(base, tmp_path):
    base.write_text(base.read_text().replace('nomor: "[ISI NOMOR]"', 'nomor: "12"'))
    rows = [[cell for i, cell in enumerate(row) if i != 0] for row in read_rows(DESA)]  # no nomor column
    data = write_csv(tmp_path / "desa.csv", rows)
    result = runner.invoke(app, ["batch", str(base), str(data), "-o", str(tmp_path / "hasil"), "--tabel",
                                 str(ANGGOTA), "--kunci", "desa", "--register", str(tmp_path / "register.sqlite")])
    assert result.exit_code == 2
    assert "--register: nomor keputusan dasar sudah diisi (12)" in result.output
    assert not (tmp_path / "hasil").exists() or not any((tmp_path / "hasil").glob("*.docx"))
    assert not (tmp_path / "register.sqlite").exists()


def test_a_register_changed_outside_kpu_docs_numbers_no_row(base, tmp_path):
    base.write_text(base.read_text().replace('nomor: "[ISI NOMOR]"', 'nomor: "[ISI NOMOR]/PP.04.1-Kpt/5271/2025"'))
    data, out, register = _unnumbered(tmp_path), tmp_path / "hasil", tmp_path / "register.sqlite"
    run_batch(base, data, out, tabel=ANGGOTA, kunci="desa", jobs=1, register=register)
    with sqlite3.connect(register, isolation_level=None) as conn:  # number 3 deleted with another program
        conn.execute("DROP TRIGGER nomor_tidak_dihapus")
        conn.execute("DELETE FROM nomor WHERE urut = 3")
    (out / "pps-3.docx").unlink()
    result = runner.invoke(app, ["batch", str(base), str(data), "-o", str(out), "--tabel", str(ANGGOTA),
                                 "--kunci", "desa", "--jobs", "1", "--register", str(register)])
    assert result.exit_code == 2, result.output
    assert result.output.count("Galat:") == 1 and "register telah diubah di luar kpu-docs" in result.output
    assert [u for u, *_ in _register_rows(register)] == [1, 2]
    assert not (out / "pps-3.docx").exists()
