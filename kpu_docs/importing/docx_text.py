"""A .docx not made by kpu-docs as lines of text, for the hand-written decree reader.

Paragraphs become lines with their Word list labels (plaintext computes them). Tables are of two
kinds in such files: layout tables holding "Menimbang | : | a. ..., b. ..." (one line per cell
paragraph, the label first), and data tables (one tab-separated line per row).
"""

from __future__ import annotations

import re

from docx.document import Document

from kpu_docs import plaintext
from kpu_docs.plaintext import TableBlock

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

_LAYOUT_LABEL = re.compile(
    r"^(menimbang|mengingat|memperhatikan|menetapkan|memutuskan|ke[a-z ]+|pertama|ditetapkan di|pada tanggal)\s*:?$",
    re.I,
)


def _is_layout(block: TableBlock) -> bool:
    """A borderless layout table: some row reads "label | : | text"."""
    for row in block.rows:
        cells = [(c or "").strip() for c in row]
        if ":" in cells[1:3] or (cells and _LAYOUT_LABEL.match(cells[0] or "")):
            return True
    return False


def lines(document: Document) -> list[str]:
    """The document as lines: what the hand-written reader reads from a .txt."""
    out: list[str] = []
    for block in plaintext.blocks(document):
        if not isinstance(block, TableBlock):
            out.append(str(block))
            continue
        if _is_layout(block):
            for row in block.rows:
                cells = [(c or "").strip() for c in row]
                first = cells[0]
                rest = [c for c in dict.fromkeys(cells[1:]) if c and c != ":"]  # spans repeat a cell
                texts = "\n".join(rest).split("\n") if rest else []
                if first:
                    out.append(f"{first} : {texts[0]}" if texts else first)
                    out += texts[1:]
                else:
                    out += texts
            continue
        for row in block.rows:
            out.append("\t".join((c or "").replace("\n", " ") for c in row))
        out.append("")
    return out


_KINDS = {"text/html": "HTML", "application/xhtml+xml": "HTML", "text/plain": "teks", "application/rtf": "RTF",
          "text/rtf": "RTF", "message/rfc822": "MHT"}
_TAG = re.compile(r"<[^>]*>|&[#\w]+;")


def alt_chunks(document: Document) -> list[str]:
    """Each w:altChunk of the body (content another program pasted in as HTML, RTF or a whole
    .docx, which Word shows as part of the text): the reader does not read inside them, so each
    is named, with its kind and the start of its text, rather than dropped without a word."""
    found = []
    rels = document.part.rels
    for number, chunk in enumerate(document.element.body.iter(f"{{{_W}}}altChunk"), start=1):
        rid = chunk.get(f"{{{_R}}}id")
        rel = rels.get(rid) if rid else None
        if rel is None or rel.is_external:
            found.append(f"sisipan altChunk ke-{number}: tidak dibaca (bagiannya tidak ada di dokumen)")
            continue
        part = rel.target_part
        kind = _KINDS.get(part.content_type.split(";")[0], "dokumen Word" if "wordprocessingml" in part.content_type else part.content_type)
        start = ""
        if kind in ("HTML", "teks", "MHT"):
            text = " ".join(_TAG.sub(" ", part.blob[:20_000].decode("utf-8", "replace")).split())
            start = f": {text[:120]}{'...' if len(text) > 120 else ''}" if text else ""
        found.append(f"sisipan altChunk ke-{number} ({kind}, {part.partname}) tidak dibaca; salin isinya ke dokumen "
                     f"sebagai teks biasa lalu impor lagi{start}")
    return found
