"""Which fonts a decree uses, and the free font of the same metrics LibreOffice prints it with.

An office writes in Bookman Old Style or Arial; a server has neither. Left alone, LibreOffice
takes whatever fontconfig offers (often DejaVu Sans, a sans-serif of other widths), so the PDF
breaks lines and pages elsewhere than Word does. A metric-compatible face (same advance widths)
keeps every line where Word puts it: the PDF path gives LibreOffice a replacement table naming
it, and warns about a font that has neither itself nor such a face on this machine.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"

SUBSTITUTES: dict[str, tuple[tuple[str, str], ...]] = {
    # font an office names: (metric-compatible family, Debian package), best first
    "bookman old style": (("URW Bookman", "fonts-urw-base35"), ("TeX Gyre Bonum", "fonts-texgyre"),
                          ("URW Bookman L", "gsfonts")),
    "bookman": (("URW Bookman", "fonts-urw-base35"), ("TeX Gyre Bonum", "fonts-texgyre")),
    "arial": (("Liberation Sans", "fonts-liberation2"), ("Arimo", "fonts-croscore")),
    "helvetica": (("Liberation Sans", "fonts-liberation2"), ("Nimbus Sans", "fonts-urw-base35")),
    "arial narrow": (("Liberation Sans Narrow", "fonts-liberation"),),
    "times new roman": (("Liberation Serif", "fonts-liberation2"), ("Tinos", "fonts-croscore")),
    "times": (("Liberation Serif", "fonts-liberation2"), ("Nimbus Roman", "fonts-urw-base35")),
    "courier new": (("Liberation Mono", "fonts-liberation2"), ("Cousine", "fonts-croscore")),
    "courier": (("Liberation Mono", "fonts-liberation2"), ("Nimbus Mono PS", "fonts-urw-base35")),
    "calibri": (("Carlito", "fonts-crosextra-carlito"),),
    "cambria": (("Caladea", "fonts-crosextra-caladea"),),
    "century schoolbook": (("C059", "fonts-urw-base35"), ("TeX Gyre Schola", "fonts-texgyre")),
    "palatino linotype": (("P052", "fonts-urw-base35"), ("TeX Gyre Pagella", "fonts-texgyre")),
    "book antiqua": (("P052", "fonts-urw-base35"), ("TeX Gyre Pagella", "fonts-texgyre")),
    "century gothic": (("URW Gothic", "fonts-urw-base35"), ("TeX Gyre Adventor", "fonts-texgyre")),
}
"""Metric-compatible free faces: the same advance widths, so lines and pages break as in Word."""

IGNORED = {"symbol", "wingdings", "ms mincho", "ms gothic", "ｍｓ 明朝", "ｍｓ ゴシック"}
"""Symbol and East Asian faces of the template's font table, used by no Latin text of a decree."""


@dataclass(frozen=True)
class FontPlan:
    """What LibreOffice is told, and what the user is warned about."""

    replacements: dict[str, str]
    """Font named in the document → installed metric-compatible family to print it with."""
    warnings: list[str]
    """One message (Indonesian) per font printed with other metrics."""


@functools.lru_cache(maxsize=1)
def installed_families() -> frozenset[str]:
    """Font families fontconfig knows on this machine, lower case (empty without fc-list)."""
    binary = shutil.which("fc-list")
    if binary is None:
        return frozenset()
    result = subprocess.run([binary, ":", "family"], capture_output=True, text=True)
    names = set()
    for line in result.stdout.splitlines():
        for name in line.split(","):
            if name.strip():
                names.add(name.strip().lower())
    return frozenset(names)


def fonts_used(docx: Path) -> list[str]:
    """The font families a .docx names for its text: the document defaults, the styles its
    paragraphs, runs and tables use (with what they are based on), and fonts set on runs in the
    body, headers and footers. Theme fonts are resolved through the theme. Sorted, unique."""
    with zipfile.ZipFile(docx) as package:
        names = set(package.namelist())
        parts = [etree.fromstring(package.read(n)) for n in sorted(names)
                 if re.fullmatch(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml", n)]
        styles = etree.fromstring(package.read("word/styles.xml")) if "word/styles.xml" in names else None
        theme = etree.fromstring(package.read("word/theme/theme1.xml")) if "word/theme/theme1.xml" in names else None
    themed = {}
    if theme is not None:
        for kind in ("major", "minor"):
            latin = theme.find(f".//{{{A}}}{kind}Font/{{{A}}}latin")
            if latin is not None and latin.get("typeface"):
                themed[kind] = latin.get("typeface")
    found: set[str] = set()

    def take(rfonts: etree._Element) -> None:
        for attribute in ("ascii", "hAnsi"):
            name = rfonts.get(f"{{{W}}}{attribute}")
            if name:
                found.add(name)
            theme_name = rfonts.get(f"{{{W}}}{attribute}Theme")
            if theme_name:
                face = themed.get("major" if theme_name.startswith("major") else "minor")
                if face:
                    found.add(face)

    used_styles: set[str] = set()
    for part in parts:
        for rfonts in part.iter(f"{{{W}}}rFonts"):
            take(rfonts)
        for tag in ("pStyle", "rStyle", "tblStyle"):
            for ref in part.iter(f"{{{W}}}{tag}"):
                used_styles.add(ref.get(f"{{{W}}}val", ""))
    if styles is not None:
        for rfonts in styles.iterfind(f"{{{W}}}docDefaults//{{{W}}}rFonts"):
            take(rfonts)
        by_id = {s.get(f"{{{W}}}styleId"): s for s in styles.iterfind(f"{{{W}}}style")}
        for style in by_id.values():
            if style.get(f"{{{W}}}default") == "1":
                used_styles.add(style.get(f"{{{W}}}styleId", ""))
        seen: set[str] = set()
        pending = list(used_styles)
        while pending:
            style_id = pending.pop()
            found_style = by_id.get(style_id)
            if style_id in seen or found_style is None:
                continue
            seen.add(style_id)
            for rfonts in found_style.iter(f"{{{W}}}rFonts"):
                take(rfonts)
            based = found_style.find(f"{{{W}}}basedOn")
            if based is not None:
                pending.append(based.get(f"{{{W}}}val", ""))
    return sorted(f for f in found if f.strip().lower() not in IGNORED)


def plan(fonts: list[str] | set[str], installed: frozenset[str] | None = None) -> FontPlan:
    """Replacements for the fonts not installed that have an installed metric-compatible face,
    and a warning naming each font that has neither."""
    installed = installed_families() if installed is None else installed
    replacements: dict[str, str] = {}
    warnings: list[str] = []
    for font in sorted(set(fonts)):
        key = font.strip().lower()
        if key in installed:
            continue
        candidates = SUBSTITUTES.get(key, ())
        face = next((family for family, _ in candidates if family.lower() in installed), None)
        if face:
            replacements[font] = face
        elif candidates:
            family, package = candidates[0]
            warnings.append(
                f'huruf "{font}" tidak terpasang, begitu pula penggantinya yang berukuran sama ("{family}", '
                f"paket Debian {package}); PDF dicetak dengan huruf lain dan baris serta halamannya dapat "
                "bergeser dari Word"
            )
        else:
            warnings.append(
                f'huruf "{font}" tidak terpasang dan tidak ada pengganti bebas yang berukuran sama; PDF '
                "dicetak dengan huruf lain dan baris serta halamannya dapat bergeser dari Word (pasang huruf "
                "itu, atau pilih huruf lain di pengaturan.huruf)"
            )
    return FontPlan(replacements, warnings)


def fonts_in_documents(documents: list[Path]) -> set[str]:
    """Every font the documents use; one that cannot be read is left to LibreOffice to report."""
    fonts: set[str] = set()
    for document in documents:
        try:
            fonts.update(fonts_used(document))
        except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError):
            continue  # LibreOffice reports the document it cannot open
    return fonts


def plan_for(documents: list[Path]) -> FontPlan:
    """The plan for every font the documents use (one LibreOffice run prints them all)."""
    return plan(fonts_in_documents(documents))


_ITEMS_OPEN = re.compile(r"<oor:items\b[^>]*>")
_OURS = re.compile(r'<item oor:path="/org\.openoffice\.Office\.Common/Font/Substitution[^"]*">.*?</item>\n?', re.S)


def write_replacement_table(profile: Path, replacements: dict[str, str]) -> None:
    """Put the replacement table (Tools ▸ Options ▸ Fonts, "Always" replace) in a LibreOffice
    user profile's registrymodifications.xcu, keeping what else LibreOffice wrote there.

    A table (rather than a fontconfig alias) is what LibreOffice itself obeys, whatever
    fontconfig's own rules prefer; it lives in the conversion's private profile only."""
    xcu = Path(profile) / "user" / "registrymodifications.xcu"
    xcu.parent.mkdir(parents=True, exist_ok=True)
    if xcu.exists():
        text = _OURS.sub("", xcu.read_text(encoding="utf-8"))
    else:
        text = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
            'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
            "</oor:items>\n"
        )
    path = "/org.openoffice.Office.Common/Font/Substitution"
    items = [f'<item oor:path="{path}"><prop oor:name="Replacement" oor:op="fuse">'
             f"<value>{'true' if replacements else 'false'}</value></prop></item>\n"]
    for number, (font, face) in enumerate(sorted(replacements.items())):
        items.append(
            f'<item oor:path="{path}/FontPairs"><node oor:name="kpu{number}" oor:op="replace">'
            '<prop oor:name="Always" oor:op="fuse"><value>true</value></prop>'
            '<prop oor:name="OnScreenOnly" oor:op="fuse"><value>false</value></prop>'
            f'<prop oor:name="ReplaceFont" oor:op="fuse"><value>{escape(font)}</value></prop>'
            f'<prop oor:name="SubstituteFont" oor:op="fuse"><value>{escape(face)}</value></prop>'
            "</node></item>\n"
        )
    opening = _ITEMS_OPEN.search(text)
    if opening is None:
        raise ValueError(f"{xcu}: bukan berkas pengaturan LibreOffice")
    text = text[: opening.end()] + "\n" + "".join(items) + text[opening.end():].lstrip("\n")
    xcu.write_text(text, encoding="utf-8")
