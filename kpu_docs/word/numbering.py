"""Word list numbering: one list instance per list, so every list restarts at a. or 1.

Templates link each list style to an abstract numbering; a list in the output gets its own
w:num over that abstract with start overrides, which is how Word itself restarts a list.
Pressing Enter at the end of an item in Word then continues that list.
"""

from __future__ import annotations

import functools

from lxml import etree

from kpu_docs.word.package import Member, Prefix
from kpu_docs.word.prepared import Prepared
from kpu_docs.word.wordml import W_NS, ppr_child

_W = f"{{{W_NS}}}"
_RESTART_EVERY_LEVEL = "".join(
    f'<w:lvlOverride w:ilvl="{lvl}"><w:startOverride w:val="1"/></w:lvlOverride>' for lvl in range(9)
)
@functools.lru_cache(maxsize=64)
def _split(template: Prepared) -> tuple[Prefix, bytes]:
    """numbering.xml up to its closing tag, compressed once, and the closing tag."""
    base = template.members["word/numbering.xml"]
    end = base.rindex(b"</w:numbering>")
    return Prefix.of("word/numbering.xml", base[:end]), base[end:]


@functools.lru_cache(maxsize=64)
def _first_free_id(template: Prepared) -> int:
    return 1 + max((int(n) for n in template.numbering.xpath("./w:num/@w:numId", namespaces={"w": W_NS})), default=0)


class Lists:
    """The list instances of one rendered package, added to the template's numbering part."""

    def __init__(self, template: Prepared):
        self._template = template
        self._next = _first_free_id(template)
        self._added: list[str] = []

    def new(self, style_name: str) -> int:
        """A fresh instance of the list behind `style_name`, every level starting at its first label."""
        abstract = self._template.abstract_of_style(style_name)
        num_id = self._next
        self._next += 1
        self._added.append(
            f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>{_RESTART_EVERY_LEVEL}</w:num>'
        )
        return num_id

    def part(self) -> Member:
        """numbering.xml with the new instances after the template's own (w:num comes last)."""
        head, closing = _split(self._template)
        return head.followed_by(("".join(self._added)).encode("utf-8") + closing)


def set_number(p: etree._Element, num_id: int, level: int = 0) -> None:
    """Give the paragraph its list instance and level (paragraph numbering beats the style's)."""
    num_pr = ppr_child(p, "numPr")
    num_pr.clear()
    etree.SubElement(num_pr, f"{_W}ilvl").set(f"{_W}val", str(level))
    etree.SubElement(num_pr, f"{_W}numId").set(f"{_W}val", str(num_id))


@functools.lru_cache(maxsize=16)
def _paragraphs_in(style_ids: tuple[str, ...]) -> etree.XPath:
    test = " or ".join(f'@w:val="{i}"' for i in style_ids)
    return etree.XPath(f".//w:p[w:pPr/w:pStyle[{test}]]", namespaces={"w": W_NS})


def restart_runs(body: etree._Element, lists: Lists, style_names: dict[str, str]) -> None:
    """Give each unbroken run of paragraphs in one of these list styles its own list instance.

    `style_names` maps a style id to its name. Used for lists written by template loops
    (diktum sub-lists): the template cannot know how many there will be, so their restarts are
    added after rendering. A run is a sequence of sibling paragraphs in the same style.
    """
    previous, previous_name, current = None, None, 0
    val = f"{_W}val"
    for p in _paragraphs_in(tuple(style_names))(body):
        name = style_names[p.find(f"{_W}pPr/{_W}pStyle").get(val)]
        if name != previous_name or p.getprevious() is not previous:
            current = lists.new(name)
        set_number(p, current)
        previous, previous_name = p, name
