"""Where the desk keeps what it shares with the CLI: the number register."""

from __future__ import annotations

import os
from pathlib import Path

from kpu_docs.web.folder import state_dir

REGISTER_ENV = "KPU_DOCS_REGISTER"
"""The environment variable the CLI's `--register` reads: one register for both."""


def register_path(root: Path) -> Path:
    """KPU_DOCS_REGISTER when set (a register shared with the CLI, on a network drive), else
    FOLDER/.kpu-docs/register.sqlite (created by the first number taken)."""
    configured = os.environ.get(REGISTER_ENV)
    return Path(configured) if configured else state_dir(root) / "register.sqlite"
