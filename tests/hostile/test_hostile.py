"""Every case of cases.yaml through the command line, in a subprocess of its own.

Each must give its exit code and message, print no traceback, write nothing it should not, and
end within TIME_LIMIT seconds and MEMORY_LIMIT MB. These are limits, not benchmarks.

Memory is the peak resident size of the kpu-docs process, which it reports itself as it exits
(VmHWM, the high-water mark of its memory since it started Python). Not the rusage of the
child (getrusage(RUSAGE_CHILDREN) or os.wait4): Linux carries a process's peak across exec, so
a child forked from pytest reports at least pytest's own size at the fork (89 MB here, more
late in a full run) whatever the command did.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import zipfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.hostile.build import FILES
from tests.hostile.conftest import MEASURED

ROOT = Path(__file__).resolve().parents[2]
CASES = YAML(typ="safe").load(Path(__file__).with_name("cases.yaml"))
TIME_LIMIT = 10.0
MEMORY_LIMIT = 300

_REPORTING = """
import atexit, re, resource, runpy, sys
def report(path=sys.argv.pop(1)):
    try:
        with open("/proc/self/status") as status:
            kb = int(re.search(r"VmHWM:\\s+(\\d+)", status.read()).group(1))
    except OSError:  # no /proc: the process's own peak, fork included (an upper bound)
        kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with open(path, "w") as out:
        out.write(str(kb))
atexit.register(report)
sys.argv[0] = "kpu-docs"
runpy.run_module("kpu_docs", run_name="__main__", alter_sys=True)
"""
"""python -m kpu_docs, writing its peak memory in KB to the file named first, as it exits."""


def _run(args: list[str], cwd: Path) -> tuple[int, str, str, float, int]:
    """`python -m kpu_docs ARGS`: exit code, standard output and error, seconds, peak memory in MB."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    peak = cwd / "peak-kb"
    started = time.monotonic()
    try:
        result = subprocess.run([sys.executable, "-c", _REPORTING, str(peak), *args], cwd=cwd, env=env,
                                capture_output=True, text=True, timeout=TIME_LIMIT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"not ended within {TIME_LIMIT} s")
    seconds = time.monotonic() - started
    return result.returncode, result.stdout, result.stderr, seconds, int(peak.read_text()) // 1024


_SERVICES = {
    "http": None,  # speaks only when spoken to, as a web server does: never a greeting
    "sampah": b"\xff" * 8 + bytes(range(256)) * 4,  # garbage announcing a 16 EB frame
}


@contextmanager
def _service(kind: str):
    """A server on a loopback port for the case's {alamat}: `http` answers a request with an
    HTTP error and says nothing first; `sampah` sends garbage bytes on each connection."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(12)
                try:
                    greeting = _SERVICES[kind]
                    if greeting:
                        conn.sendall(greeting)
                    if conn.recv(65536):
                        conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
                    conn.recv(65536)
                except OSError:
                    pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"tcp://127.0.0.1:{server.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(timeout=15)
        server.close()


def _libreoffice_missing() -> bool:
    return not (shutil.which("soffice") or shutil.which("libreoffice")) or not shutil.which("pdftoppm")


@contextmanager
def _nothing():
    yield ""


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_hostile_input(case, generated, tmp_path):
    if case.get("libreoffice") and _libreoffice_missing():
        pytest.skip("LibreOffice or poppler is not installed")
    if case.get("ocr") and not os.environ.get("KPU_DOCS_REQUIRE_LIBREOFFICE") and not shutil.which("tesseract"):
        pytest.skip("Tesseract is not installed")  # CI installs it: there the case runs
    out = tmp_path / "hasil"
    out.mkdir()
    for name in case.get("ada", []):
        (out / name).write_text("ada sebelumnya\n", encoding="utf-8")
    kept = {path: Path(path).read_bytes() for path in (a.format(gen=generated) for a in case.get("tetap", []))}
    with _service(case["layanan"]) if case.get("layanan") else _nothing() as address:
        args = [a.format(files=FILES, gen=generated, out=out, alamat=address) for a in case["perintah"]]
        code, stdout, stderr, seconds, megabytes = _run(args, tmp_path)
    MEASURED.append((case["id"], code, seconds, megabytes))

    assert seconds < TIME_LIMIT and megabytes < MEMORY_LIMIT, (seconds, megabytes)
    assert code == case["kode"], stderr
    assert "Traceback" not in stderr
    for fragment in case["pesan"]:
        assert fragment in stderr
    if case["kode"]:
        assert stderr.count("Galat:") == 1, stderr  # one message, not one per consequence
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*"))
    assert written == sorted(case.get("menulis", [])), written
    for fragment in case.get("dokumen", []):
        (docx,) = out.glob("*.docx")
        with zipfile.ZipFile(docx) as package:
            assert fragment in package.read("word/document.xml").decode("utf-8")
    for path, data in kept.items():
        assert Path(path).read_bytes() == data, f"{path} changed"
    hidden = case.get("tidak_memuat") or []
    for text in [hidden] if isinstance(hidden, str) else hidden:
        assert text not in stdout + stderr
        for path in out.rglob("*"):
            for content in _contents(path):
                assert text.encode() not in content, path


def _contents(path: Path) -> list[bytes]:
    """A written file's bytes, and each member's when it is a zip (an XLSX, a .docx)."""
    if not path.is_file():
        return []
    if not zipfile.is_zipfile(path):
        return [path.read_bytes()]
    with zipfile.ZipFile(path) as package:
        return [path.read_bytes(), *(package.read(name) for name in package.namelist())]
