"""The command line speaks Bahasa Indonesia to the end: help headings, placeholders, usage
errors; `--version` and `--quiet` as command lines have them."""

import re
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLE

ENGLISH = ["Usage:", "Options", "Arguments", "Commands", "Show this message", "[default", "required]", "<bool>",
           "<path>", "<str>", "<int", "<float", "<list"]


def kpu_docs(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kpu_docs", *args], capture_output=True, text=True, timeout=120)


def _commands() -> list[list[str]]:
    listed = kpu_docs("--help").stdout.split("Perintah:")[1]
    names = re.findall(r"^  (\S+)", listed, re.M)
    nomor = re.findall(r"^  (\S+)", kpu_docs("nomor", "--help").stdout.split("Perintah:")[1], re.M)
    return [[], *([n] for n in names), *(["nomor", n] for n in nomor)]


def test_every_help_is_indonesian():
    commands = _commands()
    assert ["render"] in commands and ["nomor", "ambil"] in commands
    for command in commands:
        result = kpu_docs(*command, "--help")
        assert result.returncode == 0, command
        assert result.stdout.startswith("Penggunaan: "), command
        assert "Tampilkan bantuan ini, lalu keluar." in result.stdout
        assert [word for word in ENGLISH if word in result.stdout] == [], command


@pytest.mark.parametrize(("args", "message"), [
    (["render"], "Galat: argumen BERKAS wajib diisi."),
    (["render", "x.yaml", "--batas-waktu", "0"], "Galat: nilai tidak sah untuk '--batas-waktu': tidak boleh kurang dari 1"),
    (["render", "x.yaml", "--jobs", "2"], "Galat: opsi tidak dikenal: --jobs"),
    (["rendr"], "Galat: perintah tidak dikenal: rendr (mungkin maksudnya: render)"),
    (["batch", "a.yaml", "b.csv", "-o", "out", "--jobs", "dua"],
     "Galat: nilai tidak sah untuk '--jobs': harus berupa bilangan bulat"),
    (["preview", str(EXAMPLE), "-o", "out", "--dpi"], "Galat: opsi --dpi memerlukan nilai."),
])
def test_usage_errors_in_indonesian(args, message):
    result = kpu_docs(*args)
    assert result.returncode == 2
    assert message in result.stderr
    if "--dpi" not in args:  # a value missing at the end is found before the command is known
        assert "Coba 'python -m kpu_docs" in result.stderr and "--help' untuk bantuan." in result.stderr
    assert "Error" not in result.stderr and "Traceback" not in result.stderr


def test_version():
    result = kpu_docs("--version")
    assert result.returncode == 0 and re.fullmatch(r"kpu-docs \d+\.\d+\.\d+\S*\n", result.stdout)


def test_quiet_keeps_results_and_warnings_drops_information(tmp_path):
    loud = kpu_docs("render", str(EXAMPLE), "-o", str(tmp_path / "a"))
    quiet = kpu_docs("--quiet", "render", str(EXAMPLE), "-o", str(tmp_path / "b"))
    assert "Ditulis:" in loud.stdout and quiet.stdout == "" and quiet.returncode == 0
    assert (tmp_path / "b" / "keputusan-11-2025.docx").exists()
    assert kpu_docs("-q", "check", str(EXAMPLE)).stdout == ""
    assert kpu_docs("-q", "schema").stdout.startswith("{")  # a result, asked for
    draft = tmp_path / "draft.yaml"
    draft.write_text(EXAMPLE.read_text(encoding="utf-8").replace('nomor: "11"', 'nomor: "[ISI NOMOR]"'), encoding="utf-8")
    warned = kpu_docs("-q", "check", str(draft))
    assert warned.stdout == "" and "Peringatan: nomor: masih [ISI NOMOR]" in warned.stderr
