"""`check` reads what prints: the walk over every printed field (kpu_docs.checks.tercetak), held
to the rendered .docx, the gap and punctuation readers on their own, and the rules of issue 15
over the import corpus's real decrees."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from ruamel.yaml import YAML

from kpu_docs.checks import temuan
from kpu_docs.checks.penulisan import tanda_baca_ganda, tempat_isian
from kpu_docs.checks.rujukan import _label, diktum_ke
from kpu_docs.errors import format_path
from kpu_docs.formatting import ordinal_diktum
from kpu_docs.models import Keputusan
from kpu_docs.word.document import render_bytes
from tests.conftest import minimal_data

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MARKER = re.compile(r"\[ISI (\d+)\]")
NOT_TYPED = {"tanggal", "qr", "penomoran", "bentuk_nomor", "dalam", "status", "letak_jabatan", "letak_logo"}
"""Keys whose values are no typed text: a date, the QR code's content, choices among fixed values."""


def _rich_decree() -> dict:
    """A decree using every text field the models have, the Lampiran's every kind of block."""
    t = "teks"
    citation = {"jenis": "Undang-Undang", "nomor": "7", "tahun": 2017, "tentang": "Pemilihan Umum",
                "diundangkan": {"dalam": "lembaran_negara", "tahun": 2017, "nomor": "182", "tambahan": "6109"}}
    return {
        "instansi": "Komisi Pemilihan Umum Kota Mataram", "nomor": "12", "tahun": 2025, "tentang": "Tim Kerja",
        "pembukaan": "DENGAN RAHMAT TUHAN YANG MAHA ESA", "jabatan_penetap": "Ketua Komisi Pemilihan Umum",
        "kop": {"baris": ["KOMISI PEMILIHAN UMUM", "KOTA MATARAM"], "alamat": "Jalan Udayana", "telepon": "0370",
                "faksimile": "0371", "laman": "kpu.go.id", "pos_el": "kpu@kpu.go.id"},
        "menimbang": ["bahwa perlu tim", "bahwa tim perlu ditetapkan"],
        "menimbang_penutup": "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu",
        "mengingat": [
            "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945",
            {**citation, "beberapa_kali": True, "perubahan": [
                {**citation, "nomor": "1", "tahun": 2022, "tentang": "Perubahan Pertama"},
                {**citation, "nomor": "7", "tahun": 2023, "tentang": "Perubahan Kedua"}]},
            {**citation, "perubahan": [{**citation, "nomor": "1", "tahun": 2022, "tentang": "Perubahan"}]},
            {"jenis": "Peraturan Daerah Kota Mataram", "nomor": "3", "tahun": 2020, "tentang": "Tata Kerja",
             "diundangkan": {"dalam": "lembaran_daerah", "tahun": 2020, "nomor": "3", "wilayah": "Kota Mataram"}},
            {"jenis": "Keputusan Presiden", "nomor": "4/M"},
        ],
        "memperhatikan": ["Berita Acara Rapat Pleno", {"jenis": "Keputusan Komisi Pemilihan Umum", "nomor": "476",
                                                        "tahun": 2022, "tentang": "Pedoman"}],
        "menetapkan": "KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA MATARAM TENTANG TIM KERJA.",
        "diktum": [{"isi": "Tim bertugas:", "rincian": ["menyusun;", "melapor."],
                    "rincian_nilai": [{"label": "Ketua", "nilai": "Budi"}]}, "Keputusan ini berlaku."],
        "penutup": {"tempat": "Mataram", "tanggal": "2025-09-03", "penandatangan": {
            "jabatan": "Sekretaris", "nama": "Edy Putrawan", "nip": "1970", "pangkat": "Pembina",
            "atas_nama": "Ketua Komisi Pemilihan Umum", "untuk_beliau": "Kepala Bagian"},
            "tanda_tangan_elektronik": {"qr": "https://kpu.go.id/v/1", "keterangan": "Ditandatangani oleh:",
                                        "catatan_kaki": "Dokumen ini ditandatangani secara elektronik"}},
        "salinan": {"unit": "Sekretariat", "jabatan": "Kepala Subbagian", "nama": "Sri", "nip": "1980"},
        "disampaikan_kepada": ["Ketua KPU Provinsi", "Arsip"],
        "tembusan": ["Ketua KPU RI", "Arsip"],
        "lampiran": [{"judul": "Susunan Tim", "isi": [
            {"judul": t}, {"bagian": t}, {"paragraf": t},
            {"daftar": [t, {"butir": t, "isi": [{"daftar": [t, t]}, {"paragraf": t}]}], "penomoran": "1."},
            {"rincian_nilai": [{"label": t, "nilai": t}]},
            {"tabel": {"kolom": ["NO", "NAMA", "JABATAN"], "nomor_urut": True,
                       "baris": [[t, {"teks": t}], [{"teks": t, "gabung_kolom": 2}]]}},
            {"tabel_kelompok": {"kolom": ["NO", "KOMPONEN", "RENCANA", "TARGET"],
                                "kelompok": [{"nama": t, "baris": [[t, t], [t, t]]}]}},
            {"daftar_mengingat": True},
        ]}, {"isi": [t]}],
    }


def _mark(value, path: tuple, marks: dict[int, str]):
    """The data with " [ISI k]" after every typed text; marks maps k to the field path."""
    if isinstance(value, dict):
        return {key: v if key in NOT_TYPED or (not path and key == "pengaturan") else _mark(v, (*path, key), marks)
                for key, v in value.items()}
    if isinstance(value, list):
        return [_mark(v, (*path, i), marks) for i, v in enumerate(value)]
    if isinstance(value, str):
        k = len(marks) + 1
        marks[k] = format_path(path)
        return f"{value} [ISI {k}]"
    return value


def _printed_markers(docx: bytes) -> set[int]:
    """The markers a reader sees: in the body, the headers and the footers, run texts joined."""
    found: set[int] = set()
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        for name in archive.namelist():
            if re.fullmatch(r"word/(document|header[^/]*|footer[^/]*)\.xml", name):
                root = etree.fromstring(archive.read(name))
                for p in root.iter(f"{W}p"):
                    text = "".join(t.text or "" for t in p.iter(f"{W}t"))
                    found |= {int(k) for k in MARKER.findall(text)}
    return found


def test_the_gap_rule_reads_exactly_what_prints():
    """Every typed text of a decree using every field gets a marker "[ISI k]"; the markers the rule
    tempat-isian reports, at their field paths, are exactly those the rendered .docx shows."""
    marks: dict[int, str] = {}
    keputusan = Keputusan.model_validate(_mark(_rich_decree(), (), marks))
    printed = _printed_markers(render_bytes(keputusan))
    reported: dict[int, str] = {}
    for found in temuan(keputusan):
        if found.aturan == "tempat-isian":
            for k in MARKER.findall(found.pesan):
                reported[int(k)] = found.lokasi
    assert set(reported) == printed
    # a text in its short form (a string for a diktum, a list item, a paragraph) is named by the
    # field the model gives it: diktum[2].isi, daftar[1].butir, isi[1].paragraf
    assert {k: where for k, where in reported.items() if where != marks[k]} == {
        k: marks[k] + short for k in reported
        for short in (".isi", ".butir", ".paragraf") if reported[k] == marks[k] + short}
    # what is typed but does not print: the amendment before the last of one "beberapa kali diubah"
    assert {marks[k] for k in set(marks) - printed} == {
        f"mengingat[2].perubahan[1].{key}" for key in ("jenis", "nomor", "tentang", "diundangkan.nomor",
                                                        "diundangkan.tambahan")}
    assert len(printed) > 90


@pytest.mark.parametrize(("text", "lampiran", "gaps"), [
    ("Nomor [ISI NOMOR] Tahun 2025", False, ["[ISI NOMOR]"]),
    ("dijabat oleh [isi nama ketua] dan [ISI]", False, ["[isi nama ketua]", "[ISI]"]),
    ("sebesar Rp... setiap bulan", False, ["Rp..."]),
    ("sebesar Rp. ... setiap bulan", False, ["Rp. ..."]),
    ("tanggal … 2025", False, ["…"]),
    ("Desa. . . Kecamatan", False, ["Desa. . ."]),
    ("Nama : ..............", False, [".............."]),
    ("Nama : ..............", True, []),  # a form's dotted line in a Lampiran
    ("Nama : …", True, ["…"]),
    ("Nama : ……………", True, []),  # a dotted line typed in Word, which makes "..." an ellipsis character
    ("Nomor XXX ... [ISI NAMA]", True, ["XXX", "...", "[ISI NAMA]"]),
    ("Provinsi XXX, Kabupaten xxxx", False, ["XXX", "xxxx"]),
    ("Tahun 20XX", False, ["20XX"]),
    ("BAB XXX Ketentuan Peralihan", False, []),
    ("Pasal XXX", False, ["XXX"]),  # an article is numbered in Arabic figures
    ("berbunyi: “Anggota ... berjumlah lima orang”", False, []),
    ("berbunyi: \"Anggota [...] berjumlah lima orang\"", False, []),
    ("berbunyi: “...”", False, ["..."]),
    ("Maxxxi dan XXXI", False, []),
    ("selesai..", False, []),  # two dots: doubled punctuation, not a gap
])
def test_gaps_in_a_text(text, lampiran, gaps):
    assert tempat_isian(text, lampiran=lampiran) == gaps


@pytest.mark.parametrize(("text", "doubled"), [
    ("Pemilihan Umum;.", ["Pemilihan Umum;."]),
    ("a;; b,, c ,; d : .", ["a;;", "b,,", "c ,;", "d : ."]),
    ("berlaku.. Selesai. .", ["berlaku..", "Selesai. ."]),
    ("Budi Santoso, S.H., M.H.", []),
    ("rencana, jadwal, dll.;", []),
    ("pukul 10.00 di https://kpu.go.id: hadir", []),
    ("tanggal ... 2025;", []),  # the ellipsis is tempat-isian's
    ("tanggal …;", []),
])
def test_doubled_punctuation_in_a_text(text, doubled):
    assert tanda_baca_ganda(text) == doubled


def test_diktum_ordinals_read_as_they_print():
    for n in range(1, 100):
        label = ordinal_diktum(n)
        assert diktum_ke(label) == n
        assert diktum_ke(label.lower()) == n
        assert _label(n) == f"Diktum {label}"
    assert diktum_ke("PERTAMA") == 1


# -- the import corpus: real decrees ----------------------------------------------------------

CORPUS = Path(__file__).resolve().parents[1] / "importing" / "corpus"
ISSUE_15_RULES = {"tempat-isian", "tanda-baca-ganda", "rujukan-diktum", "rujukan-huruf", "rujukan-lampiran",
                  "pengundangan-tahun"}
CORPUS_FINDINGS = {
    # The diktum refers to "Lampiran I" and "Lampiran" that the excerpt (a blog's copy) and the
    # source file leave out: the decrees have them, the gold files cannot.
    "kpu-ntb-147-2012": [("rujukan-lampiran", "diktum[1].isi")],
    "kulonprogo-296-2012": [("rujukan-lampiran", "diktum[1].isi")],
    "lapan-046-1997": [("rujukan-lampiran", "diktum[1].isi")],  # "termuat dalam lampiran Keputusan ini"
    "lapan-110-2004": [("tanda-baca-ganda", "diktum[1].isi")],  # PERTAMA ends "kompleks/khusus;." as signed
    # A blank form: the desa is dots, in the title and the closing Menimbang.
    "pps-margasari-tegal-2019": [("tempat-isian", "tentang"), ("tempat-isian", "menimbang_penutup")],
}


def _gold(path: Path) -> Keputusan:
    """A gold file as a decree; a partial one (an excerpt) completed with the minimal decree's
    parts it lacks, which no rule of issue 15 finds anything in."""
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    data.pop("logo", None)
    for key, value in minimal_data().items():
        data.setdefault(key, value)
    return Keputusan.model_validate(data)


GOLD = sorted(CORPUS.glob("*.gold.yaml"))


def test_the_corpus_is_there():
    assert len(GOLD) >= 16 and set(CORPUS_FINDINGS) <= {p.name.removesuffix(".gold.yaml") for p in GOLD}


@pytest.mark.parametrize("path", GOLD, ids=[p.name for p in GOLD])
def test_real_decrees_get_only_their_true_findings(path):
    name = path.name.removesuffix(".gold.yaml")
    found = [(t.aturan, t.lokasi) for t in temuan(_gold(path)) if t.aturan in ISSUE_15_RULES]
    assert found == CORPUS_FINDINGS.get(name, [])
