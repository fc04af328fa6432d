"""LibreOffice as the real client: the reference decree converted to PDF and read back page by page.

These tests skip where LibreOffice or poppler-utils is missing, except when
KPU_DOCS_REQUIRE_LIBREOFFICE is set (as .ci/run does), where a missing tool is a failure.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

import kpu_docs
from kpu_docs import pdf as pdf_module
from kpu_docs.models import Keputusan
from kpu_docs.pdf import to_pdf
from kpu_docs.preview import preview
from tests.conftest import minimal_data
from tests.missing import tool_missing

PT_PER_MM = 72 / 25.4
PAGE_NUMBER = re.compile(r"^\s*-\s*\d+\s*-\s*$")
"""The page number at the top of page 2 onwards, "- 2 -" (pdftotext may drop the spaces)."""


def _require_tools() -> None:
    missing = [t for t in ("pdftotext", "pdfinfo", "pdftoppm") if shutil.which(t) is None]
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        missing.append("soffice")
    if missing:
        reason = f"LibreOffice/poppler tidak terpasang: {', '.join(missing)}"
        tool_missing(reason)


pytestmark = pytest.mark.libreoffice


def pages_text(pdf: Path) -> list[str]:
    """Text of each page (pdftotext -layout keeps the label columns on one line)."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True)
    return out.stdout.split("\f")[:-1]


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], check=True, capture_output=True, text=True)
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out.stdout)]


@pytest.fixture(scope="module")
def reference_pdf(reference_docx, tmp_path_factory) -> Path:
    _require_tools()
    (pdf,) = to_pdf([reference_docx], tmp_path_factory.mktemp("pdf"))
    return pdf


@pytest.fixture(scope="module")
def pages(reference_pdf) -> list[str]:
    return pages_text(reference_pdf)


def test_page_size_is_f4_portrait(reference_pdf):
    sizes = page_sizes(reference_pdf)
    for width, height in sizes:
        assert abs(width - 215 * PT_PER_MM) < 2 and abs(height - 330 * PT_PER_MM) < 2


def test_page_count_is_plausible(pages):
    assert 6 <= len(pages) <= 12


def test_signature_block_stays_on_one_page(pages):
    signing = [i for i, p in enumerate(pages) if "Ditetapkan di Mataram" in p]
    assert len(signing) == 1
    page = pages[signing[0]]
    assert "pada tanggal 3 September 2025" in page and "EDY PUTRAWAN" in page
    assert page.index("Ditetapkan di Mataram") < page.index("EDY PUTRAWAN")


def test_menimbang_and_mengingat_labels_are_printed(pages):
    text = "\n".join(pages[:3])
    assert re.search(r"Menimbang\s+:\s+a\.\s+bahwa berdasarkan ketentuan", text)
    for label in ("b.", "c."):
        assert re.search(rf"^\s+{re.escape(label)}\s+bahwa", text, re.M), label
    assert re.search(r"Mengingat\s+:\s+1\.\s+Undang-Undang Nomor 30 Tahun 2002", text)
    for n in range(2, 9):
        assert re.search(rf"^\s+{n}\.\s+(Undang-Undang|Peraturan|Keputusan)", text, re.M), n
    assert re.search(r"KESATU\s+:\s+Menetapkan Rencana Kerja", text)


def test_lampiran_starts_on_its_own_page_with_heading_top_right(pages):
    (first,) = [i for i, p in enumerate(pages) if re.search(r"^\s+LAMPIRAN\s*$", p, re.M)]
    lines = [l for l in pages[first].splitlines() if l.strip() and not PAGE_NUMBER.match(l)]
    assert lines[0].strip() == "LAMPIRAN"
    indent = len(lines[0]) - len(lines[0].lstrip())
    assert indent > 30  # right half of the page
    assert "Ditetapkan di" not in pages[first]


def test_table_header_repeats_on_every_page_it_spans(pages):
    rows = ["Penyusunan Tim", "Pola Mutasi Internal", "Pengendalian", "Pemanfaatan Teknologi"]
    spanned = sorted({i for i, p in enumerate(pages) for r in rows if r in p})
    assert len(spanned) >= 2, "the action plan should span pages on F4"
    spanned = range(spanned[0], spanned[-1] + 1)
    for i in spanned:
        assert re.search(r"NO\s+KOMPONEN\s+INDIKATOR/\s+RENCANA AKSI\s+TARGET", pages[i]), f"page {i + 1}"


def test_landscape_table_gets_its_own_landscape_pages(tmp_path):
    _require_tools()
    table = {"kolom": ["NO", "KOMPONEN", "INDIKATOR", "RENCANA AKSI", "TARGET WAKTU"], "lanskap": True,
             "kelompok": [{"nama": "Manajemen Perubahan", "baris": [["Tim Kerja", "Membentuk tim", "September 2025"]]}]}
    data = minimal_data(lampiran=[{"judul": "Rencana Aksi", "isi": ["Pengantar.", {"tabel_kelompok": table}, "Penutup."]}])
    path = tmp_path / "lanskap.docx"
    kpu_docs.render(Keputusan.model_validate(data), path)
    (pdf,) = to_pdf([path], tmp_path)
    sizes = page_sizes(pdf)
    text = pages_text(pdf)
    orientation = ["L" if w > h else "P" for w, h in sizes]
    table_page = next(i for i, t in enumerate(text) if "Membentuk tim" in t)
    assert orientation[table_page] == "L"
    assert orientation[0] == "P" and orientation[-1] == "P"
    w, h = sizes[table_page]
    assert abs(w - 330 * PT_PER_MM) < 2 and abs(h - 215 * PT_PER_MM) < 2
    assert "Penutup." in text[-1] or "Penutup." in text[table_page + 1]


def test_several_documents_convert_in_one_libreoffice_start(tmp_path, monkeypatch):
    _require_tools()
    data = minimal_data(lampiran=[{"judul": "Satu", "isi": ["Isi satu."]}, {"judul": "Dua", "isi": ["Isi dua."]}],
                        pengaturan={"lampiran_terpisah": True})
    paths = kpu_docs.render(Keputusan.model_validate(data), tmp_path / "k.docx")
    assert [p.name for p in paths] == ["k.docx", "k-lampiran-1.docx", "k-lampiran-2.docx"]
    calls = []
    real_run = pdf_module._run

    def counting_run(command, timeout):
        calls.append(command)
        return real_run(command, timeout)

    monkeypatch.setattr(pdf_module, "_run", counting_run)
    pdfs = to_pdf(paths, tmp_path / "pdf")
    assert len(calls) == 1
    assert [p.name for p in pdfs] == ["k.pdf", "k-lampiran-1.pdf", "k-lampiran-2.pdf"]
    assert "LAMPIRAN II" in pages_text(pdfs[2])[0]


def test_preview_writes_png_pages(reference_docx, tmp_path):
    _require_tools()
    pictures = preview(reference_docx, tmp_path, pages=[1, 2], dpi=30)
    assert [p.name for p in pictures] == ["keputusan-11-2025-1.png", "keputusan-11-2025-2.png"]
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in pictures)


def test_missing_libreoffice_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf_module.shutil, "which", lambda name: None)
    with pytest.raises(pdf_module.LibreOfficeMissing, match="libreoffice-writer-nogui"):
        to_pdf([tmp_path / "x.docx"])


def test_letters_past_z_are_the_ones_printed_and_cited(tmp_path):
    """Word and LibreOffice letter a list a ... z, aa, bb: the closing Menimbang cites those."""
    _require_tools()
    menimbang = [f"bahwa pertimbangan ke-{n} perlu dicatat" for n in range(1, 29)]
    path = tmp_path / "panjang.docx"
    kpu_docs.render(Keputusan.model_validate(minimal_data(menimbang=menimbang)), path)
    text = " ".join(" ".join(page.split()) for page in pages_text(to_pdf([path], tmp_path)[0]))
    assert "z. bahwa pertimbangan ke-26" in text
    assert "aa. bahwa pertimbangan ke-27" in text
    assert "bb. bahwa pertimbangan ke-28" in text
    assert "cc. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, huruf b," in text
    assert "huruf aa, dan huruf bb, perlu menetapkan" in text


def test_text_prints_as_given_in_the_pdf(tmp_path):
    """No style capitalises a number, "a.n." or a name with degrees: what the data says prints."""
    _require_tools()
    nomor = "314/ORT.07-Kpt/01/KPU/V/2021"
    signatory = {"jabatan": "Sekretaris Jenderal", "nama": "Prof. Dra. Sri Hartati, M.Sc., Ph.D.",
                 "atas_nama": "Ketua Komisi Pemilihan Umum"}
    penutup = {**minimal_data()["penutup"], "penandatangan": signatory}
    as_written = Keputusan.model_validate(minimal_data(
        nomor=nomor, penutup=penutup, pengaturan={"nama_penandatangan": "seperti_ditulis"},
        lampiran=[{"judul": "Daftar", "isi": ["satu"]}]))
    capitals = as_written.model_copy(update={"pengaturan": as_written.pengaturan.model_copy(
        update={"nama_penandatangan": "kapital"})})
    texts = []
    for name, keputusan in (("ditulis", as_written), ("kapital", capitals)):
        path = tmp_path / f"{name}.docx"
        kpu_docs.render(keputusan, path)
        texts.append([" ".join(page.split()) for page in pages_text(to_pdf([path], tmp_path)[0])])
    ditulis, kapital = texts
    assert f"NOMOR {nomor}" in ditulis[0]
    assert f"NOMOR {nomor}" in ditulis[-1]  # the Lampiran heading too
    assert "NOMOR 314/ORT.07-KPT" not in " ".join(ditulis)
    assert "a.n. KETUA KOMISI PEMILIHAN UMUM, SEKRETARIS JENDERAL," in " ".join(ditulis)
    assert "Prof. Dra. Sri Hartati, M.Sc., Ph.D." in " ".join(ditulis)
    assert "PROF. DRA. SRI HARTATI, M.SC., PH.D." in " ".join(kapital)


def test_page_numbers_as_tata_naskah_dinas_prints_them(pages, tmp_path):
    """None on page 1; from page 2 centred at the top between hyphens. "bawah": every page, bottom."""
    first_lines = [[l for l in page.splitlines() if l.strip()] for page in pages]
    assert not any(PAGE_NUMBER.match(l) or l.strip() == "1" for l in first_lines[0])
    for number, lines in enumerate(first_lines[1:], start=2):
        assert re.fullmatch(rf"\s*-\s*{number}\s*-\s*", lines[0]), (number, lines[0])
    bottom = Keputusan.model_validate(minimal_data(pengaturan={"nomor_halaman": "bawah"}))
    path = tmp_path / "bawah.docx"
    kpu_docs.render(bottom, path)
    (page,) = pages_text(to_pdf([path], tmp_path)[0])
    lines = [l for l in page.splitlines() if l.strip()]
    assert lines[-1].strip() == "1" and not PAGE_NUMBER.match(lines[0])


def test_signature_page_holds_decree_text(pages):
    """In LibreOffice's PDF too, the page with "Ditetapkan di" holds the last diktum."""
    (signed,) = [p for p in pages if "Ditetapkan di Mataram" in p]
    assert "Keputusan ini mulai berlaku pada tanggal ditetapkan." in " ".join(signed.split())


FORMS = minimal_data(
    disampaikan_kepada=["Ketua Komisi Pemilihan Umum;", "Sekretaris Jenderal Komisi Pemilihan Umum."],
    tembusan=["Arsip"],
    penutup={"tempat": "Jakarta", "tanggal": "2025-09-03", "titik_dua": True, "penandatangan": {
        "jabatan": "Kepala Biro Hukum", "nama": "Budi Santoso", "atas_nama": "Ketua Komisi Pemilihan Umum",
        "untuk_beliau": "Sekretaris Jenderal", "status": "Plh.", "pangkat": "Pembina Utama Muda (IV/c)",
        "nip": "197001012000031001"}},
    pengaturan={"baris_tentang": False, "bentuk_nomor": "Nomor :", "koma_jabatan_penetap": False,
                "memutuskan": "M E M U T U S K A N :"},
)


def test_signature_and_title_forms_print_as_offices_write_them(tmp_path):
    _require_tools()
    path = tmp_path / "bentuk.docx"
    kpu_docs.render(Keputusan.model_validate(FORMS), path)
    pages = pages_text(to_pdf([path], tmp_path)[0])
    flat = [" ".join(l.split()) for page in pages for l in page.splitlines() if l.strip()]
    title = flat[:4]
    assert title == ["KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA MATARAM", "Nomor : 12 Tahun 2025",
                     "PEMBENTUKAN TIM KERJA", "KETUA KOMISI PEMILIHAN UMUM KOTA MATARAM"]
    raw = subprocess.run(["pdftotext", "-raw", str(tmp_path / "bentuk.pdf"), "-"], capture_output=True, text=True).stdout
    assert "M E M U T U S K A N :" in raw.splitlines()  # -layout joins letter-spaced capitals
    order = ["KEDUA : Keputusan ini mulai berlaku pada tanggal ditetapkan.",
             "Salinan Keputusan ini disampaikan kepada:", "1. Ketua Komisi Pemilihan Umum;",
             "2. Sekretaris Jenderal Komisi Pemilihan Umum.", "Ditetapkan di : Jakarta",
             "pada tanggal : 3 September 2025", "a.n. KETUA KOMISI PEMILIHAN UMUM,", "SEKRETARIS JENDERAL", "u.b.",
             "Plh. KEPALA BIRO HUKUM,", "BUDI SANTOSO", "Pembina Utama Muda (IV/c)", "NIP 197001012000031001",
             "Tembusan:", "Arsip"]
    assert [line for line in flat if line in order] == order
    # the colons of the penutup stand one under the other
    placed = [l for l in pages[0].splitlines() if l.strip().startswith(("Ditetapkan di", "pada tanggal"))]
    assert len(placed) == 2
    assert len({l.index(":") for l in placed}) == 1


def test_position_below_the_name(tmp_path):
    _require_tools()
    signer = {"jabatan": "Rektor Universitas Mataram", "nama": "Prof. Dr. Sri Hartati, M.Sc.",
              "letak_jabatan": "bawah", "nip": "196609191991031001"}
    data = minimal_data(penutup={**minimal_data()["penutup"], "penandatangan": signer},
                        pengaturan={"nama_penandatangan": "seperti_ditulis"})
    path = tmp_path / "rektor.docx"
    kpu_docs.render(Keputusan.model_validate(data), path)
    flat = [" ".join(l.split()) for page in pages_text(to_pdf([path], tmp_path)[0]) for l in page.splitlines() if l.strip()]
    start = flat.index("pada tanggal 3 September 2025")
    assert flat[start + 1: start + 4] == ["Prof. Dr. Sri Hartati, M.Sc.", "Rektor Universitas Mataram",
                                         "NIP 196609191991031001"]


def test_letterhead_with_contacts_and_rule_logo_above_or_beside(tmp_path):
    _require_tools()
    from docx import Document
    from docx.oxml.ns import qn

    from tests.word.test_editing import _png

    logo = tmp_path / "lambang.png"
    logo.write_bytes(_png())
    kop = {"baris": ["Pemerintah Kabupaten Lombok Barat"], "alamat": "Jalan Soekarno-Hatta Nomor 1 Gerung 83363",
           "telepon": "(0370) 681036", "faksimile": "(0370) 681037", "laman": "www.lombokbaratkab.go.id"}
    for letak in ("atas", "samping"):
        data = minimal_data(instansi="Bupati Lombok Barat", jabatan_penetap="Bupati Lombok Barat", logo=str(logo),
                            kop={**kop, "letak_logo": letak})
        path = tmp_path / f"kop-{letak}.docx"
        kpu_docs.render(Keputusan.model_validate(data), path)
        flat = [" ".join(l.split()) for l in pages_text(to_pdf([path], tmp_path)[0])[0].splitlines() if l.strip()]
        head = " ".join(flat[:flat.index("KEPUTUSAN BUPATI LOMBOK BARAT")])  # the contact line may wrap
        assert head == ("PEMERINTAH KABUPATEN LOMBOK BARAT Jalan Soekarno-Hatta Nomor 1 Gerung 83363 Telepon (0370) "
                        "681036, Faksimile (0370) 681037, Laman www.lombokbaratkab.go.id"), letak
        document = Document(str(path))
        body = list(document.element.body.iterchildren())
        rule = next(p for p in document.paragraphs if p.style.name == "Garis Kop")
        assert rule.style.element.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None
        first = body[0]
        if letak == "samping":  # logo and letterhead side by side in a borderless table
            cells = first.findall(f"{qn('w:tr')}/{qn('w:tc')}")
            assert first.tag == qn("w:tbl") and len(cells) == 2
            assert cells[0].find(f".//{qn('w:drawing')}") is not None
            assert "PEMERINTAH KABUPATEN LOMBOK BARAT" in "".join(cells[1].itertext())
        else:
            assert first.tag == qn("w:p") and first.find(f".//{qn('w:drawing')}") is not None


def test_electronic_signature_qr_and_footer_on_every_page(tmp_path):
    _require_tools()
    import zipfile

    from docx import Document

    signer = {"jabatan": "Rektor Universitas Mataram", "nama": "Prof. Dr. Sri Hartati, M.Sc.", "nip": "196609191991031001"}
    data = minimal_data(
        penutup={**minimal_data()["penutup"], "penandatangan": signer,
                 "tanda_tangan_elektronik": {"qr": "https://tte.example.ac.id/verifikasi/ABC123"}},
        pengaturan={"nama_penandatangan": "seperti_ditulis"},
        lampiran=[{"judul": "Daftar", "isi": [f"Paragraf {i} dari lampiran." for i in range(1, 80)]}],
    )
    path = tmp_path / "tte.docx"
    kpu_docs.render(Keputusan.model_validate(data), path)
    pages = [" ".join(page.split()) for page in pages_text(to_pdf([path], tmp_path)[0])]
    assert len(pages) >= 3
    for page in pages:
        assert "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang " \
               "diterbitkan oleh Balai Sertifikasi Elektronik (BSrE), Badan Siber dan Sandi Negara" in page
    assert "Ditandatangani secara elektronik oleh: REKTOR UNIVERSITAS MATARAM, Prof. Dr. Sri Hartati, M.Sc." in pages[0]
    archive = zipfile.ZipFile(path)
    assert "word/media/qr.png" in archive.namelist()
    document = Document(str(path))
    drawings = [d for d in document.element.body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}drawing")]
    assert len(drawings) == 2  # the decree's signature and the Lampiran's


def test_lampiran_signature_keeps_the_last_table_row_with_it(tmp_path):
    """The LAPAN 110/2004 Lampiran ends in a table whose last rows leave no room for its
    signature: LibreOffice moves the last row over with it, never the signature alone."""
    _require_tools()
    example = Path(__file__).resolve().parents[1] / "examples" / "lapan-110-2004.yaml"
    docx_path = kpu_docs.render(kpu_docs.load(example), tmp_path / "lapan.docx")[0]
    (pdf,) = to_pdf([docx_path], tmp_path)
    last = " ".join(pages_text(pdf)[-1].split())
    assert "Ir. WISJNU P. MARSIS, M.Eng." in last
    assert "Digital Data Recorder" in last and "Pusfatsainsa" in last
