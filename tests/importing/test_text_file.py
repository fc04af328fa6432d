"""A .txt to import is read as a person's editor would: by its byte order mark, bounded, and only if it is text."""

import pytest

from kpu_docs import bounds
from kpu_docs.bounds import FileRefused, FileTooLarge, read_text

TEXT = "KEPUTUSAN KOMISI PEMILIHAN UMUM\nNOMOR 5 TAHUN 2025\ntentang Pembentukan Tim — Kota Bima\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig", "utf-8", "cp1252"])
def test_text_is_decoded_by_its_byte_order_mark(tmp_path, encoding):
    path = tmp_path / "sk.txt"
    text = TEXT if encoding != "cp1252" else TEXT.replace("—", "-") + "Pasal 1 ½\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    assert read_text(path) == text


def test_nul_bytes_are_named_with_their_line(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(b"KEPUTUSAN\nNOMOR 5\nTAHUN\x00 2025\n")
    with pytest.raises(FileRefused, match="nul.txt: berkas teks memuat karakter NUL di baris 3"):
        read_text(path)


def test_binary_named_txt_is_not_text(tmp_path):
    import random

    path = tmp_path / "acak.txt"
    chosen = random.Random(3)
    path.write_bytes(bytes(chosen.choice(range(0x80, 0x100)) for _ in range(10_000)))  # no NUL at all
    with pytest.raises(FileRefused, match="acak.txt: bukan berkas teks"):
        read_text(path)


def test_a_few_control_characters_of_a_real_file_pass(tmp_path):
    path = tmp_path / "sk.txt"
    path.write_bytes(TEXT.encode() * 200 + b"\x0c\x1a")  # a page break, a DOS end-of-file mark
    assert read_text(path).startswith("KEPUTUSAN")


def test_a_line_beyond_the_limit_is_refused_with_its_number(tmp_path):
    path = tmp_path / "panjang.txt"
    path.write_text("KEPUTUSAN\n" + "a" * (bounds.TEXT_LINE_MAX + 1) + "\n", encoding="utf-8")
    with pytest.raises(FileTooLarge, match="panjang.txt: baris 2 terlalu panjang"):
        read_text(path)
    path.write_text("KEPUTUSAN\n" + "a" * bounds.TEXT_LINE_MAX + "\n", encoding="utf-8")
    assert len(read_text(path)) == bounds.TEXT_LINE_MAX + 11


def test_a_damaged_utf16_file_is_refused(tmp_path):
    path = tmp_path / "rusak.txt"
    path.write_bytes(b"\xff\xfeK\x00\x00\xd8")  # a lone surrogate half
    with pytest.raises(FileRefused, match="bertanda UTF-16-LE tetapi rusak"):
        read_text(path)
