"""The generated hostile cases, made once per session; and each case's measured time and memory,
listed at the end of the run."""

from __future__ import annotations

import pytest

from tests.hostile import build

MEASURED: list[tuple[str, int, float, int]] = []
"""(case, exit code, seconds, peak memory in MB) of every case run."""


@pytest.fixture(scope="session")
def generated(tmp_path_factory):
    """The folder of generated cases (build.make_all)."""
    return build.make_all(tmp_path_factory.mktemp("hostile"))


def pytest_terminal_summary(terminalreporter):
    if MEASURED:
        terminalreporter.section("hostile input: time and peak memory per case")
        for case, code, seconds, megabytes in MEASURED:
            terminalreporter.write_line(f"{case:32} exit {code}  {seconds:5.2f} s  {megabytes:4d} MB")
