"""The command line: a thin shell that speaks Indonesian and exits non-zero on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from docx import Document
from ruamel.yaml import YAML
from typer.testing import CliRunner

import kpu_docs
from kpu_docs import plaintext
from kpu_docs.cli import app
from tests.conftest import EXAMPLE

runner = CliRunner()


def test_render_writes_stem_docx(tmp_path):
    result = runner.invoke(app, ["render", str(EXAMPLE), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    target = tmp_path / "keputusan-11-2025.docx"
    assert "NOMOR 11 TAHUN 2025" in plaintext.lines(Document(str(target)))


def test_bad_input_exits_2_with_indonesian_message_and_no_file(tmp_path):
    bad = tmp_path / "salah.yaml"
    bad.write_text("instansi: KPU Kota Mataram\ntahun: dua ribu\n", encoding="utf-8")
    result = runner.invoke(app, ["render", str(bad), "-o", str(tmp_path / "hasil")])
    assert result.exit_code == 2
    assert "tahun: harus berupa bilangan bulat" in result.output
    assert "nomor: wajib diisi" in result.output
    assert not (tmp_path / "hasil").exists()


def test_check_names_the_line_the_key_and_the_fix(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8").replace("\nmenimbang:\n", "\nMenimbang:\n").replace('nomor: "11"', "nomor: 11")
    bad = tmp_path / "salah.yaml"
    bad.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", str(bad)])
    assert result.exit_code == 2
    assert result.output.splitlines()[1:] == [
        '  - baris 12, kolom 1: nomor: harus berupa teks; beri tanda kutip: nomor: "11"',
        "  - baris 20, kolom 1: Menimbang: kunci tidak dikenal; maksud Anda menimbang?",
    ]


def test_schema_validates_the_example():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    data = YAML(typ="safe").load(EXAMPLE)
    data = json.loads(json.dumps(data, default=str))  # dates as ISO text, as an editor sees them
    jsonschema.Draft202012Validator(schema).validate(data)
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors({**data, "tahun": "x", "lain": 1}))
    assert len(errors) == 2


def test_check_reports_warnings(tmp_path):
    data = YAML(typ="safe").load(EXAMPLE)
    data["nomor"] = "[ISI NOMOR]"
    path = tmp_path / "draf.json"
    path.write_text(json.dumps(data, default=str), encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 0
    assert "Peringatan" in result.output and "nomor: masih [ISI NOMOR]" in result.output


def test_import_writes_yaml_that_loads_back(reference_docx, reference, tmp_path):
    target = tmp_path / "impor.yaml"
    result = runner.invoke(app, ["import", str(reference_docx), "-o", str(target)])
    assert result.exit_code == 0, result.output
    imported = kpu_docs.load(target)
    assert imported == reference  # our own .docx: exactly, the subject's case included
    assert not target.read_text(encoding="utf-8").startswith("# Tidak terbaca")  # nothing guessed, nothing left


def test_import_of_an_unknown_kind_of_file_is_refused(tmp_path):
    path = tmp_path / "keputusan.odt"
    path.write_bytes(b"PK")
    result = runner.invoke(app, ["import", str(path), "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2 and "hanya berkas .docx, .pdf, .txt atau gambar halaman" in result.output
    assert not (tmp_path / "x.yaml").exists()


def test_messages_print_user_text_literally(tmp_path):
    bad = tmp_path / "[b]salah[b].yaml"
    bad.write_text("tahun: [2025\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(bad)])
    assert result.exit_code == 2
    assert "[b]salah[b].yaml" in result.output and "YAML tidak sah" in result.output


def test_render_several_files_converts_all_pdfs_in_one_start(tmp_path, monkeypatch):
    from kpu_docs import pdf as pdf_module

    other = tmp_path / "keputusan-12-2025.yaml"
    other.write_text(EXAMPLE.read_text(encoding="utf-8").replace('nomor: "11"', 'nomor: "12"', 1), encoding="utf-8")
    starts = []

    def fake_soffice(command, timeout):  # stands in for LibreOffice: writes each PDF it is given
        documents = [part for part in command if part.endswith(".docx")]
        outdir = command[command.index("--outdir") + 1]
        for document in documents:
            (Path(outdir) / f"{Path(document).stem}.pdf").write_bytes(b"%PDF-1.6\n%%EOF\n")
        starts.append((documents, outdir))
        return 0, ""

    monkeypatch.setattr(pdf_module, "soffice", lambda: "soffice")
    monkeypatch.setattr(pdf_module, "_run", fake_soffice)
    result = runner.invoke(app, ["render", str(EXAMPLE), str(other), "-o", str(tmp_path / "hasil"), "--pdf"])
    assert result.exit_code == 0, result.output
    assert "NOMOR 12 TAHUN 2025" in plaintext.lines(Document(str(tmp_path / "hasil" / "keputusan-12-2025.docx")))
    assert [len(documents) for documents, _ in starts] == [2]
    assert "keputusan-12-2025.pdf" in result.output


def test_render_checks_every_file_before_writing_any(tmp_path):
    bad = tmp_path / "salah.yaml"
    bad.write_text("tahun: dua ribu\n", encoding="utf-8")
    result = runner.invoke(app, ["render", str(EXAMPLE), str(bad), "-o", str(tmp_path / "hasil")])
    assert result.exit_code == 2 and "tahun: harus berupa bilangan bulat" in result.output
    assert not (tmp_path / "hasil").exists()


def test_control_characters_from_the_data_are_written_out_not_sent_to_the_terminal():
    from kpu_docs.cli import escape, printable

    assert printable("a\x1b[2Jb\x07 \u202eTXT.exe\tc\nd") == "a\\x1b[2Jb\\x07 \\u202eTXT.exe\tc\nd"
    assert escape("[b]\x1b[31m") == "\\[b]\\x1b[31m"  # rich markup escaped too


def test_a_missing_file_is_said_to_be_missing_not_invalid(tmp_path):
    missing = tmp_path / "tidak-ada.yaml"
    for command in (["render", str(missing), "-o", str(tmp_path / "hasil")], ["check", str(missing)],
                    ["next-year", str(missing), "-o", str(tmp_path / "baru.yaml")]):
        result = runner.invoke(app, command)
        assert result.exit_code == 2, result.output
        assert f"Galat: {missing}: berkas tidak ditemukan" in result.output
        assert "tidak sah" not in result.output


def test_render_of_several_files_names_the_file_of_each_warning(tmp_path):
    kulonprogo = EXAMPLE.with_name("kulonprogo-215-2013.yaml")
    result = runner.invoke(app, ["render", str(EXAMPLE), str(kulonprogo), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("Peringatan:")]
    assert warnings
    for line in warnings:
        assert line.startswith((f"Peringatan: {EXAMPLE}: ", f"Peringatan: {kulonprogo}: ")), line
    # each decree's own finding under its own name: the reference's closing menimbang, Kulon Progo's UU order
    assert any(line.startswith(f"Peringatan: {EXAMPLE}: menimbang_penutup:") for line in warnings)
    assert any(line.startswith(f"Peringatan: {kulonprogo}: mengingat[3]:") for line in warnings)
