"""`kpu-docs import SCAN.pdf` and page images: read by OCR, checked by a person where it is unsure.

The scans are real (tests/importing/corpus/*.scan.pdf, sources.yaml names them); what they read
to is held field by field by test_corpus.py. These tests hold what a person sees: the YAML and
the review file beside it, what is left empty rather than guessed, and the command's limits.
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from typer.testing import CliRunner
from ruamel.yaml import YAML

from kpu_docs.checks import NOMOR_KOSONG
from kpu_docs.cli import app
from kpu_docs.importing import import_file, import_scan, ocr, scan, scan_pages
from kpu_docs.importing.ocr import Word

CORPUS = Path(__file__).parent / "corpus"
LAPAN = CORPUS / "lapan-162-2018.scan.pdf"
runner = CliRunner()


def page_image(path: Path, number: int, ppi: int = 200, rotate: int = 0) -> Path:
    """One page of a corpus scan as a PNG, as a phone or a scanner saves a page."""
    page = pdfium.PdfDocument(str(LAPAN))[number - 1]
    image = page.render(scale=ppi / 72).to_pil().convert("L")
    if rotate:
        image = image.rotate(rotate, expand=True, fillcolor=255)
    image.save(path, dpi=(ppi, ppi))
    return path


@pytest.fixture(scope="module")
def lapan(tmp_path_factory):
    """The LAPAN 162/2018 scan imported once by the command: (result, YAML text, review text)."""
    folder = tmp_path_factory.mktemp("pindaian")
    target = folder / "lapan.yaml"
    result = runner.invoke(app, ["import", str(LAPAN), "-o", str(target)])
    return result, target.read_text(encoding="utf-8"), (folder / "lapan.periksa.md").read_text(encoding="utf-8")


@pytest.mark.ocr
def test_scan_imports_to_yaml_with_a_review_beside_it(lapan):
    result, yaml_text, review = lapan
    # the date of enactment is a stamp the OCR cannot read: the decree is incomplete, and says so
    assert result.exit_code == 1
    assert "hasil impor belum lengkap" in result.output and "penutup.tanggal" in result.output
    assert "lapan.periksa.md" in result.output
    data = YAML(typ="safe").load(yaml_text)
    assert data["instansi"] == "Kepala Lembaga Penerbangan dan Antariksa Nasional" or "Penerbangan" in data["instansi"]
    assert data["menimbang"][0].startswith("bahwa dalam rangka pelaksanaan tata kelola teknologi informasi")
    assert len(data["mengingat"]) == 8 and len(data["diktum"]) == 8
    assert data["penutup"]["penandatangan"]["nama"] == "Thomas Djamaluddin"
    assert review.startswith("# Periksa hasil impor pindaian:")
    assert "- halaman 5:" in review


@pytest.mark.ocr
def test_what_the_scan_does_not_show_is_left_empty_never_guessed(lapan):
    _, yaml_text, review = lapan
    data = YAML(typ="safe").load(yaml_text)
    # the hand-written number (read "(62") and the date stamp (read "1? MAR 2018"): empty, and
    # named with what the OCR read, in the review and in the YAML's comments, never in its data
    assert data["nomor"] == NOMOR_KOSONG
    assert "tanggal" not in data["penutup"]
    values = YAML(typ="safe").load("\n".join(line for line in yaml_text.splitlines() if not line.startswith("#")))
    assert "(62" not in str(values) and "MAR 2018" not in str(values)
    unread = review.split("## Tidak terbaca")[1].split("##")[0]
    nomor_line = next(k for k, line in enumerate(yaml_text.splitlines(), start=1) if line.startswith("nomor:"))
    assert f"`nomor` (baris {nomor_line}): bukan bentuk nomor keputusan; OCR membaca `(62`" in unread
    assert re.search(r"`penutup\.tanggal`: bukan tanggal yang dapat dibaca; OCR membaca `pada tanggal .* 2018`", unread)
    assert "# Tidak terbaca saat impor" in yaml_text and "penutup.tanggal: tidak terbaca pada pindaian" in yaml_text


@pytest.mark.ocr
def test_repairs_are_listed_with_their_place_on_the_page(lapan):
    _, yaml_text, review = lapan
    repairs = review.split("## Diperbaiki")[1].split("##")[0]
    # list labels the sequence proves, item ends read as "," or ":"; each with page and position
    assert re.search(r"- halaman 3, 6,\d cm dari kiri, 24,\d cm dari atas: `ll\.menyatakan` menjadi `11\. menyatakan` "
                     r"\(label butir sesudah 10\.\)", repairs)
    assert "`12.melaksanakan` menjadi `12. melaksanakan` (label butir terpisah dari katanya)" in repairs
    assert "`LAPAN,` menjadi `LAPAN;` (akhir butir sebelum butir berikutnya)" in repairs
    assert "ll.menyatakan" not in yaml_text and "menyatakan kondisi bencana" in yaml_text


@pytest.mark.ocr
def test_unsure_words_are_listed_with_page_position_and_field(lapan):
    _, yaml_text, review = lapan
    table = review.split("## Kata yang kurang yakin")[1]
    rows = [line for line in table.splitlines() if re.match(r"^\| \d+ \|", line)]
    assert rows, table
    for row in rows:
        page, where, word, conf, field = (cell.strip() for cell in row.strip("|").split(" | "))
        assert 1 <= int(page) <= 5 and re.fullmatch(r"\d+,\d cm, \d+,\d cm", where)
        assert int(conf.rstrip("%")) < scan.UNSURE_BELOW
    fields = " ".join(row.split(" | ")[-1] for row in rows)
    assert re.search(r"`diktum\[2\][^`]*` \(baris \d+\)", fields)  # a word in a diktum, by its YAML line


@pytest.mark.ocr
def test_page_images_given_in_order_read_as_one_decree(tmp_path):
    first, last = page_image(tmp_path / "hal-1.png", 1), page_image(tmp_path / "hal-5.png", 5)
    target = tmp_path / "dua.yaml"
    result = runner.invoke(app, ["import", str(first), str(last), "-o", str(target)])
    assert "Ditulis: " in result.output, result.output
    data = YAML(typ="safe").load(target.read_text(encoding="utf-8"))
    assert data["menimbang"][0].startswith("bahwa dalam rangka pelaksanaan tata kelola")
    assert data["penutup"]["penandatangan"]["nama"] == "Thomas Djamaluddin"
    assert data["penutup"]["tempat"] == "Jakarta"
    review = (tmp_path / "dua.periksa.md").read_text(encoding="utf-8")
    assert "- halaman 1:" in review and "- halaman 2:" in review


@pytest.mark.ocr
def test_a_page_scanned_upside_down_is_turned_and_read(tmp_path):
    image = page_image(tmp_path / "terbalik.png", 1, rotate=180)
    calls = []
    result = import_scan([image], lambda done, total: calls.append((done, total)))
    assert calls == [(0, 1), (1, 1)]  # the progress bar, page by page
    assert result.pindaian.pages[0].rotated == 180
    assert result.data["menimbang"][0].startswith("bahwa dalam rangka pelaksanaan tata kelola")


def test_missing_tesseract_is_named_with_its_packages(tmp_path, monkeypatch):
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "tesseract-yang-tidak-ada")
    image = tmp_path / "hal.png"
    from PIL import Image

    Image.new("L", (100, 100), 255).save(image)
    result = runner.invoke(app, ["import", str(image), "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2
    assert "Tesseract belum terpasang" in result.output and "tesseract-ocr-ind" in result.output
    assert not (tmp_path / "x.yaml").exists()


@pytest.mark.ocr
def test_a_page_past_its_time_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "PAGE_SECONDS_MAX", 0.05)
    image = page_image(tmp_path / "hal.png", 1)
    with pytest.raises(ValueError, match=r"halaman 1: OCR lebih dari 0.05 detik \(batas\)"):
        import_file(image)


def _line(y: int, *texts: str, left: int = 600, conf: float = 95) -> list[Word]:
    words, x = [], left
    for text in texts:
        words.append(Word(text, conf, x, y, 30 * len(text), 45))
        x += 30 * len(text) + 20
    return words


def _repaired(lines: list[list[Word]]) -> tuple[list[str], scan.ScanReading]:
    reading = scan.ScanReading()
    page = scan_pages.Page(3, None, 300.0)
    scan._set_lines(lines, [], page, reading)
    return reading.lines, reading


def test_item_ends_repaired_only_before_a_later_label_of_the_list():
    # lines as Tesseract reads a diktum's items (LAPAN 162/2018, page 3): ";" read as ":" or ","
    lines, reading = _repaired([
        _line(100, "memiliki", "tugas", "sebagai", "berikut:", left=700),
        _line(160, "1.", "mengkoordinasikan", "perencanaan", "LAPAN:"),
        _line(220, "2.", "mengkoordinasikan", "penyusunan,", "dan"),
        _line(280, "3.", "melaksanakan", "pemantauan", "LAPAN,"),
        _line(340, "4.", "mengelola", "ketersediaan", "informasi:"),
        _line(400, "a.", "bahwa", "penutup."),
    ])
    assert lines == [
        "memiliki tugas sebagai berikut:",  # before "1.": it opens the list, its ":" stays
        "1. mengkoordinasikan perencanaan LAPAN;",
        "2. mengkoordinasikan penyusunan; dan",
        "3. melaksanakan pemantauan LAPAN;",
        "4. mengelola ketersediaan informasi:",  # before "a.", a first label: a list opens
        "a. bahwa penutup.",
    ]
    assert [(r.read, r.made) for r in reading.repairs] == [("LAPAN:", "LAPAN;"), ("penyusunan,", "penyusunan;"),
                                                           ("LAPAN,", "LAPAN;")]


def test_a_misread_label_is_repaired_when_it_follows_its_predecessor():
    lines, reading = _repaired([
        _line(100, "4.", "melaksanakan", "pemantauan"),
        _line(160, "S5.", "mengkoordinasikan", "perencanaan"),
        _line(220, "ll.menyatakan", "kondisi", "bencana", left=605),
        _line(280, "2.Memantau", "kinerja", "tim"),
    ])
    # "ll.menyatakan" follows "5." (not 10.): nothing proves it, so only the glued label is parted
    assert lines == ["4. melaksanakan pemantauan", "5. mengkoordinasikan perencanaan",
                     "ll.menyatakan kondisi bencana", "2. Memantau kinerja tim"]
    assert [r.why for r in reading.repairs] == ["label butir sesudah 4.", "label butir terpisah dari katanya"]
    assert str(reading.repairs[0].place).startswith("halaman 3, 5,1 cm dari kiri, 1,4 cm dari atas")


def test_specks_are_dropped_and_listed_but_catchword_dots_stay():
    reading = scan.ScanReading()
    page = scan_pages.Page(2, None, 300.0)
    words = _line(100, "Menimbang", "bahwa") + [Word("rs", 27, 80, 138, 49, 7), Word("....", 38, 2191, 3411, 40, 7),
                                                Word("|", 30, 2511, 900, 10, 40)]
    kept = scan._without_specks(words, page, reading)
    assert [w.text for w in kept] == ["Menimbang", "bahwa", "...."]
    assert reading.specks == ["halaman 2, 0,7 cm dari kiri, 1,2 cm dari atas (noda pindaian): rs",
                              "halaman 2, 21,3 cm dari kiri, 7,6 cm dari atas (noda pindaian): |"]


def _drawn(text: str, path: Path) -> tuple[object, Word]:
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(path), 40)
    image = Image.new("L", (600, 80), 255)
    ImageDraw.Draw(image).text((20, 15), text, font=font, fill=0)
    left, top, right, bottom = image.point(lambda v: 255 - v).getbbox()
    return image, Word(text.replace(" ", ""), 90, left, top, right - left, bottom - top)


def test_capitals_printed_letter_spaced_read_as_printed():
    font = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not font.exists():
        pytest.skip("DejaVu Sans is not installed")
    # a column heading "N A M A" (Donggala 057A/2025's Lampiran), which Tesseract reads as NAMA
    image, word = _drawn("N A M A", font)
    assert scan._spaced(image, word) == "N A M A"
    image, word = _drawn("NAMA", font)
    assert scan._spaced(image, word) == "NAMA"
    image, word = _drawn("KET", font)
    assert scan._spaced(image, word) == "KET"


def test_a_citations_own_date_proves_its_numbers_month_and_its_dates_year():
    lines, reading = _repaired([
        # LAPAN 110/2004: Arabic 11 would be November; the date says Februari, whose Roman is II
        _line(100, "6.", "Keputusan", "Kepala", "LAPAN", "Nomor", ":", "Kep/011/11/2001", "tanggal", "22",
              "Februari", "2001"),
        # LAPAN 046/1997: a typed 7 read as "/" in a date broken over two lines; the number has 1997
        _line(160, "Nomor", "Kep/001A/I/1997", "tanggal", "9", "Ja-"),
        _line(220, "nuari", "199/", "perihal", "pelimpahan", "wewenang"),
        # what the date does not contradict stays as read: Arabic 1 is Januari too
        _line(280, "Nomor", "5/1/2020", "tanggal", "3", "Januari", "2020"),
        _line(340, "Nomor", "Kep/011/11/2001", "tanggal", "22", "November", "2001"),
        _line(400, "Nomor", "Kep/011/11/2001", "tanggal", "22", "Februari", "2002"),  # not one citation's date
    ])
    assert lines == [
        "6. Keputusan Kepala LAPAN Nomor : Kep/011/II/2001 tanggal 22 Februari 2001",
        "Nomor Kep/001A/I/1997 tanggal 9 Ja-",
        "nuari 1997 perihal pelimpahan wewenang",
        "Nomor 5/1/2020 tanggal 3 Januari 2020",
        "Nomor Kep/011/11/2001 tanggal 22 November 2001",
        "Nomor Kep/011/11/2001 tanggal 22 Februari 2002",
    ]
    assert [(r.read, r.made, r.why) for r in reading.repairs] == [
        ("Kep/011/11/2001", "Kep/011/II/2001", "bulan nomor sesuai tanggalnya: Februari"),
        ("199/", "1997", "tahun tanggal sesuai nomornya: 1997"),
    ]


def test_paraf_marks_in_the_signature_block_are_dropped_and_listed():
    # the closing of LAPAN 110/2004, page 2, as Tesseract reads it (text, confidence, box): a
    # paraf beside each line of the position, the signature's strokes above the name
    read = [
        [("Ditetapkan", 93, 1400, 2190, 190, 32), ("di", 95, 1600, 2190, 30, 32), (":", 80, 1858, 2190, 8, 21),
         ("Jakarta", 95, 1890, 2190, 120, 32)],
        [("Pada", 95, 1400, 2251, 80, 32), ("tanggal", 95, 1490, 2251, 120, 32), (":", 73, 1858, 2251, 8, 21),
         ("26", 85, 1890, 2251, 50, 32), ("MAY", 85, 1950, 2251, 70, 32), ("2004", 85, 2030, 2251, 80, 32)],
        [("A.n.", 91, 1495, 2345, 80, 31), ("KEPALA", 96, 1591, 2344, 150, 31), ("-", 59, 2058, 2372, 20, 8)],
        [("5", 27, 1334, 2408, 30, 33), ("SEKRETARIS", 92, 1396, 2394, 300, 33), ("UTAMA", 96, 1710, 2394, 180, 32),
         ("Hy", 28, 1910, 2382, 60, 67)],
        [("Y", 81, 1344, 2589, 40, 59), ('"r', 22, 1426, 2607, 30, 12), ("\u201c", 62, 1529, 2603, 20, 12),
         ("L", 85, 1583, 2617, 20, 6), ("s3", 29, 1849, 2596, 40, 50)],
        [("Ir.", 93, 1311, 2700, 50, 31), ("WISJNU", 90, 1373, 2699, 180, 32), ("P.", 92, 1568, 2699, 40, 31),
         ("MARSIS,", 89, 1621, 2698, 190, 38), ("M.Eng.", 89, 1830, 2698, 150, 41)],
    ]
    lines = [[Word(*w) for w in line] for line in read]
    reading = scan.ScanReading()
    page = scan_pages.Page(2, None, 300.0)
    kept = scan._closing_columns(lines, 2550, page, reading)
    assert [" ".join(w.text for w in line) for line in kept] == [
        "Ditetapkan di : Jakarta", "Pada tanggal : 26 MAY 2004", "A.n. KEPALA", "SEKRETARIS UTAMA",
        "Ir. WISJNU P. MARSIS, M.Eng.",
    ]
    assert reading.specks == [
        "halaman 2, 17,4 cm dari kiri, 20,1 cm dari atas (coretan paraf di tepi baris): -",
        "halaman 2, 11,3 cm dari kiri, 20,4 cm dari atas (coretan paraf di tepi baris): 5",
        "halaman 2, 16,2 cm dari kiri, 20,2 cm dari atas (coretan paraf di tepi baris): Hy",
        "halaman 2, 11,4 cm dari kiri, 21,9 cm dari atas (coretan paraf atau tanda tangan): Y \"r \u201c L s3",
    ]


def test_the_signature_block_keeps_what_is_like_its_line_read_with_little_confidence():
    read = [
        [("Ditetapkan", 93, 1400, 2190, 190, 32), ("di", 95, 1600, 2190, 30, 32), ("Jakarta", 95, 1650, 2190, 120, 32)],
        [("pada", 95, 1400, 2251, 80, 32), ("tanggal", 95, 1490, 2251, 120, 32), ("2", 95, 1650, 2251, 20, 32),
         ("Mei", 95, 1680, 2251, 50, 32), ("2004", 95, 1740, 2251, 80, 32)],
        [("a.n.", 41, 1400, 2345, 80, 31), ("KEPALA", 96, 1491, 2344, 150, 31)],
        [("KETUA", 90, 1400, 2400, 140, 31), ("KPU", 44, 1550, 2400, 90, 31)],
        [("Drs.", 88, 1400, 2700, 70, 31), ("SUHARTO,", 90, 1480, 2700, 190, 31), ("MM", 45, 1680, 2700, 60, 31)],
    ]
    lines = [[Word(*w) for w in line] for line in read]
    reading = scan.ScanReading()
    kept = scan._closing_columns(lines, 2550, scan_pages.Page(2, None, 300.0), reading)
    assert [" ".join(w.text for w in line) for line in kept][2:] == ["a.n. KEPALA", "KETUA KPU", "Drs. SUHARTO, MM"]
    assert reading.specks == []


@pytest.mark.ocr
def test_thin_slashes_of_a_150_ppi_table_read_from_the_cell_as_scanned(tmp_path):
    # LAPAN 110/2004's Lampiran, at its scan's own 150 ppi: cleaned of its specks, a cell loses
    # the faint slash of "Diproduksi/buatan" (read "Diproduksi'buatan" or "Diproduksi buatan");
    # the cell as scanned keeps it, and the reading Tesseract is surer of is kept
    image = pdfium.PdfDocument(str(CORPUS / "lapan-110-2004.scan.pdf"))[2].render(scale=150 / 72).to_pil()
    image.convert("L").save(tmp_path / "lampiran.png", dpi=(150, 150))
    rows = [line.split("\t") for line in scan.read([tmp_path / "lampiran.png"]).lines if "\t" in line]
    numbered = [row for row in rows if row[0]]
    assert [row[0] for row in numbered] == ["NO.", "1.", "2.", "3.", "4.", "5.", "6."]
    assert [row[2].split()[:2] for row in numbered[1:]] == [["1.", "Diproduksi/"]] + [["1.", "Diproduksi/buatan"]] * 5


def test_the_signature_block_under_a_lampiran_is_known_and_cleared_too():
    # LAPAN 110/2004, page 3: the Lampiran's table, then its signature block with its paraf as
    # Tesseract reads it (a paraf read "4" at 96% before "A.n.", a stroke glued to SEKRETARIS)
    read = [
        [("Pusfatsainsa", 92, 1337, 2540, 240, 32)],
        [("4", 96, 1435, 2640, 40, 31), ("A.n.", 82, 1576, 2640, 80, 31), ("KAPALA", 89, 1684, 2640, 150, 31)],
        [("\u00a3SEKRETARIS", 59, 1430, 2690, 330, 40), ("UTAMA", 90, 1799, 2690, 150, 31),
         ("&9y", 33, 2000, 2680, 60, 60)],
        [(":", 16, 1678, 2750, 8, 20)],
        [("&", 84, 1598, 2830, 30, 40), ("Z1", 39, 1661, 2830, 50, 40), ("pa", 7, 1733, 2830, 40, 30),
         ("\u2014\u2014\u2014", 0, 1962, 2840, 120, 6)],
        [("Ir.", 93, 1401, 2900, 50, 31), ("WISJNU", 90, 1464, 2900, 180, 32), ("P.", 91, 1659, 2900, 40, 31),
         ("MARSIS,", 91, 1711, 2900, 190, 38), ("M.Eng.", 92, 1919, 2900, 150, 41)],
    ]
    lines = [[Word(*w) for w in line] for line in read]
    reading = scan.ScanReading(signature=["a.n. kepala", "sekretaris utama", "ir. wisjnu p. marsis, m.eng."])
    kept = scan._closing_columns(lines, 2550, scan_pages.Page(3, None, 300.0), reading)
    assert [" ".join(w.text for w in line) for line in kept] == [
        "Pusfatsainsa", "A.n. KAPALA", "SEKRETARIS UTAMA", "Ir. WISJNU P. MARSIS, M.Eng."]
    assert [speck.split(": ", 1)[1] for speck in reading.specks] == ["4", "&9y", "\u00a3", ":", "& Z1 pa \u2014\u2014\u2014"]
    # a line at the foot of a page that is not the block, in the left half, is left alone
    body = [[Word("a.n.", 90, 300, 2640, 60, 31), Word("Kepala", 90, 380, 2640, 150, 31), Word("5", 30, 560, 2640, 20, 31)]]
    assert scan._closing_columns(body, 2550, scan_pages.Page(3, None, 300.0), scan.ScanReading()) == body


def test_a_table_row_number_the_sequence_proves_is_put_right():
    rows = [["NO.", "NAMA", "KETERANGAN"], ["", "Alat Penganalisa Ion", "Diproduksi"],
            ["2.", "Surface Ozon", "Diproduksi"], ["3.", "Payload", "Diproduksi"], ["4.", "Balon", "Diproduksi"],
            ["5", "Alat Pengamatan", "Diproduksi"], ["6.", "Digital Data Recorder", "Diproduksi"]]
    fixed, made = scan._numbered([list(row) for row in rows])
    # LAPAN 110/2004's Lampiran as some readings give it: the empty cell before "2." is "1.", the
    # "5" between "4." and "6." gets its point
    assert [row[0] for row in fixed] == ["NO.", "1.", "2.", "3.", "4.", "5.", "6."]
    assert made == [("(kosong)", "1."), ("5", "5.")]
    # a column-number row ("1 2 3" under the heading) is no row of the list: it keeps its "1"
    rows = [["NO", "NAMA", "JABATAN"], ["1", "2", "3"], ["1.", "ADHI, SH", "KEPALA BAGIAN"], ["2.", "BUHARI", "PENGACARA"],
            ["3.", "HILMAN", "PENGACARA"]]
    fixed, made = scan._numbered([list(row) for row in rows])
    assert [row[0] for row in fixed] == ["NO", "1", "1.", "2.", "3."] and made == []


def test_the_colon_of_nomor_read_as_a_symbol_is_put_right():
    lines, reading = _repaired([
        # LAPAN KEP/034/III/2005, Memperhatikan: the colon read "$", the number on the next line
        _line(100, "a.", "Surat", "Menteri", "Pendayagunaan", "Aparatur", "Negara", "Nomor", "$"),
        _line(160, "SE/03/M.PAN/01/2005,", "tanggal", "10", "Januari", "2005,"),
        _line(220, "Nomor", "$", "500"),  # no number with its slashes after it: a sum, not a colon
    ])
    assert lines == ["a. Surat Menteri Pendayagunaan Aparatur Negara Nomor :",
                     "SE/03/M.PAN/01/2005, tanggal 10 Januari 2005,", "Nomor $ 500"]
    assert [(r.read, r.made, r.why) for r in reading.repairs] == [("$", ":", "titik dua sesudah Nomor")]
