"""A tool a test needs and the machine lacks (LibreOffice, poppler, Chromium, Tesseract).

The test is skipped, except in CI: .ci/run installs every tool and sets
KPU_DOCS_REQUIRE_LIBREOFFICE, and there a missing tool is a failure, never a quiet skip.
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def tool_missing(reason: str) -> NoReturn:
    """Skip the test for `reason`, or fail it in CI."""
    if os.environ.get("KPU_DOCS_REQUIRE_LIBREOFFICE"):
        pytest.fail(reason)
    pytest.skip(reason)
