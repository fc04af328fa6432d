"""The zip container: static members compressed once, the rest per decree; every reader opens it."""

import io
import zipfile
import zlib

from kpu_docs.word.package import Member, Prefix, zip_bytes


def test_members_round_trip_through_zipfile_in_order():
    members = [Member.of("[Content_Types].xml", b"<Types/>"), Member.of("word/document.xml", b"<w:document/>" * 500),
               Member.of("word/media/logo.png", b"\x89PNG", 0)]
    archive = zipfile.ZipFile(io.BytesIO(zip_bytes(members)))
    assert archive.testzip() is None
    assert archive.namelist() == ["[Content_Types].xml", "word/document.xml", "word/media/logo.png"]
    assert archive.read("word/document.xml") == b"<w:document/>" * 500
    assert archive.getinfo("word/document.xml").compress_type == zipfile.ZIP_DEFLATED
    assert archive.getinfo("word/media/logo.png").compress_type == zipfile.ZIP_STORED


def test_prefix_compressed_once_continues_with_each_rest():
    head = b"<w:numbering>" + b"<w:abstractNum/>" * 200
    prefix = Prefix.of("word/numbering.xml", head)
    for rest in (b"</w:numbering>", b'<w:num w:numId="9"/></w:numbering>'):
        member = prefix.followed_by(rest)
        assert member.crc == zlib.crc32(head + rest)
        archive = zipfile.ZipFile(io.BytesIO(zip_bytes([member])))
        assert archive.read("word/numbering.xml") == head + rest


def test_same_input_gives_the_same_bytes():
    members = [Member.of("a.xml", b"<a/>")]
    assert zip_bytes(members) == zip_bytes(members)
