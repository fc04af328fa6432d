"""Rendering the desk's Jinja templates, with what every page needs (user, CSRF token)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape


@lru_cache(maxsize=1)
def environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                      autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
    return env


def page(request: Any, name: str, status_code: int = 200, **context: Any) -> Any:
    """The template `name` as an HTML response."""
    from starlette.responses import HTMLResponse

    session = getattr(request.state, "session", None)
    csrf = session.csrf if session else ""

    def csrf_field() -> Markup:
        return Markup(f'<input type="hidden" name="csrf" value="{escape(csrf)}">')

    html = environment().get_template(name).render(
        request=request, pengguna=session.pengguna if session else None, csrf=csrf, csrf_field=csrf_field,
        login_required=request.app.state.desk.login_required, **context)
    return HTMLResponse(html, status_code=status_code)
