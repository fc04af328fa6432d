"""The library batch takes data: rows as a list of dicts or a DataFrame give the same decrees,
checks and report as the command line on the same rows in CSV files."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kpu_docs
from kpu_docs.batch import BatchError
from kpu_docs.cli import app

EXAMPLE = Path(__file__).parents[2] / "examples" / "pps"
BASE = EXAMPLE / "keputusan-pps.yaml"
DECREES = 40


def _rows() -> tuple[list[dict], list[dict]]:
    """40 PPS decrees (the example's 10 desa, four times over) and three named members each."""
    with open(EXAMPLE / "desa.csv", encoding="utf-8", newline="") as handle:
        desa = list(csv.DictReader(handle))
    rows, members = [], []
    for i in range(DECREES):
        row = dict(desa[i % len(desa)])
        key = f"{row['desa']} {i // len(desa) + 1}"
        row.update(desa=key, berkas=f"pps-{i + 1:02d}", nomor=f"{i + 1}/PP.04-Kpt/3217/2023")
        rows.append(row)
        for j, jabatan in enumerate(["Ketua", "Anggota", "Anggota"]):
            members.append({"desa": key, "nama": f"Anggota {i + 1}-{j + 1}", "jabatan": jabatan})
    members.reverse()  # the table in any order: each decree still gets its rows in file order
    return rows, members


def _write(path: Path, records: list[dict]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(records[0]))
        writer.writeheader()
        writer.writerows(records)
    return path


def _document(path: Path) -> str:
    with zipfile.ZipFile(path) as docx:
        return docx.read("word/document.xml").decode("utf-8")


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as docx:
        return {name: docx.read(name) for name in docx.namelist()}


def _summary(report) -> list[tuple[str, str]]:
    return [(o.berkas, o.status) for o in report.outcomes]


def test_forty_decrees_from_dicts_a_dataframe_and_csv_are_the_same(tmp_path):
    pandas = pytest.importorskip("pandas")
    rows, members = _rows()
    from_dicts = kpu_docs.run_batch(BASE, rows, tmp_path / "dicts", tabel=members, kunci="desa", jobs=2,
                                    jumlah_baris="3")
    from_frame = kpu_docs.run_batch(BASE, pandas.DataFrame(rows), tmp_path / "frame",
                                    tabel=pandas.DataFrame(members), kunci="desa", jobs=2, jumlah_baris="3")
    data, table = _write(tmp_path / "desa.csv", rows), _write(tmp_path / "anggota.csv", members)
    result = CliRunner().invoke(app, ["batch", str(BASE), str(data), "-o", str(tmp_path / "csv"), "--tabel", str(table),
                                      "--kunci", "desa", "--jobs", "2", "--jumlah-baris", "3"])
    assert result.exit_code == 0, result.output
    assert f"{DECREES} ditulis, 0 dilewati karena tidak berubah, 0 gagal" in result.output

    expected = [(f"pps-{i:02d}", "ditulis") for i in range(1, DECREES + 1)]
    assert _summary(from_dicts) == _summary(from_frame) == expected
    assert (from_dicts.ditulis, from_dicts.dilewati, from_dicts.gagal) == (DECREES, 0, 0)
    assert [o.keluaran for o in from_dicts.written] == [(f"pps-{i:02d}.docx",) for i in range(1, DECREES + 1)]
    assert from_dicts.refused == [] and from_dicts.skipped == [] and from_dicts.peringatan == []
    for i in range(1, DECREES + 1):
        name = f"pps-{i:02d}.docx"
        assert _parts(tmp_path / "dicts" / name) == _parts(tmp_path / "frame" / name) == _parts(tmp_path / "csv" / name)
    seventh = _document(tmp_path / "dicts" / "pps-07.docx")
    assert all(f"Anggota 7-{j}" in seventh for j in (1, 2, 3)) and "Anggota 8-1" not in seventh
    assert "7/PP.04-Kpt/3217/2023" in seventh
    # the table was reversed: file order is 7-3, 7-2, 7-1, and the decree keeps it
    assert seventh.index("Anggota 7-3") < seventh.index("Anggota 7-2") < seventh.index("Anggota 7-1")


def test_resume_and_register_numbers_work_on_rows_in_memory(tmp_path):
    rows, members = _rows()
    rows = [{**row, "nomor": "[ISI NOMOR]"} for row in rows[:4]]
    members = [m for m in members if m["desa"] in {row["desa"] for row in rows}]
    register = tmp_path / "register.sqlite"
    base = tmp_path / "pps.yaml"
    base.write_text(BASE.read_text(encoding="utf-8"), encoding="utf-8")

    def run():
        return kpu_docs.run_batch(base, rows, tmp_path / "hasil", tabel=members, kunci="desa", jobs=1,
                                  register=register)

    first = run()
    assert [o.status for o in first.outcomes] == ["ditulis"] * 4
    assert list(first.nomor) == ["pps-01", "pps-02", "pps-03", "pps-04"]
    assert first.nomor["pps-03"] in _document(tmp_path / "hasil" / "pps-03.docx")
    again = run()
    assert [o.status for o in again.outcomes] == ["dilewati"] * 4 and again.nomor == first.nomor


def test_rows_in_memory_get_the_same_checks_naming_their_index(tmp_path):
    rows, members = _rows()
    rows, members = rows[:2], [m for m in members if m["desa"] in (rows[0]["desa"], rows[1]["desa"])]
    members[0] = {**members[0], "desa": "Kertamulia 1"}
    with pytest.raises(BatchError) as caught:
        kpu_docs.run_batch(BASE, rows, tmp_path / "hasil", tabel=members, kunci="desa")
    assert caught.value.masalah == (
        "tabel[0]: desa 'Kertamulia 1' tidak ada di data, jadi baris ini tidak masuk keputusan mana pun; "
        "maksud Anda Kertamulya 1?",)
    assert not (tmp_path / "hasil").exists()

    members[0] = {**members[0], "desa": "Padalarang 1"}
    bad = [dict(rows[0]), {**rows[1], "penutup.tanggal": "2023-02-30"}]
    report = kpu_docs.run_batch(BASE, bad, tmp_path / "hasil", tabel=members, kunci="desa", jobs=1)
    assert [(o.berkas, o.status) for o in report.outcomes] == [("pps-01", "ditulis"), ("pps-02", "gagal")]
    assert report.refused[0].pesan()[0].startswith("data[1] (berkas pps-02, desa Padalarang 1): penutup.tanggal:")
    assert not report.ok


def test_periksa_from_python_writes_nothing_and_reports(tmp_path):
    rows, members = _rows()
    report = kpu_docs.run_batch(BASE, rows[:3], tabel=[m for m in members if m["desa"] in
                                                      {r["desa"] for r in rows[:3]}], kunci="desa", periksa=True)
    assert [o.status for o in report.outcomes] == ["diperiksa"] * 3 and report.ok and report.kesalahan == []
    assert [o.tempat for o in report.outcomes] == [
        f"data[{i}] (berkas pps-0{i + 1}, desa {rows[i]['desa']})" for i in range(3)]
    assert list(tmp_path.iterdir()) == []
    doubled = [dict(rows[0]), dict(rows[0])]
    checked = kpu_docs.run_batch(BASE, doubled, tabel=members, kunci="desa", periksa=True)
    assert not checked.ok and any("pps-01.docx sudah dipakai data[0]" in k for k in checked.kesalahan)


def test_a_dataframe_with_empty_and_typed_cells(tmp_path):
    pandas = pytest.importorskip("pandas")
    rows, members = _rows()
    frame = pandas.DataFrame(rows[:2])
    frame["nomor"] = [11, None]  # numbers as numpy values; None becomes NaN: an empty cell keeps the base
    frame["penutup.tanggal"] = pandas.to_datetime(frame["penutup.tanggal"])
    table = pandas.DataFrame([m for m in members if m["desa"] in set(frame["desa"])])
    report = kpu_docs.run_batch(BASE, frame, tmp_path, tabel=table, kunci="desa", jobs=1)
    assert [o.status for o in report.outcomes] == ["ditulis", "ditulis"], [o.pesan() for o in report.outcomes]
    first, second = _document(tmp_path / "pps-01.docx"), _document(tmp_path / "pps-02.docx")
    assert "NOMOR 11 " in first and "11.0" not in first
    assert "[ISI NOMOR]" in second  # the base's nomor, kept
    assert "20 Januari 2023" in first


@pytest.mark.parametrize("data, message", [
    ("not rows", None),
    ({"desa": "x"}, "harus berupa daftar pemetaan"),
    ([["desa", "x"]], "data\\[0\\]: harus berupa pemetaan"),
    (42, "harus berupa daftar pemetaan"),
])
def test_rows_that_are_not_mappings_are_refused(tmp_path, data, message):
    with pytest.raises(BatchError, match=message or "berkas tidak ditemukan"):
        kpu_docs.run_batch(BASE, data, tmp_path / "hasil")
