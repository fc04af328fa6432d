"""Every rule of `check`: a case it catches and a clean case next to it, on the smallest decree.

CASES holds, per rule id, a change to the minimal decree that the rule catches (with the field
path of the finding) and one that it must let pass; test_every_rule_has_its_cases keeps every
registered rule in the table.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from kpu_docs.checks import ATURAN, NOMOR_KOSONG, periksa, periksa_nomor, temuan
from kpu_docs.checks.konsiderans import cited_letters
from kpu_docs.checks.libur import libur_nasional
from kpu_docs.models import Keputusan
from tests.conftest import minimal_data

Change = Callable[[dict], None]

UU_7_2017 = {"jenis": "Undang-Undang", "nomor": "7", "tahun": 2017, "tentang": "Pemilihan Umum",
             "diundangkan": {"dalam": "lembaran_negara", "tahun": 2017, "nomor": "182", "tambahan": "6109"}}
UU_1_2015 = {"jenis": "Undang-Undang", "nomor": "1", "tahun": 2015, "tentang": "Penetapan Perppu 1/2014",
             "diundangkan": {"dalam": "lembaran_negara", "tahun": 2015, "nomor": "23", "tambahan": "5656"}}
PERPRES = {"jenis": "Peraturan Presiden", "nomor": "49", "tahun": 2015, "tentang": "Lembaga Penerbangan",
           "diundangkan": {"dalam": "lembaran_negara", "tahun": 2015, "nomor": "91"}}
PERMEN = {"jenis": "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "nomor": "90",
          "tahun": 2021, "tentang": "Pembangunan dan Evaluasi Zona Integritas",
          "diundangkan": {"dalam": "berita_negara", "tahun": 2021, "nomor": "1571"}}
KEPPRES = {"jenis": "Keputusan Presiden", "nomor": "4/M", "tahun": 2014}
PKPU = {"jenis": "Peraturan Komisi Pemilihan Umum", "nomor": "8", "tahun": 2019, "tentang": "Tata Kerja",
        "diundangkan": {"dalam": "berita_negara", "tahun": 2019, "nomor": "320"}}


def _set(**fields) -> Change:
    return lambda data: data.update(fields)


def _date(iso: str) -> Change:
    return lambda data: data["penutup"].update(tanggal=datetime.date.fromisoformat(iso))


def _signer(**fields) -> Change:
    return lambda data: data["penutup"]["penandatangan"].update(fields)


def _setting(**fields) -> Change:
    return lambda data: data.setdefault("pengaturan", {}).update(fields)


def _mengingat(*items) -> Change:
    return _set(mengingat=["Undang-Undang Dasar Negara Republik Indonesia Tahun 1945", *items])


def _both(*changes: Change) -> Change:
    def apply(data: dict) -> None:
        for change in changes:
            change(data)
    return apply


def _diktum(*items) -> Change:
    return _set(diktum=list(items))


CLOSING_DIKTUM = "Keputusan ini mulai berlaku pada tanggal ditetapkan."
TIGA_HURUF = {"isi": "Tim Kerja bertugas:", "rincian": ["menyusun rencana;", "melaksanakan rencana; dan",
                                                          "melaporkan hasil."]}
LAMPIRAN = {"judul": "Susunan Tim Kerja", "isi": ["Ketua: Budi Santoso"]}

NAME = "Komisi Pemilihan Umum Kota Mataram"
CLOSING = ("bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam {}, perlu menetapkan Keputusan "
           f"{NAME} tentang {{}}")

# rule id: [(change caught, field path of the finding), ...], [change that passes, ...]
CASES: dict[str, tuple[list[tuple[Change, str]], list[Change]]] = {
    "abaikan-tidak-dikenal": (
        [(_setting(abaikan_periksa=["judul-seragan"]), "pengaturan.abaikan_periksa[1]")],
        [_setting(abaikan_periksa=["judul-seragam", "tanggal-libur"])]),
    "nomor-kosong": (
        [(_set(nomor=NOMOR_KOSONG), "nomor"), (_set(nomor=f"{NOMOR_KOSONG}/PP.04.1-Kpt/5201/2025"), "nomor")],
        [_set(nomor="12")]),
    "tanggal-tahun": (
        [(_set(tahun=2026), "penutup.tanggal")],
        [_both(_set(tahun=2026), _date("2026-09-03"))]),
    "nomor-pola": (
        [(_set(nomor="45/PP.04.1-Kpt/5201/2025", pola_nomor="{urut}/PP.04.1-Kpt/5202/{tahun}"), "nomor")],
        [_set(nomor="45/PP.04.1-Kpt/5201/2025", pola_nomor="{urut}/PP.04.1-Kpt/5201/{tahun}")]),
    "nomor-tahun": (  # the issue: a nomor ending in /2025 with tahun 2026
        [(_both(_set(nomor="12/PL.01-Kpt/2025", tahun=2026), _date("2026-09-03")), "nomor")],
        [_both(_set(nomor="12/PL.01-Kpt/2026", tahun=2026), _date("2026-09-03")), _set(nomor="12")]),
    "nomor-bulan": (
        [(_set(nomor="314/ORT.07-Kpt/01/KPU/V/2025"), "nomor")],
        [_set(nomor="314/ORT.07-Kpt/01/KPU/IX/2025")]),
    "menimbang-bahwa": (
        [(_set(menimbang=["bahwa perlu dibentuk tim", "perlu ditetapkan"]), "menimbang[2]")],
        [_set(menimbang=["bahwa perlu dibentuk tim", "Bahwa tim perlu ditetapkan"])]),
    "menimbang-huruf": (  # the reference decree: "huruf a" for two considerations
        [(_set(menimbang_penutup=CLOSING.format("huruf a", "Pembentukan Tim Kerja")), "menimbang_penutup"),
         (_set(menimbang_penutup=CLOSING.format("huruf a, huruf b, dan huruf c", "Pembentukan Tim Kerja")),
          "menimbang_penutup")],
        [_set(menimbang_penutup=CLOSING.format("huruf a dan huruf b", "Pembentukan Tim Kerja")),
         _set(menimbang_penutup=None), _set(menimbang_penutup="")]),
    "judul-seragam": (  # the reference decree: "Rencana Aksi" in the title, "Rencana Kerja" elsewhere
        [(_set(menetapkan=f"KEPUTUSAN {NAME.upper()} TENTANG PEMBENTUKAN TIM KERJA PEMILU."), "menetapkan"),
         (_set(menimbang_penutup=CLOSING.format("huruf a dan huruf b", "Pembentukan Tim Pelaksana")),
          "menimbang_penutup"),
         (_set(menetapkan=f"KEPUTUSAN {NAME.upper()} TENTANG PEMBENTUKAN TIM PELAKSANA.",
               menimbang_penutup=CLOSING.format("huruf a dan huruf b", "Pembentukan Tim Pelaksana")), "tentang")],
        [_set(menetapkan=f"KEPUTUSAN {NAME.upper()} TENTANG PEMBENTUKAN TIM KERJA.",
              menimbang_penutup=CLOSING.format("huruf a dan huruf b", "Pembentukan /{Tim Kerja}/ (TK);")),
         _set(menetapkan="", menimbang_penutup=""), _set(tentang=None)]),
    "urutan-hierarki": (
        [(_set(mengingat=[UU_7_2017, "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945"]), "mengingat[2]"),
         (_mengingat(PERMEN, PERPRES), "mengingat[3]"),
         (_mengingat("Peraturan Bupati Lombok Barat Nomor 3 Tahun 2020 tentang Tata Kerja",
                     "Pasal 5 Peraturan Daerah Kabupaten Lombok Barat Nomor 1 Tahun 2019"), "mengingat[3]")],
        # the issue: a Peraturan Menteri after a Keputusan Presiden is no break of the hierarchy
        [_mengingat(PERPRES, KEPPRES, PERMEN), _mengingat(KEPPRES, UU_7_2017, PKPU),
         _mengingat(UU_7_2017, {"jenis": "Keputusan Komisi Pemilihan Umum", "nomor": "476", "tahun": 2022}, PKPU)]),
    "urutan-kronologis": (  # the issue: UU 7/2017 before UU 1/2015
        [(_mengingat(UU_7_2017, UU_1_2015), "mengingat[3]"),
         (_mengingat({**UU_7_2017, "nomor": "10", "tahun": 2016}, {**UU_7_2017, "nomor": "8", "tahun": 2016}),
          "mengingat[3]"),
         (_mengingat(UU_7_2017, "Undang-Undang Nomor 1 Tahun 2015 tentang Penetapan Perppu 1/2014"), "mengingat[3]"),
         (_set(memperhatikan=["Keputusan Komisi Pemilihan Umum Nomor 534 Tahun 2022 tentang Perubahan",
                              "Keputusan Komisi Pemilihan Umum Nomor 476 Tahun 2022 tentang Pedoman"]),
          "memperhatikan[2]")],
        [_mengingat(UU_1_2015, UU_7_2017), _mengingat(PERMEN, PKPU),  # other kinds: not compared
         _mengingat({**PERMEN, "jenis": PERMEN["jenis"] + " Republik Indonesia", "nomor": "90", "tahun": 2021},
                    {**PERMEN, "nomor": "10", "tahun": 2022})]),
    "pengundangan-media": (
        [(_mengingat({**PERMEN, "diundangkan": {"dalam": "lembaran_negara", "tahun": 2021, "nomor": "1571"}}),
          "mengingat[2]"),
         (_mengingat({**UU_7_2017, "diundangkan": {"dalam": "berita_negara", "tahun": 2017, "nomor": "182"}}),
          "mengingat[2]"),
         (_mengingat({**UU_7_2017, "perubahan": [{**PKPU, "jenis": "Peraturan Pemerintah Pengganti Undang-Undang"}]}),
          "mengingat[2].perubahan[1]")],
        [_mengingat(PERMEN, PKPU, PERPRES)]),
    "tambahan-kosong": (
        [(_mengingat({**UU_7_2017, "diundangkan": {"dalam": "lembaran_negara", "tahun": 2017, "nomor": "182"}}),
          "mengingat[2]")],
        [_mengingat(PERPRES)]),  # the issue: a Peraturan Presiden has no Tambahan
    "tambahan-tanpa-penjelasan": (  # a Tambahan number cited for a kind that has none
        [(_mengingat({**PERPRES, "diundangkan": {**PERPRES["diundangkan"], "tambahan": "5699"}}), "mengingat[2]")],
        [_mengingat(UU_7_2017), _mengingat(PERPRES)]),
    "tanggal-libur": (
        [(_date("2025-09-07"), "penutup.tanggal"),  # a Sunday
         (_date("2025-09-05"), "penutup.tanggal"),  # Maulid Nabi, SKB 2025
         (_both(_set(tahun=2024), _date("2024-02-14")), "penutup.tanggal"),  # Pemilu, Keppres 10/2024
         (_both(_set(tahun=2027), _date("2027-08-17")), "penutup.tanggal")],  # a fixed date in any year
        [_date("2025-09-06"),  # a Saturday
         _date("2025-08-18"),  # cuti bersama, not a holiday
         _both(_set(tahun=2026), _date("2026-12-24"))]),
    "nama-gelar": (
        [(_signer(nama="Dr. Budi Santoso, S.H., M.H."), "penutup.penandatangan.nama"),
         (_signer(nama="Drs. Budi Santoso"), "penutup.penandatangan.nama"),
         (_signer(nama="Prof. Ir. Sri Hartati"), "penutup.penandatangan.nama"),
         (_signer(nama="Budi Santoso, M.Si."), "penutup.penandatangan.nama"),
         (_signer(nama="Budi Santoso, SE"), "penutup.penandatangan.nama")],
        [_signer(nama="Moch. Wanyurridho"), _signer(nama="H. Budi Santoso"),
         _both(_signer(nama="Dr. Budi Santoso, S.H."), _setting(nama_penandatangan="seperti_ditulis"))]),
    "jabatan-status": (
        [(_signer(jabatan="Plt. Kepala Biro", status="Plt."), "penutup.penandatangan.jabatan")],
        [_signer(jabatan="Kepala Biro", status="Plt."), _signer(jabatan="Plt. Kepala Biro")]),
    # -- issue 15: what a reviewer sees --------------------------------------------------------
    "rujukan-diktum": (
        [(_diktum("Membentuk Tim Kerja.", "Tim sebagaimana dimaksud dalam Diktum KEEMPAT bertugas menyusun rencana.",
                  CLOSING_DIKTUM), "diktum[2].isi"),  # the issue: KEEMPAT in a decree with three diktum
         (_diktum(TIGA_HURUF, "Tugas sebagaimana dimaksud dalam Diktum KESATU huruf d dilaksanakan tim.",
                  CLOSING_DIKTUM), "diktum[2].isi"),
         (_diktum("Membentuk Tim Kerja.", "Tugas sebagaimana dimaksud dalam Diktum KESATU huruf a dilaksanakan tim.",
                  CLOSING_DIKTUM), "diktum[2].isi"),  # KESATU has no lettered sub-list
         (_diktum({**TIGA_HURUF, "penomoran": "1."}, "Tugas sebagaimana dimaksud dalam Diktum KESATU angka 4 "
                  "dilaksanakan tim.", CLOSING_DIKTUM), "diktum[2].isi"),
         (_both(_diktum("Membentuk Tim Kerja.", CLOSING_DIKTUM),
                _set(lampiran=[{"isi": ["Tugas tim sebagaimana dimaksud dalam Diktum KETIGA Keputusan ini."]}])),
          "lampiran[1].isi[1].paragraf"),
         # in an amending decree, a reference said to be "Keputusan ini"'s is checked
         (_both(_set(tentang="Perubahan atas Keputusan Komisi Pemilihan Umum Kota Mataram Nomor 3 Tahun 2025"),
                _diktum("Tim sebagaimana dimaksud dalam Diktum KETIGA Keputusan ini dibentuk kembali.",
                        CLOSING_DIKTUM)), "diktum[1].isi")],
        [_diktum("Membentuk Tim Kerja.", "Tim sebagaimana dimaksud dalam Diktum KESATU bertugas.", CLOSING_DIKTUM),
         _diktum(TIGA_HURUF, "Tugas sebagaimana dimaksud dalam Diktum KESATU huruf a dan huruf c dilaksanakan tim.",
                 CLOSING_DIKTUM),
         _diktum("Membentuk Tim Kerja.", "Diktum KESATU sampai dengan Diktum KETIGA berlaku bagi tim.", CLOSING_DIKTUM),
         # another decree's diktum
         _diktum("Tim sebagaimana dimaksud dalam Diktum KEEMPAT Keputusan Komisi Pemilihan Umum Nomor 476 Tahun 2022 "
                 "dibentuk.", CLOSING_DIKTUM),
         # an amendment speaks of the amended decree's diktum
         _diktum("Ketentuan Diktum KELIMA diubah sehingga berbunyi sebagai berikut: ...", CLOSING_DIKTUM),
         _both(_set(tentang="Perubahan atas Keputusan Komisi Pemilihan Umum Kota Mataram Nomor 3 Tahun 2025"),
               _diktum({"isi": "Beberapa ketentuan diubah:", "rincian": [
                   "tim sebagaimana dimaksud dalam Diktum KEEMPAT bertugas sampai Desember."]}, CLOSING_DIKTUM))]),
    "rujukan-huruf": (
        [(_set(menimbang=["bahwa perlu dibentuk tim kerja",  # a, b and the closing c: no d
                          "bahwa tim sebagaimana dimaksud pada huruf d perlu ditetapkan"]), "menimbang[2]"),
         (_diktum(TIGA_HURUF | {"rincian": [*TIGA_HURUF["rincian"][:2], "menilai hasil sebagaimana dimaksud pada "
                                                                        "huruf d."]}, CLOSING_DIKTUM),
          "diktum[1].rincian[3]")],
        [_set(menimbang=["bahwa perlu dibentuk tim kerja", "bahwa tim sebagaimana dimaksud pada huruf a perlu ditetapkan"]),
         _set(menimbang=["bahwa perlu dibentuk tim kerja", "bahwa sebagaimana dimaksud dalam huruf d Pasal 18 "
                                                           "Undang-Undang Nomor 7 Tahun 2017 tim perlu ditetapkan"]),
         _diktum(TIGA_HURUF | {"rincian": [*TIGA_HURUF["rincian"][:2], "menilai hasil sebagaimana dimaksud pada "
                                                                        "huruf a."]}, CLOSING_DIKTUM)]),
    "rujukan-lampiran": (
        [(_both(_diktum("Membentuk Tim Kerja sebagaimana tercantum dalam Lampiran II Keputusan ini.", CLOSING_DIKTUM),
                _set(lampiran=[LAMPIRAN])), "diktum[1].isi"),
         (_diktum("Membentuk Tim Kerja sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan "
                  "dari Keputusan ini.", CLOSING_DIKTUM), "diktum[1].isi"),
         (_diktum("Barang sebagaimana tersebut dalam lampiran Keputusan ini ditetapkan.", CLOSING_DIKTUM),
          "diktum[1].isi"),
         (_both(_diktum("Membentuk Tim Kerja sebagaimana tercantum dalam Lampiran III Keputusan ini.", CLOSING_DIKTUM),
                _set(lampiran=[LAMPIRAN, LAMPIRAN])), "diktum[1].isi")],
        [_both(_diktum("Membentuk Tim Kerja sebagaimana tercantum dalam Lampiran Keputusan ini.", CLOSING_DIKTUM),
               _set(lampiran=[LAMPIRAN])),
         _both(_diktum("Membentuk Tim Kerja sebagaimana tercantum dalam Lampiran I dan Lampiran II Keputusan ini.",
                       CLOSING_DIKTUM), _set(lampiran=[LAMPIRAN, LAMPIRAN])),
         _diktum("Tim menyusun rancangan menurut Lampiran II Undang-Undang Nomor 12 Tahun 2011.", CLOSING_DIKTUM),
         _diktum("Surat usulan dikirim beserta lampiran dan dokumen pendukung.", CLOSING_DIKTUM),
         _both(_diktum("Lampiran II diubah sehingga berbunyi sebagaimana tercantum dalam Lampiran Keputusan ini.",
                       CLOSING_DIKTUM), _set(lampiran=[LAMPIRAN]))]),
    "pengundangan-tahun": (  # the issue: a Lembaran or Berita year before the regulation's own
        [(_mengingat({**UU_7_2017, "diundangkan": {**UU_7_2017["diundangkan"], "tahun": 2016}}), "mengingat[2]"),
         (_mengingat({**PKPU, "diundangkan": {**PKPU["diundangkan"], "tahun": 2018}}), "mengingat[2]"),
         (_mengingat({**UU_7_2017, "perubahan": [{**UU_7_2017, "nomor": "1", "tahun": 2022, "diundangkan": {
             "dalam": "lembaran_negara", "tahun": 2021, "nomor": "224", "tambahan": "6832"}}]}),
          "mengingat[2].perubahan[1]"),
         (_mengingat({"jenis": "Peraturan Menteri Komunikasi dan Informatika", "nomor": "41/PER/M.KOMINFO/11/2007",
                      "diundangkan": {"dalam": "berita_negara", "tahun": 2006, "nomor": "12"}}), "mengingat[2]"),
         (_mengingat("Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum (Lembaran Negara Republik Indonesia "
                     "Tahun 2017 Nomor 182, Tambahan Lembaran Negara Republik Indonesia Nomor 6109) sebagaimana telah "
                     "diubah dengan Undang-Undang Nomor 7 Tahun 2023 tentang Penetapan Perppu (Lembaran Negara "
                     "Republik Indonesia Tahun 2022 Nomor 41)"), "mengingat[2]")],
        [_mengingat(UU_7_2017, PKPU),
         # promulgated in a later year than its own: Perka LAPAN 8/2015 in Berita Negara 2017 (as cited)
         _mengingat({**PKPU, "tahun": 2015, "diundangkan": {**PKPU["diundangkan"], "tahun": 2017}}),
         _mengingat("Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum (Lembaran Negara Republik Indonesia "
                    "Tahun 2017 Nomor 182) sebagaimana telah diubah dengan Peraturan Pemerintah Pengganti Undang-Undang "
                    "Nomor 1 Tahun 2022 (Lembaran Negara Republik Indonesia Tahun 2022 Nomor 224)")]),
    "tanda-baca-ganda": (
        [(_diktum("Membentuk Tim Kerja;.", CLOSING_DIKTUM), "diktum[1].isi"),  # the issue: ";."
         (_diktum({"isi": "Tim bertugas:", "rincian": ["menyusun rencana;;", "melaporkan hasil."]}, CLOSING_DIKTUM),
          "diktum[1].rincian[1]"),
         (_set(tembusan=["Ketua Komisi Pemilihan Umum,, di Jakarta"]), "tembusan[1]"),
         (_diktum("Membentuk Tim Kerja..", CLOSING_DIKTUM), "diktum[1].isi"),
         (_diktum("Membentuk Tim Kerja. .", CLOSING_DIKTUM), "diktum[1].isi"),
         (_set(lampiran=[{"isi": [{"tabel": {"kolom": ["NO", "NAMA"], "baris": [["1", "Budi Santoso;,"]]}}]}]),
          "lampiran[1].isi[1].tabel.baris[1][2]"),
         # a space before the typed ";" is kept by the renderer, which closes it with its own
         (_set(menimbang=["bahwa perlu dibentuk tim kerja ; .", "bahwa tim kerja perlu ditetapkan"]), "menimbang[1]"),
         (_both(_set(menimbang=["bahwa perlu dibentuk tim kerja;.", "bahwa tim kerja perlu ditetapkan;"]),
                _setting(tanda_baca_konsiderans="seperti_ditulis")), "menimbang[1]")],
        [_set(menimbang=["bahwa perlu dibentuk tim kerja;.", "bahwa tim kerja perlu ditetapkan;;"]),  # closed anew
         _both(_signer(nama="Budi Santoso, S.H., M.H."), _setting(nama_penandatangan="seperti_ditulis")),
         _diktum({"isi": "Tim bertugas:", "rincian": ["menyusun rencana, jadwal, dll.;", "melaporkan hasil."]},
                 CLOSING_DIKTUM),
         _diktum("Rapat dimulai pukul 10.00 di https://kpu.go.id, sesuai Pasal 5: tim hadir.", CLOSING_DIKTUM),
         _diktum("Membentuk Tim Kerja ...", CLOSING_DIKTUM)]),  # an ellipsis: the rule tempat-isian
    "tempat-isian": (
        [(_mengingat({**PKPU, "nomor": "[ISI NOMOR]"}), "mengingat[2].nomor"),  # the issue
         (_mengingat({**PKPU, "diundangkan": {**PKPU["diundangkan"], "nomor": "[ISI NOMOR]"}}),
          "mengingat[2].diundangkan.nomor"),
         (_set(lampiran=[{"isi": [{"tabel": {"kolom": ["NO", "NAMA"], "baris": [["1", "[ISI NAMA]"]]}}]}]),
          "lampiran[1].isi[1].tabel.baris[1][2]"),  # the issue
         (_set(lampiran=[{"isi": [{"tabel": {"kolom": ["NO", "NAMA"], "baris": [[{"teks": "[isi nama]"}, "x"]]}}]}]),
          "lampiran[1].isi[1].tabel.baris[1][1].teks"),
         (_diktum({"isi": "Honorarium:", "rincian": ["ketua sebesar Rp...;", "anggota sebesar Rp500.000,00."]},
                  CLOSING_DIKTUM), "diktum[1].rincian[1]"),
         (_diktum("Honorarium tim sebesar Rp........ setiap bulan.", CLOSING_DIKTUM), "diktum[1].isi"),
         (_diktum("Tim bekerja sampai dengan tanggal … 2025.", CLOSING_DIKTUM), "diktum[1].isi"),
         (_set(tembusan=["Ketua Komisi Pemilihan Umum Provinsi XXX"]), "tembusan[1]"),
         (_signer(nama="xxx"), "penutup.penandatangan.nama"),
         (_set(tentang="Pembentukan Tim Kerja Tahun 20XX"), "tentang"),
         (_set(nomor="[ISI NOMOR]/XXX/2025"), "nomor"),  # "[ISI NOMOR]" is the rule nomor-kosong's, XXX this one's
         (_set(lampiran=[{"isi": [{"daftar": [{"butir": "Ketua", "isi": ["dijabat oleh [ISI NAMA]"]}]}]}]),
          "lampiran[1].isi[1].daftar[1].isi[1].paragraf"),
         (_set(lampiran=[{"isi": ["Nama tim : \"...\""]}]), "lampiran[1].isi[1].paragraf"),  # quotes, nothing else
         (_set(lampiran=[{"judul": "Format Surat Pernyataan", "isi": ["Nama : [ISI NAMA]"]}]),
          "lampiran[1].isi[1].paragraf"),  # kpu-docs' own mark is never a template's
         (_set(lampiran=[{"judul": "Susunan Tim", "isi": [{"judul": "Contoh Surat Tugas"}, "Nama : ...",
                                                          {"judul": "Daftar Anggota"}, "Ketua : ..."]}]),
          "lampiran[1].isi[4].paragraf"),
         (_mengingat({**UU_7_2017, "perubahan": [{**UU_7_2017, "nomor": "1", "tahun": 2022, "tentang": "Perubahan ..."}]}),
          "mengingat[2].perubahan[1].tentang")],
        [_set(nomor="[ISI NOMOR]"),  # the rule nomor-kosong's
         _diktum("Pasal 5 berbunyi: \u201cAnggota tim ... berjumlah 3 (tiga) orang.\u201d", CLOSING_DIKTUM),
         _diktum("Pasal 5 berbunyi: \"Anggota tim [...] berjumlah 3 (tiga) orang.\"", CLOSING_DIKTUM),
         _set(lampiran=[{"isi": ["Nama : ..............................", "NIP : ...................."]}]),  # a form
         _set(lampiran=[{"isi": ["Nama : \u2026\u2026\u2026\u2026", "NIP : \u2026\u2026.."]}]),  # typed in Word
         # a template printed on purpose: a Lampiran, or a part of one, titled a form or a model
         _set(lampiran=[{"judul": "Format Surat Pernyataan", "isi": ["Nomor : XXX/PP.01/...", "Nama : ..."]}]),
         _set(lampiran=[{"judul": "Susunan Tim", "isi": [{"judul": "Contoh Surat Tugas"}, "Nama : ...",
                                                         {"tabel": {"kolom": ["NO", "NAMA"], "baris": [["1", "..."]]}}]}]),
         _set(menimbang=["bahwa ketentuan BAB XXX Undang-Undang Nomor 7 Tahun 2017 perlu dilaksanakan",
                         "bahwa tim kerja perlu ditetapkan"]),
         # only the last amendment of one "beberapa kali diubah" is cited, and printed
         _mengingat({**UU_7_2017, "beberapa_kali": True, "perubahan": [
             {**UU_7_2017, "nomor": "1", "tahun": 2022, "tentang": "[ISI TENTANG]"},
             {**UU_7_2017, "nomor": "7", "tahun": 2023, "tentang": "Penetapan Perppu"}]})]),
}
CHECKED_ELSEWHERE = {"nomor-register": "tests/checks/test_cli_check.py, tests/nomor/test_register.py"}


def _decree(change: Change) -> Keputusan:
    data = minimal_data()
    change(data)
    return Keputusan.model_validate(data)


def _found(change: Change, rule_id: str) -> list[str]:
    return [t.lokasi for t in temuan(_decree(change)) if t.aturan == rule_id]


def test_the_minimal_decree_is_clean():
    assert temuan(_decree(lambda data: None)) == []


def test_the_readme_lists_every_rule_in_order():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Checks"):]
    section = section[:section.index("\n### ")]
    listed = re.findall(r"^\| `([a-z-]+)` \|", section, re.M)
    assert listed == list(ATURAN)


def test_every_rule_has_its_cases():
    assert set(CASES) | set(CHECKED_ELSEWHERE) == set(ATURAN)
    for rule in ATURAN.values():
        assert rule.alasan and ("UU 12/2011" in rule.alasan or "Tata Naskah Dinas" in rule.alasan
                                or "Keppres" in rule.alasan or "PUEBI" in rule.alasan
                                or "abaikan_periksa" in rule.alasan), rule.id


@pytest.mark.parametrize(("rule_id", "case"), [(r, c) for r, (caught, _) in CASES.items() for c in caught])
def test_catch(rule_id, case):
    change, lokasi = case
    assert _found(change, rule_id) == [lokasi]


@pytest.mark.parametrize(("rule_id", "change"), [(r, c) for r, (_, clean) in CASES.items() for c in clean])
def test_clean(rule_id, change):
    assert _found(change, rule_id) == []


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_silenced_per_file(rule_id):
    change = CASES[rule_id][0][0][0]
    assert _found(_both(change, _setting(abaikan_periksa=[rule_id])), rule_id) == []
    assert [t.aturan for t in temuan(_decree(change), abaikan=[rule_id])].count(rule_id) == 0


def test_findings_carry_rule_reason_and_text():
    found = temuan(_decree(_set(menimbang=["perlu dibentuk tim"])))
    assert [t.sebagai_dict() for t in found] == [{
        "aturan": "menimbang-bahwa", "lokasi": "menimbang[1]", "pesan": 'setiap pertimbangan diawali kata "bahwa"',
        "alasan": ATURAN["menimbang-bahwa"].alasan}]
    assert periksa(_decree(_set(menimbang=["perlu dibentuk tim"]))) == [
        'menimbang[1]: setiap pertimbangan diawali kata "bahwa"']


def test_messages_say_what_to_change():
    data = minimal_data(menimbang_penutup=CLOSING.format("huruf a", "Pembentukan Tim Kerja"),
                        menetapkan=f"KEPUTUSAN {NAME.upper()} TENTANG PEMBENTUKAN TIM KERJA BARU.")
    data["mengingat"] += [PERMEN, PERPRES]
    warnings = periksa(Keputusan.model_validate(data))
    assert warnings == [
        'menimbang_penutup: merujuk huruf a, padahal pertimbangan sebelumnya huruf a dan huruf b; '
        'tulis "sebagaimana dimaksud dalam huruf a dan huruf b"',
        'menetapkan: nama keputusan pada judul (tentang) berbeda dengan menetapkan ("Kerja" menjadi "KERJA BARU"); '
        'tuliskan sama di ketiga tempat',
        "mengingat[4]: urutan tidak mengikuti hierarki peraturan perundang-undangan: Peraturan Presiden dicantumkan "
        "sesudah Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi (mengingat[3])",
    ]


def test_placeholder_number_and_date_in_another_year():
    data = minimal_data(nomor=NOMOR_KOSONG, tahun=2026)
    warnings = periksa(Keputusan.model_validate(data))
    assert any(w.startswith("nomor: masih [ISI NOMOR]") for w in warnings)
    assert "penutup.tanggal: tahun 2025 berbeda dengan tahun keputusan 2026" in warnings
    assert periksa_nomor(Keputusan.model_validate(data)) == warnings


@pytest.mark.parametrize(("text", "letters"), [
    ("bahwa berdasarkan pertimbangan sebagaimana dimaksud pada huruf a, perlu menetapkan", [1]),
    ("sebagaimana dimaksud dalam huruf a, b, dan c, perlu menetapkan", [1, 2, 3]),
    ("sebagaimana dimaksud dalam huruf a sampai dengan huruf d perlu menetapkan", [1, 2, 3, 4]),
    ("sebagaimana dimaksud dalam huruf a s.d. huruf c, perlu menetapkan", [1, 2, 3]),
    ("sebagaimana dimaksud dalam huruf a dan huruf b serta untuk melaksanakan Pasal 5 huruf d, perlu", [1, 2]),
    ("sebagaimana dimaksud dalam huruf z dan huruf aa, perlu", [26, 27]),
    ("bahwa berdasarkan pertimbangan di atas, perlu menetapkan", None),
])
def test_letters_cited_by_the_closing_menimbang(text, letters):
    assert cited_letters(text) == letters


def test_holiday_table_names_its_days():
    assert libur_nasional(datetime.date(2026, 3, 21)) == "Idul Fitri 1447 Hijriah"
    assert libur_nasional(datetime.date(2024, 11, 27)).startswith("hari pemungutan suara Pilkada 2024")
    assert libur_nasional(datetime.date(2013, 6, 1)) is None  # Hari Lahir Pancasila: a holiday from 2017
    assert libur_nasional(datetime.date(2025, 8, 18)) is None  # cuti bersama
