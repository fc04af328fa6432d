"""SIGTERM or SIGHUP during `render --pdf` ends as Ctrl+C does: LibreOffice's whole process group
ended, no staging folder in the output folder, no LibreOffice profile left in the temporary
folder, no PDF, the .docx written before the conversion kept. A real command, LibreOffice and signal:
the hostile case cases.yaml cannot hold, since its harness sends no signals (issue 16, defect 11)."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.test_libreoffice import _require_tools

pytestmark = pytest.mark.libreoffice
ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "tests" / "hostile" / "files" / "dasar.yaml"


def _processes() -> list[tuple[int, list[str]]]:
    """(pid, the fields of /proc/PID/stat after the command name) of every process: the state is
    fields[0], the parent fields[1], the process group fields[3]."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                found.append((int(entry.name), (entry / "stat").read_text().rsplit(")", 1)[1].split()))
            except OSError:
                continue
    return found


def _children(pid: int) -> list[int]:
    return [child for child, fields in _processes() if int(fields[1]) == pid]


def _group_alive(pgid: int) -> list[int]:
    """Processes of the group still running (a killed one whose parent has not reaped it yet, a
    zombie, has ended)."""
    return [member for member, fields in _processes() if int(fields[3]) == pgid and fields[0] != "Z"]


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_a_signal_during_pdf_conversion_ends_libreoffice_and_leaves_nothing(tmp_path, signum):
    _require_tools()
    temporary, out = tmp_path / "tmp", tmp_path / "hasil"
    temporary.mkdir()
    env = {**os.environ, "TMPDIR": str(temporary), "PYTHONPATH": str(ROOT)}
    command = subprocess.Popen([sys.executable, "-m", "kpu_docs", "render", str(EXAMPLE), "-o", str(out), "--pdf"],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    group = None
    while group is None and time.monotonic() < deadline and command.poll() is None:
        children = _children(command.pid)
        if children and list(out.glob(".kpu-docs-pdf-*")) and list(temporary.glob("kpu-docs-lo-*")):
            group = children[0]  # LibreOffice, in a session (and group) of its own
        time.sleep(0.05)
    assert group is not None, "LibreOffice never started"
    profile = re.search(r"UserInstallation=file://(\S+)", Path(f"/proc/{group}/cmdline").read_bytes()
                        .replace(b"\0", b" ").decode()).group(1)
    time.sleep(0.3)
    command.send_signal(signum)
    stdout, stderr = command.communicate(timeout=30)
    assert "Traceback" not in stderr
    assert command.returncode == 130  # as Ctrl+C (SIGINT) ends it
    time.sleep(0.5)
    assert not _group_alive(group)
    assert sorted(p.name for p in out.iterdir()) == ["dasar.docx"]  # no PDF, no .kpu-docs-pdf-* folder
    assert not Path(profile).exists() and list(temporary.iterdir()) == []
    shutil.rmtree(out)
