"""Logging in and out (screen "masuk"): needed only when the desk listens beyond this computer."""

from __future__ import annotations

import secrets
import time
from typing import Any

from kpu_docs.web.app import desk_of
from kpu_docs.web.auth import COOKIE, LOGIN_COOKIE, session_cookie
from kpu_docs.web.pages import page


FAILURES_MAX = 5
LOCK_MINUTES = 10


def _failures(desk: Any) -> dict[str, list[float]]:
    """Wrong passwords per user name on this desk: after FAILURES_MAX within LOCK_MINUTES, the
    name is refused until they are older (argon2 already makes each guess slow)."""
    return desk.cache.setdefault("gagal-masuk", {})


def _throttled(desk: Any, nama: str) -> bool:
    failures = _failures(desk)
    recent = [t for t in failures.get(nama, []) if time.monotonic() - t < LOCK_MINUTES * 60]
    failures[nama] = recent
    return len(recent) >= FAILURES_MAX


def _safe_next(target: str) -> str:
    """Only a path on this desk: never another site after logging in."""
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"


async def masuk(request: Any) -> Any:
    desk = desk_of(request)
    if request.method == "GET":
        # one token per browser: a second page load (another tab, the favicon's redirect) keeps it
        token = request.cookies.get(LOGIN_COOKIE) or secrets.token_urlsafe(32)
        response = page(request, "masuk.html", token=token, lanjut=_safe_next(request.query_params.get("lanjut", "/")))
        response.set_cookie(LOGIN_COOKIE, token, httponly=True, samesite="strict", path="/masuk")
        return response
    form = await request.form()
    nama, sandi = str(form.get("nama", "")), str(form.get("sandi", ""))
    lanjut = _safe_next(str(form.get("lanjut", "/")))
    if _throttled(desk, nama):
        token = secrets.token_urlsafe(32)
        response = page(request, "masuk.html", status_code=429, token=token, lanjut=lanjut, nama=nama,
                        galat=f"Terlalu banyak percobaan yang salah; coba lagi {LOCK_MINUTES} menit lagi.")
        response.set_cookie(LOGIN_COOKIE, token, httponly=True, samesite="strict", path="/masuk")
        return response
    if not desk.store.verify(nama, sandi):
        _failures(desk).setdefault(nama, []).append(time.monotonic())
        token = secrets.token_urlsafe(32)
        response = page(request, "masuk.html", status_code=403, token=token, lanjut=lanjut, nama=nama,
                        galat="Nama pengguna atau kata sandi salah.")
        response.set_cookie(LOGIN_COOKIE, token, httponly=True, samesite="strict", path="/masuk")
        return response
    from starlette.responses import RedirectResponse

    _failures(desk).pop(nama, None)
    session = desk.store.new_session(nama)
    desk.store.record(nama, "masuk", "")
    response = RedirectResponse(lanjut, status_code=303)
    response.headers.append("set-cookie", session_cookie(session.token, secure=request.url.scheme == "https"))
    response.delete_cookie(LOGIN_COOKIE, path="/masuk")
    return response


async def keluar(request: Any) -> Any:
    from starlette.responses import RedirectResponse

    session = request.state.session
    desk_of(request).store.end_session(session.token)
    response = RedirectResponse("/masuk" if desk_of(request).login_required else "/", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


def routes() -> list[Any]:
    from starlette.routing import Route

    return [Route("/masuk", masuk, methods=["GET", "POST"]), Route("/keluar", keluar, methods=["POST"]),
            Route("/favicon.ico", favicon)]


async def favicon(request: Any) -> Any:
    """No icon: answered here so that a browser's request for it is not sent to the login page."""
    from starlette.responses import Response

    return Response(status_code=204)
