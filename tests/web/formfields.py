"""What a browser submits for a page's form: every named input, textarea and select."""

from __future__ import annotations

import html
from html.parser import HTMLParser


class _Fields(HTMLParser):
    def __init__(self, form_id: str | None):
        super().__init__(convert_charrefs=True)
        self.fields: list[list[str]] = []
        self._text: list[str] | None = None
        self._select: list | None = None
        self._form_id = form_id
        self._inside = form_id is None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and self._form_id is not None:
            self._inside = a.get("id") == self._form_id
        if not self._inside:
            return
        if tag == "input" and "name" in a:
            if a.get("type") in ("checkbox", "radio"):
                if "checked" in a:
                    self.fields.append([a["name"], a.get("value", "on")])
            else:
                self.fields.append([a["name"], a.get("value") or ""])
        elif tag == "textarea" and "name" in a:
            self._text = [a["name"], ""]
            self.fields.append(self._text)
        elif tag == "select" and "name" in a:
            self._select = [a["name"], None]
            self.fields.append(self._select)
        elif tag == "option" and self._select is not None:
            if self._select[1] is None or "selected" in a:
                self._select[1] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._text = None
        elif tag == "select":
            self._select = None
        elif tag == "form" and self._form_id is not None:
            self._inside = False

    def handle_data(self, data):
        if self._text is not None:
            self._text[1] += data


def form_fields(page: str, form_id: str | None = "isian") -> dict[str, str]:
    parser = _Fields(form_id)
    parser.feed(page)
    out = {}
    for name, value in parser.fields:
        text = value or ""
        if text.startswith("\n"):
            text = text[1:]  # the newline HTML drops after <textarea>
        out[name] = html.unescape(text) if "&" in text else text
    return out
