"""The desk's guard: CSRF on every POST, paths confined to FOLDER, logging in off 127.0.0.1."""

from __future__ import annotations

import os

import pytest
from starlette.testclient import TestClient

from kpu_docs.web.app import NoUserError, create_app, is_local
from kpu_docs.web.auth import Store
from kpu_docs.web.folder import PathRefused, inside
from tests.web.conftest import csrf_of


def test_a_post_without_the_csrf_token_is_refused_and_changes_nothing(client, folder):
    before = sorted(p.name for p in folder.iterdir())
    response = client.post("/hapus", data={"berkas": "lapan-110-2004.yaml"})
    assert response.status_code == 403 and "CSRF" in response.text
    response = client.post("/hapus", data={"berkas": "lapan-110-2004.yaml", "csrf": "salah"})
    assert response.status_code == 403
    assert sorted(p.name for p in folder.iterdir()) == before


def test_the_token_in_a_header_is_accepted(client, folder):
    response = client.post("/hapus", data={"berkas": "lapan-110-2004.yaml"}, headers={"X-CSRF-Token": client.csrf},
                           follow_redirects=False)
    assert response.status_code == 303
    assert not (folder / "lapan-110-2004.yaml").exists()
    assert [p.name.endswith("lapan-110-2004.yaml") for p in (folder / ".kpu-docs" / "sampah").iterdir()] == [True]


def test_the_session_cookie_is_httponly_and_samesite(folder):
    response = TestClient(create_app(folder), base_url="http://127.0.0.1").get("/")
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie


@pytest.mark.parametrize("name", ["../luar.yaml", "/etc/passwd.yaml", "a/../../b.yaml", ".kpu-docs/web.yaml",
                                  "catatan.txt", "a\\b.yaml", ""])
def test_names_outside_the_folder_are_refused(folder, name):
    with pytest.raises(PathRefused):
        inside(folder, name)


def test_a_symlink_out_of_the_folder_is_refused(folder, tmp_path_factory):
    outside = tmp_path_factory.mktemp("luar") / "rahasia.yaml"
    outside.write_text("nomor: 1\n", encoding="utf-8")
    os.symlink(outside, folder / "tautan.yaml")
    with pytest.raises(PathRefused):
        inside(folder, "tautan.yaml")


def test_a_route_refuses_a_path_out_of_the_folder(client):
    response = client.post("/salin", data={"berkas": "../../etc/passwd.yaml", "csrf": client.csrf})
    assert response.status_code == 403
    assert "hanya berkas di dalam folder kerja" in response.text


def test_loopback_only_is_local():
    assert is_local("127.0.0.1") and is_local("::1") and is_local("localhost")
    assert not is_local("0.0.0.0") and not is_local("192.168.1.5")


def test_listening_beyond_this_computer_needs_a_user(folder):
    with pytest.raises(NoUserError, match="pengguna tambah"):
        create_app(folder, login_required=True)


@pytest.fixture
def guarded(folder) -> TestClient:
    Store(folder).add_user("sekretariat", "rahasia-kantor")
    return TestClient(create_app(folder, login_required=True))


def _login(client: TestClient, sandi: str):
    page = client.get("/masuk")
    token = page.text.split('name="csrf" value="')[1].split('"')[0]
    return client.post("/masuk", data={"nama": "sekretariat", "sandi": sandi, "csrf": token, "lanjut": "/"},
                       follow_redirects=False)


def test_with_login_required_pages_redirect_to_the_login(guarded):
    response = guarded.get("/", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/masuk")


def test_a_wrong_password_is_refused(guarded):
    response = _login(guarded, "bukan-ini")
    assert response.status_code == 403 and "kata sandi salah" in response.text
    assert guarded.get("/", follow_redirects=False).status_code == 303


def test_login_without_its_token_is_refused(guarded):
    guarded.get("/masuk")
    response = guarded.post("/masuk", data={"nama": "sekretariat", "sandi": "rahasia-kantor"})
    assert response.status_code == 403


def test_logged_in_the_list_shows_and_posts_still_need_the_token(guarded, folder):
    assert _login(guarded, "rahasia-kantor").status_code == 303
    page = guarded.get("/")
    assert page.status_code == 200 and "Daftar keputusan" in page.text
    assert guarded.post("/hapus", data={"berkas": "lapan-110-2004.yaml"}).status_code == 403
    assert (folder / "lapan-110-2004.yaml").exists()
    response = guarded.post("/hapus", data={"berkas": "lapan-110-2004.yaml", "csrf": csrf_of(page.text)},
                            follow_redirects=False)
    assert response.status_code == 303 and not (folder / "lapan-110-2004.yaml").exists()


def test_passwords_are_stored_as_argon2_hashes(folder):
    import sqlite3

    Store(folder).add_user("sekretariat", "rahasia-kantor")
    (stored,) = sqlite3.connect(folder / ".kpu-docs" / "web.sqlite").execute("SELECT hash FROM pengguna").fetchone()
    assert stored.startswith("$argon2id$") and "rahasia-kantor" not in stored


def test_without_login_only_this_computers_names_are_served(folder):
    """A page elsewhere that points its own domain at 127.0.0.1 (DNS rebinding) reads nothing."""
    response = TestClient(create_app(folder), base_url="http://penyerang.example").get("/")
    assert response.status_code == 400 and "Daftar" not in response.text
    assert TestClient(create_app(folder), base_url="http://localhost:8000").get("/").status_code == 200


def test_after_five_wrong_passwords_the_name_is_locked_for_a_while(guarded):
    for _ in range(5):
        assert _login(guarded, "bukan-ini").status_code == 403
    response = _login(guarded, "rahasia-kantor")
    assert response.status_code == 429 and "Terlalu banyak percobaan" in response.text
    assert guarded.get("/", follow_redirects=False).status_code == 303
