"""The yearly actions in the desk: a new decree from an example or a copy, next year's draft and
its review list, importing a .docx/.txt, comparing two decrees word by word."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpu_docs.cli import app as cli
from kpu_docs.loading import load
from tests.web.conftest import EXAMPLES, REFERENCE

SCAN = Path(__file__).parent.parent / "importing" / "corpus" / "lapan-162-2018.scan.pdf"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_new_page_offers_examples_and_the_folders_decrees(client):
    assert 'hx-get="/baru/pilihan"' in client.get("/baru").text
    html = client.get("/baru/pilihan").text
    assert 'value="contoh:keputusan-11-2025.yaml"' in html
    assert 'value="contoh:pps/keputusan-pps.yaml"' in html
    assert 'value="berkas:lapan-110-2004.yaml"' in html


def test_a_new_decree_from_an_example_is_its_copy_opened_in_the_form(client, folder):
    answer = client.post("/baru/dari", data={"csrf": client.csrf, "sumber": "contoh:pps/keputusan-pps.yaml",
                                             "nama": "pps-2029"}, follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/sunting?berkas=pps-2029.yaml"
    assert (folder / "pps-2029.yaml").read_bytes() == (EXAMPLES / "pps" / "keputusan-pps.yaml").read_bytes()


def test_a_new_decree_as_a_copy_of_another_never_overwrites(client, folder):
    before = (folder / "lapan-110-2004.yaml").read_bytes()
    answer = client.post("/baru/dari", data={"csrf": client.csrf, "sumber": f"berkas:{REFERENCE}",
                                             "nama": "lapan-110-2004.yaml"})
    assert answer.status_code == 422
    assert "lapan-110-2004.yaml sudah ada" in _text(answer.text)
    assert (folder / "lapan-110-2004.yaml").read_bytes() == before
    answer = client.post("/baru/dari", data={"csrf": client.csrf, "sumber": "berkas:../etc/passwd.yaml",
                                             "nama": "curian.yaml"})
    assert answer.status_code == 422 and not (folder / "curian.yaml").exists()


def test_next_years_draft_and_its_review_list_linked_to_the_form(client, folder):
    answer = client.get(f"/tahun-depan?berkas={REFERENCE}")
    assert 'value="keputusan-11-2026.yaml"' in answer.text  # the draft's name proposed
    answer = client.post("/tahun-depan", data={"csrf": client.csrf, "berkas": REFERENCE,
                                               "nama": "keputusan-11-2026.yaml", "tahun": ""})
    assert answer.status_code == 200
    draft = folder / "keputusan-11-2026.yaml"
    assert load(draft).tahun == 2026 and load(draft).nomor == "[ISI NOMOR]"
    assert (folder / "keputusan-11-2026.periksa.md").is_file()
    lines = draft.read_text(encoding="utf-8").splitlines()
    html = answer.text
    # the moved signing date, with its weekday, linked to its field in the form, at its line
    row = re.search(r'<tr><td>\d+</td><td><a href="([^"]+)"><code>penutup.tanggal</code></a></td><td>(\d+)</td>'
                    r'<td>([^<]+)</td>', html)
    assert row.group(1) == "/sunting?berkas=keputusan-11-2026.yaml#f-penutup-tanggal"
    assert lines[int(row.group(2)) - 1].strip() == "tanggal: 2026-09-03"
    assert "Kamis, 3 September 2026" in row.group(3)
    assert "<code>nomor</code>" in html and "[ISI NOMOR]" in html
    # and the decree it came from is untouched; a second draft of the same name is refused
    assert load(folder / REFERENCE).tahun == 2025
    text = draft.read_bytes()
    again = client.post("/tahun-depan", data={"csrf": client.csrf, "berkas": REFERENCE,
                                              "nama": "keputusan-11-2026.yaml", "tahun": ""})
    assert again.status_code == 422 and "sudah ada" in again.text
    assert draft.read_bytes() == text


def test_every_link_of_the_review_list_lands_on_a_field_of_the_form(client, folder):
    answer = client.post("/tahun-depan", data={"csrf": client.csrf, "berkas": REFERENCE, "nama": "k26"})
    anchors = set(re.findall(r'href="/sunting\?berkas=k26.yaml#([^"]+)"', answer.text))
    assert len(anchors) > 10 and any("kelompok" in a for a in anchors)  # table cells of the Lampiran among them
    ids = set(re.findall(r' id="([^"]+)"', client.get("/sunting?berkas=k26.yaml").text))
    assert anchors <= ids, sorted(anchors - ids)


def test_next_year_for_a_chosen_year_marks_a_date_that_falls_on_a_sunday(client, folder):
    answer = client.post("/tahun-depan", data={"csrf": client.csrf, "berkas": REFERENCE, "nama": "k-2028",
                                               "tahun": "2028"})
    assert load(folder / "k-2028.yaml").tahun == 2028
    row = re.search(r'<tr class="bukan-hari-kerja">.*?</tr>', answer.text, re.S).group(0)
    assert "<code>penutup.tanggal</code>" in row and "Minggu, 3 September 2028" in row and "pilih hari kerja" in row
    assert client.post("/tahun-depan", data={"csrf": client.csrf, "berkas": REFERENCE, "nama": "k-x",
                                             "tahun": "dua"}).status_code == 422


def test_import_of_a_docx_writes_the_yaml_and_shows_what_was_not_read(client, folder, tmp_path):
    result = CliRunner().invoke(cli, ["render", str(EXAMPLES / REFERENCE), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    docx = next((tmp_path / "out").glob("*.docx"))
    with open(docx, "rb") as handle:
        answer = client.post("/impor", data={"csrf": client.csrf, "nama": "impor/mataram"},
                             files={"berkas": ("Keputusan 11.docx", handle)})
    assert answer.status_code == 200, _text(answer.text)
    written = folder / "impor" / "mataram.yaml"
    assert load(written).menimbang == load(EXAMPLES / REFERENCE).menimbang
    by_cli = tmp_path / "cli.yaml"
    result = CliRunner().invoke(cli, ["import", str(docx), "-o", str(by_cli)])
    assert written.read_text(encoding="utf-8") == by_cli.read_text(encoding="utf-8")
    assert 'href="/sunting?berkas=impor/mataram.yaml"' in answer.text
    assert not list((folder / ".kpu-docs" / "impor").iterdir())  # the upload is not kept


def test_import_of_a_text_lists_the_unread_lines(client, folder):
    text = (b"KEPUTUSAN KOMISI PEMILIHAN UMUM\nNOMOR 5 TAHUN 2026\nTENTANG\nPEMBENTUKAN TIM\n"
            b"baris yang tidak termasuk bagian mana pun\n")
    answer = client.post("/impor", data={"csrf": client.csrf, "nama": "teks"},
                         files={"berkas": ("ketik.txt", text)})
    assert answer.status_code == 200
    shown = _text(answer.text)
    written = (folder / "teks.yaml").read_text(encoding="utf-8")
    assert "Belum lengkap" in shown  # no signature part: what to fill, named by field
    assert "penutup" in shown
    assert "PEMBENTUKAN TIM" in written.upper()


def test_import_refuses_other_files_and_files_past_the_limit(client, folder, monkeypatch):
    answer = client.post("/impor", data={"csrf": client.csrf, "nama": "x"}, files={"berkas": ("a.exe", b"MZ")})
    assert answer.status_code == 422 and ".docx, .pdf, .txt" in answer.text
    from kpu_docs.web import unggah

    monkeypatch.setitem(unggah.LIMITS, ".txt", (1000, "berkas teks"))
    answer = client.post("/impor", data={"csrf": client.csrf, "nama": "y"}, files={"berkas": ("b.txt", b"a" * 5000)})
    assert answer.status_code == 422 and "terlalu besar" in answer.text
    assert not (folder / "x.yaml").exists() and not (folder / "y.yaml").exists()


@pytest.mark.ocr
def test_import_of_a_page_image_reads_it_by_ocr_and_lists_the_unsure_words(client, folder, tmp_path):
    # the last page of LAPAN 162/2018 (tests/importing/corpus), as a phone's photo of it is uploaded
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(str(SCAN))[4].render(scale=200 / 72).to_pil().convert("L")
    page.save(tmp_path / "hal5.png", dpi=(200, 200))
    with open(tmp_path / "hal5.png", "rb") as handle:
        answer = client.post("/impor", data={"csrf": client.csrf, "nama": "pindaian"},
                             files={"berkas": ("Halaman 5.png", handle)})
    assert answer.status_code == 200, _text(answer.text)
    written = (folder / "pindaian.yaml").read_text(encoding="utf-8")
    assert "Thomas Djamaluddin" in written
    review = (folder / "pindaian.periksa.md").read_text(encoding="utf-8")
    assert review.startswith("# Periksa hasil impor pindaian: Halaman 5.png")
    shown = _text(answer.text)
    assert "Kata yang kurang yakin dibaca OCR" in shown and "halaman 1," in shown


def test_import_of_a_broken_pdf_names_the_uploaded_file(client, folder):
    answer = client.post("/impor", data={"csrf": client.csrf, "nama": "pindai"},
                         files={"berkas": ("Pindaian SK.pdf", b"%PDF-1.4 bukan pdf")})
    assert answer.status_code == 422
    message = _text(answer.text)
    assert "Pindaian SK.pdf: bukan berkas PDF yang dapat dibaca" in message and ".kpu-docs" not in message
    assert not (folder / "pindai.yaml").exists()


def test_diff_marks_the_changed_words_inside_the_sentence(client, folder):
    text = (folder / REFERENCE).read_text(encoding="utf-8")
    old = "Berkewajiban Menyusun Rencana Kerja"
    assert text.count(old) == 1
    (folder / "baru.yaml").write_text(text.replace(old, "Berkewajiban Menyiapkan Rencana Kerja"), encoding="utf-8")
    html = client.get(f"/beda?lama={REFERENCE}&baru=baru.yaml").text
    row = re.search(r'<tr class="jenis-ubah"><td>menimbang.*?</tr>', html, re.S).group(0)
    assert "Berkewajiban <del>Menyusun</del> Rencana Kerja" in row
    assert "Berkewajiban <ins>Menyiapkan</ins> Rencana Kerja" in row
    assert "1 perbedaan" in _text(html)
    assert "Tidak ada perbedaan" in client.get(f"/beda?lama={REFERENCE}&baru={REFERENCE}").text


def test_word_diff_escapes_the_texts():
    from kpu_docs.web.tahunan import word_diff

    old, new = word_diff("a <b> c", "a <i> c")
    assert str(old) == "a <del>&lt;b&gt;</del> c" and str(new) == "a <ins>&lt;i&gt;</ins> c"


def test_the_desk_answers_while_a_scan_is_read(client, folder, monkeypatch):
    # an import by OCR takes seconds a page: it runs off the event loop, so another page of the
    # desk is served meanwhile (it used to wait for the whole scan)
    import threading

    import kpu_docs.importing as importing

    reading, done = threading.Event(), threading.Event()
    real = importing.import_file

    def slow_import(path, progress=None):
        reading.set()
        assert done.wait(30), "the desk did not answer while the import ran"
        return real(path, progress)

    monkeypatch.setattr(importing, "import_file", slow_import)
    text = b"KEPUTUSAN KOMISI PEMILIHAN UMUM\nNOMOR 5 TAHUN 2026\nTENTANG\nPEMBENTUKAN TIM\n"
    answers = []
    with client:  # one event loop for every request, as uvicorn runs the desk
        upload = threading.Thread(target=lambda: answers.append(client.post(
            "/impor", data={"csrf": client.csrf, "nama": "lambat"}, files={"berkas": ("ketik.txt", text)})))
        upload.start()
        assert reading.wait(30)
        served = threading.Thread(target=lambda: answers.append(client.get("/")))
        served.start()
        served.join(10)
        assert answers and answers[0].status_code == 200  # the page, while the import is still reading
        done.set()
        upload.join(30)
    assert answers[1].status_code == 200 and (folder / "lambat.yaml").exists()
