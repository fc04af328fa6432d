"""The logo above the title: an image part, its relationship, and the inline drawing that shows it."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from docx.image.image import Image

from kpu_docs.word.wordml import escape

LOGO_HEIGHT_EMU = 900000  # 2.5 cm
RELATIONSHIP_ID = "rIdKpuDocsLogo"
IMAGE_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"


@dataclass(frozen=True)
class Logo:
    """An image ready to place: its part name and bytes, content type and printed size."""

    part_name: str
    blob: bytes
    content_type: str
    width_emu: int
    height_emu: int
    filename: str

    def drawing(self) -> str:
        """w:drawing of the inline picture, referring to the image part by RELATIONSHIP_ID."""
        cx, cy = self.width_emu, self.height_emu
        return (
            f'<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
            f'<wp:docPr id="1" name="Logo"/><wp:cNvGraphicFramePr>'
            f'<a:graphicFrameLocks xmlns:a="{_A}" noChangeAspect="1"/></wp:cNvGraphicFramePr>'
            f'<a:graphic xmlns:a="{_A}"><a:graphicData uri="{_PIC}"><pic:pic xmlns:pic="{_PIC}">'
            f'<pic:nvPicPr><pic:cNvPr id="0" name="{escape(self.filename)}"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{RELATIONSHIP_ID}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
            f"</wp:inline></w:drawing>"
        )


@functools.lru_cache(maxsize=32)
def _read(path: str, mtime_ns: int, size: int) -> Logo:
    blob = Path(path).read_bytes()
    try:
        image = Image.from_blob(blob)
    except Exception as exc:  # python-docx raises its own UnrecognizedImageError and struct errors
        raise ValueError(f"logo: {path} bukan gambar PNG, JPEG, GIF, BMP atau TIFF yang dikenali ({exc})") from None
    width, height = image.scaled_dimensions(None, LOGO_HEIGHT_EMU)
    return Logo(f"word/media/logo.{image.ext}", blob, image.content_type, int(width), int(height), Path(path).name)


def logo(path: Path) -> Logo:
    """The logo at `path`, read again only when the file changes."""
    if not path.is_file():
        raise FileNotFoundError(f"logo: berkas tidak ditemukan: {path}")
    stat = os.stat(path)
    return _read(str(path.resolve()), stat.st_mtime_ns, stat.st_size)
