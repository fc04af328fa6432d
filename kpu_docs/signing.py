"""A decree's PDF signed with the office's certificate (PAdES, through pyHanko), and checked.

The electronic signature form prints a QR code and the BSrE sentence, but those are ink: only a
digital signature in the PDF says who signed, when, and that nothing changed since. Signing adds
one as an incremental update (the signed bytes stay as LibreOffice wrote them); verifying reads
every signature back and checks its digest, its CMS signature and what was appended after it.

Where the decree uses the electronic form, the signature is visible at the QR code: the QR code
is found as the first square picture on a page that also prints "elektronik" above it (the line
"Ditandatangani secara elektronik oleh:"), and the field stands beside it, as tall as the code,
from its right edge towards the page's, showing the signer and the time; the code itself stays
uncovered, so that it can still be scanned. Without
that form the signature is invisible (the PDF still carries it; a PDF reader lists it).
"""

from __future__ import annotations

import logging
import os
import warnings
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kpu_docs.errors import KpuDocsError
from kpu_docs.files import refuse_overwriting_inputs, write_atomic

FIELD = "TandaTanganKeputusan"
"""The name of the signature field kpu-docs adds."""


class SigningError(KpuDocsError):
    """Signing or verifying cannot start: a missing or wrong file, a wrong password (exit 2)."""


class SigningUnavailable(SigningError):
    """pyHanko is not installed (the `ttd` extra)."""


@dataclass(frozen=True)
class SignatureBox:
    """Where a visible signature goes: a page (0-based) and a box in PDF points from the bottom left."""

    page: int
    box: tuple[int, int, int, int]


@dataclass(frozen=True)
class SignatureReport:
    """One signature of a PDF as verification found it."""

    field: str
    penanda_tangan: str
    waktu: datetime | None
    utuh: bool
    """The digest matches: the signed bytes are those signed."""
    sah: bool
    """The CMS signature is mathematically sound for that certificate."""
    seluruh_berkas: bool
    """Nothing but allowed form filling or later signatures was appended after it."""
    terpercaya: bool
    """The certificate chains to a trusted root given to verify (never without one)."""
    perubahan: str
    """What pyHanko's difference analysis says of what was appended after it."""

    @property
    def baik(self) -> bool:
        return self.utuh and self.sah and self.seluruh_berkas


def _pyhanko() -> None:
    """pyHanko, quiet: its log records (a certificate path it could not build) are findings this
    module reports in Indonesian, and a deprecation warning of an algorithm not used is noise."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            warnings.filterwarnings("ignore", message=".*DSA.*")
            import pyhanko.sign  # noqa: F401
    except ImportError:
        raise SigningUnavailable(
            "pyHanko tidak terpasang: pasang dengan pip install 'kpu-docs[ttd]' untuk menandatangani PDF"
        ) from None
    for name in ("pyhanko", "pyhanko_certvalidator"):
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())
        logger.propagate = False


def _read_pdf(path: Path) -> bytes:
    if not path.is_file():
        raise SigningError(f"{path}: berkas tidak ditemukan")
    data = path.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-2048:]:
        raise SigningError(f"{path}: bukan berkas PDF (atau PDF yang terpotong)")
    return data


def find_signature_box(pdf: Path) -> SignatureBox | None:
    """The place of the visible signature, beside the QR code of the electronic signature form, or
    None when the decree does not use it.

    The first page printing "elektronik" with a square picture of 1.5 to 7 cm below that word
    (the QR code, under "Ditandatangani secara elektronik oleh:"); the BSrE footer alone, on pages
    with no such picture, does not count."""
    import pdfplumber

    with pdfplumber.open(str(pdf)) as document:
        for number, page in enumerate(document.pages):
            marks = page.search("elektronik", regex=False, case=False)
            if not marks:
                continue
            for image in page.images:
                width, height = image["x1"] - image["x0"], image["bottom"] - image["top"]
                square = width > 0 and abs(width - height) <= 0.1 * width
                if not (square and 42 <= width <= 200):
                    continue
                if any(mark["top"] <= image["top"] for mark in marks):
                    top = float(page.height) - image["top"]
                    bottom = float(page.height) - image["bottom"]
                    right = min(float(page.width) - 28, image["x1"] + 6 + 3 * width)
                    box = (round(image["x1"] + 6), round(bottom), round(right), round(top))
                    return SignatureBox(number, box)
    return None


def load_certificate(p12: Path, sandi: bytes | None):  # -> pyhanko SimpleSigner
    """The signer from a PKCS#12 file (.p12/.pfx), or SigningError saying what is wrong."""
    _pyhanko()
    from pyhanko.sign import signers

    if not p12.is_file():
        raise SigningError(f"{p12}: berkas sertifikat tidak ditemukan")
    try:
        return signers.SimpleSigner.load_pkcs12_data(p12.read_bytes(), other_certs=[], passphrase=sandi)
    except ValueError:
        hint = "" if sandi else "; beri sandinya lewat variabel lingkungan dengan --sandi-env NAMA"
        raise SigningError(
            f"{p12}: sertifikat tidak dapat dibuka: sandi salah atau bukan berkas PKCS#12 (.p12/.pfx){hint}"
        ) from None


def password_from_env(name: str | None) -> bytes | None:
    """The certificate's password from the environment variable named (never from the command line,
    where other users of the machine could read it)."""
    if name is None:
        return None
    value = os.environ.get(name)
    if value is None:
        raise SigningError(f"--sandi-env {name}: variabel lingkungan {name} tidak ada")
    return value.encode("utf-8")


def sign(pdf: Path, p12: Path, output: Path, sandi: bytes | None = None, alasan: str | None = None,
         lokasi: str | None = None) -> SignatureBox | None:
    """Write `output`: `pdf` signed (PAdES baseline B, SHA-256) with the certificate in `p12`.

    Visible over the QR code when the decree uses the electronic form (returned), else invisible.
    Nothing is written when anything fails."""
    _pyhanko()
    from io import BytesIO

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import TextStampStyle

    pdf, p12, output = Path(pdf), Path(p12), Path(output)
    refuse_overwriting_inputs([output], [pdf, p12])
    data = _read_pdf(pdf)
    signer = load_certificate(p12, sandi)
    place = find_signature_box(pdf)
    try:
        writer = IncrementalPdfFileWriter(BytesIO(data), strict=False)
        if place is not None:
            fields.append_signature_field(
                writer, sig_field_spec=fields.SigFieldSpec(FIELD, on_page=place.page, box=place.box)
            )
        metadata = signers.PdfSignatureMetadata(
            field_name=FIELD, subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256",
            reason=alasan, location=lokasi,
        )
        style = TextStampStyle(stamp_text="%(signer)s\n%(ts)s", border_width=0)
        signed = BytesIO()
        signers.PdfSigner(metadata, signer=signer, stamp_style=style).sign_pdf(writer, output=signed)
    except (PdfReadError, KeyError, TypeError) as exc:
        raise SigningError(f"{pdf}: PDF tidak dapat dibaca untuk ditandatangani: {exc}") from None
    write_atomic(output, signed.getvalue())
    return place


def verify(pdf: Path, akar: list[Path] | None = None) -> list[SignatureReport]:
    """Every signature of `pdf`, checked: digest, signature, what was appended after it, and
    (with `akar`, PEM or DER root certificates) the certificate chain."""
    _pyhanko()
    from io import BytesIO

    from asn1crypto import pem, x509  # type: ignore[import-untyped]
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    pdf = Path(pdf)
    data = _read_pdf(pdf)
    roots: list[x509.Certificate] = []
    for root in akar or []:
        if not root.is_file():
            raise SigningError(f"--akar {root}: berkas tidak ditemukan")
        raw = root.read_bytes()
        try:
            if pem.detect(raw):
                roots.extend(x509.Certificate.load(der) for _, _, der in pem.unarmor(raw, multiple=True))
            else:
                roots.append(x509.Certificate.load(raw))
        except ValueError:
            raise SigningError(f"--akar {root}: bukan sertifikat (PEM atau DER)") from None
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        signatures = list(reader.embedded_signatures)
    except (PdfReadError, KeyError, TypeError, ValueError) as exc:
        raise SigningError(f"{pdf}: PDF tidak dapat dibaca: {exc}") from None
    reports = []
    for signature in signatures:
        try:
            status = validate_pdf_signature(signature, context)
        except Exception as exc:  # noqa: BLE001 - a damaged signature is a failed check, not a crash
            reports.append(SignatureReport(signature.field_name, "(tidak terbaca)", None, False, False, False, False,
                                           f"tanda tangan tidak dapat diperiksa: {type(exc).__name__}"))
            continue
        level = status.modification_level
        whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE or (
            status.coverage == SignatureCoverageLevel.ENTIRE_REVISION
            and level is not None and level <= ModificationLevel.FORM_FILLING
        )
        perubahan = {
            None: "tidak dapat dianalisis",
            ModificationLevel.NONE: "tidak ada",
            ModificationLevel.LTA_UPDATES: "hanya data validasi/cap waktu",
            ModificationLevel.FORM_FILLING: "hanya pengisian formulir atau tanda tangan berikutnya",
        }.get(level, "isi dokumen diubah setelah ditandatangani")
        if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
            perubahan = "tidak ada"
        reports.append(SignatureReport(
            field=signature.field_name,
            penanda_tangan=status.signing_cert.subject.human_friendly,
            waktu=status.signer_reported_dt,
            utuh=bool(status.intact),
            sah=bool(status.valid),
            seluruh_berkas=whole,
            terpercaya=bool(roots) and bool(status.trusted),
            perubahan=perubahan,
        ))
    return reports
