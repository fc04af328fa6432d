"""Hand-written decrees (typed text, a .docx made in Word) read line by line into the model."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from docx import Document

import kpu_docs
from kpu_docs import plaintext
from kpu_docs.importing import import_docx, import_file, import_text

DATA = Path(__file__).parent / "data"


def imported(name: str):
    result = import_file(DATA / name)
    kpu_docs.from_data(result.data)  # validates
    return result


def test_bupati_title_without_tentang_line():
    r = imported("keputusan-bupati.txt")
    d = r.data
    assert d["instansi"] == "Bupati Lombok Barat"
    assert d["nomor"] == "188.45/52/BPBD/2024"
    assert d["tahun"] == 2024  # from the date: a number with "/" prints without TAHUN
    # no TENTANG line in the title: the subject is read anyway, its casing from the closing Menimbang
    assert d["tentang"] == "Pembentukan Tim Reaksi Cepat Penanggulangan Bencana Kabupaten Lombok Barat"
    assert d["pembukaan"] == "DENGAN RAHMAT TUHAN YANG MAHA ESA"
    assert d["jabatan_penetap"] == "Bupati Lombok Barat"
    assert d["kop"] == {"baris": ["PEMERINTAH KABUPATEN LOMBOK BARAT"], "alamat": "Jalan Soekarno-Hatta Nomor 1 Gerung"}


def test_bupati_konsiderans():
    d = imported("keputusan-bupati.txt").data
    # "MENIMBANG :" in capitals, items wrapped over lines; the closing point equals the generated one
    assert d["menimbang"] == [
        "bahwa untuk menangani bencana di Kabupaten Lombok Barat secara cepat dan terpadu perlu dibentuk tim reaksi cepat"
    ]
    assert "menimbang_penutup" not in d
    # "Mengingat<tab>:<tab>1." with "Undang-undang ... tahun" normalised; a page number between items
    assert d["mengingat"][0]["jenis"] == "Undang-Undang"
    assert d["mengingat"][0]["diundangkan"] == {"dalam": "lembaran_negara", "tahun": 2007, "nomor": "66", "tambahan": "4723"}
    assert d["mengingat"][1] == {"jenis": "Peraturan Daerah Kabupaten Lombok Barat", "nomor": "3", "tahun": 2020, "tentang": "Penanggulangan Bencana"}
    assert d["mengingat"][2].startswith("Surat Edaran Kepala Badan Nasional") and d["mengingat"][2].endswith("Musim Hujan")
    assert "menetapkan" not in d  # the same as generated from the title


def test_bupati_diktum_and_closing():
    r = imported("keputusan-bupati.txt")
    d = r.data
    assert d["pengaturan"] == {"gaya_diktum": "pertama", "tanda_tangan": "ttd"}
    assert d["diktum"][0].startswith("Membentuk Tim Reaksi Cepat") and d["diktum"][0].endswith("Keputusan ini.")
    assert d["diktum"][1] == {
        "isi": "Tim sebagaimana dimaksud dalam Diktum PERTAMA bertugas:",
        "rincian": ["melakukan kaji cepat lokasi bencana;", "memberikan bantuan darurat kepada korban bencana."],
    }
    assert d["penutup"] == {
        "tempat": "Gerung",
        "tanggal": datetime.date(2024, 1, 15),
        "penandatangan": {
            "jabatan": "Sekretaris Daerah", "nama": "H. Ilham", "nip": "19700101 199003 1 001", "atas_nama": "Bupati Lombok Barat",
        },
    }
    assert d["salinan"] == {
        "unit": "Sekretariat Daerah Kabupaten Lombok Barat", "jabatan": "Kepala Bagian Hukum",
        "nama": "Lalu Ahmad, S.H.", "nip": "19800202 200501 1 002",
    }
    assert d["tembusan"] == ["Gubernur Nusa Tenggara Barat di Mataram;", "Ketua DPRD Kabupaten Lombok Barat di Gerung."]


def test_bupati_lampiran_nests_letters_under_numbers():
    (lampiran,) = imported("keputusan-bupati.txt").data["lampiran"]
    assert lampiran["judul"] == "SUSUNAN TIM REAKSI CEPAT"
    assert lampiran["tanggal_di_kepala"] is True
    assert "tanda_tangan" not in lampiran  # signed
    assert lampiran["isi"] == [
        {"bagian": "Ketentuan Umum"},
        {"paragraf": "Tim terdiri atas unsur perangkat daerah yang menangani kebencanaan dan unsur lain yang ditugaskan oleh Bupati."},
        {"bagian": "Susunan"},
        {"daftar": [
            {"butir": "Pengarah", "isi": [{"daftar": ["Bupati Lombok Barat;", "Wakil Bupati Lombok Barat."]}]},
            {"butir": "Pelaksana", "isi": [{"daftar": ["Kepala Pelaksana BPBD;", "Kepala Dinas Sosial."]}]},
        ]},
    ]


def test_bupati_reports_what_it_cannot_place():
    result = imported("keputusan-bupati.txt")
    assert any("(paraf koordinasi)" in n and n.startswith("baris 32") for n in result.tidak_terbaca)
    # the page number is dropped, but not silently: listed apart from what could not be placed
    assert [d for d in result.dibuang if "- 2 -" in d] and not [n for n in result.tidak_terbaca if "- 2 -" in n]


def test_sumbawa_compact_layout():
    r = imported("keputusan-kpu-sumbawa.txt")
    d = r.data
    assert (d["instansi"], d["nomor"], d["tahun"]) == ("Komisi Pemilihan Umum Kabupaten Sumbawa", "7", 2025)
    assert d["jabatan_penetap"] == "Ketua Komisi Pemilihan Umum Kabupaten Sumbawa"
    assert d["menimbang"] == ["bahwa laman resmi Komisi Pemilihan Umum Kabupaten Sumbawa perlu dikelola secara tertib dan berkelanjutan"]
    # the decree's own closing point names another subject: kept verbatim
    assert d["menimbang_penutup"].endswith("tentang Tim Pengelola Laman Resmi")
    assert [m["nomor"] for m in d["mengingat"]] == ["7", "14"]
    # "KESATU:" with a tab, text wrapped on the next line
    assert d["diktum"][0].endswith("sebagaimana tercantum dalam Lampiran Keputusan ini.")
    assert d["penutup"]["tempat"] == "Sumbawa Besar"
    assert d["penutup"]["tanggal"] == datetime.date(2025, 5, 2)
    assert d["penutup"]["penandatangan"] == {"jabatan": "Ketua Komisi Pemilihan Umum Kabupaten Sumbawa", "nama": "Rahmat Hidayat"}
    assert "pengaturan" not in d  # no ttd: space to sign
    (lampiran,) = d["lampiran"]
    assert lampiran["judul"] == "SUSUNAN TIM PENGELOLA LAMAN"
    assert lampiran["isi"][2] == {"tabel": {"kolom": ["NO", "NAMA", "JABATAN DALAM TIM"], "baris": [
        ["1", "Andi Saputra", "Ketua"], ["2", "Budi Santoso", "Anggota"], ["3", "Citra Lestari", "Anggota"]]}}
    assert lampiran["isi"][4] == {"daftar": ["Memperbarui berita setiap hari kerja;", "Menjaga keamanan laman."]}
    assert "baris 21 (penutup): Catatan: berkas ini diketik ulang dari arsip" in r.tidak_terbaca
    assert any(n.startswith("catatan: tentang") for n in r.tidak_terbaca)


def test_text_imports_render(tmp_path):
    for name in ("keputusan-bupati.txt", "keputusan-kpu-sumbawa.txt"):
        keputusan = kpu_docs.from_data(imported(name).data)
        (path,) = kpu_docs.render(keputusan, tmp_path / f"{name}.docx")
        # and our own rendering of it imports exactly
        again = import_file(path)
        assert kpu_docs.from_data(again.data) == keputusan.model_copy(update={"tentang": again.data.get("tentang")})


def handmade_docx():
    """A decree typed in Word: plain paragraphs, tabs and typed labels, a layout table for Menimbang."""
    document = Document()
    add = document.add_paragraph
    add("KEPUTUSAN KETUA KOMISI PEMILIHAN UMUM KOTA BIMA")
    add("NOMOR 3 TAHUN 2025")
    add("TENTANG")
    add("PENETAPAN JADWAL RAPAT PLENO")
    add("")
    add("KETUA KOMISI PEMILIHAN UMUM KOTA BIMA,")
    table = document.add_table(rows=1, cols=3)
    cells = table.rows[0].cells
    cells[0].text = "Menimbang"
    cells[1].text = ":"
    cells[2].text = "a.\tbahwa rapat pleno perlu dijadwalkan secara tetap;"
    cells[2].add_paragraph(
        "b.\tbahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan "
        "Keputusan Ketua Komisi Pemilihan Umum Kota Bima tentang Penetapan Jadwal Rapat Pleno;"
    )
    add("Mengingat\t:\tUndang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum (Lembaran Negara Republik "
        "Indonesia Tahun 2017 Nomor 182, Tambahan Lembaran Negara Republik Indonesia Nomor 6109);")
    add("Memperhatikan\t:\tHasil rapat koordinasi tanggal 2 Januari 2025.")
    add("MEMUTUSKAN:")
    add("Menetapkan\t:\tKEPUTUSAN KETUA KOMISI PEMILIHAN UMUM KOTA BIMA TENTANG PENETAPAN JADWAL RAPAT PLENO.")
    add("KESATU\t:\tMenetapkan jadwal rapat pleno setiap hari Senin pukul 09.00.")
    add("KEDUA\t:\tKeputusan ini mulai berlaku pada tanggal ditetapkan.")
    add("")
    add("\t\t\t\tDitetapkan di\t: Bima")
    add("\t\t\t\tpada tanggal\t: 6 Januari 2025")
    add("\t\t\t\tKETUA KOMISI PEMILIHAN UMUM KOTA BIMA,")
    add("\t\t\t\tttd")
    add("\t\t\t\tNURUL HUDA")
    return document


def test_handmade_docx():
    document = handmade_docx()
    r = import_docx(document)
    d = r.data
    kpu_docs.from_data(d)
    assert d["instansi"] == "Ketua Komisi Pemilihan Umum Kota Bima"
    assert d["tentang"] == "Penetapan Jadwal Rapat Pleno"
    assert d["menimbang"] == ["bahwa rapat pleno perlu dijadwalkan secara tetap"]
    assert "menimbang_penutup" not in d and "menetapkan" not in d
    assert d["mengingat"] == [{
        "jenis": "Undang-Undang", "nomor": "7", "tahun": 2017, "tentang": "Pemilihan Umum",
        "diundangkan": {"dalam": "lembaran_negara", "tahun": 2017, "nomor": "182", "tambahan": "6109"},
    }]
    assert d["memperhatikan"] == ["Hasil rapat koordinasi tanggal 2 Januari 2025"]
    assert d["diktum"] == [
        "Menetapkan jadwal rapat pleno setiap hari Senin pukul 09.00.",
        "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
    ]
    assert d["penutup"] == {
        "tempat": "Bima", "tanggal": datetime.date(2025, 1, 6),
        "penandatangan": {"jabatan": "Ketua Komisi Pemilihan Umum Kota Bima", "nama": "Nurul Huda"},
    }
    assert d["pengaturan"] == {"tanda_tangan": "ttd"}
    assert r.tidak_terbaca == []


def test_handmade_docx_file(tmp_path):
    path = tmp_path / "ketik-tangan.docx"
    handmade_docx().save(str(path))
    assert import_file(path).data == import_docx(handmade_docx()).data


def test_unplaced_text_is_reported_not_dropped():
    text = (DATA / "keputusan-kpu-sumbawa.txt").read_text(encoding="utf-8")
    text = text.replace("MEMUTUSKAN\n", "MEMUTUSKAN\nHalaman ini sengaja dikosongkan\n")
    r = import_text(text)
    assert any("Halaman ini sengaja dikosongkan" in n for n in r.tidak_terbaca)
    every_line = "\n".join(plaintext.lines(kpu_docs.render_docx(kpu_docs.from_data(r.data)))) + "\n".join(r.tidak_terbaca)
    assert "Halaman ini sengaja dikosongkan" in every_line


def test_unknown_suffix_is_refused(tmp_path):
    path = tmp_path / "keputusan.odt"
    path.write_bytes(b"PK")
    with pytest.raises(ValueError, match=r".docx, .pdf, .txt atau gambar halaman \(.png, .jpg, .tif\)"):
        import_file(path)


def test_broken_pdf_is_refused(tmp_path):
    path = tmp_path / "keputusan.pdf"
    path.write_bytes(b"%PDF")
    with pytest.raises(ValueError, match="bukan berkas PDF yang dapat dibaca"):
        import_file(path)


def test_handmade_docx_lampiran_with_word_table():
    document = handmade_docx()
    add = document.add_paragraph
    add("LAMPIRAN")
    add("KEPUTUSAN KETUA KOMISI PEMILIHAN UMUM KOTA BIMA")
    add("NOMOR 3 TAHUN 2025")
    add("TENTANG")
    add("PENETAPAN JADWAL RAPAT PLENO")
    add("")
    add("JADWAL RAPAT PLENO")
    add("A.\tJadwal")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([("NO", "HARI", "KEGIATAN"), ("1", "Senin", "Rapat pleno rutin"), ("2", "Kamis", "Evaluasi")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    add("B.\tKetentuan Lain")
    add("Jadwal dapat diubah sesuai kebutuhan.")
    add("\t\t\t\tKETUA KOMISI PEMILIHAN UMUM KOTA BIMA,")
    add("\t\t\t\tttd")
    add("\t\t\t\tNURUL HUDA")
    r = import_docx(document)
    kpu_docs.from_data(r.data)
    assert r.tidak_terbaca == []
    (lampiran,) = r.data["lampiran"]
    assert lampiran["judul"] == "JADWAL RAPAT PLENO"
    assert lampiran["isi"] == [
        {"bagian": "Jadwal"},
        {"tabel": {"kolom": ["NO", "HARI", "KEGIATAN"], "baris": [["1", "Senin", "Rapat pleno rutin"], ["2", "Kamis", "Evaluasi"]]}},
        {"bagian": "Ketentuan Lain"},
        {"paragraf": "Jadwal dapat diubah sesuai kebutuhan."},
    ]


@pytest.mark.parametrize(
    ("a", "b", "joined"),
    [
        ("Arsip Keuang-", "an di lingkungan", "Arsip Keuangan di lingkungan"),  # a typist's break
        ("Tahun 1994 tang -", "gal 15 April", "Tahun 1994 tanggal 15 April"),  # a typewriter's " -"
        ("belum di-", "tetapkan.", "belum ditetapkan."),
        ("Ketentuan-Keten-", "tuan Pokok", "Ketentuan-Ketentuan Pokok"),
        ("Peraturan Perundang-", "undangan", "Peraturan Perundang-undangan"),  # reduplication keeps it
        ("secara terus-", "menerus", "secara terus-menerus"),
        ("sehari -", "hari", "sehari-hari"),
        ("Nomor Kep/076/-", "VI/1994 tanggal", "Nomor Kep/076/VI/1994 tanggal"),  # a number broken after "/"
        ("Undang-", "Undang Nomor 7", "Undang- Undang Nomor 7"),  # capitals: left for the citation reader
    ],
)
def test_a_word_hyphenated_at_the_line_end_is_one_word(a, b, joined):
    from kpu_docs.importing.lines import Wrapped, join

    assert join(a, b) == joined
    wrapped = Wrapped(a)
    wrapped.add(b)
    assert str(wrapped) == joined


def test_typewritten_items_hyphenated_at_line_ends():
    r = import_text(
        "KEPUTUSAN KETUA LEMBAGA\nNOMOR : KEP/1/IV/1997\nTENTANG\nJADWAL RETENSI ARSIP\nKETUA LEMBAGA\n"
        "Menimbang : a. Bahwa Rencana Jadwal Retensi Arsip Keuang-\nan telah mendapat persetujuan.\n"
        "Mengingat : 1. Peraturan Pemerintah Nomor 34 Tahun 1979 tentang Penyusut-\nan Arsip.\n"
        "MEMUTUSKAN\nMenetapkan : KEPUTUSAN KETUA LEMBAGA TENTANG JADWAL RETENSI ARSIP\n"
        "Pertama : Mensahkan berlakunya Jadwal Retensi Arsip seperti termuat dalam lampiran Keputusan ini sebagai perangkat lu -\n"
        "nak.\nDitetapkan di : Jakarta\nPada tanggal : 24 April 1997\nKETUA LEMBAGA,\nDrs. AMIR\n"
    )
    assert r.data["menimbang"][0] == "Bahwa Rencana Jadwal Retensi Arsip Keuangan telah mendapat persetujuan"
    assert r.data["mengingat"][0]["tentang"] == "Penyusutan Arsip"
    assert r.data["diktum"][0].endswith("sebagai perangkat lunak.")


def test_a_number_wrapped_to_the_line_start_is_no_list_label():
    r = import_text(
        "KEPUTUSAN BUPATI DONGGALA\nNOMOR : 188.45/057A/BKPSDM/2025\nTENTANG\nPENETAPAN TIM PENILAI\nBUPATI DONGGALA,\n"
        "Menimbang : a. bahwa perlu menetapkan Keputusan Bupati tentang Penetapan Tim Penilai;\n"
        "Memperhatikan : 1. Surat Kementerian Dalam Negeri Nomor\n100.2.2.6/4845/OTDA Perihal Persetujuan Pelaksanaan;\n"
        "2. Surat Badan Kepegawaian Negara Nomor 13887/R-\nAK.02.03/SD/K/2025 Perihal Persetujuan Rencana.\n"
        "12.melaksanakan tata kelola.\n"
        "MEMUTUSKAN :\nKESATU : Penetapan Tim Penilai.\nDitetapkan di Donggala\npada tanggal 13 Oktober 2025\nBUPATI DONGGALA,\nVERA\n"
    )
    assert r.data["memperhatikan"] == [
        "Surat Kementerian Dalam Negeri Nomor 100.2.2.6/4845/OTDA Perihal Persetujuan Pelaksanaan",
        "Surat Badan Kepegawaian Negara Nomor 13887/R-AK.02.03/SD/K/2025 Perihal Persetujuan Rencana",
        "melaksanakan tata kelola",  # OCR runs a label into its text: still a label
    ]


def test_a_diktum_sub_list_labelled_in_capitals_keeps_its_numbered_items_in_the_text():
    r = import_text(
        "KEPUTUSAN BUPATI DONGGALA\nNOMOR 1 TAHUN 2025\nTENTANG\nTIM PENILAI\nBUPATI DONGGALA,\n"
        "Menimbang : a. bahwa perlu menetapkan tim;\nMEMUTUSKAN :\nKESATU : Membentuk tim.\n"
        "KEDUA : Tim mempunyai tugas sebagai berikut :\nA. Ketua Tim Assesor:\n1. Mengkoordinasikan tugas; dan\n"
        "2. Memantau kinerja.\nB. Assesor:\n1. Membantu Panitia Seleksi\ndalam penilaian.\n"
        "H. AHMAD tetap menjadi teks bila tidak pada urutannya.\n"
        "Ditetapkan di Donggala\npada tanggal 13 Oktober 2025\nBUPATI DONGGALA,\nVERA\n"
    )
    assert r.data["diktum"][1] == {
        "isi": "Tim mempunyai tugas sebagai berikut :",
        "rincian": [
            "Ketua Tim Assesor: 1. Mengkoordinasikan tugas; dan 2. Memantau kinerja.",
            "Assesor: 1. Membantu Panitia Seleksi dalam penilaian. H. AHMAD tetap menjadi teks bila tidak pada urutannya.",
        ],
    }


def test_place_and_date_on_one_line_and_a_blogs_advertisement_label():
    r = import_text(
        "KEPUTUSAN KOMISI PEMILIHAN UMUM PROVINSI NUSA TENGGARA BARAT\nNOMOR : 147/Kpts/KPU-Prov-017/2012\nTENTANG\n"
        "PEDOMAN TEKNIS\nKOMISI PEMILIHAN UMUM PROVINSI NUSA TENGGARA BARAT\n\nMenimbang : dst…\n\n"
        "KESATU : Pedoman Teknis sebagaimana tercantum dalam Lampiran.\n\n"
        "Ditetapkan di Mataram Pada tanggal 20 November 2012   \nKetua,\n\nttd\nFAUZAN KHALID\n\nIklan\n"
    )
    assert r.data["penutup"]["tempat"] == "Mataram"
    assert r.data["penutup"]["tanggal"] == datetime.date(2012, 11, 20)
    assert r.data["penutup"]["penandatangan"] == {"jabatan": "Ketua", "nama": "Fauzan Khalid"}
    assert r.dibuang == ["baris 17 (keterangan situs): Iklan"]
    assert not [n for n in r.tidak_terbaca if n.startswith("baris")]


def test_an_excerpt_that_opens_inside_the_menimbang():
    r = import_text(
        "-2-\ntentang Tata Kerja Komisi Pemilihan Umum, dalam penyelenggaraan\nPemilihan Umum;\n"
        "d. bahwa sesuai dengan salah satu misi KPU;\n"
        "e. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, huruf b, huruf c, dan huruf d\n"
        "perlu menetapkan Keputusan Komisi Pemilihan Umum tentang Program Penyusunan;\n"
        "Mengingat : 1. Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum;\n"
    )
    assert r.data["menimbang"] == [
        "tentang Tata Kerja Komisi Pemilihan Umum, dalam penyelenggaraan Pemilihan Umum",
        "bahwa sesuai dengan salah satu misi KPU",
    ]
    assert r.data["menimbang_penutup"].startswith("bahwa berdasarkan pertimbangan")
    assert "catatan: teks dimulai di tengah Menimbang (baris 2); dibaca sebagai Menimbang" in r.tidak_terbaca
    assert not [n for n in r.tidak_terbaca if n.startswith("baris")]
