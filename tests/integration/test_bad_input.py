"""Bad input of every kind gets the right 4xx with a problem body naming the problem; nothing is
written; the server survives and keeps serving other clients."""
import socket
import time

import pytest
import requests


def raw(laurel, data, read_timeout=5.0):
    """Sends raw bytes and returns everything the server answers until it closes."""
    with socket.create_connection(("127.0.0.1", laurel.port), timeout=read_timeout) as s:
        s.sendall(data)
        chunks = []
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        except socket.timeout:
            pass
        return b"".join(chunks)


def users_count(admin):
    return len(admin.call("GET", "/api/v1/users?limit=200").json()["items"])


def still_healthy(laurel):
    assert laurel.api().call("GET", "/api/v1/health").json()["status"] == "ok"


@pytest.mark.parametrize("body, field", [
    (b"{", "body"),
    (b"[]", "body"),
    (b"{\"username\": \"a\", }", "body"),
    (b"{\"username\": \"\xff\xfe\", \"display_name\": \"x\", \"role\": \"sales\"}", "body"),
    (b"", "body"),
])
def test_malformed_json_and_invalid_utf8(admin, body, field):
    before = users_count(admin)
    r = admin.call("POST", "/api/v1/users", data=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["field"] == field
    assert users_count(admin) == before


def test_wrong_content_type_is_415(admin):
    r = admin.call("POST", "/api/v1/users", data=b"username=x",
                   headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 415 and r.json()["field"] == "Content-Type"


@pytest.mark.parametrize("path, field", [
    ("/api/v1/users?limit=0", "limit"),
    ("/api/v1/users?limit=abc", "limit"),
    ("/api/v1/users?active=maybe", "active"),
    ("/api/v1/users?rol=admin", "rol"),
    ("/api/v1/users?role=emperor", "role"),
    ("/api/v1/users?q=" + "x" * 300, "q"),
    ("/api/v1/users?limit=1&limit=2", "limit"),
    ("/api/v1/audit?since=yesterday", "since"),
    ("/api/v1/tokens?user_id=-1", "user_id"),
])
def test_bad_query_parameters_name_the_parameter(admin, path, field):
    r = admin.call("GET", path)
    assert r.status_code == 400 and r.json()["field"] == field, r.text


def test_oversized_body_is_413_and_nothing_is_written(admin):
    before = users_count(admin)
    huge = '{"username": "big.body", "display_name": "' + "x" * 20000 + '"}'
    r = admin.call("POST", "/api/v1/users", data=huge.encode(),
                   headers={"Content-Type": "application/json"})
    assert r.status_code == 413
    assert users_count(admin) == before


def test_login_body_limit_is_small(laurel):
    r = laurel.api().call("POST", "/api/v1/auth/login", data=b"{" + b" " * 10000 + b"}",
                          headers={"Content-Type": "application/json"})
    assert r.status_code == 413


def test_oversized_header_is_431(laurel):
    answer = raw(laurel, b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 40000 +
                 b"\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 431"), answer[:200]
    assert b"application/problem+json" in answer
    still_healthy(laurel)


def test_garbage_instead_of_http_is_400(laurel):
    answer = raw(laurel, b"\x16\x03\x01 this is a TLS hello or worse\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 400"), answer[:200]
    still_healthy(laurel)


def test_slow_client_is_disconnected_and_others_are_served(tmp_path):
    from conftest import Laurel
    server = Laurel(tmp_path, env={"LAUREL_SERVER_READ_TIMEOUT_SECONDS": "1"})
    try:
        slow = socket.create_connection(("127.0.0.1", server.port), timeout=10)
        slow.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n")
        started = time.monotonic()
        for _ in range(3):  # the server keeps answering others meanwhile
            assert requests.get(server.base + "/api/v1/health", timeout=5).status_code == 200
        slow.sendall(b"X-Drip: 1\r\n")
        data = slow.recv(1024)
        while data:  # the server closes the connection on its own
            data = slow.recv(1024)
        assert time.monotonic() - started < 5
        slow.close()
    finally:
        assert server.stop() == 0


def test_unknown_routes_and_methods(laurel, admin):
    missing = admin.call("GET", "/api/v1/nothing-here", check=False)
    assert missing.status_code == 404
    assert missing.headers["Content-Type"] == "application/problem+json"
    wrong = admin.call("PUT", "/api/v1/users", json_body={}, check=False)
    assert wrong.status_code == 405 and wrong.headers["Allow"] == "GET, POST"
    assert requests.post(laurel.base + "/index.html", timeout=5).status_code == 405


@pytest.mark.parametrize("authorization", [
    "Bearer lss_not-a-real-session",
    "Bearer lat_not-a-real-token",
    "Bearer ",
    "Basic YWRtaW46bGF1cmVs",
    "Token abc",
])
def test_bad_credentials_are_401(laurel, authorization):
    r = laurel.api().call("GET", "/api/v1/me", token="", headers={"Authorization": authorization})
    assert r.status_code == 401
    assert r.headers["WWW-Authenticate"].startswith("Bearer")
    assert r.json()["status"] == 401


def test_no_credentials_is_401_on_every_protected_route(laurel):
    api = laurel.api()
    for path in ("/api/v1/me", "/api/v1/users", "/api/v1/roles", "/api/v1/audit",
                 "/api/v1/tokens", "/api/v1/auth/session", "/metrics"):
        assert api.call("GET", path, token="").status_code == 401, path


def test_server_survives_a_barrage_and_keeps_serving(laurel, admin):
    payloads = [b"GET / HTTP/9.9\r\n\r\n", b"\r\n\r\n\r\n", b"POST /api/v1/users HTTP/1.1\r\n"
                b"Host: x\r\nContent-Length: -5\r\n\r\n", b"GET /%%%% HTTP/1.1\r\nHost: x\r\n\r\n",
                b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"]
    for payload in payloads:
        raw(laurel, payload, read_timeout=2.0)
    still_healthy(laurel)
    assert admin.call("GET", "/api/v1/me").status_code == 200
