"""A decree file as the desk sees it: its text, its hash, its data, the model or the problems,
and `check`'s findings; parsed once per content (a file changed by the CLI or git has another
hash and is read again)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kpu_docs.errors import InputError, KpuDocsError, Masalah

CACHE_MAX = 256


@dataclass
class Opened:
    path: Path
    text: str
    hash: str
    data: Any = None
    keputusan: Any = None
    masalah: list[Masalah] = field(default_factory=list)
    temuan: list[Any] = field(default_factory=list)

    @property
    def sah(self) -> bool:
        return self.keputusan is not None


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def evaluate(path: Path, text: str, data: Any = None) -> Opened:
    """Validate `text` (or already parsed `data` from it) as the CLI's `check` does."""
    from kpu_docs.checks import temuan
    from kpu_docs.loading import from_data, parse

    opened = Opened(path, text, text_hash(text))
    try:
        opened.data = parse(text, path) if data is None else data
        opened.keputusan = from_data(opened.data, base_dir=path.parent, sumber=path.name,
                                      teks=text if data is None else None)
    except InputError as exc:
        opened.masalah = list(exc.masalah)
        return opened
    except KpuDocsError as exc:
        opened.masalah = [Masalah("", str(exc))]
        return opened
    opened.temuan = list(temuan(opened.keputusan))
    return opened


def open_decree(cache: dict, path: Path) -> Opened:
    """The decree at `path` as it is on disk now (cached by content)."""
    from kpu_docs.loading import read_text

    try:
        text = read_text(path)
    except InputError as exc:
        return Opened(path, "", "", masalah=list(exc.masalah))
    key = ("decree", str(path), text_hash(text))
    found = cache.get(key)
    if found is None:
        found = evaluate(path, text)
        if len(cache) > CACHE_MAX:
            cache.clear()
        cache[key] = found
    return found


_SOURCES: dict[str, Any] = {}
_SOURCES_LOCK = __import__("threading").Lock()
_PREPARE: Any = None


def prepare_source(text: str) -> None:
    """Parse `text`'s round-trip tree in the background, for the save that will follow the
    page just served (the round-trip parser is most of a save's cost)."""
    global _PREPARE
    from concurrent.futures import ThreadPoolExecutor

    from kpu_docs.yaml_source import Source

    key = text_hash(text)
    with _SOURCES_LOCK:
        if key in _SOURCES:
            return
        if _PREPARE is None:
            _PREPARE = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kpu-docs-yaml")
        if len(_SOURCES) > 16:
            _SOURCES.clear()
        _SOURCES[key] = _PREPARE.submit(Source, text)


def source_of(text: str) -> Any:
    """The Source of `text`: prepared in the background, or parsed now."""
    from kpu_docs.yaml_source import Source

    with _SOURCES_LOCK:
        future = _SOURCES.get(text_hash(text))
    if future is not None:
        try:
            return future.result()
        except Exception:  # noqa: BLE001 - parsed again below, with its own error
            pass
    return Source(text)
