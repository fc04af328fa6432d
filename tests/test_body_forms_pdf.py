"""Body forms as LibreOffice prints them: label : value lines aligned by tab stops, generated
table numbers, Menimbang and Mengingat as typed, citations without tentang and with "Nomor:"."""

from __future__ import annotations

import re

import pytest

import kpu_docs
from kpu_docs.models import Keputusan
from kpu_docs.pdf import to_pdf
from tests.body_forms import body_forms_data, pending_changes, templates
from tests.test_libreoffice import _require_tools, pages_text

pytestmark = pytest.mark.libreoffice


@pytest.fixture(scope="module")
def text(tmp_path_factory) -> str:
    _require_tools()
    folder = tmp_path_factory.mktemp("body-forms")
    with pytest.MonkeyPatch.context() as monkeypatch:
        pending_changes(monkeypatch)
        path = folder / "bentuk.docx"
        kpu_docs.render(Keputusan.model_validate(body_forms_data()), path, templates(folder / "templat"))
    (pdf,) = to_pdf([path], folder)
    return "\n".join(pages_text(pdf))


def line_with(text: str, *words: str) -> str:
    """The one printed line holding every word, in order."""
    found = [line for line in text.splitlines() if re.search(r"\s+".join(map(re.escape, words)), line)]
    assert len(found) == 1, (words, found)
    return found[0]


def columns(line: str, label: str) -> tuple[int, int]:
    """Where the colon after `label` and the value after it start on the printed line."""
    match = re.search(rf"{re.escape(label)}(\s+):(\s+)\S", line)
    assert match, line
    return match.end(1), match.end(2)


def test_diktum_label_and_value_on_one_line_with_the_colons_aligned(text):
    first = line_with(text, "Peringkat Akreditasi", ":", "Baik Sekali")
    second = line_with(text, "Nilai", ":", "308")
    (colon_1, value_1), (colon_2, value_2) = columns(first, "Peringkat Akreditasi"), columns(second, "Nilai")
    assert abs(colon_1 - colon_2) <= 1 and abs(value_1 - value_2) <= 1
    assert first.index("Peringkat") == second.index("Nilai")  # the labels start together, in the text column
    assert first.index("Peringkat") > line_with(text, "KESATU").index("KESATU") + 10


def test_lampiran_lines_aligned_past_the_longest_label(text):
    labels = {"Nama": "Edy Putrawan", "Nomor Induk Kependudukan": "5271010101800001",
              "Jabatan": "Ketua Komisi Pemilihan Umum Kota Mataram"}
    found = [columns(line_with(text, label, ":", value), label) for label, value in labels.items()]
    assert max(c for c, _ in found) - min(c for c, _ in found) <= 1
    assert max(v for _, v in found) - min(v for _, v in found) <= 1


def test_table_rows_numbered_one_to_n_and_centred(text):
    header = line_with(text, "NO", "NAMA", "JABATAN")
    centre = header.index("NO") + 1  # the header is centred in its column: so are the numbers
    rows = [("Ahmad", "Ketua"), ("Budi", "Sekretaris"), ("Citra", "Anggota"), ("Dewi", "Anggota")]
    for number, (nama, jabatan) in enumerate(rows, start=1):
        line = line_with(text, str(number), nama, jabatan)
        assert line.split() == [str(number), nama, jabatan]
        assert abs(line.index(str(number)) - centre) <= 1, line


def test_konsiderans_as_typed_and_citations(text):
    assert re.search(r"b\.\s+bahwa tim kerja perlu ditetapkan; dan\s*$", text, re.M)
    flat = " ".join(text.split())
    assert "Keputusan Menteri Kesehatan Nomor: 123/KMK/2020 tentang Pedoman Pelayanan;" in flat
    assert "sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 17 Tahun 2020 (Lembaran Negara" in flat
    assert "None" not in text
    assert "Surat Ketua Komisi Pemilihan Umum Nomor 5 Tahun 2025, dan MEMUTUSKAN:" in flat
