"""Parts the renderer adds to a template's package: pictures, a footer. Each needs its entry in
[Content_Types].xml and a relationship from document.xml."""

from __future__ import annotations

from dataclasses import dataclass

CONTENT_TYPES = "[Content_Types].xml"
DOCUMENT_RELATIONSHIPS = "word/_rels/document.xml.rels"


@dataclass(frozen=True)
class AddedPart:
    name: str
    """Part name in the zip, e.g. word/media/qr.png."""
    content_type: str
    relationship_id: str
    relationship_type: str
    data: bytes
    compress: bool = True
    target: str | None = None
    """The relationship's target when the part is not under word/ (e.g. "../customXml/item1.xml");
    with an empty relationship_id the document does not relate the part (another part does)."""


def _insert_before(data: bytes, closing: bytes, addition: str) -> bytes:
    end = data.rindex(closing)
    return data[:end] + addition.encode("utf-8") + data[end:]


def with_content_types(data: bytes, parts: list[AddedPart]) -> bytes:
    """[Content_Types].xml naming each added part."""
    entries = "".join(f'<Override PartName="/{p.name}" ContentType="{p.content_type}"/>' for p in parts)
    return _insert_before(data, b"</Types>", entries)


def with_relationships(data: bytes, parts: list[AddedPart]) -> bytes:
    """document.xml.rels relating each added part (targets are relative to word/)."""
    entries = "".join(
        f'<Relationship Id="{p.relationship_id}" Type="{p.relationship_type}" Target="{p.target or p.name.removeprefix("word/")}"/>'
        for p in parts
        if p.relationship_id
    )
    return _insert_before(data, b"</Relationships>", entries)
