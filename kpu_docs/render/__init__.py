"""From a Keputusan model to Word: templates filled by docxtpl, lists numbered, pages set up."""

from kpu_docs.render.document import render_bytes, render_documents, render_docx, render_file

__all__ = ["render_bytes", "render_documents", "render_docx", "render_file"]
