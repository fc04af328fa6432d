"""kpu-docs: Indonesian government decrees (Keputusan) from data to Word.

    import kpu_docs
    keputusan = kpu_docs.load("examples/keputusan-11-2025.yaml")
    kpu_docs.render(keputusan, "out/keputusan-11-2025.docx")
    data = kpu_docs.render_bytes(keputusan)
    report = kpu_docs.run_batch("pps.yaml", rows, "hasil", tabel=members, kunci="desa")  # rows: dicts or a DataFrame
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kpu_docs.batch import run_batch
    from kpu_docs.checks import periksa, temuan
    from kpu_docs.errors import InputError
    from kpu_docs.loading import from_data, load
    from kpu_docs.models import Keputusan
    from kpu_docs.word import render_bytes, render_docx
    from kpu_docs.word import render_file as render

# Public names and where they live, imported on first use (PEP 562) so that `import kpu_docs`,
# and with it every `kpu-docs` command, does not pay for pydantic, python-docx or Jinja up front.
_LAZY = {
    "InputError": ("kpu_docs.errors", "InputError"),
    "Keputusan": ("kpu_docs.models", "Keputusan"),
    "from_data": ("kpu_docs.loading", "from_data"),
    "load": ("kpu_docs.loading", "load"),
    "periksa": ("kpu_docs.checks", "periksa"),
    "temuan": ("kpu_docs.checks", "temuan"),
    "render": ("kpu_docs.word", "render_file"),
    "run_batch": ("kpu_docs.batch", "run_batch"),
    "render_bytes": ("kpu_docs.word", "render_bytes"),
    "render_docx": ("kpu_docs.word", "render_docx"),
}

__all__ = ["InputError", "Keputusan", "from_data", "load", "periksa", "render", "render_bytes", "render_docx", "run_batch",
           "temuan"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    try:
        module, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(import_module(module), attribute)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
