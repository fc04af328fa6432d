"""kpu-docs: Indonesian government decrees (Keputusan) from data to Word.

    import kpu_docs
    keputusan = kpu_docs.load("examples/keputusan-11-2025.yaml")
    kpu_docs.render(keputusan, "out/keputusan-11-2025.docx")
    data = kpu_docs.render_bytes(keputusan)
"""

from kpu_docs.checks import periksa
from kpu_docs.errors import InputError
from kpu_docs.loading import from_data, load
from kpu_docs.models import Keputusan
from kpu_docs.word import render_bytes, render_docx
from kpu_docs.word import render_file as render

__all__ = ["InputError", "Keputusan", "from_data", "load", "periksa", "render", "render_bytes", "render_docx"]
__version__ = "0.1.0"
