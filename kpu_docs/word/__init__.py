"""From a Keputusan model to Word: templates in docxtpl's tags compiled once, the Lampiran written
as WordprocessingML, lists numbered, pages set up, the package zipped.

The functions are also kpu_docs.render (render_file), kpu_docs.render_bytes and kpu_docs.render_docx.
"""

from kpu_docs.word.document import render_bytes, render_documents, render_docx, render_file

__all__ = ["render_bytes", "render_documents", "render_docx", "render_file"]
