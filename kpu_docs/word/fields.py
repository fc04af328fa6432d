"""Word fields in a template that fetch or run something when the decree is opened or updated.

A template's relationships are checked for targets outside it (archive.external_relationships),
but a field reaches out on its own: INCLUDEPICTURE "\\\\host\\share\\x.png" makes Word fetch a
picture over SMB (and hand the server the user's credentials), INCLUDETEXT "http://..." pulls
text in, DDEAUTO runs a program. Rendered into every decree of an office, each would reach
every reader. A field is written either as w:fldSimple w:instr="..." or as runs between
w:fldChar begin and separate holding w:instrText pieces (a field name may be split across
runs); both are read here, in every XML part of the template.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from kpu_docs.word.wordml import W_NS

_W = f"{{{W_NS}}}"
REACHING_OUT = frozenset({
    "INCLUDEPICTURE", "INCLUDETEXT", "INCLUDE", "LINK", "DDE", "DDEAUTO", "IMPORT", "DATABASE",
    "EMBED", "MACROBUTTON", "PRINT", "AUTOTEXTLIST",
})
"""Field types that fetch a file or an address, run a program or a macro, or talk to the printer."""
_NAME = re.compile(r'[\s"]*([A-Za-z]+)')


def _instructions(root: etree._Element) -> Iterator[str]:
    """The code of every field in a part: each w:fldSimple's w:instr, and each complex field's
    w:instrText pieces joined (nested fields apart, each its own)."""
    stack: list[list[str] | None] = []  # per open field: its code so far, None once it was read
    for element in root.iter(f"{_W}fldSimple", f"{_W}fldChar", f"{_W}instrText", f"{_W}delInstrText"):
        tag = element.tag
        if tag == f"{_W}fldSimple":
            yield element.get(f"{_W}instr") or ""
        elif tag == f"{_W}fldChar":
            kind = element.get(f"{_W}fldCharType")
            if kind == "begin":
                stack.append([])
            elif kind in ("separate", "end") and stack:
                code = stack[-1]
                if code is not None:
                    yield "".join(code)
                if kind == "end":
                    stack.pop()
                else:
                    stack[-1] = None
        elif stack and stack[-1] is not None:
            stack[-1].append(element.text or "")
        else:  # an instruction outside any field's code: read it anyway
            yield element.text or ""
    for pieces in stack:  # a field never closed
        if pieces is not None:
            yield "".join(pieces)


def reaching_out(trees: dict[str, etree._Element]) -> list[str]:
    """'FIELD ... di PART' for every field of REACHING_OUT in the XML parts `trees` (name -> root),
    and for every field whose code holds a template tag (what it becomes depends on the data)."""
    found = []
    for part, root in trees.items():
        for code in _instructions(root):
            name = _NAME.match(code)
            made_by_tags = "{{" in code or "{%" in code  # a field whose code the decree's data would write
            if made_by_tags or (name and name.group(1).upper() in REACHING_OUT):
                shown = " ".join(code.split())
                shown = shown if len(shown) <= 80 else shown[:77] + "..."
                found.append(f"{shown} di {part}")
    return found
