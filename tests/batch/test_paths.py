"""Field paths: the notation of our error messages, checked against the models, applied by copying."""

from __future__ import annotations

import pytest

from kpu_docs.batch.paths import PathError, check_model_path, format_path, parse, put
from kpu_docs.models import Keputusan


@pytest.mark.parametrize(
    "text, path",
    [
        ("nomor", ("nomor",)),
        ("penutup.penandatangan.nama", ("penutup", "penandatangan", "nama")),
        ("lampiran[1].isi[2].tabel", ("lampiran", 0, "isi", 1, "tabel")),
        ("lampiran[1].isi[1].tabel.baris[2][3]", ("lampiran", 0, "isi", 0, "tabel", "baris", 1, 2)),
    ],
)
def test_parse_counts_positions_from_one_and_formats_back(text, path):
    assert parse(text) == path
    assert format_path(path) == text


@pytest.mark.parametrize("text", ["", "penutup..tanggal", "diktum[0]", "diktum[x]", "nama desa", "[1]"])
def test_what_is_not_a_path(text):
    with pytest.raises(PathError):
        parse(text)


@pytest.mark.parametrize(
    "text",
    [
        "penutup.tanggal",
        "diktum[3].rincian[1]",
        "mengingat[2].diundangkan.nomor",  # through the citation branch of text-or-citation
        "lampiran[1].isi[2].tabel.baris[1][2].teks",  # block union, then a cell's Sel branch
        "lampiran[1].isi[1].daftar[2].isi[1].paragraf",
        "pengaturan.kertas",
    ],
)
def test_model_paths_go_through_lists_and_unions(text):
    check_model_path(Keputusan, parse(text))


@pytest.mark.parametrize(
    "text, message",
    [
        ("nomer", "keputusan tidak punya bidang 'nomer' (maksudnya nomor?)"),
        ("penutup.tangal", "penutup tidak punya bidang 'tangal' (maksudnya tanggal?)"),
        ("tahun[1]", "tahun bukan daftar"),
        ("desa", "keputusan tidak punya bidang 'desa'"),
    ],
)
def test_unknown_fields_are_named(text, message):
    with pytest.raises(PathError, match=message.replace("(", r"\(").replace(")", r"\)").replace("?", r"\?")):
        check_model_path(Keputusan, parse(text))


def test_put_copies_only_the_path_and_leaves_the_base_alone():
    base = {"diktum": ["a", "b"], "penutup": {"tanggal": "2025-01-06", "penandatangan": {"nama": "X"}}}
    changed = put(base, parse("penutup.tanggal"), "2025-02-01")
    assert changed["penutup"]["tanggal"] == "2025-02-01"
    assert base["penutup"]["tanggal"] == "2025-01-06"
    assert changed["penutup"]["penandatangan"] is base["penutup"]["penandatangan"]
    assert changed["diktum"] is base["diktum"]


def test_one_past_the_end_appends_and_further_is_refused():
    base = {"diktum": ["a", "b"]}
    assert put(base, parse("diktum[3]"), "c")["diktum"] == ["a", "b", "c"]
    assert put({}, parse("lampiran[1].judul"), "J") == {"lampiran": [{"judul": "J"}]}
    with pytest.raises(PathError, match=r"diktum\[4\]: nomor urut melewati akhir daftar \(2 butir"):
        put(base, parse("diktum[4]"), "d")


def test_a_text_in_the_base_cannot_be_filled_part_by_part():
    with pytest.raises(PathError, match=r"diktum\[1\] di berkas dasar berupa teks.*kolom diktum\[1\]"):
        put({"diktum": ["a"]}, parse("diktum[1].isi"), "x")
