"""Body forms as printed in the .docx: label : value lines set by tab stops (diktum and Lampiran),
Menimbang and Mengingat as typed, citations without tentang and with "Nomor:"."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml.ns import qn

import kpu_docs
from kpu_docs import plaintext
from kpu_docs.checks import periksa
from kpu_docs.models import Keputusan
from kpu_docs.models.diktum import BarisNilai
from kpu_docs.word import rincian_nilai
from tests.body_forms import NILAI, body_forms_data, pending_changes, templates
from tests.conftest import minimal_data


@pytest.fixture
def rendered(tmp_path, monkeypatch):
    """The body-forms decree rendered (templates and renderer as requested, where not in yet)."""
    pending_changes(monkeypatch)
    folder = templates(tmp_path / "templat")
    return Document(io.BytesIO(kpu_docs.render_bytes(Keputusan.model_validate(body_forms_data()), folder)))


def tabbed(document, label: str):
    """The paragraphs (python-docx) whose text starts with `label` and a tab."""
    body = document.element.body
    return [p for p in body.iter(qn("w:p")) if "".join(p.itertext()).startswith(label)
            and p.find(f"{qn('w:r')}/{qn('w:tab')}") is not None]


def stops(p) -> list[tuple[str, int]]:
    return [(t.get(qn("w:val")), int(t.get(qn("w:pos")))) for t in p.findall(f"{qn('w:pPr')}/{qn('w:tabs')}/{qn('w:tab')}")]


def test_diktum_lines_are_label_tab_colon_tab_value(rendered):
    (first,), (second,) = tabbed(rendered, "Peringkat Akreditasi"), tabbed(rendered, "Nilai")
    for p, label, value in ((first, "Peringkat Akreditasi", "Baik Sekali"), (second, "Nilai", "308")):
        run = p.find(qn("w:r"))
        assert [child.tag.split("}")[1] for child in run] == ["t", "tab", "t", "tab", "t"]
        assert [t.text for t in run.findall(qn("w:t"))] == [label, ":", value]
    # both lines share two left stops: the colon just past the longer label, the value 0.5 cm on
    assert stops(first) == stops(second)
    (colon_kind, colon), (value_kind, value) = stops(first)
    assert colon_kind == value_kind == "left" and value - colon == 284
    assert colon >= rincian_nilai.text_width_cm("Peringkat Akreditasi") * 567
    ind = first.find(f"{qn('w:pPr')}/{qn('w:ind')}")  # a wrapped value stays in its column
    assert (int(ind.get(qn("w:left"))), int(ind.get(qn("w:hanging")))) == (value, value)


def test_diktum_lines_stand_in_the_diktum_text_column_after_its_paragraph(rendered):
    lines = plaintext.lines(rendered)
    at = lines.index("Menetapkan hasil akreditasi Program Studi Ilmu Hukum sebagai berikut:")
    assert lines[at - 2: at] == ["KESATU", ":"]
    assert lines[at + 1: at + 4] == ["Peringkat Akreditasi\t:\tBaik Sekali", "Nilai\t:\t308", "KEDUA"]
    (p,) = tabbed(rendered, "Peringkat Akreditasi")
    assert p.getparent().tag == qn("w:tc")
    assert p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")) == rendered.styles["Isi Diktum"].style_id


def test_lampiran_lines_share_stops_past_their_longest_label(rendered):
    lines = [tabbed(rendered, label)[0] for label in ("Nama\t", "Nomor Induk Kependudukan", "Jabatan")]
    assert len({tuple(stops(p)) for p in lines}) == 1
    (_, colon), _ = stops(lines[0])
    assert colon >= rincian_nilai.text_width_cm("Nomor Induk Kependudukan") * 567
    assert colon > stops(tabbed(rendered, "Peringkat Akreditasi")[0])[0][1]  # a longer label, a later colon
    spacing = [p.find(f"{qn('w:pPr')}/{qn('w:spacing')}") for p in lines]
    assert [s.get(qn("w:after")) if s is not None else None for s in spacing] == ["0", "0", None]
    assert [t.text for t in lines[2].iter(qn("w:t"))] == ["Jabatan", ":", "Ketua Komisi Pemilihan Umum Kota Mataram"]


def test_lampiran_lines_in_a_list_item_are_indented_with_it():
    block = {"rincian_nilai": [{"label": "Nama", "nilai": "A"}]}
    data = minimal_data(lampiran=[{"isi": [block, {"daftar": [{"butir": "Ketua:", "isi": [block]}]}]}])
    document = Document(io.BytesIO(kpu_docs.render_bytes(Keputusan.model_validate(data))))
    top, nested = tabbed(document, "Nama")
    assert stops(nested)[0][1] - stops(top)[0][1] == 425  # one indentation step (0.75 cm) in
    assert int(nested.find(f"{qn('w:pPr')}/{qn('w:ind')}").get(qn("w:hanging"))) == stops(top)[1][1]


def test_stops_follow_the_font_and_leave_the_value_room():
    assert rincian_nilai.stops_twips(["Nilai"], size_pt=14)[0] > rincian_nilai.stops_twips(["Nilai"])[0]
    wide = rincian_nilai.stops_twips(["Nilai"], family="Bookman Old Style")[0]
    assert wide >= rincian_nilai.stops_twips(["Nilai"], family="Arial")[0]
    colon, value = rincian_nilai.stops_twips(["x" * 200], width_cm=16.0)
    assert value <= (16.0 - rincian_nilai.LAST_VALUE_CM) * 567 + 1
    assert len(rincian_nilai._WIDTHS) == 95  # every printable ASCII character has its width


def test_a_number_value_is_the_text_typed():
    assert BarisNilai.model_validate({"label": "Nilai", "nilai": 308}).nilai == "308"
    with pytest.raises(kpu_docs.InputError) as caught:
        kpu_docs.from_data(minimal_data(diktum=[{"isi": "x", "rincian_nilai": [{"label": "Nilai"}]}]))
    assert caught.value.masalah[0].lokasi == "diktum[1].rincian_nilai[1].nilai"


def test_konsiderans_as_typed_and_citation_forms(rendered):
    lines = plaintext.lines(rendered)
    assert "a. bahwa perlu dibentuk tim kerja," in lines
    assert "b. bahwa tim kerja perlu ditetapkan; dan" in lines
    assert "1. Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;" in lines
    (pp,) = [line for line in lines if "Manajemen Pegawai Negeri Sipil" in line]
    assert pp.endswith("sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 17 Tahun 2020 (Lembaran "
                       "Negara Republik Indonesia Tahun 2020 Nomor 68, Tambahan Lembaran Negara Republik Indonesia "
                       "Nomor 6477);")
    assert "None" not in "\n".join(lines)
    assert "3. Keputusan Menteri Kesehatan Nomor: 123/KMK/2020 tentang Pedoman Pelayanan;" in lines
    assert "4. Surat Ketua Komisi Pemilihan Umum Nomor 5 Tahun 2025, dan" in lines


def test_konsiderans_normalised_by_default(tmp_path, monkeypatch):
    pending_changes(monkeypatch)
    data = body_forms_data(pengaturan={})
    lines = plaintext.lines(kpu_docs.render_docx(Keputusan.model_validate(data), templates(tmp_path)))
    assert "b. bahwa tim kerja perlu ditetapkan; dan;" in lines
    assert "4. Surat Ketua Komisi Pemilihan Umum Nomor 5 Tahun 2025, dan." in lines


def test_check_knows_the_new_fields():
    """The body forms raise no warning the same decree without them does not raise."""
    plain = minimal_data(mengingat=body_forms_data()["mengingat"])
    assert periksa(Keputusan.model_validate(body_forms_data())) == periksa(Keputusan.model_validate(plain)) == []


def test_schema_describes_the_body_forms():
    schema = Keputusan.model_json_schema()
    defs = schema["$defs"]
    assert defs["Diktum"]["properties"]["rincian_nilai"]["description"].startswith('"label : value" lines')
    assert "tab stops" in defs["RincianNilai"]["description"]
    assert defs["BarisNilai"]["properties"]["nilai"]["description"]
    assert defs["Tabel"]["properties"]["nomor_urut"]["description"].startswith("Number the rows")
    assert "Nomor:" in defs["Peraturan"]["properties"]["bentuk_nomor"]["description"]
    assert "without" in defs["Peraturan"]["properties"]["tentang"]["description"]
    assert "seperti_ditulis" in defs["Pengaturan"]["properties"]["tanda_baca_konsiderans"]["description"]
    assert NILAI[1]["nilai"] == 308  # the data keeps a YAML number, which validates to "308"


def test_tab_stops_in_their_place_in_the_paragraph_properties():
    from lxml import etree

    from kpu_docs.word import wordml

    xml = wordml.paragraph("Isi", "Nilai\t:\t308", num=wordml.numbering(3, 0), tabs=rincian_nilai.tab_stops(2552, 2836),
                           spacing='<w:spacing w:after="0"/>', ind=wordml.indent(left=2836, hanging=2836),
                           jc='<w:jc w:val="both"/>')
    ppr = etree.fromstring(f'<w:body xmlns:w="{wordml.W_NS}">{xml}</w:body>')[0][0]
    assert [etree.QName(c).localname for c in ppr] == ["pStyle", "numPr", "tabs", "spacing", "ind", "jc"]


def test_a_template_that_does_not_print_the_diktum_lines_is_refused(tmp_path, monkeypatch):
    """Lines never vanish silently: a template without {{p d.rincian_nilai }} (a restyled copy
    from before this form) is an error naming the paragraph to add."""
    import re
    import zipfile

    from kpu_docs.word.prepared import TemplateProblem
    from kpu_docs.word.templates import template_dir

    pending_changes(monkeypatch)
    old = tmp_path / "lama"
    old.mkdir()
    (old / "lampiran.docx").write_bytes((template_dir() / "lampiran.docx").read_bytes())
    with zipfile.ZipFile(template_dir() / "keputusan.docx") as zin, zipfile.ZipFile(old / "keputusan.docx", "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":  # the paragraph taken out, where it is in
                data = re.sub(rb"<w:p[ >](?:(?!<w:p[ >]).)*?\{\{p d\.rincian_nilai \}\}.*?</w:p>", b"", data, flags=re.S)
                assert b"rincian_nilai" not in data
            zout.writestr(item, data)
    keputusan = Keputusan.model_validate(body_forms_data())
    with pytest.raises(TemplateProblem, match=r"keputusan.docx: templat tidak mencetak rincian_nilai diktum"):
        kpu_docs.render_bytes(keputusan, old)
    kpu_docs.render_bytes(Keputusan.model_validate(minimal_data()), old)  # without lines: as before
