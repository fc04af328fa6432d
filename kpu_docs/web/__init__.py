"""The web desk: `kpu-docs web [FOLDER]`, a second thin shell over the library beside the CLI.

Conventions (read this before adding a screen):

- **One module per screen**: daftar (the list), sunting (the form), pratinjau (page pictures,
  downloads), tahunan (new decree, next year, import, diff), batch, register, masuk (log in).
  Each screen module has a function `routes() -> list[starlette.routing.BaseRoute]`;
  `kpu_docs.web.app.SCREENS` names the modules and `create_app` mounts every one. A screen
  module imports the library (loading, checks, word, yaml_source, ...) and nothing of another
  screen; shared machinery is here: `app` (factory, `Desk` state), `folder` (paths confined to
  FOLDER), `auth` (users, sessions, CSRF, audit log), `pages` (templates), `forms` (form fields
  <-> the model's data), `writing` (saving a decree's data through the round-trip writer).
- **Pages** are Jinja templates in `templates/`, each extending `base.html` (navigation, the
  CSRF token in a <meta> that htmx sends as the X-CSRF-Token header). `pages.page(request,
  "name.html", **context)` renders one; a partial for htmx is a template whose name starts with
  `_`. Static files (htmx, one CSS file, desk.js) are in `static/`, shipped in the wheel.
- **State-changing requests** are POST only. Every POST carries the session's CSRF token, as
  the form field `csrf` (`{{ csrf_field() }}` in a template) or the X-CSRF-Token header; without
  it the answer is 403 and nothing changes (auth.CsrfMiddleware, before any route runs).
- **Paths**: a decree is named in URLs by its path relative to FOLDER (`?berkas=sub/a.yaml`);
  `folder.inside(desk.root, name)` is the only way from a name to a file: no `..`, no absolute
  path, no symlink out of FOLDER, only .yaml/.yml.
- **Errors** go through the library's one hierarchy (kpu_docs.errors): an InputError's Masalah
  each names a field path (`menimbang[2]`, `penutup.tanggal`); `forms.messages_by_field`
  turns them, and `check`'s Temuan, into a dict path -> messages, and each field's template shows
  its own beside it. Any other KpuDocsError is shown at the top of the page.
- **Form field names are the CLI's field paths**: `nomor`, `menimbang[2]`,
  `penutup.penandatangan.nama`, `lampiran[1].isi[3].tabel.baris[4][2]` (positions from 1, as
  errors.format_path prints them). `forms.to_data(fields)` builds the decree's data from them;
  `forms.to_fields(data)` gives them back. A hidden `hash` field carries the file's hash as it
  was opened, so a save over a changed file is a conflict, never an overwrite.

Nothing here is imported by the CLI until `kpu-docs web` runs (tests/test_startup.py).
"""

from __future__ import annotations
