"""Word list numbering: one list instance per list, so every list restarts at a. or 1.

Templates link each list style to an abstract numbering; a list in the output gets its own
w:num over that abstract with start overrides, which is how Word itself restarts a list.
Pressing Enter at the end of an item in Word then continues that list.
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.text.paragraph import Paragraph


def abstract_of_style(document: Document, style_name: str) -> str:
    """The abstractNumId behind a list style of the template."""
    style = document.styles[style_name]
    num_id = style.element.xpath("./w:pPr/w:numPr/w:numId/@w:val")
    if not num_id:
        raise ValueError(f"gaya '{style_name}' pada templat tidak bernomor")
    numbering = document.part.numbering_part.element
    abstract = numbering.xpath(f'./w:num[@w:numId="{num_id[0]}"]/w:abstractNumId/@w:val')
    return abstract[0]


def new_list(document: Document, abstract_id: str) -> int:
    """A fresh list instance over `abstract_id` whose every level starts again at its first label."""
    numbering = document.part.numbering_part.element
    used = [int(n) for n in numbering.xpath("./w:num/@w:numId")]
    num_id = max(used, default=0) + 1
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{lvl}"><w:startOverride w:val="1"/></w:lvlOverride>' for lvl in range(9)
    )
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
            f"{overrides}</w:num>"
        )
    )
    return num_id


def set_number(paragraph: Paragraph, num_id: int, level: int = 0) -> None:
    """Give the paragraph its list instance and level (paragraph numbering beats the style's)."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()  # inserted in schema order
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


def restart_runs(document: Document, paragraphs: list[Paragraph], style_names: tuple[str, ...]) -> None:
    """Give each unbroken run of paragraphs in one of these list styles its own list instance.

    Used for lists written by template loops (diktum sub-lists): the template cannot know how
    many there will be, so their restarts are added after rendering.
    """
    by_id = {document.styles[name].style_id: name for name in style_names}
    previous = None
    for paragraph in paragraphs:
        ppr = paragraph._p.pPr
        style_id = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
        name = by_id.get(style_id)
        if name is not None and name != previous:
            current = new_list(document, abstract_of_style(document, name))
        if name is not None:
            set_number(paragraph, current)
        previous = name
