"""The app factory: one Starlette application over one FOLDER of decrees."""

from __future__ import annotations

import importlib
import ipaddress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kpu_docs.errors import KpuDocsError
from kpu_docs.web.auth import GuardMiddleware, Store

SCREENS = ["daftar", "sunting", "pratinjau", "masuk", "tahunan", "register", "batch"]
"""The screen modules of kpu_docs.web mounted by create_app, each with its `routes()`; a new
screen adds its name here (tahunan, batch, register ...)."""


class NoUserError(KpuDocsError):
    """Listening beyond this computer with nobody able to log in."""


def is_local(host: str) -> bool:
    """Whether `host` is reachable from this computer only (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass
class Desk:
    """What every route needs: the folder, the database, whether logging in is required."""

    root: Path
    store: Store
    login_required: bool
    cache: dict[Any, Any] = field(default_factory=dict)
    """Per-process caches of the screens (parsed decrees by file hash, preview jobs)."""


def create_app(folder: str | Path, login_required: bool = False, host: str | None = None) -> Any:
    """The desk over `folder`; with `login_required`, every page but /masuk needs a user session.
    `host`, the address listened on, is accepted as a Host name besides 127.0.0.1 and localhost."""
    from starlette.applications import Starlette
    from starlette.routing import Mount
    from starlette.staticfiles import StaticFiles

    root = Path(folder).resolve()
    if not root.is_dir():
        raise NoUserError(f"{folder}: bukan folder")
    store = Store(root)
    if login_required and not store.users():
        raise NoUserError(
            f"belum ada pengguna di {root}: tambahkan dulu dengan `kpu-docs web pengguna tambah NAMA --folder {folder}`"
        )
    desk = Desk(root, store, login_required)
    routes: list[Any] = []
    for name in SCREENS:
        routes += importlib.import_module(f"kpu_docs.web.{name}").routes()
    routes.append(Mount("/static", app=StaticFiles(directory=Path(__file__).parent / "static"), name="static"))
    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def lifespan(app: Any) -> Any:
        yield
        # a preview still converting finishes (or times out) before the process ends, so that
        # LibreOffice is never left writing into a folder being removed
        import asyncio

        for key, job in list(desk.cache.items()):
            if isinstance(key, tuple) and key[0] == "job":
                await asyncio.to_thread(job.join, 120)

    app = Starlette(routes=routes, exception_handlers={KpuDocsError: _refused}, lifespan=lifespan)
    app.state.desk = desk
    app.add_middleware(GuardMiddleware, store=store, login_required=login_required)
    if not login_required:
        # Without a login, only this computer's own names: a web page elsewhere that points its
        # own domain at 127.0.0.1 (DNS rebinding) is refused before anything is read.
        from starlette.middleware.trustedhost import TrustedHostMiddleware

        app.add_middleware(TrustedHostMiddleware, allowed_hosts=[*LOCAL_HOSTS, *([host] if host else [])])
    return app


LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")


async def _refused(request: Any, exc: Exception) -> Any:
    """A library error no screen handled: its message on a page (403 for a path out of FOLDER)."""
    from kpu_docs.web.folder import PathRefused
    from kpu_docs.web.pages import page

    return page(request, "galat.html", status_code=403 if isinstance(exc, PathRefused) else 400, galat_umum=str(exc))


def desk_of(request: Any) -> Desk:
    return request.app.state.desk
