"""Who may use the desk: users (argon2 hashes), sessions, the CSRF guard, and the audit log.

Everything lives in FOLDER/.kpu-docs/web.sqlite, beside the decrees it protects. On 127.0.0.1
nobody logs in (the person at the computer is the user, "lokal"); on any other address every
page but the login page needs a session of a user added with `kpu-docs web pengguna tambah`.
Either way every state-changing request (POST) carries the session's CSRF token, or gets 403
before any route runs and nothing changes.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import secrets
import sqlite3
import threading
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import quote

from kpu_docs import bounds
from kpu_docs.errors import KpuDocsError
from kpu_docs.web.folder import state_dir

COOKIE = "kpu_sesi"
LOCAL_USER = "lokal"
SESSION_DAYS = 7
BODY_MAX = max(bounds.PDF_FILE_MAX, bounds.PACKAGE_FILE_MAX) + bounds.MB
"""A request body larger than this is refused (413) while it is read: the largest file the CLI
imports (kpu_docs.bounds: a .docx or PDF of 25 MB) and room for the form around it."""
OPEN_PATHS = ("/masuk", "/static/", "/favicon.ico")
"""Reachable without a session when logging in is required."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS pengguna (nama TEXT PRIMARY KEY, hash TEXT NOT NULL, dibuat TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sesi (token TEXT PRIMARY KEY, pengguna TEXT NOT NULL, csrf TEXT NOT NULL,
                                 dibuat TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit (id INTEGER PRIMARY KEY, waktu TEXT NOT NULL, pengguna TEXT NOT NULL,
                                  tindakan TEXT NOT NULL, berkas TEXT NOT NULL, hash_lama TEXT, hash_baru TEXT);
"""


class UserError(KpuDocsError, ValueError):
    """A user name or password that cannot be used."""


@dataclass(frozen=True)
class Session:
    token: str
    pengguna: str
    csrf: str


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


def _digest(token: str) -> str:
    """Sessions are stored hashed: a copy of the database opens no session."""
    return hashlib.sha256(token.encode()).hexdigest()


class Store:
    """The desk's SQLite database in FOLDER/.kpu-docs/ (one connection per thread)."""

    def __init__(self, root: Path):
        self.path = state_dir(root) / "web.sqlite"
        self._local = threading.local()
        with self._db() as db:
            db.executescript(_SCHEMA)

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=10)
            db.execute("PRAGMA journal_mode=WAL")
            self._local.db = db
        return db

    # users
    def add_user(self, nama: str, sandi: str) -> None:
        from argon2 import PasswordHasher

        nama = nama.strip()
        if not nama or not nama.isprintable() or len(nama) > 64:
            raise UserError("nama pengguna harus 1 sampai 64 huruf yang dapat dicetak")
        if len(sandi) < 8:
            raise UserError("kata sandi paling sedikit 8 karakter")
        with self._db() as db:
            db.execute("INSERT OR REPLACE INTO pengguna VALUES (?, ?, ?)", (nama, PasswordHasher().hash(sandi), _now()))

    def users(self) -> list[str]:
        return [row[0] for row in self._db().execute("SELECT nama FROM pengguna ORDER BY nama")]

    def verify(self, nama: str, sandi: str) -> bool:
        from argon2 import PasswordHasher
        from argon2.exceptions import InvalidHashError, VerificationError

        row = self._db().execute("SELECT hash FROM pengguna WHERE nama = ?", (nama,)).fetchone()
        hasher = PasswordHasher()
        if row is None:
            try:  # the same work for an unknown name: no timing tells which names exist
                hasher.verify(hasher.hash("x" * 12), sandi)
            except VerificationError:
                pass
            return False
        try:
            return hasher.verify(row[0], sandi)
        except (VerificationError, InvalidHashError):
            return False

    # sessions
    def new_session(self, pengguna: str) -> Session:
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        with self._db() as db:
            db.execute("INSERT INTO sesi VALUES (?, ?, ?, ?)", (_digest(token), pengguna, csrf, _now()))
        return Session(token, pengguna, csrf)

    def session(self, token: str | None) -> Session | None:
        if not token:
            return None
        row = self._db().execute("SELECT pengguna, csrf, dibuat FROM sesi WHERE token = ?", (_digest(token),)).fetchone()
        if row is None:
            return None
        made = datetime.datetime.fromisoformat(row[2])
        if datetime.datetime.now(datetime.timezone.utc) - made > datetime.timedelta(days=SESSION_DAYS):
            self.end_session(token)
            return None
        return Session(token, row[0], row[1])

    def end_session(self, token: str) -> None:
        with self._db() as db:
            db.execute("DELETE FROM sesi WHERE token = ?", (_digest(token),))

    # audit log
    def record(self, pengguna: str, tindakan: str, berkas: str, hash_lama: str | None = None,
               hash_baru: str | None = None) -> None:
        """One line of the audit log: who did what to which file, and when."""
        with self._db() as db:
            db.execute("INSERT INTO audit (waktu, pengguna, tindakan, berkas, hash_lama, hash_baru) VALUES (?, ?, ?, ?, ?, ?)",
                       (_now(), pengguna, tindakan, berkas, hash_lama, hash_baru))

    def log(self, berkas: str | None = None, limit: int = 50) -> list[tuple[Any, ...]]:
        query = "SELECT waktu, pengguna, tindakan, berkas FROM audit"
        args: tuple = ()
        if berkas is not None:
            query, args = query + " WHERE berkas = ?", (berkas,)
        return self._db().execute(query + " ORDER BY id DESC LIMIT ?", (*args, limit)).fetchall()


def _cookie_token(scope: dict) -> str | None:
    for name, value in scope.get("headers", []):
        if name == b"cookie":
            jar: SimpleCookie = SimpleCookie()
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # noqa: BLE001 - a malformed cookie header is no session
                return None
            if COOKIE in jar:
                return jar[COOKIE].value
    return None


def session_cookie(token: str, secure: bool = False) -> str:
    """The Set-Cookie value: HttpOnly (no script reads it), SameSite=Strict (no other site sends it)."""
    return (f"{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={SESSION_DAYS * 86400}"
            + ("; Secure" if secure else ""))


class GuardMiddleware:
    """Sessions, the login requirement, the CSRF check and the body bound, for every request.

    Pure ASGI: the body of a POST is read (at most BODY_MAX bytes), its CSRF token compared with
    the session's, and only then replayed to the route; a request without the token never
    reaches a route.
    """

    def __init__(self, app: Any, store: Store, login_required: bool):
        self.app, self.store, self.login_required = app, store, login_required

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        from starlette.requests import Request
        from starlette.responses import PlainTextResponse, RedirectResponse

        path: str = scope["path"]
        session = self.store.session(_cookie_token(scope))
        new_cookie = None
        if session is None and not self.login_required and not path.startswith("/static/"):
            session = self.store.new_session(LOCAL_USER)
            new_cookie = session.token
        is_open = any(path == p or path.startswith(p) for p in OPEN_PATHS)
        if session is None and not is_open:
            if scope["method"] in ("GET", "HEAD"):
                response: Any = RedirectResponse(f"/masuk?lanjut={quote(path)}", status_code=303)
            else:
                response = PlainTextResponse("Ditolak: masuk dulu.", status_code=403)
            await response(scope, receive, send)
            return
        scope.setdefault("state", {})
        scope["state"]["session"] = session
        if scope["method"] not in ("GET", "HEAD", "OPTIONS"):
            body = b""
            more = True
            while more:
                message = await receive()
                body += message.get("body", b"")
                more = message.get("more_body", False)
                if len(body) > BODY_MAX:
                    await PlainTextResponse("Ditolak: kiriman terlalu besar.", status_code=413)(scope, receive, send)
                    return
            sent = False

            async def replay() -> dict:
                nonlocal sent
                if sent:
                    return {"type": "http.disconnect"}
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}

            token = None
            for name, value in scope.get("headers", []):
                if name == b"x-csrf-token":
                    token = value.decode("latin-1")
            if token is None:
                probe = Request(scope, replay)
                try:
                    form = await probe.form(max_files=50, max_fields=20000)
                    token = str(form.get("csrf") or "") or None
                    await form.close()
                except Exception:  # noqa: BLE001 - an unreadable body has no token
                    token = None
                sent = False
            csrf_ok = session is not None and token is not None and hmac.compare_digest(token, session.csrf)
            # logging in is the one POST without a session; it carries the login page's own token
            if not csrf_ok and not (path == "/masuk" and session is None and token is not None
                                    and _login_token_ok(scope, token)):
                await PlainTextResponse("Ditolak: token CSRF tidak ada atau tidak cocok; muat ulang halaman.",
                                        status_code=403)(scope, receive, send)
                return
            receive = replay

        async def send_with_cookie(message: dict) -> None:
            if message["type"] == "http.response.start" and new_cookie:
                headers = list(message.get("headers", []))
                headers.append((b"set-cookie", session_cookie(new_cookie).encode("latin-1")))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_cookie)


LOGIN_COOKIE = "kpu_masuk"


def _login_token_ok(scope: dict, token: str) -> bool:
    """The login form's token: the same random value in the form and in a SameSite cookie
    (double submit), so another site cannot log someone in with its own account."""
    for name, value in scope.get("headers", []):
        if name == b"cookie":
            jar: SimpleCookie = SimpleCookie()
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # noqa: BLE001
                return False
            if LOGIN_COOKIE in jar:
                return hmac.compare_digest(jar[LOGIN_COOKIE].value, token)
    return False
