"""Pictures in the decree: the logo above the title and the QR code of an electronic signature.

Each is an image part with its relationship, and an inline drawing that shows it.
"""

from __future__ import annotations

import functools
import io
import os
from dataclasses import dataclass
from pathlib import Path

from docx.image.image import Image

from kpu_docs import bounds
from kpu_docs.bounds import FileRefused
from kpu_docs.word.parts import AddedPart
from kpu_docs.word.wordml import escape

LOGO_HEIGHT_EMU = 900000  # 2.5 cm
QR_SIZE_EMU = 828000  # 2.3 cm: scans well, fits the signature space
IMAGE_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"


@dataclass(frozen=True)
class Picture:
    """An image ready to place: its part, relationship and printed size."""

    part_name: str
    blob: bytes
    content_type: str
    width_emu: int
    height_emu: int
    filename: str
    relationship_id: str
    drawing_id: int
    """wp:docPr id, unique among the document's drawings."""

    def part(self) -> AddedPart:
        return AddedPart(self.part_name, self.content_type, self.relationship_id, IMAGE_RELATIONSHIP, self.blob, False)

    def drawing(self) -> str:
        """w:drawing of the inline picture."""
        cx, cy = self.width_emu, self.height_emu
        return (
            f'<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
            f'<wp:docPr id="{self.drawing_id}" name="{escape(self.filename)}"/><wp:cNvGraphicFramePr>'
            f'<a:graphicFrameLocks xmlns:a="{_A}" noChangeAspect="1"/></wp:cNvGraphicFramePr>'
            f'<a:graphic xmlns:a="{_A}"><a:graphicData uri="{_PIC}"><pic:pic xmlns:pic="{_PIC}">'
            f'<pic:nvPicPr><pic:cNvPr id="0" name="{escape(self.filename)}"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{self.relationship_id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
            f"</wp:inline></w:drawing>"
        )

    def in_run_text(self) -> str:
        """The drawing where a template prints a value inside a run's text: close it, draw, reopen."""
        return f'</w:t></w:r><w:r>{self.drawing()}</w:r><w:r><w:t xml:space="preserve">'


LOGO_PIXELS_MAX = 20000
"""Width or height of a logo in pixels: an emblem scanned at 1,200 dpi is a few thousand."""


@functools.lru_cache(maxsize=32)
def _read_logo(path: str, mtime_ns: int, size: int) -> Picture:
    """The logo read only as an image: its size bounded, its kind told by its header and its
    dimensions parsed from it, so no other kind of file (a text, a PDF, a key) enters the
    document; it goes in as an image part, never as text."""
    blob = bounds.read_bytes(Path(path), bounds.LOGO_MAX, "logo")
    try:
        image = Image.from_blob(blob)
        width_px, height_px = image.px_width, image.px_height
    except Exception:  # python-docx raises its own UnrecognizedImageError, end-of-file and struct errors
        raise FileRefused(f"logo: {path} bukan gambar PNG, JPEG, GIF, BMP atau TIFF yang utuh") from None
    if not (0 < width_px <= LOGO_PIXELS_MAX and 0 < height_px <= LOGO_PIXELS_MAX):
        raise FileRefused(
            f"logo: {path}: ukuran gambar {width_px} x {height_px} piksel tidak wajar "
            f"(harus 1 sampai {LOGO_PIXELS_MAX} piksel)"
        )
    width, height = image.scaled_dimensions(None, LOGO_HEIGHT_EMU)
    return Picture(f"word/media/logo.{image.ext}", blob, image.content_type, int(width), int(height),
                   Path(path).name, "rIdKpuDocsLogo", 1)


def logo(path: Path) -> Picture:
    """The logo at `path`, read again only when the file changes."""
    if not path.is_file():
        raise FileNotFoundError(f"logo: berkas tidak ditemukan: {path}")
    stat = os.stat(path)
    return _read_logo(str(path.resolve()), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=256)
def qr(text: str) -> Picture:
    """A QR code of `text` (a verification address), drawn by segno."""
    import segno

    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=8, border=2)
    return Picture("word/media/qr.png", buffer.getvalue(), "image/png", QR_SIZE_EMU, QR_SIZE_EMU, "qr.png",
                   "rIdKpuDocsQr", 2)
