"""A batch never drops or guesses silently: every table row belongs to a decree, checked before
anything renders, and every message names the file, sheet, spreadsheet row, berkas and key."""

from __future__ import annotations

import datetime
import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpu_docs.batch import BatchError, run_batch
from kpu_docs.batch.audit import parse_range
from kpu_docs.cli import app
from tests.batch.conftest import ANGGOTA, BASE, DESA, read_rows, table_rows, write_csv

EXAMPLE = Path(__file__).parents[2] / "examples" / "pps"
runner = CliRunner()


def batch(*args: object):
    return runner.invoke(app, ["batch", *map(str, args)])


@pytest.fixture
def pps(tmp_path) -> Path:
    """examples/pps with a misspelled key (Kertamulia, row 2) and a padded, lower-case one
    (`padalarang `, row 5); each of those two members gets a name to look for."""
    folder = Path(shutil.copytree(EXAMPLE, tmp_path / "pps"))
    rows = read_rows(folder / "anggota.csv")
    assert rows[1][:3] == ["Kertamulya", "[ISI NAMA]", "Ketua"] and rows[4][0] == "Padalarang"
    rows[1][:2] = ["Kertamulia", "Ujang Suryana"]
    rows[4][:2] = ["padalarang ", "Asep Sunandar"]
    write_csv(folder / "anggota.csv", rows)
    return folder


def run_pps(folder: Path, *extra: object):
    return batch(folder / "keputusan-pps.yaml", folder / "desa.csv", "--tabel", folder / "anggota.csv",
                 "--kunci", "desa", "--jobs", "1", *extra)


def document_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as docx:
        return docx.read("word/document.xml").decode("utf-8")


def test_a_misspelled_key_stops_the_batch_naming_row_and_nearest_key(pps):
    out = pps / "hasil"
    result = run_pps(pps, "-o", out)
    assert result.exit_code == 2, result.output
    anggota = pps / "anggota.csv"
    assert (f"Galat: {anggota} baris 2: desa 'Kertamulia' tidak ada di {pps / 'desa.csv'}, jadi baris ini "
            "tidak masuk keputusan mana pun; maksud Anda Kertamulya?") in result.output
    assert (f"Peringatan: {anggota} baris 5: desa 'padalarang' dianggap Padalarang ({pps / 'desa.csv'} baris 3): "
            "sama setelah spasi dan huruf besar/kecil disamakan") in result.output
    assert "Traceback" not in result.output and "ditulis" not in result.output
    assert not out.exists()  # nothing written, not even the folder


def test_a_padded_key_in_another_case_matches_with_a_warning(pps):
    rows = read_rows(pps / "anggota.csv")
    rows[1][0] = "Kertamulya"  # the misspelling fixed; `padalarang ` left as it is
    write_csv(pps / "anggota.csv", rows)
    out = pps / "hasil"
    result = run_pps(pps, "-o", out, "--jumlah-baris", "3")
    assert result.exit_code == 0, result.output
    assert f"{pps / 'anggota.csv'} baris 5: desa 'padalarang' dianggap Padalarang" in result.output
    assert "10 ditulis, 0 dilewati karena tidak berubah, 0 gagal" in result.output
    assert table_rows(out / "pps-desa-padalarang.docx") == [
        ["1", "Asep Sunandar", "Ketua"], ["2", "[ISI NAMA]", "Anggota"], ["3", "[ISI NAMA]", "Anggota"]]
    assert "Ujang Suryana" in document_xml(out / "pps-desa-kertamulya.docx")
    assert "Asep Sunandar" not in document_xml(out / "pps-desa-cimerang.docx")


def test_periksa_reports_the_same_and_writes_nothing(pps):
    out, register = pps / "hasil", pps / "register.sqlite"
    before = sorted(p.name for p in pps.iterdir())
    result = run_pps(pps, "--periksa", "-o", out, "--register", register)
    assert result.exit_code == 2, result.output
    assert "desa 'Kertamulia' tidak ada" in result.output and "maksud Anda Kertamulya?" in result.output
    assert "desa 'padalarang' dianggap Padalarang" in result.output
    assert "10 baris, 10 sah, 0 gagal, 1 galat" in result.output and "tidak ada yang ditulis" in result.output
    assert "[nomor-kosong]" not in result.output  # the register would give the numbers
    assert (f"Peringatan: {pps / 'desa.csv'} baris 4 (berkas pps-desa-cimerang, desa Cimerang): "
            'lampiran[1].isi[1].tabel.baris[1][1]: masih ada tempat isian "[ISI NAMA]"') in result.output
    assert sorted(p.name for p in pps.iterdir()) == before  # no folder, no manifest, no register


def test_periksa_validates_every_row_and_shows_each_decrees_check_warnings(tmp_path):
    rows = read_rows(DESA)
    rows[2][2] = "2025-02-30"  # an impossible date, in the second data row (row 3)
    rows[3][0] = "[ISI NOMOR]"
    data = write_csv(tmp_path / "desa.csv", rows)
    result = batch(BASE, data, "--tabel", ANGGOTA, "--kunci", "desa", "--periksa")
    assert result.exit_code == 2, result.output
    assert f"Galat: {data} baris 3 (berkas pps-2, desa Dasan Agung): penutup.tanggal:" in result.output
    assert (f"Peringatan: {data} baris 4 (berkas pps-3, desa Pagesangan): nomor: masih [ISI NOMOR]"
            in result.output)
    assert "3 baris, 2 sah, 1 gagal" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["desa.csv"]

    rows[2][2] = "2025-01-07"
    write_csv(data, rows)
    clean = batch(BASE, data, "--tabel", ANGGOTA, "--kunci", "desa", "--periksa")
    assert clean.exit_code == 0, clean.output  # warnings alone are no error
    assert "3 baris, 3 sah, 0 gagal, 0 galat" in clean.output


def test_periksa_needs_no_output_folder_and_a_run_does(tmp_path):
    result = batch(BASE, DESA, "--tabel", ANGGOTA, "--kunci", "desa")
    assert result.exit_code == 2 and "-o/--output wajib diisi" in result.output


def test_member_counts_outside_the_range_are_errors(tmp_path):
    out = tmp_path / "hasil"
    result = batch(BASE, DESA, "-o", out, "--tabel", ANGGOTA, "--kunci", "desa", "--jumlah-baris", "3")
    assert result.exit_code == 2, result.output
    assert (f"{DESA} baris 4 (berkas pps-3, desa Pagesangan): 2 baris di {ANGGOTA}, seharusnya 3 (--jumlah-baris)"
            in result.output)
    assert "Ampenan Utara" not in result.output and not out.exists()
    with pytest.raises(BatchError, match="seharusnya paling banyak 2"):
        run_batch(BASE, DESA, out, tabel=ANGGOTA, kunci="desa", jumlah_baris=":2")
    assert run_batch(BASE, DESA, out, tabel=ANGGOTA, kunci="desa", jumlah_baris="2:3", jobs=1).ditulis == 3


@pytest.mark.parametrize("text, bounds", [("3", (3, 3)), ("2:5", (2, 5)), ("2:", (2, None)), (":5", (None, 5))])
def test_ranges(text, bounds):
    assert parse_range(text) == bounds


@pytest.mark.parametrize("text", ["", ":", "x", "5:2", "-1"])
def test_bad_ranges(text):
    with pytest.raises(BatchError, match="--jumlah-baris"):
        parse_range(text)


def test_every_problem_is_reported_at_once(tmp_path):
    header, *rows = read_rows(DESA)
    rows[1][3] = ""  # Dasan Agung's key left empty
    data = write_csv(tmp_path / "desa.csv", [header, *rows])
    members = read_rows(ANGGOTA)
    members[1][0] = "Ampenan Utra"  # a Dasan Agung member, row 2
    anggota = write_csv(tmp_path / "anggota.csv", members)
    with pytest.raises(BatchError) as caught:
        run_batch(BASE, data, tmp_path / "hasil", tabel=anggota, kunci="desa")
    assert list(caught.value.masalah) == [
        f"{anggota} baris 2: desa 'Ampenan Utra' tidak ada di {data}, jadi baris ini tidak masuk keputusan mana pun; "
        "maksud Anda Ampenan Utara?",
        f"{anggota} baris 4, 7: desa 'Dasan Agung' tidak ada di {data}, jadi baris ini tidak masuk keputusan "
        "mana pun",
        f"{data} baris 3 (berkas pps-2): kolom desa kosong, tidak ada kunci untuk baris {anggota}",
    ]


def test_a_key_matching_two_decrees_but_for_case_is_an_error(tmp_path):
    header, *rows = read_rows(DESA)
    rows[1][3] = "AMPENAN UTARA"
    data = write_csv(tmp_path / "desa.csv", [header, *rows])
    members = [r for r in read_rows(ANGGOTA) if r[0] != "Dasan Agung"] + [["ampenan utara", "X", "Anggota"]]
    anggota = write_csv(tmp_path / "anggota.csv", members)
    with pytest.raises(BatchError, match=r"anggota.csv baris 7: desa 'ampenan utara' tidak sama persis .* "
                                         r"\(Ampenan Utara, AMPENAN UTARA\)"):
        run_batch(BASE, data, tmp_path / "hasil", tabel=anggota, kunci="desa")


@pytest.fixture
def workbook(tmp_path) -> Path:
    """desa.csv (sheet Desa) and anggota.csv (sheet Anggota), with a misspelled member key in
    Anggota row 3 and an impossible date typed as text in Desa row 2."""
    import openpyxl

    book = openpyxl.Workbook()
    desa = book.active
    desa.title = "Desa"
    for row in read_rows(DESA):
        desa.append(row)
    desa["C3"] = datetime.datetime(2025, 1, 7)
    desa["C2"] = "2023-02-30"
    anggota = book.create_sheet("Anggota")
    for row in read_rows(ANGGOTA):
        anggota.append(row)
    anggota["A3"] = "Ampenan"
    path = tmp_path / "pps.xlsx"
    book.save(path)
    return path


def test_xlsx_messages_name_the_sheet_and_row(workbook, tmp_path):
    result = batch(BASE, workbook, "-o", tmp_path / "hasil", "--tabel", f"{workbook}#Anggota", "--kunci", "desa")
    assert result.exit_code == 2, result.output
    assert (f"{workbook} lembar Anggota baris 3: desa 'Ampenan' tidak ada di {workbook}, jadi baris ini tidak masuk "
            "keputusan mana pun; maksud Anda Ampenan Utara?") in result.output


def test_an_impossible_date_in_a_cell_is_that_rows_error(workbook, tmp_path):
    import openpyxl

    book = openpyxl.load_workbook(workbook)
    book["Anggota"]["A3"] = "Ampenan Utara"
    book.save(workbook)
    out = tmp_path / "hasil"
    result = batch(BASE, workbook, "-o", out, "--tabel", f"{workbook}#Anggota", "--kunci", "desa", "--jobs", "1")
    assert result.exit_code == 1, result.output
    assert (f"Galat: {workbook} lembar Desa baris 2 (berkas pps-1, desa Ampenan Utara): penutup.tanggal: "
            "tanggal 2023-02-30 tidak ada: Februari 2023 hanya 28 hari") in result.output
    assert "nilai dari berkas dasar" not in result.output  # the cell is the row's own
    assert "Traceback" not in result.output and "2 ditulis" in result.output
    assert sorted(p.name for p in out.glob("*.docx")) == ["pps-2.docx", "pps-3.docx"]


def test_an_impossible_date_in_the_base_is_named_as_the_bases(tmp_path):
    base = tmp_path / "pps.yaml"
    base.write_text(BASE.read_text(encoding="utf-8").replace("tanggal: 2025-01-06", "tanggal: 2023-02-30"),
                    encoding="utf-8")
    assert "2023-02-30" in base.read_text(encoding="utf-8")
    data = write_csv(tmp_path / "desa.csv", [[r[0], r[1], r[3]] for r in read_rows(DESA)])  # no date column
    line = base.read_text(encoding="utf-8").splitlines().index("  tanggal: 2023-02-30") + 1
    result = batch(base, data, "-o", tmp_path / "hasil", "--tabel", ANGGOTA, "--kunci", "desa", "--jobs", "1")
    assert result.exit_code == 2, result.output  # every row would fail alike: the batch does not start
    assert (f"{base}: baris {line}, kolom 3: penutup.tanggal: tanggal 2023-02-30 tidak ada: Februari 2023 hanya 28 hari "
            "(tidak diubah oleh kolom mana pun, jadi setiap baris akan gagal)") in result.output
    assert "Traceback" not in result.output and not (tmp_path / "hasil").exists()

    with_dates = batch(base, DESA, "-o", tmp_path / "hasil", "--tabel", ANGGOTA, "--kunci", "desa", "--jobs", "1")
    assert with_dates.exit_code == 0, with_dates.output  # every row sets its own date
