"""`check` on the shipped examples: each finding listed here is an error of the real decree (or a
placeholder the example keeps on purpose); any other finding would be a false warning."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import kpu_docs
from kpu_docs.checks import ATURAN, temuan
from kpu_docs.yaml_source import line_of, load_round_trip

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
    # Keputusan Presiden and Keputusan Kepala LAPAN only, in order; signed on a Wednesday. Its
    # PERTAMA ends "kompleks/khusus;." as signed.
    "lapan-110-2004.yaml": [("tanda-baca-ganda", "diktum[1].isi")],
    # Its Menetapkan and closing Menimbang name the decree otherwise than its title; a Peraturan
    # Presiden follows a Peraturan Menteri (both as the decree has them, noted in the example).
    "uinssc-1124-2026.yaml": [("judul-seragam", "tentang"), ("urutan-hierarki", "mengingat[6]")],
    # The batch base: its number is taken per row ([ISI NOMOR] on purpose, examples/pps/README.md),
    # and the Berita Negara number of PKPU 8/2022, not found, is left "[ISI NOMOR]".
    "pps/keputusan-pps.yaml": [("nomor-kosong", "nomor"), ("tempat-isian", "mengingat[3].diundangkan.nomor")],
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


# -- what the examples' comments say `check` does ----------------------------------------------

_CLAIM = re.compile(r"`check`|kpu-docs check", re.I)
_RULE = re.compile(r"\[([a-z]+(?:-[a-z]+)+)\]")
_NEGATIVE = re.compile(r"does not warn|no warning|gets none|passes", re.I)


def _path(lokasi: str) -> tuple:
    """"mengingat[3].diundangkan.nomor" as the YAML path ("mengingat", 2, "diundangkan", "nomor")."""
    return tuple(int(n) - 1 if n else key for key, n in re.findall(r"([a-z_]+)|\[(\d+)\]", lokasi))


def _claims(text: str) -> list[tuple[int | None, str, str]]:
    """(the line the comment stands before, or None for the file's opening comment; the comment
    block; its rule ids) for every comment block that speaks of `check`."""
    lines = text.splitlines()
    first_content = next(i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#"))
    claims, block = [], []
    for i, line in enumerate(lines):
        if line.lstrip().startswith("#"):
            block.append(line.lstrip("# "))
            continue
        if block and line.strip():
            joined = " ".join(block)
            if _CLAIM.search(joined):
                claims.append((i + 1 if i > first_content else None, joined))
        if line.strip():
            block = []
    return [(line, joined, rule) for line, joined in claims for rule in (_RULE.findall(joined) or [""])]


EXAMPLE_CLAIMS = [(name, *claim) for name in sorted(EXPECTED) for claim in _claims((EXAMPLES / name).read_text("utf-8"))]


def test_the_examples_make_claims_about_check():
    """Each claim names its rule: those made in lapan-162-2018.yaml (issue 15), uinssc-1124-2026.yaml,
    lapan-110-2004.yaml and the PPS batch base."""
    assert {(name, rule) for name, _, _, rule in EXAMPLE_CLAIMS} == {
        ("lapan-162-2018.yaml", "tambahan-kosong"), ("lapan-162-2018.yaml", "urutan-hierarki"),
        ("uinssc-1124-2026.yaml", "urutan-hierarki"), ("lapan-110-2004.yaml", "tanda-baca-ganda"),
        ("pps/keputusan-pps.yaml", "nomor-kosong"), ("pps/keputusan-pps.yaml", "tempat-isian")}


@pytest.mark.parametrize(("name", "line", "comment", "rule"), EXAMPLE_CLAIMS,
                         ids=[f"{c[0]}:{c[1]}:{c[3]}" for c in EXAMPLE_CLAIMS])
def test_what_an_example_says_check_does_is_true(name, line, comment, rule):
    """A comment saying `check` warns (or does not) about the item under it names the rule in
    brackets; `check` on the example must then find (or not find) that rule's warning at that item:
    a finding belongs to the item when the item's line is where its field path, or part of it, starts."""
    assert rule in ATURAN, f"{name}: the comment names no rule `check` has: {comment}"
    text = (EXAMPLES / name).read_text("utf-8")
    tree = load_round_trip(text)
    found = [t for t in temuan(kpu_docs.load(EXAMPLES / name)) if t.aturan == rule]
    if line is not None:
        found = [t for t in found if line in {line_of(tree, _path(t.lokasi)[:n]) for n in range(1, len(_path(t.lokasi)) + 1)}]
    if _NEGATIVE.search(comment):
        assert found == [], comment
    else:
        assert found, comment
