"""The batch as a secretariat runs it: failed rows, resuming, naming, member tables."""

from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from kpu_docs.batch import BatchError, run_batch
from kpu_docs.cli import app
from tests.batch.conftest import ANGGOTA, BASE, DESA, MEMBERS, lines, parts, read_rows, table_rows, write_csv

runner = CliRunner()


def batch(*args: str):
    return runner.invoke(app, ["batch", *map(str, args)])


def test_a_failed_row_is_reported_and_the_others_are_written(tmp_path):
    rows = read_rows(DESA)
    rows[2][2] = "7 Januari 2025"
    data = write_csv(tmp_path / "desa.csv", rows)
    out = tmp_path / "hasil"
    result = batch(BASE, data, "-o", out, "--tabel", ANGGOTA, "--kunci", "desa", "--jobs", "1")
    assert result.exit_code == 1, result.output
    assert (f"{data} baris 3 (berkas pps-2, desa Dasan Agung): "  # the first data row is row 2, as in Calc
            "penutup.tanggal: harus berupa tanggal dengan format TTTT-BB-HH") in result.output
    assert "2 ditulis, 0 dilewati karena tidak berubah, 1 gagal" in result.output
    assert sorted(p.name for p in out.glob("*.docx")) == ["pps-1.docx", "pps-3.docx"]
    text = lines(out / "pps-3.docx")
    assert "NOMOR 23 TAHUN 2025" in text and "PEMBENTUKAN PANITIA PEMUNGUTAN SUARA DESA PAGESANGAN" in text
    assert "pada tanggal 8 Januari 2025" in text


def test_resume_skips_what_has_not_changed(tmp_path):
    data = write_csv(tmp_path / "desa.csv", read_rows(DESA))
    anggota = write_csv(tmp_path / "anggota.csv", read_rows(ANGGOTA))
    out = tmp_path / "hasil"

    def run(**options):
        report = run_batch(BASE, data, out, tabel=anggota, kunci="desa", jobs=1, **options)
        return {o.berkas: o.status for o in report.outcomes}

    assert run() == {"pps-1": "ditulis", "pps-2": "ditulis", "pps-3": "ditulis"}
    result = batch(BASE, data, "-o", out, "--tabel", anggota, "--kunci", "desa", "--jobs", "1")
    assert result.exit_code == 0 and "0 ditulis, 3 dilewati karena tidak berubah, 0 gagal" in result.output

    rows = read_rows(data)
    rows[2][0] = "32"  # row 2's nomor
    write_csv(data, rows)
    members = read_rows(anggota)
    members[4][1] = "Ni Made Ayu Lestari"  # a member of Pagesangan (row 3)
    write_csv(anggota, members)
    assert run() == {"pps-1": "dilewati", "pps-2": "ditulis", "pps-3": "ditulis"}
    assert "NOMOR 32 TAHUN 2025" in lines(out / "pps-2.docx")
    assert table_rows(out / "pps-3.docx")[0] == ["1", "Ni Made Ayu Lestari", "Ketua"]

    (out / "pps-1.docx").unlink()
    assert run() == {"pps-1": "ditulis", "pps-2": "dilewati", "pps-3": "dilewati"}
    assert "NOMOR 21 TAHUN 2025" in lines(out / "pps-1.docx")
    assert run(ulang=True) == {"pps-1": "ditulis", "pps-2": "ditulis", "pps-3": "ditulis"}


def test_naming_by_berkas_column_or_row_number(tmp_path):
    header, *rows = read_rows(DESA)
    rows.append(list(rows[2]))
    names = ["pps-ampenan-utara", "", "pps-pagesangan.docx", "../luar"]
    data = write_csv(tmp_path / "desa.csv", [header + ["berkas"]] + [r + [n] for r, n in zip(rows, names)])
    out = tmp_path / "hasil"
    report = run_batch(BASE, data, out, tabel=ANGGOTA, kunci="desa", jobs=1)
    assert [(o.berkas, o.status) for o in report.outcomes[:3]] == [
        ("pps-ampenan-utara", "ditulis"), ("pps-2", "ditulis"), ("pps-pagesangan", "ditulis")]
    assert report.outcomes[3].pesan()[0].startswith(
        f"{data} baris 5 (berkas pps-4, desa Pagesangan): berkas: '../luar' bukan nama berkas biasa")
    assert sorted(os.listdir(tmp_path)) == ["desa.csv", "hasil"]
    assert sorted(p.name for p in out.glob("*.docx")) == ["pps-2.docx", "pps-ampenan-utara.docx", "pps-pagesangan.docx"]
    assert "NOMOR 21 TAHUN 2025" in lines(out / "pps-ampenan-utara.docx")


def test_two_rows_with_one_name_stop_the_batch_before_rendering(tmp_path):
    header, *rows = read_rows(DESA)
    names = ["pps-ampenan-utara", "", "PPS-Ampenan-Utara.docx"]
    data = write_csv(tmp_path / "desa.csv", [header + ["berkas"]] + [r + [n] for r, n in zip(rows, names)])
    result = batch(BASE, data, "-o", tmp_path / "hasil", "--tabel", ANGGOTA, "--kunci", "desa", "--jobs", "1")
    assert result.exit_code == 2, result.output
    assert (f"{data} baris 4 (berkas PPS-Ampenan-Utara, desa Pagesangan): PPS-Ampenan-Utara.docx sudah dipakai "
            "baris 2 (berkas pps-ampenan-utara)") in result.output
    assert not (tmp_path / "hasil").exists()


def test_default_names_are_padded_to_sort(tmp_path):
    header, row, *_ = read_rows(DESA)
    row[2] = "bukan tanggal"  # every row fails before rendering: only the names are looked at
    data = write_csv(tmp_path / "desa.csv", [header] + [row] * 12)
    members = [r for r in read_rows(ANGGOTA) if r[0] in ("desa", row[3])]  # every member row has its decree
    anggota = write_csv(tmp_path / "anggota.csv", members)
    report = run_batch(BASE, data, tmp_path / "hasil", tabel=anggota, kunci="desa", jobs=1)
    assert report.peringatan == [f"{data} baris 2, 3, 4, 5, 6, 7, 8, 9 dan 4 lainnya: desa Ampenan Utara dipakai "
                                 f"12 keputusan; masing-masing mendapat semua baris desa Ampenan Utara dari {anggota}"]
    assert [o.berkas for o in report.outcomes][:3] == ["pps-01", "pps-02", "pps-03"]
    assert report.outcomes[-1].berkas == "pps-12" and report.gagal == 12


def test_members_grouped_into_their_decree_in_file_order_and_numbered(rendered):
    for number, (desa, names) in enumerate(MEMBERS.items(), start=1):
        path = rendered / f"pps-{number}.docx"
        assert f"PEMBENTUKAN PANITIA PEMUNGUTAN SUARA DESA {desa.upper()}" in lines(path)
        rows = table_rows(path)
        assert [row[:2] for row in rows] == [[str(i), name] for i, name in enumerate(names, start=1)]
        assert rows[0][2] == "Ketua"


def test_member_numbers_are_generated_by_the_table_and_centred(rendered):
    from docx import Document
    from docx.oxml.ns import qn

    table = Document(str(rendered / "pps-1.docx")).tables[-1]
    for row in table.rows[1:]:
        paragraph = row.cells[0].paragraphs[0]
        assert paragraph._p.find(f"{qn('w:pPr')}/{qn('w:jc')}").get(qn("w:val")) == "center"


def test_members_from_a_second_sheet_of_the_workbook(xlsx, rendered, tmp_path):
    report = run_batch(BASE, xlsx, tmp_path, tabel=f"{xlsx}#Anggota", kunci="desa", jobs=1)
    assert report.ditulis == 3
    for number in (1, 2, 3):  # typed cells (11, dates) give the same documents as the CSV text
        assert parts(tmp_path / f"pps-{number}.docx") == parts(rendered / f"pps-{number}.docx")


def test_a_decree_without_table_rows_stops_the_batch_before_rendering(tmp_path):
    header, *rows = read_rows(DESA)
    rows[1][3] = "Cakranegara"
    data = write_csv(tmp_path / "desa.csv", [header, *rows])
    members = write_csv(tmp_path / "anggota.csv", [r for r in read_rows(ANGGOTA) if r[0] != "Dasan Agung"])
    with pytest.raises(BatchError) as caught:
        run_batch(BASE, data, tmp_path / "hasil", tabel=members, kunci="desa", jobs=1)
    assert caught.value.masalah == (f"{data} baris 3 (berkas pps-2, desa Cakranegara): "
                                    f"tidak ada baris di {members} untuk desa Cakranegara",)
    assert not (tmp_path / "hasil").exists()


def test_an_unknown_column_stops_the_batch_before_rendering(tmp_path):
    rows = read_rows(DESA)
    rows[0][0] = "nomer"
    data = write_csv(tmp_path / "desa.csv", rows)
    result = batch(BASE, data, "-o", tmp_path / "hasil", "--tabel", ANGGOTA, "--kunci", "desa")
    assert result.exit_code == 2
    assert "kolom nomer: keputusan tidak punya bidang 'nomer' (maksudnya nomor?)" in result.output
    assert not (tmp_path / "hasil").exists()


def test_bad_invocations_exit_2_without_traceback(tmp_path):
    bad = tmp_path / "salah.yaml"
    bad.write_text("nomor: [21\n", encoding="utf-8")
    cases = [
        ([bad, DESA], "YAML tidak sah"),
        ([BASE, tmp_path / "tidak-ada.csv"], "berkas tidak ditemukan"),
        ([BASE, DESA, "--tabel", ANGGOTA], "--tabel perlu --kunci"),
        ([BASE, DESA, "--tabel", ANGGOTA, "--kunci", "kecamatan"], "tidak ada kolom kecamatan"),
        ([BASE, DESA, "--tabel", ANGGOTA, "--kunci", "desa", "--ke", "lampiran[2].isi[1]"], "--ke lampiran[2].isi[1]"),
    ]
    for args, message in cases:
        result = batch(*args, "-o", tmp_path / "hasil")
        assert result.exit_code == 2, (args, result.output)
        assert message in result.output and "Traceback" not in result.output
