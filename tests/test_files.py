"""Writing files: atomic, and readable by whoever the folder's other files are readable by."""

import os
import stat

import pytest

from kpu_docs.files import NEW_FILE_MODE, write_atomic


def _mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_ordinary_mode_not_owner_only(tmp_path):
    target = tmp_path / "sk.docx"
    write_atomic(target, b"isi")
    assert target.read_bytes() == b"isi"
    assert _mode(target) == NEW_FILE_MODE != 0o600  # mkstemp alone would leave it owner-only


def test_a_replaced_file_keeps_its_mode_and_no_temporary_file_is_left(tmp_path):
    target = tmp_path / "sk.docx"
    target.write_bytes(b"lama")
    os.chmod(target, 0o664)
    write_atomic(target, b"baru")
    assert target.read_bytes() == b"baru" and _mode(target) == 0o664
    assert [p.name for p in tmp_path.iterdir()] == ["sk.docx"]


def test_a_set_of_files_is_replaced_whole_or_not_at_all(tmp_path, monkeypatch):
    import errno

    from kpu_docs import files

    decree, lampiran = tmp_path / "sk.docx", tmp_path / "sk-lampiran-1.docx"
    decree.write_bytes(b"NOMOR 99")
    lampiran.write_bytes(b"NOMOR 99")
    real_fsync, calls = os.fsync, []

    def full_disk_at_the_second_file(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(files.os, "fsync", full_disk_at_the_second_file)
    with pytest.raises(OSError, match="No space left"):
        files.write_all_atomic([(decree, b"NOMOR 11"), (lampiran, b"NOMOR 11")])
    assert decree.read_bytes() == lampiran.read_bytes() == b"NOMOR 99"  # neither file was replaced
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sk-lampiran-1.docx", "sk.docx"]
    monkeypatch.undo()
    files.write_all_atomic([(decree, b"NOMOR 11"), (lampiran, b"NOMOR 11")])
    assert decree.read_bytes() == lampiran.read_bytes() == b"NOMOR 11"


@pytest.mark.parametrize("hard_links", [True, False])
def test_a_rename_that_fails_puts_the_set_back(tmp_path, monkeypatch, hard_links):
    """The renames themselves fail at the third file: the two already renamed are put back (the
    old decree restored, the Lampiran file the set added removed); nothing is left aside."""
    from kpu_docs import files

    decree, first, second = tmp_path / "sk.docx", tmp_path / "sk-lampiran-1.docx", tmp_path / "sk-lampiran-2.docx"
    decree.write_bytes(b"NOMOR 99")
    second.write_bytes(b"NOMOR 99")
    real_replace, calls = os.replace, []

    def fails_at_the_third(source, target):
        calls.append(target)
        if len(calls) == 3:
            raise PermissionError(13, "Permission denied")
        real_replace(source, target)

    if not hard_links:
        def no_links(*args):
            raise OSError(1, "Operation not permitted")
        monkeypatch.setattr(files.os, "link", no_links)
    monkeypatch.setattr(files.os, "replace", fails_at_the_third)
    with pytest.raises(PermissionError):
        files.write_all_atomic([(decree, b"NOMOR 11"), (first, b"NOMOR 11"), (second, b"NOMOR 11")])
    assert decree.read_bytes() == second.read_bytes() == b"NOMOR 99"
    assert not first.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sk-lampiran-2.docx", "sk.docx"]
