"""Integration tests: the real `laurel` binary on a loopback port, driven over HTTP.

Every response that goes through `Api.call` is checked against docs/openapi.json: its status
must be documented for the operation and its body must match the documented schema (JSON Schema
2020-12). At the end of the session, every documented operation must have been exercised.
"""
import json
import os
import pathlib
import re
import signal
import subprocess
import tempfile
import time

import jsonschema
import pytest
import requests

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("LAUREL_BINARY", str(ROOT / "build" / "release" / "laurel"))
DOC = json.loads((ROOT / "docs" / "openapi.json").read_text())
ADMIN_PASSWORD = "laurel-demo-2026"
CHEAP_ARGON2 = {"LAUREL_AUTH_ARGON2_OPSLIMIT": "1", "LAUREL_AUTH_ARGON2_MEMLIMIT_KIB": "64"}

exercised = set()


def _operation(method, path):
    """The documented operation for a concrete path, and its template."""
    for template, item in DOC["paths"].items():
        pattern = "^" + re.sub(r"\{[^/]+\}", "[^/]+", template) + "$"
        if re.match(pattern, path) and method.lower() in item:
            return template, item[method.lower()]
    return None, None


def _resolve(obj):
    while isinstance(obj, dict) and "$ref" in obj:
        node = DOC
        for part in obj["$ref"].lstrip("#/").split("/"):
            node = node[part]
        obj = node
    return obj


def check_against_document(method, path, response):
    template, operation = _operation(method, path)
    assert operation is not None, f"{method} {path} is not in the API document"
    exercised.add((method.lower(), template))
    status = str(response.status_code)
    responses = operation["responses"]
    assert status in responses or "default" in responses, (
        f"{method} {path} answered {status}, which the document does not list "
        f"({sorted(responses)}): {response.text[:300]}")
    documented = _resolve(responses.get(status, responses.get("default")))
    content = documented.get("content")
    if not content:
        assert not response.content or method == "HEAD", f"{status} should have no body"
        return
    media = response.headers.get("Content-Type", "").split(";")[0].strip()
    assert media in content, f"{method} {path} {status}: {media} not in {list(content)}"
    schema = content[media].get("schema")
    if schema is None or not media.endswith("json"):
        return
    resolver = jsonschema.RefResolver.from_schema(DOC)
    jsonschema.Draft202012Validator(schema, resolver=resolver).validate(response.json())


class Api:
    """HTTP calls to one Laurel, each checked against the API document."""

    def __init__(self, base):
        self.base = base
        self.token = None

    def call(self, method, path, json_body=None, token=None, headers=None, data=None,
             cookies=None, check=True, **kwargs):
        hdrs = dict(headers or {})
        bearer = token if token is not None else self.token
        if bearer:
            hdrs.setdefault("Authorization", f"Bearer {bearer}")
        r = requests.request(method, self.base + path, json=json_body, data=data,
                             headers=hdrs, cookies=cookies, timeout=10, **kwargs)
        if check:
            check_against_document(method, path.split("?")[0], r)
        return r

    def login(self, username="admin", password=ADMIN_PASSWORD):
        r = self.call("POST", "/api/v1/auth/login",
                      {"username": username, "password": password}, token="")
        assert r.status_code == 200, r.text
        return r.json()

    def as_admin(self):
        self.token = self.login()["token"]
        return self


class Laurel:
    """One `laurel serve` process on a free loopback port over a fresh database whose only user
    is the admin (made with `laurel user add`, as an operator would). With command="demo", the
    generated demo company instead."""

    def __init__(self, directory, env=None, args=(), command="serve"):
        self.directory = pathlib.Path(directory)
        self.db = self.directory / "laurel.db"
        full_env = dict(os.environ, **CHEAP_ARGON2)
        full_env.setdefault("LAUREL_SERVER_STATIC_DIR", str(ROOT / "web" / "dist"))
        full_env.update(env or {})
        if command == "serve" and not self.db.exists():
            added = run_cli("user", "add", "admin", "--name", "Admin", "--role", "admin",
                            stdin=ADMIN_PASSWORD + "\n", db=self.db, env=env)
            assert added.returncode == 0, added.stderr
        self.process = subprocess.Popen(
            [BINARY, command, "--db", str(self.db), "--listen", "127.0.0.1:0", *args],
            stdout=subprocess.PIPE, stderr=open(self.directory / "laurel.log", "wb"),
            env=full_env, text=True)
        lines = ""
        for _ in range(5):  # `laurel demo` says which company it serves first
            line = self.process.stdout.readline()
            lines += line
            match = re.search(r"listening on (http://\S+)", line)
            if match or not line:
                break
        if not match:
            self.process.kill()
            raise RuntimeError("laurel did not start: " + lines +
                               (self.directory / "laurel.log").read_text())
        self.base = match.group(1)
        self.port = int(self.base.rsplit(":", 1)[1])

    def api(self):
        return Api(self.base)

    def log(self):
        return (self.directory / "laurel.log").read_text()

    def stop(self, sig=signal.SIGTERM, timeout=20):
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


@pytest.fixture(scope="module")
def laurel():
    with tempfile.TemporaryDirectory() as directory:
        server = Laurel(directory)
        yield server
        assert server.stop() == 0, server.log()[-2000:]


@pytest.fixture
def fresh_laurel():
    with tempfile.TemporaryDirectory() as directory:
        server = Laurel(directory)
        yield server
        server.stop()


@pytest.fixture
def admin(laurel):
    return laurel.api().as_admin()


def run_cli(*args, stdin=None, db=None, env=None):
    full_env = dict(os.environ, **CHEAP_ARGON2)
    full_env.update(env or {})
    command = [BINARY, *args]
    if db is not None:
        command += ["--db", str(db)]
    return subprocess.run(command, input=stdin, capture_output=True, text=True, env=full_env,
                          timeout=60)


def pytest_sessionfinish(session, exitstatus):
    """Every documented operation must have been exercised (checked on full runs: scripts/test.sh
    sets LAUREL_CHECK_API_COVERAGE=1)."""
    if exitstatus != 0 or os.environ.get("LAUREL_CHECK_API_COVERAGE") != "1":
        return
    documented = {(m, p) for p, item in DOC["paths"].items() for m in item
                  if m in ("get", "post", "put", "patch", "delete")}
    missing = sorted(documented - exercised)
    if missing:
        print("\nAPI operations that no integration test exercised:", missing)
        session.exitstatus = 1
