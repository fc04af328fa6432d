"""`kpu-docs web`: refused beyond this computer without a user; users added with argon2."""

from __future__ import annotations

from typer.testing import CliRunner

from kpu_docs.cli import app
from kpu_docs.web.auth import Store


def test_listening_on_every_address_without_a_user_is_refused(tmp_path, monkeypatch):
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: (_ for _ in ()).throw(AssertionError("must not start")))
    result = CliRunner().invoke(app, ["web", str(tmp_path), "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "belum ada pengguna" in result.output and "kpu-docs web pengguna tambah NAMA" in result.output


def test_with_a_user_it_starts_with_login_required(tmp_path, monkeypatch):
    import uvicorn

    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda application, host, port, **k: started.update(
        app=application, host=host, port=port))
    result = CliRunner().invoke(app, ["web", "pengguna", "tambah", "sekretariat", "--folder", str(tmp_path)],
                                input="rahasia-kantor\nrahasia-kantor\n")
    assert result.exit_code == 0, result.output
    assert Store(tmp_path).verify("sekretariat", "rahasia-kantor")
    result = CliRunner().invoke(app, ["web", str(tmp_path), "--host", "0.0.0.0", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert started["host"] == "0.0.0.0" and started["port"] == 8123
    assert started["app"].state.desk.login_required


def test_on_this_computer_it_starts_without_login(tmp_path, monkeypatch):
    import uvicorn

    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda application, host, port, **k: started.update(app=application, host=host))
    result = CliRunner().invoke(app, ["web", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert started["host"] == "127.0.0.1" and not started["app"].state.desk.login_required
    assert "http://127.0.0.1:8000/" in result.output


def test_a_short_password_is_refused(tmp_path):
    result = CliRunner().invoke(app, ["web", "pengguna", "tambah", "a", "--folder", str(tmp_path)], input="pendek\npendek\n")
    assert result.exit_code == 2 and "paling sedikit 8" in result.output


def test_a_missing_folder_is_said(tmp_path):
    result = CliRunner().invoke(app, ["web", str(tmp_path / "tidak-ada")])
    assert result.exit_code == 2 and "folder tidak ditemukan" in result.output


def test_without_the_web_extra_the_command_says_what_to_install(tmp_path, monkeypatch):
    import importlib.util

    find = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "uvicorn" else find(name, *a))
    result = CliRunner().invoke(app, ["web", str(tmp_path)])
    assert result.exit_code == 2 and "pip install 'kpu-docs[web]'" in result.output and "uvicorn" in result.output
