"""The package type-checks: `python -m mypy`, configured in pyproject.toml's [tool.mypy], finds nothing.

Runs mypy as a developer does, from the repository root in a fresh interpreter. Skipped only where
mypy is not installed; it is in the `test` extra, so CI runs it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_passes():
    pytest.importorskip("mypy")
    result = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, f"mypy exited with {result.returncode}:\n{result.stdout}{result.stderr}"
