"""Word files from outside: the zip directory checked before a part is read, XML parsed strictly.

The whole cases (bombs, templates) run through the command line in tests/hostile; these are the
rules one by one, on archives built inline.
"""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from kpu_docs import archive, bounds
from kpu_docs.archive import ArchiveRefused
from kpu_docs.bounds import FileRefused, FileTooLarge


def _zip(*members: tuple[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members:
            package.writestr(name, data)
    return out.getvalue()


def test_a_sound_package_is_read():
    data = _zip(("[Content_Types].xml", b"<Types/>"), ("word/document.xml", b"<w:document/>"))
    assert archive.read_members(archive.check_zip(data, "sk.docx"), "sk.docx") == {
        "[Content_Types].xml": b"<Types/>",
        "word/document.xml": b"<w:document/>",
    }


@pytest.mark.parametrize("name", ["../keluar.xml", "word/../../keluar.xml", "/etc/keluar.xml", "C:/keluar.xml",
                                  "..\\keluar.xml"])
def test_names_leaving_the_archive_are_refused(name):
    with pytest.raises(ArchiveRefused, match="nama bagian tidak aman"):
        archive.check_zip(_zip((name, b"<x/>")), "sk.docx")


def test_a_highly_compressed_part_is_refused_below_the_size_limit():
    data = _zip(("word/document.xml", b" " * (5 * bounds.MB)))  # 5 MB of spaces: about 1,000 times
    with pytest.raises(FileTooLarge, match=r"dimampatkan \d+ kali lipat \(batas 200\)"):
        archive.check_zip(data, "sk.docx")


def test_a_picture_may_be_larger_than_an_xml_part():
    picture = random.Random(10).randbytes(12 * bounds.MB)  # 12 MB that does not compress, as a photograph
    archive.check_zip(_zip(("word/media/foto.png", picture)), "sk.docx")
    with pytest.raises(FileTooLarge, match="word/document.xml terurai menjadi 12,0 MB"):
        archive.check_zip(_zip(("word/document.xml", picture)), "sk.docx")


def test_a_part_twice_is_refused():
    with pytest.warns(UserWarning):  # zipfile warns about the duplicate as it writes it
        data = _zip(("word/document.xml", b"<a/>"), ("word/document.xml", b"<b/>"))
    with pytest.raises(ArchiveRefused, match="ada dua kali"):
        archive.check_zip(data, "sk.docx")


def test_xml_is_parsed_strictly_and_a_dtd_is_refused():
    assert archive.parse_xml(b"<a>&amp;</a>", "a.xml", "sk.docx").text == "&"
    with pytest.raises(ArchiveRefused, match="a.xml bukan XML yang sah"):
        archive.parse_xml(b"<a><b></a>", "a.xml", "sk.docx")
    with pytest.raises(ArchiveRefused, match="deklarasi DTD"):
        archive.parse_xml(b'<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', "a.xml", "sk.docx")


def test_links_are_the_only_external_relationships_allowed():
    rels = (
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="r1" TargetMode="External" Target="https://kpu.go.id" Type="http://x/hyperlink"/>'
        b'<Relationship Id="r2" TargetMode="External" Target="file:///C:/rahasia.dotm" Type="http://x/attachedTemplate"/>'
        b'<Relationship Id="r3" Target="media/logo.png" Type="http://x/image"/></Relationships>'
    )
    trees = {"word/_rels/settings.xml.rels": archive.parse_xml(rels, "rels", "t")}
    assert archive.external_relationships(trees) == [
        "word/_rels/settings.xml.rels -> file:///C:/rahasia.dotm (attachedTemplate)"
    ]


def test_a_file_is_read_only_up_to_its_limit(tmp_path):
    path = tmp_path / "data.yaml"
    path.write_bytes(b"x" * 11)
    assert bounds.read_bytes(path, 11, "berkas data") == b"x" * 11
    with pytest.raises(FileTooLarge, match="berkas data terlalu besar"):
        bounds.read_bytes(path, 10, "berkas data")
    with pytest.raises(FileRefused, match="harus berupa berkas biasa"):
        bounds.read_bytes(tmp_path, 10, "berkas data")
