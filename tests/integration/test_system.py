"""Health, metrics, the API document and its docs page, static files, and shutdown."""
import json
import pathlib
import signal
import sqlite3
import subprocess
import time

import requests

from conftest import BINARY, ROOT, Laurel


def test_health_is_open(laurel):
    r = laurel.api().call("GET", "/api/v1/health", token="")
    assert r.status_code == 200
    assert r.json() == {"status": "ok", "version": "0.1.0", "database": "ok"}
    assert r.headers["Cache-Control"] == "no-store" and r.headers["X-Request-Id"]


def test_openapi_document_is_served_as_checked_in(laurel):
    r = laurel.api().call("GET", "/api/v1/openapi.json", token="")
    assert r.status_code == 200
    assert r.json() == json.loads((ROOT / "docs" / "openapi.json").read_text())


def test_docs_page_and_ui_are_served_with_etags_and_gzip(laurel):
    page = requests.get(laurel.base + "/api-docs/", timeout=5)
    assert page.status_code == 200 and "swagger-ui-bundle.js" in page.text
    bundle = requests.get(laurel.base + "/api-docs/swagger-ui-bundle.js",
                          headers={"Accept-Encoding": "gzip"}, timeout=5)
    assert bundle.headers["Content-Type"].startswith("application/javascript")
    assert bundle.headers["Content-Encoding"] == "gzip"
    etag = bundle.headers["ETag"]
    again = requests.get(laurel.base + "/api-docs/swagger-ui-bundle.js",
                         headers={"If-None-Match": etag}, timeout=5)
    assert again.status_code == 304 and again.content == b""
    head = requests.head(laurel.base + "/", timeout=5)
    assert head.status_code == 200 and head.content == b""
    assert int(head.headers["Content-Length"]) > 0


def test_metrics_report_routes_database_and_connections(laurel, admin):
    admin.call("GET", "/api/v1/users")
    text = admin.call("GET", "/metrics").text
    assert 'laurel_http_requests_total{route="GET /api/v1/users",status="2xx"}' in text
    assert "laurel_http_request_duration_seconds_bucket" in text
    assert "laurel_db_query_duration_seconds_count" in text
    assert "laurel_http_open_connections" in text


def metric(text, name):
    for line in text.splitlines():
        if line.startswith(name + " "):
            return float(line.split()[1])
    return None


def test_metrics_report_live_clients_the_engine_and_the_chat_backlog(laurel, admin):
    made = admin.call("POST", "/api/v1/departments", {"name": "监控测试部"})
    assert made.status_code == 201, made.text
    last = admin.call("GET", "/api/v1/events?order=newest&limit=1").json()["items"][0]["seq"]
    deadline = time.monotonic() + 5  # the engine folds each commit at once, on its own thread
    while (metric(admin.call("GET", "/metrics").text, "laurel_engine_folded_seq") < last
           and time.monotonic() < deadline):
        time.sleep(0.05)
    text = admin.call("GET", "/metrics").text
    assert metric(text, "laurel_engine_folded_seq") >= last
    assert metric(text, "laurel_engine_unreadable_events_total") == 0
    assert 'laurel_chat_outbox_deliveries{status="dead"}' in text
    before = metric(text, "laurel_live_clients")
    stream = requests.get(laurel.base + "/api/v1/stream", stream=True, timeout=10,
                          headers={"Authorization": f"Bearer {admin.token}"})
    try:
        assert stream.status_code == 200
        deadline = time.monotonic() + 5
        while (metric(admin.call("GET", "/metrics").text, "laurel_live_clients") <= before
               and time.monotonic() < deadline):
            time.sleep(0.05)
        assert metric(admin.call("GET", "/metrics").text, "laurel_live_clients") == before + 1
    finally:
        stream.close()


def test_requests_are_logged_one_line_each_without_secrets(laurel, admin):
    admin.call("GET", "/api/v1/roles")
    deadline = time.monotonic() + 3  # request lines are written in batches, every 200 ms
    while "GET /api/v1/roles 200" not in laurel.log() and time.monotonic() < deadline:
        time.sleep(0.05)
    log = laurel.log()
    assert "GET /api/v1/roles 200" in log and "user=admin" in log
    assert "laurel-demo-2026" not in log and admin.token not in log


def test_sigterm_drains_and_exits_cleanly(tmp_path):
    server = Laurel(tmp_path)
    api = server.api().as_admin()
    api.call("POST", "/api/v1/users", {"username": "before.stop", "display_name": "B",
                                       "role": "sales", "password": "correct horse battery"})
    assert server.stop(signal.SIGTERM) == 0
    assert "shutting down" in server.log()
    with sqlite3.connect(server.db) as db:  # the database is whole and holds the write
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT COUNT(*) FROM users WHERE username = 'before.stop'"
                          ).fetchone()[0] == 1


def test_sigint_exits_cleanly_too(tmp_path):
    server = Laurel(tmp_path)
    assert server.stop(signal.SIGINT) == 0


def test_refuses_a_database_newer_than_itself(tmp_path):
    db = tmp_path / "future.db"
    subprocess.run([BINARY, "migrate", "--db", str(db)], check=True, capture_output=True)
    with sqlite3.connect(db) as connection:
        connection.execute("INSERT INTO schema_migrations VALUES (9999, '9999_future', 0)")
    started = subprocess.run([BINARY, "serve", "--db", str(db), "--listen", "127.0.0.1:0"],
                             capture_output=True, text=True, timeout=20)
    assert started.returncode != 0
    assert "newer" in started.stderr
