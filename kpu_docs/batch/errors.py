"""The one error a batch stops on before rendering anything: bad invocation, unreadable files,
or table rows and decrees that do not fit together."""

from __future__ import annotations

from collections.abc import Sequence

from kpu_docs.errors import KpuDocsError


class BatchError(KpuDocsError, ValueError):
    """The batch as a whole cannot run (a missing file, an unknown column, a bad base file,
    table rows that belong to no decree).

    The message is Indonesian and names the file, row and column; `masalah` holds every problem
    found, one line each, so a user fixes them all in one go. The CLI exits with code 2.
    Problems of a single row's data are not raised but reported as that row's outcome.
    """

    def __init__(self, message: str | Sequence[str]):
        self.masalah: tuple[str, ...] = (message,) if isinstance(message, str) else tuple(message)
        self.peringatan: list[str] = []
        """Warnings of the checks that found these errors, for the user to see alongside."""
        super().__init__("\n".join(self.masalah))
