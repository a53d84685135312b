"""The `laurel` command line: help and version, `migrate`, `user add|passwd|list|disable`,
`token create|list|revoke`, configuration layering (TOML file < LAUREL_* environment < flags) and
the audit trail of changes made from the command line.

Every test works on its own database under tmp_path. Where the effect of a command is only
visible to a server (a password that logs in, a revoked token), a `laurel serve` over the same
database is started on a free loopback port and asked over HTTP.
"""
import contextlib
import os
import re
import sqlite3
import subprocess

import pytest

from conftest import BINARY, CHEAP_ARGON2, ROOT, Api, run_cli

PASSWORD = "correct horse battery"
OTHER_PASSWORD = "staple battery horse"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    """No LAUREL_* setting of the developer's shell may leak into a test."""
    for name in list(os.environ):
        if name.startswith("LAUREL_") and name != "LAUREL_BINARY":
            monkeypatch.delenv(name)
    monkeypatch.setenv("USER", "tester")


@pytest.fixture
def db(tmp_path):
    return tmp_path / "laurel.db"


# --- running commands ------------------------------------------------------------------------

def ok(result):
    """The stdout of a command that must have succeeded."""
    assert result.returncode == 0, f"exit {result.returncode}: {result.stderr}"
    return result.stdout


def fails(result, *fragments):
    """Assert the command failed and its stderr names every fragment; returns stderr."""
    assert result.returncode != 0, f"unexpected success: {result.stdout}"
    for fragment in fragments:
        assert fragment in result.stderr, f"{fragment!r} not in {result.stderr!r}"
    return result.stderr


def user_add(db, username, *options, name=None, password=PASSWORD):
    """`laurel user add`, with the password (None: nothing) on stdin."""
    stdin = "" if password is None else password + "\n"
    return run_cli("user", "add", username, "--name", name or "Name " + username, *options,
                   stdin=stdin, db=db)


def create_robot_token(db, username="robot", name="warehouse"):
    """Creates the integration user if needed and returns a new token of it."""
    if username not in listed_users(db, "--all"):
        ok(user_add(db, username, "--role", "integration", password=None))
    return ok(run_cli("token", "create", "--user", username, "--name", name, db=db)).strip()


def listed_users(db, *flags):
    """`laurel user list` as {username: (role, active)}, checking the table's header."""
    lines = ok(run_cli("user", "list", *flags, db=db)).splitlines()
    assert lines[0].split() == ["id", "username", "role", "active", "name"]
    return {cols[1]: (cols[2], cols[3]) for cols in (line.split() for line in lines[1:])}


def token_rows(db):
    """`laurel token list` as a list of column lists, header excluded."""
    lines = ok(run_cli("token", "list", db=db)).splitlines()
    assert lines[0].split()[:3] == ["id", "prefix", "name"]
    return [line.split() for line in lines[1:]]


def query(db, sql, *params):
    with contextlib.closing(sqlite3.connect(db)) as connection:
        return connection.execute(sql, params).fetchall()


# --- a server over the same database -------------------------------------------------------

def start_serve(db, log_path):
    env = dict(os.environ, **CHEAP_ARGON2, LAUREL_SERVER_STATIC_DIR="",
               LAUREL_SERVER_SHUTDOWN_GRACE_SECONDS="1")
    with open(log_path, "wb") as log:
        return subprocess.Popen([BINARY, "serve", "--db", str(db), "--listen", "127.0.0.1:0"],
                                stdout=subprocess.PIPE, stderr=log, env=env, text=True)


@contextlib.contextmanager
def serving(db):
    """A `laurel serve` over db; yields an Api for it and stops it afterwards."""
    log_path = db.parent / "serve.log"
    process = start_serve(db, log_path)
    try:
        line = process.stdout.readline()
        match = re.fullmatch(r"laurel: listening on (http://127\.0\.0\.1:\d+)\n", line)
        assert match, f"laurel serve did not start: {line!r} {log_path.read_text()}"
        yield Api(match.group(1))
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()


def login_status(api, username, password):
    r = api.call("POST", "/api/v1/auth/login", {"username": username, "password": password},
                 token="")
    return r.status_code


# --- help and version -----------------------------------------------------------------------

def test_version():
    assert ok(run_cli("--version")).strip() == "laurel 0.1.0"


@pytest.mark.parametrize("args, mentions", [
    (["--help"], ["serve", "demo", "migrate", "user", "token", "replay", "--version"]),
    (["user", "--help"], ["add", "passwd", "list", "disable"]),
    (["user", "add", "--help"], ["username", "--name", "--role", "--email", "--config", "--db",
                                 "admin", "manager", "sales", "service", "integration"]),
    (["token", "--help"], ["create", "list", "revoke"]),
    (["token", "create", "--help"], ["--user", "--name", "--expires-days"]),
    (["serve", "--help"], ["--config", "--db", "--listen"]),
])
def test_help(args, mentions):
    text = ok(run_cli(*args))
    for word in mentions:
        assert word in text, f"{word!r} not in help of {args}"


@pytest.mark.parametrize("args", [[], ["bogus"], ["user"], ["user", "bogus"], ["token"]])
def test_missing_or_unknown_subcommand_fails(args):
    result = run_cli(*args)
    assert result.returncode != 0
    assert "subcommand" in result.stderr.lower() or "bogus" in result.stderr


# --- migrate --------------------------------------------------------------------------------

def test_migrate_applies_then_is_up_to_date(db):
    # The migrations the binary carries are the .sql files of src/store/migrations.
    names = sorted(p.stem for p in (ROOT / "src" / "store" / "migrations").glob("*.sql"))
    assert names[0] == "0001_platform"
    first = ok(run_cli("migrate", db=db)).splitlines()
    assert first == [f"applied {n}" for n in names] + [f"schema at version {len(names)}"]
    assert query(db, "SELECT version, name FROM schema_migrations") == [
        (i + 1, n) for i, n in enumerate(names)]
    second = ok(run_cli("migrate", db=db))
    assert "already up to date" in second and "applied" not in second


@pytest.fixture
def future_db(db):
    """A database migrated by a newer laurel than this one."""
    ok(run_cli("migrate", db=db))
    with contextlib.closing(sqlite3.connect(db)) as connection:
        connection.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'x', 0)")
        connection.commit()
    return db


@pytest.mark.parametrize("args", [["migrate"], ["user", "list"], ["token", "list"]])
def test_commands_refuse_a_newer_schema(future_db, args):
    fails(run_cli(*args, db=future_db), "newer", "9999")
    assert query(future_db, "SELECT max(version) FROM schema_migrations") == [(9999,)]


def test_serve_refuses_a_newer_schema(future_db):
    process = start_serve(future_db, future_db.parent / "serve.log")
    try:
        returncode = process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        pytest.fail("laurel serve started over a database newer than itself")
    assert returncode != 0
    with process.stdout:
        assert process.stdout.read() == ""
    assert "newer" in (future_db.parent / "serve.log").read_text()


# --- user add and user list -----------------------------------------------------------------

def test_user_add_creates_a_user_who_can_log_in(db):
    out = ok(user_add(db, "wang.fang", "--role", "manager", "--email", "wang@fund.example.cn"))
    assert re.fullmatch(r"created user wang\.fang \(id \d+, manager\)\n", out)
    assert listed_users(db) == {"wang.fang": ("manager", "yes")}
    assert query(db, "SELECT email FROM users") == [("wang@fund.example.cn",)]
    with serving(db) as api:
        session = api.login("wang.fang", PASSWORD)["token"]
        me = api.call("GET", "/api/v1/me", token=session).json()
        assert me["username"] == "wang.fang" and me["role"] == "manager"
        assert login_status(api, "wang.fang", "not the password") == 401


def test_user_add_reads_only_the_first_line_and_strips_cr(db):
    ok(run_cli("user", "add", "li.lei", "--name", "Li Lei",
               stdin=PASSWORD + "\r\nsecond line\n", db=db))
    with serving(db) as api:
        assert login_status(api, "li.lei", PASSWORD) == 200


@pytest.mark.parametrize("username, options, extra, fragment", [
    ("short.pw", [], {"password": "short"}, "password"),
    ("no.pw", [], {"password": None}, "password"),
    ("Bad Name!", [], {}, "username"),
    ("Upper", [], {}, "username"),
    ("xy", [], {}, "username"),
    ("mail", ["--email", "not-an-address"], {}, "email"),
    ("blank", [], {"name": "   "}, "display_name"),
    ("emperor", ["--role", "emperor"], {}, "emperor"),
])
def test_user_add_refuses_bad_input_and_creates_nobody(db, username, options, extra, fragment):
    fails(user_add(db, username, *options, **extra), fragment)
    if db.exists():
        assert query(db, "SELECT count(*) FROM users") == [(0,)]


def test_user_add_refuses_a_taken_username(db):
    ok(user_add(db, "bob"))
    fails(user_add(db, "bob", "--role", "admin"), "username", "bob", "taken")
    assert listed_users(db) == {"bob": ("sales", "yes")}


def test_integration_user_is_created_without_a_password(db):
    # Empty stdin: a command that wanted a password would fail with "none given".
    out = ok(user_add(db, "robot", "--role", "integration", password=None))
    assert "integration" in out
    assert query(db, "SELECT username, password_hash FROM users") == [("robot", None)]


def test_user_list_hides_disabled_users_unless_all(db):
    for name in ("alice", "bob", "carol"):
        ok(user_add(db, name))
    ok(run_cli("user", "disable", "bob", db=db))
    assert listed_users(db) == {"alice": ("sales", "yes"), "carol": ("sales", "yes")}
    assert listed_users(db, "--all") == {"alice": ("sales", "yes"), "bob": ("sales", "no"),
                                         "carol": ("sales", "yes")}


# --- user passwd and user disable -----------------------------------------------------------

def test_user_passwd_changes_the_password_and_signs_out(db):
    ok(user_add(db, "zhao"))
    with serving(db) as api:
        old_session = api.login("zhao", PASSWORD)["token"]
    out = ok(run_cli("user", "passwd", "zhao", stdin=OTHER_PASSWORD + "\n", db=db))
    assert "zhao" in out
    with serving(db) as api:
        assert login_status(api, "zhao", PASSWORD) == 401
        assert login_status(api, "zhao", OTHER_PASSWORD) == 200
        assert api.call("GET", "/api/v1/me", token=old_session).status_code == 401


@pytest.mark.parametrize("username, password, fragment", [
    ("zhao", "short", "password"),
    ("nobody", OTHER_PASSWORD, "nobody"),
    ("robot", OTHER_PASSWORD, "integration"),
])
def test_user_passwd_refuses(db, username, password, fragment):
    ok(user_add(db, "zhao"))
    ok(user_add(db, "robot", "--role", "integration", password=None))
    fails(run_cli("user", "passwd", username, stdin=password + "\n", db=db), fragment)
    with serving(db) as api:
        assert login_status(api, "zhao", PASSWORD) == 200


def test_user_disable_stops_logins(db):
    ok(user_add(db, "admin", "--role", "admin"))
    ok(user_add(db, "qian"))
    with serving(db) as api:
        assert login_status(api, "qian", PASSWORD) == 200
        assert "qian" in ok(run_cli("user", "disable", "qian", db=db))
        assert login_status(api, "qian", PASSWORD) == 401
        assert login_status(api, "admin", PASSWORD) == 200


def test_user_disable_refuses_the_last_active_admin(db):
    ok(user_add(db, "boss", "--role", "admin"))
    fails(run_cli("user", "disable", "boss", db=db), "last active admin")
    assert listed_users(db) == {"boss": ("admin", "yes")}
    ok(user_add(db, "deputy", "--role", "admin"))
    ok(run_cli("user", "disable", "boss", db=db))
    fails(run_cli("user", "disable", "deputy", db=db), "last active admin")


def test_user_disable_of_an_unknown_user_fails(db):
    fails(run_cli("user", "disable", "nobody", db=db), "nobody")


# --- tokens ---------------------------------------------------------------------------------

def test_token_create_prints_only_the_token_on_stdout(db):
    ok(user_add(db, "robot", "--role", "integration", password=None))
    result = run_cli("token", "create", "--user", "robot", "--name", "warehouse", db=db)
    assert re.fullmatch(r"lat_[A-Za-z0-9_-]{20,}\n", ok(result))
    assert "robot" in result.stderr and "lat_" not in result.stderr
    with serving(db) as api:
        assert api.call("GET", "/metrics", token=result.stdout.strip()).status_code == 200


def test_token_list_shows_the_prefix_not_the_token(db):
    token = create_robot_token(db)
    rows = token_rows(db)
    assert len(rows) == 1
    token_id, prefix, name = rows[0][:3]
    assert name == "warehouse" and token.startswith(prefix) and len(prefix) < len(token)
    assert token not in ok(run_cli("token", "list", db=db))
    assert query(db, "SELECT id, token_prefix FROM api_tokens") == [(int(token_id), prefix)]


@pytest.mark.parametrize("options, fragment", [
    (["--user", "bob"], "integration"),
    (["--user", "nobody"], "nobody"),
    (["--user", "retired"], "disabled"),
    (["--user", "robot", "--expires-days", "0"], "expires-days"),
    (["--user", "robot", "--expires-days", "3651"], "expires-days"),
])
def test_token_create_refuses(db, options, fragment):
    ok(user_add(db, "bob"))
    for robot in ("robot", "retired"):
        ok(user_add(db, robot, "--role", "integration", password=None))
    ok(run_cli("user", "disable", "retired", db=db))
    result = run_cli("token", "create", "--name", "x", *options, db=db)
    fails(result, fragment)
    assert result.stdout == ""
    assert query(db, "SELECT count(*) FROM api_tokens") == [(0,)]


def test_token_create_with_expiry_lists_the_expiry(db):
    ok(user_add(db, "robot", "--role", "integration", password=None))
    ok(run_cli("token", "create", "--user", "robot", "--name", "x", "--expires-days", "30",
               db=db))
    (row,) = token_rows(db)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", row[4]), row


def test_token_revoke(db):
    kept = create_robot_token(db, name="kept")
    revoked = create_robot_token(db, name="revoked")
    ids = {row[2]: row[0] for row in token_rows(db)}
    with serving(db) as api:
        # The revoked token is not used before it is revoked: a running server caches a
        # credential it has seen for up to 10 s (docs/configuration.md, "The credential cache").
        assert api.call("GET", "/metrics", token=kept).status_code == 200
        assert "revoked" in ok(run_cli("token", "revoke", ids["revoked"], db=db))
        assert api.call("GET", "/metrics", token=revoked).status_code == 401
        assert api.call("GET", "/metrics", token=kept).status_code == 200
    rows = {row[2]: row for row in token_rows(db)}
    assert rows["kept"][5] == "-" and rows["revoked"][5] != "-"


def test_disabling_an_integration_user_revokes_its_tokens(db):
    create_robot_token(db)
    ok(run_cli("user", "disable", "robot", db=db))
    (row,) = token_rows(db)
    assert row[5] != "-"


def test_token_revoke_of_an_unknown_id_fails(db):
    ok(run_cli("migrate", db=db))
    fails(run_cli("token", "revoke", "99", db=db), "99")


# --- configuration layering -----------------------------------------------------------------

def write_config(tmp_path, text):
    path = tmp_path / "laurel.toml"
    path.write_text(text)
    return path


@pytest.mark.parametrize("layers, winner", [
    (["file"], "file"),
    (["file", "env"], "env"),
    (["file", "env", "flag"], "flag"),
    (["env", "flag"], "flag"),
])
def test_database_path_layering(tmp_path, layers, winner):
    paths = {layer: tmp_path / f"{layer}.db" for layer in ("file", "env", "flag")}
    config = write_config(tmp_path, f'[database]\npath = "{paths["file"]}"\n')
    args = ["migrate"] + (["--config", str(config)] if "file" in layers else [])
    env = {"LAUREL_DATABASE_PATH": str(paths["env"])} if "env" in layers else {}
    db = paths["flag"] if "flag" in layers else None
    assert "applied 0001_platform" in ok(run_cli(*args, db=db, env=env))
    assert {layer for layer, path in paths.items() if path.exists()} == {winner}


def test_dotted_keys_at_top_level_mean_the_same(tmp_path):
    config = write_config(tmp_path, f'database.path = "{tmp_path / "dotted.db"}"\n')
    ok(run_cli("migrate", "--config", str(config)))
    assert (tmp_path / "dotted.db").exists()


def test_user_commands_read_the_config_file(tmp_path):
    config = write_config(tmp_path, f'[database]\npath = "{tmp_path / "file.db"}"\n')
    ok(run_cli("user", "add", "alice", "--name", "Alice", "--config", str(config),
               stdin=PASSWORD + "\n"))
    assert query(tmp_path / "file.db", "SELECT username FROM users") == [("alice",)]


@pytest.mark.parametrize("toml, env, fragments", [
    ("[server]\nlisten_port = 8080\n", {}, ["server.listen_port", "unknown configuration key"]),
    ('[sever]\nlisten = "127.0.0.1:1"\n', {}, ["sever.listen", "unknown"]),
    ('[server]\nthreads = "many"\n', {}, ["server.threads", "many"]),
    ("[server]\nthreads = 257\n", {}, ["server.threads", "257"]),
    ("[server]\nthreads = 1.5\n", {}, ["server.threads"]),
    ('[log]\nlevel = "loud"\n', {}, ["log.level", "loud"]),
    ('[database]\npath = ""\n', {}, ["database.path"]),
    ("[server\nthreads = 1\n", {}, ["laurel.toml:1"]),
    ("", {"LAUREL_SERVER_THREADS": "x"}, ["LAUREL_SERVER_THREADS", '"x"']),
    ("", {"LAUREL_SERVER_THREADS": ""}, ["LAUREL_SERVER_THREADS"]),
    ("", {"LAUREL_DATABASE_AUTO_MIGRATE": "maybe"}, ["LAUREL_DATABASE_AUTO_MIGRATE", "maybe"]),
])
def test_bad_configuration_is_named_and_nothing_is_touched(tmp_path, db, toml, env, fragments):
    config = write_config(tmp_path, toml)
    result = run_cli("migrate", "--config", str(config), db=db, env=env)
    assert result.returncode == 1
    fails(result, *fragments)
    assert not db.exists()


def test_missing_config_file_fails(tmp_path, db):
    fails(run_cli("migrate", "--config", str(tmp_path / "absent.toml"), db=db), "absent.toml")
    assert not db.exists()


def test_bad_listen_flag_is_named(db):
    fails(run_cli("serve", "--listen", "nowhere", db=db), "server.listen")


# --- audit ----------------------------------------------------------------------------------

def test_every_cli_change_is_audited(db):
    env = {"USER": "auditor"}
    ok(run_cli("user", "add", "alice", "--name", "Alice", "--role", "admin",
               stdin=PASSWORD + "\n", db=db, env=env))
    ok(run_cli("user", "add", "robot", "--name", "Robot", "--role", "integration",
               stdin="", db=db, env=env))
    ok(run_cli("token", "create", "--user", "robot", "--name", "x", db=db, env=env))
    ok(run_cli("user", "passwd", "alice", stdin=OTHER_PASSWORD + "\n", db=db, env=env))
    ok(run_cli("token", "revoke", "1", db=db, env=env))
    ok(run_cli("user", "disable", "robot", db=db, env=env))
    rows = query(db, "SELECT actor, actor_user_id, action, target_type, target_id "
                     "FROM audit_log ORDER BY id")
    alice, robot = (query(db, "SELECT id FROM users WHERE username = ?", name)[0][0]
                    for name in ("alice", "robot"))
    assert rows == [
        ("cli:auditor", None, "user.create", "user", str(alice)),
        ("cli:auditor", None, "user.create", "user", str(robot)),
        ("cli:auditor", None, "token.create", "api_token", "1"),
        ("cli:auditor", None, "user.password_reset", "user", str(alice)),
        ("cli:auditor", None, "token.revoke", "api_token", "1"),
        ("cli:auditor", None, "user.update", "user", str(robot)),
    ]


def test_refused_changes_are_not_audited(db):
    ok(user_add(db, "boss", "--role", "admin"))
    fails(user_add(db, "boss"))
    fails(run_cli("user", "disable", "boss", db=db))
    fails(run_cli("token", "create", "--user", "boss", "--name", "x", db=db))
    assert query(db, "SELECT action FROM audit_log") == [("user.create",)]


# --- replay ---------------------------------------------------------------------------------

def test_replay_rebuilds_the_engine_from_the_log_and_names_an_event_it_cannot_read(db):
    ok(user_add(db, "replay.admin", "--role", "admin"))
    with serving(db) as api:
        admin = Api(api.base)
        admin.token = api.login("replay.admin", PASSWORD)["token"]
        product = admin.call("POST", "/api/v1/products",
                             {"code": "RP1", "name": "Replay Bond", "type": "bond"}).json()
        client = admin.call("POST", "/api/v1/clients", {
            "name": "回放银行", "registration_code": "91350100M000100Y43", "type": "bank"}).json()
        for n in range(3):
            r = admin.call("POST", "/api/v1/transactions", {
                "external_id": f"RP-{n}", "client_id": client["id"], "product_id": product["id"],
                "kind": "申购", "amount": "100.00", "trade_time": "2026-03-02T10:00:00+08:00"})
            assert r.status_code == 201, r.text
        r = admin.call("POST", "/api/v1/metrics", {
            "code": "rp.daily", "name": "回放", "kind": "sum", "subject": "product",
            "period": "day"})
        assert r.status_code == 201, r.text
    last = query(db, "SELECT max(seq) FROM events")[0][0]
    out = ok(run_cli("replay", db=db))
    assert f"events folded: up to {last}" in out
    assert "metrics: 1" in out and "figures: 1" in out and "unreadable events: 0" in out

    # A stored event altered behind Laurel's back (past the log's append-only trigger, as only
    # someone with the database file could): replay names it and fails.
    seq = query(db, "SELECT min(seq) FROM events WHERE type = 'transaction.recorded'")[0][0]
    with contextlib.closing(sqlite3.connect(db)) as connection:
        connection.execute("DROP TRIGGER events_no_update")
        connection.execute("UPDATE events SET payload = ? WHERE seq = ?",
                           ('{"before":null,"after":{"id":1,"kind":"purchase"}}', seq))
        connection.commit()
    result = run_cli("replay", db=db)
    fails(result, f"event {seq} (transaction.recorded) cannot be read")
    assert "unreadable events: 1" in result.stdout


def test_replay_compares_stored_good_news_with_what_the_log_gives(db):
    ok(user_add(db, "news.admin", "--role", "admin"))
    with serving(db) as api:
        admin = Api(api.base)
        admin.token = api.login("news.admin", PASSWORD)["token"]
        product = admin.call("POST", "/api/v1/products",
                             {"code": "GN1", "name": "喜报债券", "type": "bond"}).json()
        client = admin.call("POST", "/api/v1/clients", {
            "name": "喜报银行", "registration_code": "91350100M000100Y43", "type": "bank"}).json()
        r = admin.call("POST", "/api/v1/good-news-rules", {
            "name": "每日破百", "kind": "product_subscription", "subject": "company",
            "products": {"product_ids": [product["id"]]}, "thresholds": ["100.00", "200.00"],
            "templates": {"zh-CN": "{product}破{amount}", "en": "{product} {amount}"},
            "effective_from": "2026-01-01T00:00:00+08:00"})
        assert r.status_code == 201, r.text
        for n, day in enumerate(["2026-03-02", "2026-03-03", "2026-03-04"]):
            r = admin.call("POST", "/api/v1/transactions", {
                "external_id": f"GN-{n}", "client_id": client["id"], "product_id": product["id"],
                "kind": "申购", "amount": "250.00", "trade_time": f"{day}T10:00:00+08:00"})
            assert r.status_code == 201, r.text
    # Stored as the server stopped (its last catch-up), without anyone reading the inbox.
    assert query(db, "SELECT count(*) FROM good_news") == [(6,)]
    out = ok(run_cli("replay", db=db))
    assert "good news: 6" in out and "stored good news differing from the log: 0" in out

    with contextlib.closing(sqlite3.connect(db)) as connection:
        connection.execute("UPDATE good_news SET holds = 0, late = 0 "
                           "WHERE fact_key = 'threshold/1/0/2026-03-03/20000'")
        connection.execute("DELETE FROM good_news WHERE fact_key = 'threshold/1/0/2026-03-04/10000'")
        connection.execute(
            "INSERT INTO good_news (fact_key, rule_id, subject_id, period, threshold, record_id, "
            "became_true_at, detected_seq, detected_at, derived_seq, status, created_at, "
            "updated_at) VALUES ('threshold/1/0/2026-03-05/10000', 1, 0, '2026-03-05', 10000, 3, "
            "0, 1, 0, 1, 'draft', 0, 0)")
        connection.commit()
    result = run_cli("replay", db=db)
    assert result.returncode == 1
    assert ("good news threshold/1/0/2026-03-03/20000 is altered in the database: late, holds"
            in result.stderr)
    assert "good news threshold/1/0/2026-03-04/10000 is missing from the database" in result.stderr
    assert ("good news threshold/1/0/2026-03-05/10000 is in the database but the log does not "
            "give it" in result.stderr)
    assert "stored good news differing from the log: 3" in result.stdout


def test_replay_checks_the_points_ledger_against_the_log(db):
    ok(user_add(db, "points.admin", "--role", "admin"))
    with serving(db) as api:
        admin = Api(api.base)
        admin.token = api.login("points.admin", PASSWORD)["token"]
        department = admin.call("POST", "/api/v1/departments", {"name": "积分部"}).json()["id"]
        staff = admin.call("POST", "/api/v1/staff", {"name": "积分人", "department_id": department,
                                                     "effective_from": "2025-01-01"})
        assert staff.status_code == 201, staff.text
        staff = staff.json()["id"]
        client = admin.call("POST", "/api/v1/clients", {
            "name": "积分回放银行", "registration_code": "91350100M000100Y43", "type": "bank"}).json()
        r = admin.call("POST", "/api/v1/point-rules", {
            "name": "拜访", "event": "visit_logged", "points": 10, "daily_cap": 15,
            "effective_from": "2026-01-01T00:00:00+08:00"})
        assert r.status_code == 201, r.text
        visits = []
        for hour in (9, 10):
            r = admin.call("POST", "/api/v1/visits", {
                "client_id": client["id"], "kind": "visit", "staff_ids": [staff],
                "occurred_at": f"2026-03-02T{hour:02d}:00:00+08:00", "notes": "回放"})
            assert r.status_code == 201, r.text
            visits.append(r.json()["id"])
        assert admin.call("DELETE", f"/api/v1/visits/{visits[0]}").status_code == 204
    # Backfilled long after they occurred: the visits earn nothing, and the ledger is empty.
    assert query(db, "SELECT count(*) FROM point_journals") == [(0,)]
    out = ok(run_cli("replay", db=db))
    assert "points ledger problems: 0" in out

    with serving(db) as api:
        admin = Api(api.base)
        admin.token = api.login("points.admin", PASSWORD)["token"]
        r = admin.call("POST", "/api/v1/point-rules", {
            "name": "补录也算", "event": "visit_logged", "points": 7, "grace_days": 365,
            "effective_from": "2026-01-01T00:00:00+08:00"})
        assert r.status_code == 201, r.text
        assert admin.call("GET", f"/api/v1/points?staff_id={staff}").json()["status"] == 7
        # 5 of the 7 spent in the shop: a hold and a settlement on the ledger.
        r = admin.call("POST", "/api/v1/rewards", {"name": "书签", "price": 5,
                                                   "approval_required": False})
        assert r.status_code == 201, r.text
        r = admin.call("POST", "/api/v1/reward-orders", {
            "reward_id": r.json()["id"], "staff_id": staff, "idempotency_key": "replay-1"})
        assert r.status_code == 201 and r.json()["status"] == "approved", r.text
        order = r.json()["id"]
    out = ok(run_cli("replay", db=db))
    assert "points ledger problems: 0" in out

    # A balance changed behind Laurel's back, and a journal the log does not give.
    with contextlib.closing(sqlite3.connect(db)) as connection:
        connection.execute("UPDATE point_accounts SET balance = balance + 3 "
                           "WHERE owner_kind = 'staff' AND kind = 'spendable'")
        connection.execute("DROP TRIGGER point_journals_no_delete")
        connection.execute("DROP TRIGGER point_entries_no_delete")
        connection.execute("DELETE FROM point_entries")
        connection.execute("DELETE FROM point_journals")
        connection.commit()
    result = run_cli("replay", db=db)
    assert result.returncode == 1
    assert f"points account staff/{staff}/spendable holds 5 but its entries sum to 0" in result.stderr
    assert (f"points order {order} is approved but the ledger has 0 hold, 0 settle and 0 release "
            "journals of its points") in result.stderr
    assert f"award of rule 2 to staff {staff} for visit {visits[1]} (7) is missing from the ledger" in (
        result.stderr)
    assert "points ledger problems: " in result.stdout


def test_replay_checks_flags_and_badges_against_the_log(db):
    ok(user_add(db, "flags.admin", "--role", "admin"))
    with serving(db) as api:
        admin = Api(api.base)
        admin.token = api.login("flags.admin", PASSWORD)["token"]
        department = admin.call("POST", "/api/v1/departments", {"name": "旗帜部"}).json()["id"]
        user = admin.call("POST", "/api/v1/users", {
            "username": "flags.li", "display_name": "李旗", "role": "sales", "password": PASSWORD})
        assert user.status_code == 201, user.text
        staff = admin.call("POST", "/api/v1/staff", {
            "name": "李旗", "department_id": department, "user_id": user.json()["id"],
            "effective_from": "2025-01-01"})
        assert staff.status_code == 201, staff.text
        staff = staff.json()["id"]
        client = admin.call("POST", "/api/v1/clients", {
            "name": "旗帜回放银行", "registration_code": "91350100M000100Y43", "type": "bank"})
        assert client.status_code == 201, client.text
        r = admin.call("PUT", f"/api/v1/clients/{client.json()['id']}/coverage", {
            "effective_from": "2025-01-01",
            "members": [{"staff_id": staff, "role": "primary", "share_percent": 100}]})
        assert r.status_code == 200, r.text
        r = admin.call("POST", "/api/v1/badge-rules", {
            "name": "第一次", "kind": "milestone", "event": "visit_logged", "count": 1,
            "grace_days": 365})
        assert r.status_code == 201, r.text
        rule = r.json()["id"]
        li = Api(api.base)
        li.token = api.login("flags.li", PASSWORD)["token"]
        r = li.call("POST", "/api/v1/visits", {
            "client_id": client.json()["id"], "kind": "visit",
            "occurred_at": "2026-03-02T10:00:00+08:00", "notes": "第一次"})
        assert r.status_code == 201, r.text
        visit = r.json()["id"]
        assert li.call("GET", "/api/v1/flags").json()["earned"] == 1
        assert li.call("GET", "/api/v1/badges").json()["earned"] == 1
    assert query(db, "SELECT staff_id, function FROM first_uses") == [(staff, "visit")]
    out = ok(run_cli("replay", db=db))
    assert "flags' first uses differing from the log: 0" in out
    assert "badges differing from the log: 0" in out

    with contextlib.closing(sqlite3.connect(db)) as connection:
        seq = connection.execute("SELECT event_seq FROM first_uses").fetchone()[0]
        connection.execute("DELETE FROM first_uses")
        connection.execute("INSERT INTO first_uses VALUES (?, 'target', 1, 0, 'target', '1')",
                           (staff,))
        connection.execute("UPDATE badge_awards SET holds = 0")
        connection.commit()
    result = run_cli("replay", db=db)
    assert result.returncode == 1
    assert (f"first use of visit by staff {staff} (event {seq}) is missing from the database"
            in result.stderr)
    assert (f"first use of target by staff {staff} (event 1) is in the database but the log does "
            "not give it" in result.stderr)
    assert "flags' first uses differing from the log: 2" in result.stdout
    assert (f"badge of rule {rule} for staff {staff} is taken back (visit {visit}) in the database "
            f"but the log gives held (visit {visit})" in result.stderr)
    assert "badges differing from the log: 1" in result.stdout


def test_replay_refuses_a_database_that_is_not_migrated(db):
    fails(run_cli("replay", db=db), "migrate")
