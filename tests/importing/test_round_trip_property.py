"""Property: any Lampiran body of titles, sections, paragraphs, nested lists and tables, rendered by
kpu-docs, imports back to data that renders the same text and imports again to the same data."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kpu_docs
from kpu_docs import plaintext
from kpu_docs.importing import import_docx
from tests.conftest import minimal_data

WORDS = ["bahwa", "Tim", "Kerja", "KPU", "menyusun", "rencana", "Zona", "Integritas", "dan", "di", "2025", "(WBK)"]
text = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)
label = st.sampled_from([None, None, "A.", "1.", "a.", "1)", "a)", "(1)"])


def blocks(depth: int):
    paragraph = text.map(lambda t: {"paragraf": t})
    table = st.builds(
        lambda cols, rows: {"tabel": {"kolom": cols, "baris": rows}},
        st.lists(text, min_size=2, max_size=3).map(lambda c: c[:2]),
        st.lists(st.lists(text, min_size=2, max_size=2), min_size=1, max_size=2),
    )
    if depth >= 3:
        return st.one_of(paragraph, table)
    item = st.one_of(text, st.builds(lambda b, i: {"butir": b, "isi": i}, text, st.lists(blocks(depth + 1), min_size=1, max_size=2)))
    daftar = st.builds(
        lambda items, p: {"daftar": items, **({"penomoran": p} if p else {})},
        st.lists(item, min_size=1, max_size=3),
        label,
    )
    return st.one_of(paragraph, daftar, table)


top = st.one_of(
    blocks(0),
    text.map(lambda t: {"bagian": t}),
    text.map(lambda t: {"judul": t.upper()}),
)


def assert_round_trip(data: dict) -> None:
    """Render, import, render: the same printed lines; import again: the same data; nothing unread."""
    document = kpu_docs.render_docx(kpu_docs.from_data(data))
    first = import_docx(document)
    rendered = kpu_docs.render_docx(kpu_docs.from_data(first.data))
    assert plaintext.lines(rendered) == plaintext.lines(document)
    assert import_docx(rendered).data == first.data
    assert not [n for n in first.tidak_terbaca if not n.startswith("catatan:")]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(top, min_size=1, max_size=6), st.booleans())
def test_lampiran_bodies_round_trip(isi, judul):
    data = minimal_data(lampiran=[{"isi": isi, **({"judul": "JUDUL"} if judul else {})}])
    assert_round_trip(data)


citation = st.builds(
    lambda jenis, nomor, tahun, tentang: {"jenis": jenis, "nomor": nomor, "tahun": tahun, "tentang": tentang},
    st.sampled_from(["Undang-Undang", "Peraturan Komisi Pemilihan Umum"]),
    st.sampled_from(["1", "7", "12/PL.01/2020"]),
    st.integers(1990, 2030),
    text,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    instansi=st.sampled_from(["Komisi Pemilihan Umum Kota Mataram", "Bupati Lombok Barat", "Rektor Universitas X"]),
    nomor=st.sampled_from(["3", "188.45/52/2024"]),
    tentang=st.one_of(st.none(), text),
    menimbang=st.lists(text.map(lambda t: "bahwa " + t), min_size=1, max_size=4),
    penutup=st.one_of(st.none(), st.just(""), text.map(lambda t: "bahwa " + t)),
    mengingat=st.lists(st.one_of(text, citation), min_size=1, max_size=3),
    menetapkan=st.one_of(st.none(), st.just(""), text),
    diktum=st.lists(
        st.one_of(text, st.builds(lambda i, r, p: {"isi": i, "rincian": r, "penomoran": p}, text, st.lists(text, min_size=1, max_size=3), st.sampled_from(["a.", "1."]))),
        min_size=1, max_size=3,
    ),
    gaya=st.sampled_from(["kesatu", "pertama"]),
    tanda=st.sampled_from(["ruang", "ttd", "dto."]),
    tembusan=st.lists(text, max_size=2),
)
def test_decree_parts_round_trip(instansi, nomor, tentang, menimbang, penutup, mengingat, menetapkan, diktum, gaya, tanda, tembusan):
    data = minimal_data(
        instansi=instansi, nomor=nomor, tentang=tentang, menimbang=menimbang, mengingat=mengingat,
        diktum=diktum, tembusan=tembusan, pengaturan={"gaya_diktum": gaya, "tanda_tangan": tanda},
    )
    if penutup is not None:
        data["menimbang_penutup"] = penutup
    if menetapkan is not None:
        data["menetapkan"] = menetapkan
    if tentang is None:
        data.pop("tentang")
    assert_round_trip(data)
