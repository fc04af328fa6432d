"""Building and changing decrees in code: validated like a file, with the same messages."""

import json

import pytest

import kpu_docs
from kpu_docs.errors import InputError
import kpu_docs.models as models
from kpu_docs.models import (
    BarisNilai,
    Daftar,
    Keputusan,
    Lampiran,
    Paragraf,
    RincianNilai,
    Tabel,
    TabelBlok,
    TabelKelompok,
    TabelKelompokBlok,
)
from tests.conftest import EXAMPLE, minimal_data


def test_blocks_built_in_code_are_accepted_where_they_belong():
    tabel = Tabel(kolom=["NO", "NAMA"], nomor_urut=True, baris=[["Ani"], ["Budi"]])
    grouped = TabelKelompok(kolom=["NO", "KOMPONEN", "TARGET"], kelompok=[{"nama": "SDM", "baris": [["2026"]]}])
    rincian = RincianNilai(rincian_nilai=[BarisNilai(label="Nilai", nilai=308)])
    lampiran = Lampiran(isi=["Pembuka.", Daftar(daftar=["Satu."]), tabel, grouped, rincian])
    assert [type(b) for b in lampiran.isi] == [Paragraf, Daftar, TabelBlok, TabelKelompokBlok, RincianNilai]
    assert lampiran.isi[2].tabel is tabel
    document = kpu_docs.render_docx(Keputusan.model_validate(minimal_data(lampiran=[lampiran])))
    tables = [[c.text for c in t._cells] for t in document.tables]
    assert ["NO", "NAMA", "1", "Ani", "2", "Budi"] in tables
    assert ["NO", "KOMPONEN", "TARGET", "1", "SDM", "2026"] in tables


def test_ubah_validates_and_speaks_indonesian(reference):
    assert reference.ubah(nomor="46").nomor == "46"
    assert reference.nomor == "11"  # the original is unchanged
    with pytest.raises(InputError) as caught:
        reference.ubah(nomor=46)
    assert [str(m) for m in caught.value.masalah][0].startswith("nomor: harus berupa teks")
    with pytest.raises(InputError, match="nomor_salah: kunci tidak dikenal"):
        reference.ubah(nomor_salah="1")


def test_model_copy_with_update_is_validated_not_stored_raw(reference):
    """pydantic's model_copy(update=...) would keep the mapping and the table would vanish."""
    lampiran = reference.lampiran[0].model_copy(update={"isi": [{"tabel": {"kolom": ["A", "B"], "baris": [["1", "2"]]}}]})
    assert isinstance(lampiran.isi[0], TabelBlok)
    with pytest.raises(InputError, match=r"isi\[1\]\.tabel: harus berupa pemetaan kunci: nilai"):
        reference.lampiran[0].model_copy(update={"isi": [{"tabel": 5}]})


def test_constructors_give_the_messages_a_file_gives(tmp_path):
    with pytest.raises(InputError) as in_code:
        Tabel(kolom=[])
    assert [str(m) for m in in_code.value.masalah] == ["kolom: minimal berisi 1 butir"]
    broken = tmp_path / "k.yaml"
    broken.write_text(EXAMPLE.read_text(encoding="utf-8").replace("nomor: \"11\"", "nomor: 11"), encoding="utf-8")
    if broken.read_text(encoding="utf-8") != EXAMPLE.read_text(encoding="utf-8"):
        with pytest.raises(InputError, match="nomor: harus berupa teks"):
            kpu_docs.load(broken)


def test_help_on_every_model_lists_its_fields_with_their_descriptions():
    """help(kpu_docs.models.Tabel) shows what each field is for, as the JSON Schema does."""
    import pydoc

    from kpu_docs.models.base import Model, attribute_docstrings

    classes = [getattr(models, name) for name in models.__all__]
    classes = [c for c in classes if isinstance(c, type) and issubclass(c, Model)]
    assert len(classes) > 20
    for klass in classes:
        shown = pydoc.render_doc(klass, renderer=pydoc.plaintext)
        docs = attribute_docstrings(klass)
        assert "Fields:" in shown, klass
        for name in klass.model_fields:
            assert f"|      {name}" in shown, (klass, name)
            if (klass, name) == (models.Paragraf, "paragraf"):
                continue  # running text: the schema describes it with the markup (models.base.TEKS)
            first_line = docs[name].splitlines()[0]
            assert first_line in shown, (klass, name)


def test_the_schema_keeps_each_model_s_own_description():
    schema = kpu_docs.Keputusan.model_json_schema()
    assert schema["description"].startswith("A decree (Keputusan)")
    assert "Fields:" not in json.dumps(schema)
