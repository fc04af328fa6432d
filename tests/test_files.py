"""Writing files: atomic, and readable by whoever the folder's other files are readable by."""

import os
import stat

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
