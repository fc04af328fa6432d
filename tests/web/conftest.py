"""A desk over a copy of some examples, and a client that carries the page's CSRF token."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

pytest.importorskip("starlette")

from starlette.testclient import TestClient  # noqa: E402

from kpu_docs.web.app import create_app  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
REFERENCE = "keputusan-11-2025.yaml"


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)


@pytest.fixture
def folder(tmp_path) -> Path:
    for name in (REFERENCE, "lapan-110-2004.yaml"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    return tmp_path


@pytest.fixture
def client(folder) -> TestClient:
    c = TestClient(create_app(folder), base_url="http://127.0.0.1")
    c.csrf = csrf_of(c.get("/").text)  # type: ignore[attr-defined]
    return c
