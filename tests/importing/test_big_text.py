"""`kpu-docs import` of a long text: a progress bar on a terminal for long inputs only, none with
--quiet, and what was not read listed in full in the YAML but only in part on the terminal."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from kpu_docs import cli

CORPUS = Path(__file__).parent / "corpus"
runner = CliRunner()


def _long_text(path: Path, size: int) -> Path:
    """The corpus's .txt decrees one after another, repeated to at least `size` bytes."""
    one = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))) + "\n\n"
    path.write_text(one * (size // len(one.encode("utf-8")) + 1), encoding="utf-8")
    return path


@pytest.fixture
def terminal(monkeypatch) -> io.StringIO:
    """Standard error as a terminal, captured."""
    screen = io.StringIO()
    monkeypatch.setattr(cli.err, "console", Console(file=screen, force_terminal=True, color_system=None, width=120, soft_wrap=True, stderr=True))
    return screen


def test_a_long_text_shows_its_progress_on_a_terminal(tmp_path, terminal):
    source = _long_text(tmp_path / "panjang.txt", 1_100_000)
    result = runner.invoke(cli.app, ["import", str(source), "-o", str(tmp_path / "hasil.yaml")])
    shown = terminal.getvalue()
    assert "Membaca" in shown and "Menulis" in shown and "3/3" in shown, shown[-2000:]
    assert "Ditulis:" in result.output
    # all that was not read heads the YAML; the terminal shows 50 and says where the rest is
    written = (tmp_path / "hasil.yaml").read_text(encoding="utf-8")
    unread = written[written.index("# Tidak terbaca saat impor"):written.index("\n\n")]
    head = unread.splitlines()[1:]
    assert len(head) > 1000
    assert shown.count("Tidak terbaca:") == 51
    assert f"Tidak terbaca: {len(head) - 50} lainnya, semuanya tercantum di awal" in shown


def test_no_progress_bar_with_quiet(tmp_path, terminal):
    source = _long_text(tmp_path / "panjang.txt", 1_100_000)
    result = runner.invoke(cli.app, ["--quiet", "import", str(source), "-o", str(tmp_path / "hasil.yaml")])
    assert "Membaca" not in terminal.getvalue()
    assert "Ditulis:" not in result.output
    assert (tmp_path / "hasil.yaml").exists()


def test_no_progress_bar_for_a_short_text(tmp_path, terminal):
    result = runner.invoke(cli.app, ["import", str(CORPUS / "kulonprogo-153-2010.txt"), "-o", str(tmp_path / "hasil.yaml")])
    assert result.exit_code == 0, result.output
    assert "Membaca" not in terminal.getvalue()
