"""Where the Word templates are: inside the installed package, or templates/ in a source checkout."""

import functools
from importlib import resources
from pathlib import Path

NAMES = ("keputusan.docx", "lampiran.docx")


@functools.lru_cache(maxsize=1)
def template_dir() -> Path:
    """The folder holding keputusan.docx and lampiran.docx shipped with this version."""
    packaged = Path(str(resources.files("kpu_docs") / "templates"))
    if (packaged / NAMES[0]).is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "templates"


def template_path(name: str, folder: Path | None = None) -> Path:
    """Path of one template, from `folder` (a secretariat's restyled copies) or the shipped ones."""
    path = (folder or template_dir()) / name
    if not path.is_file():
        raise FileNotFoundError(f"templat tidak ditemukan: {path}")
    return path
