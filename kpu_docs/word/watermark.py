"""The DRAF watermark of a draft decree: light grey, diagonal, behind the text of every page.

It is the shape Word itself writes for Design > Watermark > "DRAFT" (a VML text path in the
header, named PowerPlusWaterMarkObject), so Word shows it as its own watermark and LibreOffice
imports it as one (Format > Watermark) and prints it in its PDF. A header is drawn on every page
of its section, so the shape goes into every header part of the template, and a section that
has no header of its own for a page (the first page of a template without a first-page header,
or every page when page numbers move to the footer) gets the renderer's watermark-only header.
"""

from __future__ import annotations

import functools
import re

from lxml import etree

from kpu_docs.word.parts import AddedPart
from kpu_docs.word.wordml import W_NS

TEKS = "DRAF"
"""What the watermark says."""
HEADER_ID = "rIdKpuDocsDraf"
"""Relationship id of the watermark-only header, for sections without a header of their own."""
SHAPE_ID = "PowerPlusWaterMarkObject"
"""Word recognises a watermark by this shape name (Design > Watermark lists and removes it)."""
_HEADER_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
_W = f"{{{W_NS}}}"
_HEADER_PART = re.compile(r"word/header\d*\.xml")

_NAMESPACES = (
    f'xmlns:w="{W_NS}" xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w10="urn:schemas-microsoft-com:office:word"'
)
_FORMULAS = "".join(
    f'<v:f eqn="{eqn}"/>'
    for eqn in ("sum #0 0 10800", "prod #0 2 1", "sum 21600 0 @1", "sum 0 0 @2", "sum 21600 0 @3", "if @0 @3 0",
                "if @0 21600 @1", "if @0 0 @2", "if @0 @4 21600", "mid @5 @6", "mid @8 @5", "mid @7 @8", "mid @6 @7",
                "sum @6 0 @5")
)
RUN = (
    f"<w:r {_NAMESPACES}><w:rPr><w:noProof/></w:rPr><w:pict>"
    # Word's text-path shape type (o:spt 136), as Word writes it for every WordArt watermark
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e">'
    f"<v:formulas>{_FORMULAS}</v:formulas>"
    '<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" '
    'o:connectangles="270,180,90,0"/>'
    '<v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>'
    '<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>'
    # centred on the text area, turned 45 degrees up, behind the text, silver at half opacity
    f'<v:shape id="{SHAPE_ID}1" o:spid="_x0000_s2049" type="#_x0000_t136" '
    'style="position:absolute;margin-left:0;margin-top:0;width:412.4pt;height:164.95pt;rotation:315;'
    "z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;"
    'mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f" '
    'fillcolor="silver" stroked="f">'
    '<v:fill opacity=".5"/>'
    f'<v:textpath style="font-family:&quot;Arial&quot;;font-size:1pt" string="{TEKS}"/>'
    '<w10:wrap anchorx="margin" anchory="margin"/>'
    "</v:shape></w:pict></w:r>"
)
"""The watermark as a run, to stand in a header paragraph."""


def is_header(name: str) -> bool:
    """Whether a package member is a header part."""
    return _HEADER_PART.fullmatch(name) is not None


@functools.lru_cache(maxsize=64)
def with_watermark(header: bytes) -> bytes:
    """A header part with the watermark in its first paragraph (one added if it has none)."""
    root = etree.fromstring(header)
    paragraph = root.find(f"{_W}p")
    if paragraph is None:
        paragraph = etree.SubElement(root, f"{_W}p")
    run = etree.fromstring(RUN)
    properties = paragraph.find(f"{_W}pPr")
    paragraph.insert(paragraph.index(properties) + 1 if properties is not None else 0, run)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


_EMPTY_HEADER = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    f'<w:hdr xmlns:w="{W_NS}"><w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:p></w:hdr>'
).encode("utf-8")


def header_part() -> AddedPart:
    """The watermark-only header, for pages whose section has no header of its own."""
    return AddedPart("word/header-draf.xml", _CONTENT_TYPE, HEADER_ID, _HEADER_TYPE, with_watermark(_EMPTY_HEADER))


def reference_missing_headers(sect: etree._Element, relationship_id: str = HEADER_ID) -> bool:
    """Give a section properties element the watermark-only header for the pages it has no
    header for: every page ("default"), and the first page when it is a title page (w:titlePg).
    Returns whether it added any."""
    have = {h.get(f"{_W}type") for h in sect.findall(f"{_W}headerReference")}
    wanted = ["default"] + (["first"] if sect.find(f"{_W}titlePg") is not None else [])
    added = False
    for kind in wanted:
        if kind not in have:
            reference = etree.Element(f"{_W}headerReference")
            reference.set(f"{_W}type", kind)
            reference.set("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", relationship_id)
            sect.insert(0, reference)
            added = True
    return added
