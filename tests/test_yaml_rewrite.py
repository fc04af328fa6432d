"""yaml_source.rewrite: new data into a file's own text, only what changed touched."""

from __future__ import annotations

import datetime

import pytest

from kpu_docs.yaml_source import load_round_trip, plain, rewrite, same_data

TEXT = """\
# Keputusan contoh
nomor: "11"  # nomor urut
tahun: 2025
tentang: >-
  Penetapan Rencana Aksi Pembangunan Zona Integritas Menuju Wilayah Bebas Korupsi dan Wilayah
  Birokrasi Bersih Melayani
menimbang:
  - bahwa pertama
  # yang kedua dari rapat
  - 'bahwa kedua'
  - "bahwa ketiga"

tembusan: [Ketua KPU RI, Sekretaris]
penutup:
  tempat: Mataram
  tanggal: 2025-09-03
"""


def _data():
    return plain(load_round_trip(TEXT))


def _changed_lines(old: str, new: str) -> list[str]:
    import difflib

    return [l for l in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
            if l[:1] in "+-" and not l.startswith(("+++", "---"))]


def test_unchanged_data_is_the_same_text():
    assert rewrite(TEXT, _data()) == TEXT


@pytest.mark.parametrize("path, value, lines", [
    (("nomor",), "12", ['-nomor: "11"  # nomor urut', '+nomor: "12"  # nomor urut']),
    (("tahun",), 2026, ["-tahun: 2025", "+tahun: 2026"]),
    (("menimbang", 1), "bahwa kedua'nya", ["-  - 'bahwa kedua'", "+  - 'bahwa kedua''nya'"]),
    (("menimbang", 0), "bahwa: pertama", ["-  - bahwa pertama", '+  - "bahwa: pertama"']),
    (("penutup", "tanggal"), datetime.date(2025, 9, 4), ["-  tanggal: 2025-09-03", "+  tanggal: 2025-09-04"]),
])
def test_a_changed_value_is_replaced_in_its_own_style(path, value, lines):
    data = _data()
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    new = rewrite(TEXT, data)
    assert _changed_lines(TEXT, new) == lines
    assert same_data(new, data)


def test_a_folded_paragraph_keeps_its_folding():
    data = _data()
    data["tentang"] = data["tentang"].replace("Bersih Melayani", "Bersih dan Melayani")
    assert _changed_lines(TEXT, rewrite(TEXT, data)) == ["-  Birokrasi Bersih Melayani", "+  Birokrasi Bersih dan Melayani"]


def test_items_added_and_removed_are_whole_lines_and_comments_stay():
    data = _data()
    data["menimbang"].insert(1, "bahwa sisipan")
    data["menimbang"].append("bahwa terakhir")
    new = rewrite(TEXT, data)
    assert _changed_lines(TEXT, new) == ["+  - bahwa sisipan", "+  - bahwa terakhir"]
    assert "# yang kedua dari rapat\n  - 'bahwa kedua'" in new
    data["menimbang"] = ["bahwa pertama", "bahwa ketiga"]
    new = rewrite(TEXT, data)
    assert _changed_lines(TEXT, new) == ["-  # yang kedua dari rapat", "-  - 'bahwa kedua'"]


def test_a_new_key_goes_where_the_data_puts_it_and_a_removed_key_goes():
    data = _data()
    data = {**{k: v for k, v in data.items() if k != "tembusan"}}
    data = {"nomor": data["nomor"], "tahun": data["tahun"], "status": "draf",
            **{k: v for k, v in data.items() if k not in ("nomor", "tahun")}}
    new = rewrite(TEXT, data)
    # the blank line above the removed key goes with it
    assert _changed_lines(TEXT, new) == ["+status: draf", "-", "-tembusan: [Ketua KPU RI, Sekretaris]"]
    assert new.index("status: draf") < new.index("tentang:")


def test_a_flow_list_that_grows_is_written_by_the_round_trip_dumper():
    data = _data()
    data["tembusan"].append("Arsip")
    new = rewrite(TEXT, data)
    assert same_data(new, data)
    assert "# Keputusan contoh" in new and "# yang kedua dari rapat" in new
