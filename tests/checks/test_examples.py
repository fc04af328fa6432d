"""`check` on the shipped examples: each finding listed here is an error of the real decree (or a
placeholder the example keeps on purpose); any other finding would be a false warning."""

from __future__ import annotations

from pathlib import Path

import pytest

import kpu_docs
from kpu_docs.checks import temuan

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

EXPECTED = {
    # The reference decree, its judul and Menetapkan kept as signed: the two drafting errors named
    # by issue 10, and UU 30/2002 cited before UU 28/1999.
    "keputusan-11-2025.yaml": [("menimbang-huruf", "menimbang_penutup"), ("judul-seragam", "tentang"),
                               ("urutan-kronologis", "mengingat[2]")],
    # UU 14/2008 cited before UU 32/2004 (as the decree has it).
    "kulonprogo-215-2013.yaml": [("urutan-kronologis", "mengingat[3]")],
    # Its Perpres has no Tambahan, and a Peraturan Menteri follows a Keputusan Presiden: no warning.
    "lapan-162-2018.yaml": [],
    # Keputusan Presiden and Keputusan Kepala LAPAN only, in order; signed on a Wednesday.
    "lapan-110-2004.yaml": [],
    # Its Menetapkan and closing Menimbang name the decree otherwise than its title; a Peraturan
    # Presiden follows a Peraturan Menteri (both as the decree has them, noted in the example).
    "uinssc-1124-2026.yaml": [("judul-seragam", "tentang"), ("urutan-hierarki", "mengingat[6]")],
    # The batch base: its number is taken per row ([ISI NOMOR] on purpose, examples/pps/README.md).
    "pps/keputusan-pps.yaml": [("nomor-kosong", "nomor")],
}


def test_every_example_is_listed():
    shipped = {str(p.relative_to(EXAMPLES)) for p in EXAMPLES.rglob("*.yaml")}
    assert shipped == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_gets_only_its_own_errors(name):
    found = temuan(kpu_docs.load(EXAMPLES / name))
    assert [(t.aturan, t.lokasi) for t in found] == EXPECTED[name]


def test_the_reference_decrees_drafting_warnings(reference):
    found = {t.aturan: t for t in temuan(reference)}
    assert found["judul-seragam"].pesan == (
        'nama keputusan pada judul (tentang) berbeda dengan menimbang_penutup ("Aksi" menjadi "Kerja") dan '
        'menetapkan ("Aksi" menjadi "KERJA"; "Bebas Korupsi" menjadi "BEBAS DARI KORUPSI"); '
        "tuliskan sama di ketiga tempat")
    assert found["menimbang-huruf"].pesan == (
        'merujuk huruf a, padahal pertimbangan sebelumnya huruf a dan huruf b; '
        'tulis "sebagaimana dimaksud dalam huruf a dan huruf b"')
