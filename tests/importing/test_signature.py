"""Signature blocks in the forms the model has, read from their printed lines."""

from __future__ import annotations

from kpu_docs.importing.signature import read


def test_direct_with_cap_ttd_mark():
    sig = read(["BUPATI KULON PROGO,", "", "Cap/ttd", "", "HASTO WARDOYO"])
    assert (sig.jabatan, sig.nama, sig.mark, sig.atas_nama, sig.leftovers) == ("BUPATI KULON PROGO", "HASTO WARDOYO", "ttd", None, [])


def test_on_behalf_over_lines_without_commas():
    sig = read(["A.n. KETUA", "LEMBAGA PENERBANGAN DAN ANTARIKSA NASIONAL", "KEPALA BIRO UMUM", "Drs. M. CHAWARI, MM", "NIP. 300001167"])
    assert sig.atas_nama == "KETUA LEMBAGA PENERBANGAN DAN ANTARIKSA NASIONAL"
    assert (sig.jabatan, sig.nama, sig.nip) == ("KEPALA BIRO UMUM", "Drs. M. CHAWARI, MM", "300001167")


def test_on_behalf_and_for_him():
    sig = read(["a.n. MENTERI DALAM NEGERI", "SEKRETARIS JENDERAL", "u.b.", "KEPALA BIRO HUKUM,", "ttd", "NAMA PEJABAT"])
    assert (sig.atas_nama, sig.untuk_beliau, sig.jabatan, sig.nama, sig.mark) == (
        "MENTERI DALAM NEGERI", "SEKRETARIS JENDERAL", "KEPALA BIRO HUKUM", "NAMA PEJABAT", "ttd",
    )


def test_acting_official_with_rank():
    sig = read(["Plh. KEPALA BADAN,", "", "NAMA PEJABAT", "Pembina Utama Muda (IV/c)", "NIP 19700101 199003 1 001"])
    assert (sig.status, sig.jabatan, sig.nama) == ("Plh.", "KEPALA BADAN", "NAMA PEJABAT")
    assert (sig.pangkat, sig.nip) == ("Pembina Utama Muda (IV/c)", "19700101 199003 1 001")


def test_position_below_the_name():
    sig = read(["Lembaga Akreditasi Mandiri Informatika dan Komputer", "", "Prof. Dra. Sri Hartati, M.Sc., Ph.D.", "Ketua Dewan Eksekutif LAM INFOKOM"])
    assert (sig.nama, sig.jabatan, sig.letak_jabatan) == ("Prof. Dra. Sri Hartati, M.Sc., Ph.D.", "Ketua Dewan Eksekutif LAM INFOKOM", "bawah")
    assert sig.leftovers == [0]  # the institution above is no part of the model's signature


def test_lines_after_the_name_are_leftovers():
    sig = read(["REKTOR,", "AAN JAELANI", "Salinan sesuatu"])
    assert (sig.jabatan, sig.nama, sig.leftovers) == ("REKTOR", "AAN JAELANI", [2])
