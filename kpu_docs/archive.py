"""Word files from outside (a .docx to import, a template), opened only after their zip directory
is checked, and their XML parsed strictly.

A .docx is a zip of XML parts. Before any part is decompressed, the directory is checked: the
number of parts, each part's uncompressed size and compression ratio, their total (each
ZipInfo.file_size: zipfile never inflates a part past the size its directory declares, and a
part that does not match it fails its CRC check), and each name (no absolute path, no `..`,
nothing a zip extractor would write outside its folder). The limits are in kpu_docs.bounds.

XML is parsed by lxml with entity resolution, network access, huge trees and recovery mode off,
and a document type declaration (DTD) is refused outright: Office Open XML forbids DTDs (ECMA-376
Part 2, "DTD declarations shall not be used"), and where there is none no entity can be declared,
so neither an external entity (XXE) nor an entity bomb is possible. lxml rather than defusedxml:
the parts are read into lxml trees anyway (python-docx, the renderer), and defusedxml's lxml
module is deprecated; the parser options below give the same guarantees without a dependency.
"""

from __future__ import annotations

import io
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from zipfile import BadZipFile, ZipFile, ZipInfo

from lxml import etree

from kpu_docs import bounds
from kpu_docs.bounds import FileRefused, FileTooLarge, size_text


class ArchiveRefused(FileRefused):
    """A .docx (or template) that is not a sound zip package of XML parts."""


XML_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, recover=False, load_dtd=False, dtd_validation=False
)
"""The parser for every XML part kpu-docs reads itself: a malformed part is an error, never
silently truncated text (recover=False), and nothing is fetched or expanded."""

_EXTERNAL_ALLOWED = {"hyperlink": ("http://", "https://", "mailto:")}
"""External relationships that load nothing when the document opens: a web or e-mail link."""
_DRIVE = re.compile(r"^[A-Za-z]:")


def _unsafe_name(name: str) -> bool:
    """A member name a zip extractor would write outside its folder, or one no Word part has."""
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or bool(_DRIVE.match(name)) or ".." in parts or "\x00" in name


def is_xml(name: str) -> bool:
    """Whether a member is an XML part (its name ends in .xml or .rels)."""
    return name.lower().endswith((".xml", ".rels"))


@dataclass(frozen=True)
class Limits:
    """The limits one kind of zip package is checked against (values in kpu_docs.bounds)."""

    kind: str
    """The kind as messages name it: "Word (.docx)"."""
    members: int
    xml_part: int
    part: int
    total: int
    too_long: str
    """Why a part past its limit that is no bomb is refused."""
    named: dict[str, int] = field(default_factory=dict)
    """Parts with a limit of their own, instead of xml_part or part: by name, or by folder (a
    key ending in /)."""

    def of(self, name: str) -> int:
        """The inflated size allowed to the part `name`."""
        if name in self.named:
            return self.named[name]
        for key, limit in self.named.items():
            if key.endswith("/") and name.startswith(key):
                return limit
        return self.xml_part if is_xml(name) else self.part


DOCX = Limits("Word (.docx)", bounds.PACKAGE_MEMBERS_MAX, bounds.XML_PART_MAX, bounds.PART_MAX,
              bounds.PACKAGE_TOTAL_MAX, "terlalu panjang untuk sebuah keputusan")
"""A .docx to import, or a template."""
XLSX = Limits("Excel (.xlsx)", bounds.PACKAGE_MEMBERS_MAX, bounds.XML_PART_MAX, bounds.PART_MAX,
              bounds.SHEET_TOTAL_MAX, "terlalu besar untuk data batch",
              named={"xl/worksheets/": bounds.SHEET_PART_MAX, "xl/sharedStrings.xml": bounds.SHEET_STRINGS_MAX})
"""A workbook of batch data (DATA or --tabel): its sheets are read as a stream, so they may be
large; the other XML parts (workbook, styles, relationships) are parsed whole, as a .docx's."""


def check_zip(data: bytes | Path, label: str, limits: Limits = DOCX) -> ZipFile:
    """`data` (bytes, or a file) opened as a zip whose directory passed every check; nothing is
    decompressed yet.

    `label` names the file in messages ("templat keputusan.docx", "/path/sk.docx").
    """
    try:
        archive = ZipFile(io.BytesIO(data) if isinstance(data, bytes) else data)
        infos = archive.infolist()
    except (BadZipFile, EOFError, ValueError) as exc:
        raise ArchiveRefused(f"{label}: bukan berkas {limits.kind} yang sah: bukan arsip zip ({exc})") from None
    if len(infos) > limits.members:
        archive.close()
        raise ArchiveRefused(f"{label}: ditolak: {len(infos)} bagian di dalam arsip (batas {limits.members})")
    seen: set[str] = set()
    total = 0
    try:
        for info in infos:
            _check_member(info, label, limits)
            if info.filename in seen:
                raise ArchiveRefused(f"{label}: ditolak: bagian {info.filename} ada dua kali di dalam arsip")
            seen.add(info.filename)
            total += info.file_size
            if total > limits.total:
                raise FileTooLarge(
                    f"{label}: ditolak: isi arsip terurai lebih dari {size_text(limits.total)} "
                    f"(batas {size_text(limits.total)} untuk semua bagian)"
                )
    except BaseException:
        archive.close()
        raise
    return archive


def _check_member(info: ZipInfo, label: str, limits: Limits = DOCX) -> None:
    name = info.filename
    if _unsafe_name(name):
        raise ArchiveRefused(f"{label}: ditolak: nama bagian tidak aman di dalam arsip: {name!r}")
    if info.flag_bits & 0x1:
        raise ArchiveRefused(f"{label}: ditolak: bagian {name} terenkripsi")
    limit = limits.of(name)
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > limit:
        # Compressed far beyond what a document compresses: a bomb. Otherwise a document, only
        # far longer than a decree (a 100,000-paragraph document's text is about 10 MB).
        why = "berkas ini kemungkinan bom zip" if ratio > bounds.RATIO_MAX else limits.too_long
        raise FileTooLarge(
            f"{label}: ditolak: bagian {name} terurai menjadi {size_text(info.file_size)} "
            f"(batas {size_text(limit)}); {why}"
        )
    if info.file_size > bounds.RATIO_FLOOR and ratio > bounds.RATIO_MAX:
        raise FileTooLarge(
            f"{label}: ditolak: bagian {name} dimampatkan {ratio:.0f} kali lipat "
            f"(batas {bounds.RATIO_MAX}); berkas ini kemungkinan bom zip"
        )


def read_members(archive: ZipFile, label: str) -> dict[str, bytes]:
    """Every file member of a checked archive, by name (folders left out)."""
    try:
        return {info.filename: archive.read(info) for info in archive.infolist() if not info.is_dir()}
    except (BadZipFile, EOFError, zlib.error, NotImplementedError, ValueError) as exc:
        raise ArchiveRefused(f"{label}: arsip rusak, bagiannya tidak dapat dibaca ({exc})") from None


def read_package(path: Path, label: str) -> dict[str, bytes]:
    """A Word file's members, every limit checked before anything is decompressed."""
    data = bounds.read_bytes(path, bounds.PACKAGE_FILE_MAX, "berkas Word")
    return read_members(check_zip(data, label), label)


def parse_xml(data: bytes, name: str, label: str) -> etree._Element:
    """One XML part parsed strictly (XML_PARSER); a DTD is refused (see the module's docstring)."""
    try:
        root = etree.fromstring(data, XML_PARSER)
    except etree.XMLSyntaxError as exc:
        raise ArchiveRefused(f"{label}: {name} bukan XML yang sah: {exc}") from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise ArchiveRefused(f"{label}: ditolak: {name} memuat deklarasi DTD (<!DOCTYPE>), yang tidak dipakai Word")
    return root


def external_relationships(trees: dict[str, etree._Element]) -> list[str]:
    """`part -> target (type)` of every relationship in the parsed parts `trees` that points
    outside the package, except links (a web or e-mail address), which load nothing when the
    document opens: a remote or linked picture, an attached template, a linked file."""
    found = []
    for name, root in trees.items():
        if not name.lower().endswith(".rels"):
            continue
        for relationship in root:
            if relationship.get("TargetMode") != "External":
                continue
            kind = (relationship.get("Type") or "").rsplit("/", 1)[-1]
            target = relationship.get("Target") or ""
            if not target.lower().startswith(_EXTERNAL_ALLOWED.get(kind, ("\x00",))):
                found.append(f"{name} -> {target} ({kind})")
    return found
