"""The .docx zip: static members compressed once per process, only the changed parts per decree.

A decree changes three or four parts of its package (document.xml, numbering.xml, a logo);
styles.xml alone is larger than all of them together. Python's zipfile can only write by
compressing again, so this module writes the zip container itself (PKWARE APPNOTE 4.3: a local
header and data per member, then the central directory). Members are deflated, as Word writes
them, and every reader (Word, LibreOffice, python-docx, zipfile) opens the result.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

from kpu_docs.bounds import FileTooLarge

_DOS_DATE = (1980 - 1980) << 9 | 1 << 5 | 1  # 1980-01-01: output depends only on the decree
_DOS_TIME = 0
_VERSION = 20  # 2.0: deflate
_UTF8 = 1 << 11


@dataclass(frozen=True)
class Member:
    """One zip member, already compressed."""

    name: bytes
    crc: int
    size: int
    data: bytes
    method: int  # 8 deflate, 0 stored

    @classmethod
    def of(cls, name: str, content: bytes, level: int = 6) -> Member:
        """Compress `content` for the member `name` (raw deflate, as zip stores it)."""
        packer = zlib.compressobj(level, zlib.DEFLATED, -15)
        data = packer.compress(content) + packer.flush()
        if len(data) >= len(content):
            return cls(name.encode("utf-8"), zlib.crc32(content), len(content), content, 0)
        return cls(name.encode("utf-8"), zlib.crc32(content), len(content), data, 8)


@dataclass(frozen=True)
class Prefix:
    """The unchanging start of a member, compressed once; each decree compresses only the rest.

    A full flush ends the compressed prefix on a byte boundary with no back-references into
    it, so the rest compressed on its own continues the same deflate stream; the CRC carries on.
    """

    name: str
    crc: int
    size: int
    data: bytes

    @classmethod
    def of(cls, name: str, content: bytes) -> Prefix:
        packer = zlib.compressobj(6, zlib.DEFLATED, -15)
        data = packer.compress(content) + packer.flush(zlib.Z_FULL_FLUSH)
        return cls(name, zlib.crc32(content), len(content), data)

    def followed_by(self, rest: bytes) -> Member:
        packer = zlib.compressobj(FAST, zlib.DEFLATED, -15)
        data = self.data + packer.compress(rest) + packer.flush()
        return Member(self.name.encode("utf-8"), zlib.crc32(rest, self.crc), self.size + len(rest), data, 8)


FAST = 1
"""Compression level for the parts written per decree: nearly as small, several times faster."""


def zip_bytes(members: list[Member]) -> bytes:
    """The zip file holding `members` in order."""
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for m in members:
        header = struct.pack(
            "<4s5H3L2H", b"PK\x03\x04", _VERSION, _UTF8, m.method, _DOS_TIME, _DOS_DATE,
            m.crc, len(m.data), m.size, len(m.name), 0,
        )
        out += (header, m.name, m.data)
        central.append(struct.pack(
            "<4s6H3L5H2L", b"PK\x01\x02", _VERSION, _VERSION, _UTF8, m.method, _DOS_TIME, _DOS_DATE,
            m.crc, len(m.data), m.size, len(m.name), 0, 0, 0, 0, 0, offset,
        ) + m.name)
        offset += len(header) + len(m.name) + len(m.data)
    directory = b"".join(central)
    if offset > 0xFFFFFFFF or len(members) > 0xFFFF:
        raise FileTooLarge("dokumen terlalu besar untuk satu berkas .docx (lebih dari 4 GB)")
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), offset, 0)
    return b"".join(out) + directory + end
