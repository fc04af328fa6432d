"""Applying the templates' named styles to generated paragraphs, by style id.

python-docx looks a style up by scanning every style on each assignment; a Lampiran sets
thousands of them, so the ids are looked up once per document here.
"""

from __future__ import annotations

from docx.text.paragraph import Paragraph


class StyleIds:
    """Name-to-id map of one document's styles (a restyled template may rename ids, not names)."""

    def __init__(self, document):
        self._styles = document.styles
        self._ids: dict[str, str] = {}

    def __getitem__(self, name: str) -> str:
        if name not in self._ids:
            self._ids[name] = self._styles[name].style_id
        return self._ids[name]

    def apply(self, paragraph: Paragraph, name: str) -> Paragraph:
        paragraph._p.style = self[name]
        return paragraph

    def add(self, container, text: str, name: str) -> Paragraph:
        """A new paragraph at the end of `container` (a document, subdoc or cell) in style `name`."""
        return self.apply(container.add_paragraph(text), name)
