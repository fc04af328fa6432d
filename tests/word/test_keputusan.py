"""Rendering behaviour: structure, variants of other institutions, escaping, strictness, atomic writes."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn

import kpu_docs
from kpu_docs import plaintext
from kpu_docs.models import Keputusan
from kpu_docs.word.document import render_file
from kpu_docs.word.prepared import TemplateProblem
from kpu_docs.word.templates import template_dir
from tests.conftest import minimal_data


def render(**changes) -> Document:
    data = kpu_docs.render_bytes(Keputusan.model_validate(minimal_data(**changes)))
    return Document(io.BytesIO(data))


def lines(**changes) -> list[str]:
    return plaintext.lines(render(**changes))


def test_parts_in_order_with_generated_labels():
    text = lines()
    expected = [
        "KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA MATARAM", "NOMOR 12 TAHUN 2025", "TENTANG",
        "PEMBENTUKAN TIM KERJA", "KETUA KOMISI PEMILIHAN UMUM KOTA MATARAM,",
        "Menimbang", ":", "a. bahwa perlu dibentuk tim kerja;",
        "b. bahwa tim kerja perlu ditetapkan dengan keputusan;",
        "c. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan "
        "Keputusan Komisi Pemilihan Umum Kota Mataram tentang Pembentukan Tim Kerja;",
        "Mengingat", ":", "1. Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;",
        "2. Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum (Lembaran Negara Republik Indonesia Tahun "
        "2017 Nomor 182, Tambahan Lembaran Negara Republik Indonesia Nomor 6109).",
        "MEMUTUSKAN:", "Menetapkan", ":",
        "KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA MATARAM TENTANG PEMBENTUKAN TIM KERJA.",
        "KESATU", ":", "Membentuk Tim Kerja.", "KEDUA", ":", "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
        "Ditetapkan di Mataram", "pada tanggal 3 September 2025", "KETUA KOMISI PEMILIHAN UMUM KOTA MATARAM,",
        "EDY PUTRAWAN",
    ]
    assert text == expected


def test_single_menimbang_and_single_mengingat_have_no_label():
    text = lines(menimbang=["bahwa perlu dibentuk tim kerja"], menimbang_penutup="",
                 mengingat=["Undang-Undang Dasar Negara Republik Indonesia Tahun 1945"])
    assert "bahwa perlu dibentuk tim kerja;" in text
    assert "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945." in text


def test_diktum_sub_lists_restart_and_pertama_style():
    diktum = [
        {"isi": "Membentuk Tim Kerja dengan tugas:", "rincian": ["menyusun rencana;", "melaporkan."]},
        {"isi": "Tim Kerja terdiri atas:", "rincian": ["ketua;", "anggota."], "penomoran": "1."},
        {"isi": "Tim Kerja dibantu oleh:", "rincian": ["sekretariat;", "narasumber."]},
        "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
    ]
    text = lines(diktum=diktum, pengaturan={"gaya_diktum": "pertama"})
    start = text.index("PERTAMA")
    assert text[start:start + 5] == ["PERTAMA", ":", "Membentuk Tim Kerja dengan tugas:", "a. menyusun rencana;",
                                     "b. melaporkan."]
    assert "1. ketua;" in text and "2. anggota." in text
    assert text[text.index("Tim Kerja dibantu oleh:") + 1] == "a. sekretariat;"
    assert "KEEMPAT" in text


def test_many_diktum_labels():
    text = lines(diktum=[f"Diktum {n}." for n in range(1, 23)])
    labels = [t for t in text if t.startswith("KE") and "KOMISI" not in t and "KEPUTUSAN" not in t]
    assert labels[-3:] == ["KEDUA PULUH", "KEDUA PULUH SATU", "KEDUA PULUH DUA"]
    assert len(labels) == 22


def test_other_institution_variants():
    text = lines(
        instansi="Bupati Lombok Barat", pembukaan="Dengan Rahmat Tuhan Yang Maha Esa",
        jabatan_penetap="Bupati Lombok Barat", kop={"baris": ["Pemerintah Kabupaten Lombok Barat"],
                                                     "alamat": "Jalan Soekarno-Hatta, Giri Menang"},
        memperhatikan=["Surat Sekretaris Daerah Nomor 100/12/2025"], menetapkan="",
        penutup={"tempat": "Gerung", "tanggal": "2025-01-02",
                 "penandatangan": {"jabatan": "Sekretaris Daerah", "nama": "H. Ilham", "nip": "196801011990031001",
                                   "atas_nama": "Bupati Lombok Barat"}},
        tembusan=["Gubernur Nusa Tenggara Barat", "Inspektorat Kabupaten Lombok Barat"],
        pengaturan={"tanda_tangan": "dto."},
    )
    assert text[:4] == ["PEMERINTAH KABUPATEN LOMBOK BARAT", "Jalan Soekarno-Hatta, Giri Menang",
                        "KEPUTUSAN BUPATI LOMBOK BARAT", "NOMOR 12 TAHUN 2025"]
    assert "DENGAN RAHMAT TUHAN YANG MAHA ESA" in text
    i = text.index("Memperhatikan")
    assert text[i + 1: i + 3] == [":", "Surat Sekretaris Daerah Nomor 100/12/2025."]
    assert text[text.index("Menetapkan") + 2] == "KESATU"  # empty Menetapkan line
    tail = text[text.index("Ditetapkan di Gerung"):]
    assert tail[:6] == ["Ditetapkan di Gerung", "pada tanggal 2 Januari 2025", "a.n. BUPATI LOMBOK BARAT,",
                        "SEKRETARIS DAERAH,", "dto.", "H. ILHAM"]
    assert tail[6] == "NIP 196801011990031001"
    assert tail[7:] == ["Tembusan:", "1. Gubernur Nusa Tenggara Barat", "2. Inspektorat Kabupaten Lombok Barat"]


def test_text_that_looks_like_markup_or_tags_comes_out_literally():
    odd = "bahwa A & B <c> {{ tahun }} {% if x %} {%p endif %}"
    document = render(menimbang=[odd], menimbang_penutup="")
    assert odd + ";" in plaintext.lines(document)


def test_undefined_template_variable_is_an_error(tmp_path):
    folder = tmp_path / "templat"
    folder.mkdir()
    source = template_dir()
    for name in ("keputusan.docx", "lampiran.docx"):
        (folder / name).write_bytes((source / name).read_bytes())
    broken = folder / "keputusan.docx"
    with zipfile.ZipFile(source / "keputusan.docx") as zin, zipfile.ZipFile(broken, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"{{ tempat }}", b"{{ kota_tidak_ada }}")
            zout.writestr(item, data)
    keputusan = Keputusan.model_validate(minimal_data())
    target = tmp_path / "hasil.docx"
    with pytest.raises(TemplateProblem, match="keputusan.docx: .*'kota_tidak_ada' is undefined"):
        render_file(keputusan, target, templates=folder)
    assert not target.exists()


def test_failed_render_leaves_existing_file_untouched(tmp_path):
    target = tmp_path / "hasil.docx"
    target.write_bytes(b"versi lama")
    keputusan = Keputusan.model_validate(minimal_data(logo="tidak-ada.png"))
    with pytest.raises(FileNotFoundError):
        render_file(keputusan, target)
    assert target.read_bytes() == b"versi lama"
    assert [p.name for p in tmp_path.iterdir()] == ["hasil.docx"]


def test_paper_and_font_settings():
    document = render(pengaturan={"kertas": "A4", "huruf": "Bookman Old Style", "ukuran_huruf": 11})
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert document.styles["Normal"].font.name == "Bookman Old Style"
    assert document.styles["Normal"].font.size.pt == 11
    f4 = render().sections[0]
    assert (round(f4.page_width.mm), round(f4.page_height.mm)) == (215, 330)
    assert f4.left_margin.cm >= 3 and f4.right_margin.cm >= 2 and f4.top_margin.cm >= 2 and f4.bottom_margin.cm >= 2.5


def test_every_part_uses_a_named_style():
    document = render(tembusan=["Ketua KPU RI"])
    used = {p.style.name for p in document.paragraphs if p.text.strip()}
    assert used <= {"Judul Keputusan", "Jabatan Penetap", "Memutuskan", "Penutup", "Jabatan Penandatangan",
                    "Nama Penandatangan", "Tembusan", "Normal"}
    assert {p.style.name for p in document.paragraphs if p.text == "Ketua KPU RI"} == {"Normal"}
    cell_styles = {p.style.name for t in document.tables for c in t._cells for p in c.paragraphs}
    assert {"Label", "Butir Menimbang", "Butir Mengingat", "Isi Diktum"} <= cell_styles


def test_last_diktum_row_holds_the_penutup_and_never_breaks():
    """The signature never stands on a page without decree text: the penutup stands in the last
    diktum's row, and that row cannot break across a page; the other diktum, a few lines each,
    are kept whole too (issue 18: a row of a few lines does not split)."""
    document = render()
    diktum_table = document.tables[-1]
    rows = diktum_table.rows
    can_split = [row._tr.trPr is None or row._tr.trPr.find(qn("w:cantSplit")) is None for row in rows]
    assert can_split == [False] * len(rows)
    last_text = [p.text for p in rows[-1].cells[2].paragraphs]
    assert last_text[0] == "Keputusan ini mulai berlaku pada tanggal ditetapkan."
    assert "Ditetapkan di Mataram" in last_text and "EDY PUTRAWAN" in last_text
    assert not any(p.text.startswith("Ditetapkan di") for p in document.paragraphs)
    assert not any("Ditetapkan" in p.text for row in rows[:-1] for c in row.cells for p in c.paragraphs)
