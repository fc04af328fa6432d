"""Signed PDFs: a rendered decree signed with a throwaway test certificate (PAdES, pyHanko),
verified by `kpu-docs verifikasi`, and caught when a byte or a page changes after signing.

LibreOffice makes the decree PDFs: these tests skip without it, except under
KPU_DOCS_REQUIRE_LIBREOFFICE (.ci/run).
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from typer.testing import CliRunner

from kpu_docs.cli import app
from kpu_docs.models import Keputusan
from kpu_docs.pdf import to_pdf
from kpu_docs.word import render_file
from tests.conftest import minimal_data
from tests.test_libreoffice import _require_tools

pytestmark = pytest.mark.libreoffice
runner = CliRunner()
QR = "https://contoh.invalid/verifikasi/12-2025"


def _decree_pdf(folder: Path, name: str, electronic: bool) -> Path:
    _require_tools()
    data = minimal_data()
    if electronic:
        data["penutup"] = {**data["penutup"], "tanda_tangan_elektronik": {"qr": QR}}
        data["status"] = "final"
    docx = render_file(Keputusan.model_validate(data), folder / f"{name}.docx")[0]
    (pdf,) = to_pdf([docx], folder)
    return pdf


@pytest.fixture(scope="module")
def electronic_pdf(tmp_path_factory) -> Path:
    return _decree_pdf(tmp_path_factory.mktemp("elektronik"), "elektronik", electronic=True)


@pytest.fixture(scope="module")
def wet_pdf(tmp_path_factory) -> Path:
    return _decree_pdf(tmp_path_factory.mktemp("basah"), "basah", electronic=False)


def _sign(pdf: Path, test_ca: dict, output: Path, monkeypatch, *extra: str):
    monkeypatch.setenv("SANDI_UJI", test_ca["sandi"])
    return runner.invoke(app, ["tandatangani", str(pdf), "--sertifikat", str(test_ca["p12"]),
                               "--sandi-env", "SANDI_UJI", "-o", str(output), *extra])


@pytest.fixture
def signed(electronic_pdf, test_ca, tmp_path, monkeypatch) -> Path:
    output = tmp_path / "ditandatangani.pdf"
    result = _sign(electronic_pdf, test_ca, output, monkeypatch)
    assert result.exit_code == 0, result.output
    return output


def _signature_widgets(pdf: Path) -> list[tuple[int, list[float]]]:
    found = []
    for number, page in enumerate(PdfReader(pdf).pages):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/FT") == "/Sig":
                found.append((number, [float(v) for v in annotation["/Rect"]]))
    return found


def test_signed_decree_verifies(signed):
    result = runner.invoke(app, ["verifikasi", str(signed)])
    assert result.exit_code == 0, result.output
    assert "Penanda tangan : Common Name: Ketua KPU Uji" in result.output
    assert re.search(r"Waktu\s+: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d", result.output)
    assert "Keutuhan       : utuh" in result.output
    assert "Sah: " in result.output


def test_signed_decree_keeps_its_text(electronic_pdf, signed):
    before = [p.extract_text() for p in PdfReader(electronic_pdf).pages]
    after = [p.extract_text() for p in PdfReader(signed).pages]
    assert before == after
    assert signed.read_bytes().startswith(electronic_pdf.read_bytes())  # an incremental update


def test_trusted_with_the_test_ca_as_root(signed, test_ca):
    result = runner.invoke(app, ["verifikasi", str(signed), "--akar", str(test_ca["ca"])])
    assert result.exit_code == 0, result.output
    assert "Sertifikat     : terpercaya" in result.output


def test_untrusted_when_root_is_another_ca(signed, tmp_path):
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "CA Lain")])
    now = datetime.datetime.now(datetime.timezone.utc)
    other = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
             .serial_number(1).not_valid_before(now).not_valid_after(now + datetime.timedelta(days=1))
             .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
             .sign(key, hashes.SHA256()))
    root = tmp_path / "lain.pem"
    root.write_bytes(other.public_bytes(serialization.Encoding.PEM))
    result = runner.invoke(app, ["verifikasi", str(signed), "--akar", str(root)])
    assert result.exit_code == 1, result.output
    assert "Keutuhan       : utuh" in result.output and "TIDAK terpercaya" in result.output


def test_visible_signature_beside_the_qr_code(signed, electronic_pdf):
    import pdfplumber

    widgets = _signature_widgets(signed)
    assert len(widgets) == 1
    page, (x0, y0, x1, y1) = widgets[0]
    assert x1 - x0 > 20 and y1 - y0 > 20  # visible: a box with a size
    with pdfplumber.open(str(electronic_pdf)) as document:
        height = float(document.pages[page].height)
        (qr,) = [i for i in document.pages[page].images if abs((i["x1"] - i["x0"]) - (i["bottom"] - i["top"])) < 3]
    assert x0 >= qr["x1"]  # the code stays scannable
    assert abs(y1 - (height - qr["top"])) <= 1 and abs(y0 - (height - qr["bottom"])) <= 1  # as tall as the code


def test_invisible_without_the_electronic_form(wet_pdf, test_ca, tmp_path, monkeypatch):
    output = tmp_path / "ditandatangani.pdf"
    result = _sign(wet_pdf, test_ca, output, monkeypatch)
    assert result.exit_code == 0, result.output
    assert "tidak tampak" in result.output
    widgets = _signature_widgets(output)
    assert len(widgets) == 1 and widgets[0][1] == [0, 0, 0, 0]
    assert runner.invoke(app, ["verifikasi", str(output)]).exit_code == 0


def test_flipped_byte_in_signed_range_fails(signed, tmp_path):
    data = bytearray(signed.read_bytes())
    start, length = (int(v) for v in re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)", data).groups())
    stream = data.index(b"stream", start) + len(b"stream\n") + 10  # inside the first stream's bytes
    assert start <= stream < start + length
    data[stream] ^= 0x01
    changed = tmp_path / "diubah.pdf"
    changed.write_bytes(bytes(data))
    result = runner.invoke(app, ["verifikasi", str(changed)])
    assert result.exit_code == 1, result.output
    assert "RUSAK" in result.output and "Tidak sah:" in result.output
    assert "Traceback" not in result.output


def test_page_changed_in_a_later_revision_fails(signed, tmp_path):
    """Bytes kept, a revision appended that rewrites the first page: the digest still matches,
    but what was appended after the signature is not allowed."""
    writer = PdfWriter(str(signed), incremental=True)
    page = writer.pages[0]
    from pypdf.generic import ContentStream

    content = ContentStream(page.get_contents(), writer)  # type: ignore[arg-type]
    content.operations = copy.copy(content.operations)[: max(1, len(content.operations) // 2)]
    page.replace_contents(content)
    changed = tmp_path / "direvisi.pdf"
    with open(changed, "wb") as handle:
        writer.write(handle)
    assert changed.read_bytes().startswith(signed.read_bytes())
    result = runner.invoke(app, ["verifikasi", str(changed)])
    assert result.exit_code == 1, result.output
    assert "isi dokumen diubah setelah ditandatangani" in result.output


def test_wrong_password(electronic_pdf, test_ca, tmp_path, monkeypatch):
    monkeypatch.setenv("SANDI_UJI", "bukan-sandinya")
    output = tmp_path / "hasil.pdf"
    result = runner.invoke(app, ["tandatangani", str(electronic_pdf), "--sertifikat", str(test_ca["p12"]),
                                 "--sandi-env", "SANDI_UJI", "-o", str(output)])
    assert result.exit_code == 2, result.output
    assert "sandi salah" in result.output and str(test_ca["p12"]) in result.output
    assert not output.exists() and list(tmp_path.iterdir()) == []


def test_missing_password_variable(electronic_pdf, test_ca, tmp_path, monkeypatch):
    monkeypatch.delenv("SANDI_TIDAK_ADA", raising=False)
    output = tmp_path / "hasil.pdf"
    result = runner.invoke(app, ["tandatangani", str(electronic_pdf), "--sertifikat", str(test_ca["p12"]),
                                 "--sandi-env", "SANDI_TIDAK_ADA", "-o", str(output)])
    assert result.exit_code == 2, result.output
    assert "variabel lingkungan SANDI_TIDAK_ADA tidak ada" in result.output
    assert not output.exists()


def test_not_a_pdf(test_ca, tmp_path, monkeypatch):
    bukan = tmp_path / "keputusan.pdf"
    bukan.write_text("ini bukan PDF", encoding="utf-8")
    output = tmp_path / "hasil.pdf"
    result = _sign(bukan, test_ca, output, monkeypatch)
    assert result.exit_code == 2, result.output
    assert "bukan berkas PDF" in result.output and not output.exists()
    result = runner.invoke(app, ["verifikasi", str(bukan)])
    assert result.exit_code == 2 and "bukan berkas PDF" in result.output


def test_missing_certificate(electronic_pdf, tmp_path):
    output = tmp_path / "hasil.pdf"
    result = runner.invoke(app, ["tandatangani", str(electronic_pdf), "--sertifikat", str(tmp_path / "tidak-ada.p12"),
                                 "-o", str(output)])
    assert result.exit_code == 2, result.output
    assert "tidak-ada.p12: berkas sertifikat tidak ditemukan" in result.output and not output.exists()


def test_certificate_that_is_not_pkcs12(electronic_pdf, test_ca, tmp_path, monkeypatch):
    output = tmp_path / "hasil.pdf"
    monkeypatch.setenv("SANDI_UJI", test_ca["sandi"])
    result = runner.invoke(app, ["tandatangani", str(electronic_pdf), "--sertifikat", str(test_ca["ca"]),
                                 "--sandi-env", "SANDI_UJI", "-o", str(output)])
    assert result.exit_code == 2, result.output
    assert "bukan berkas PKCS#12" in result.output and not output.exists()


def test_unsigned_pdf_is_not_valid(wet_pdf):
    result = runner.invoke(app, ["verifikasi", str(wet_pdf)])
    assert result.exit_code == 1
    assert "tidak ada tanda tangan digital" in result.output


def test_output_may_not_be_the_input(electronic_pdf, test_ca, monkeypatch):
    before = electronic_pdf.read_bytes()
    result = _sign(electronic_pdf, test_ca, electronic_pdf, monkeypatch)
    assert result.exit_code == 2, result.output
    assert electronic_pdf.read_bytes() == before
