"""What the HTTP benchmarks share: a fresh Laurel (`laurel serve` over a new SQLite database
whose only user is the admin, as an operator makes one) on a free loopback port, and valid
credit codes for the clients they create."""
import contextlib
import os
import re
import subprocess
import tempfile

import requests

PASSWORD = "laurel-demo-2026"
_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def credit_code(n):
    """A unified social credit code that passes the check-character test."""
    body = "91440300" + f"{n:09d}"
    total = sum(_ALPHABET.index(ch) * pow(3, i, 31) for i, ch in enumerate(body))
    return body + _ALPHABET[(31 - total % 31) % 31]


@contextlib.contextmanager
def fresh_laurel(build, extra_env=None):
    """Yields (base URL, a requests.Session signed in as the admin, the admin's token)."""
    with tempfile.TemporaryDirectory() as d:
        env = dict(os.environ, LAUREL_AUTH_ARGON2_OPSLIMIT="1",
                   LAUREL_AUTH_ARGON2_MEMLIMIT_KIB="64", **(extra_env or {}))
        db = os.path.join(d, "bench.db")
        subprocess.run([str(build / "laurel"), "user", "add", "admin", "--name", "Admin",
                        "--role", "admin", "--db", db], input=PASSWORD + "\n", text=True,
                       env=env, check=True, capture_output=True)
        server = subprocess.Popen([str(build / "laurel"), "serve", "--db", db, "--listen",
                                   "127.0.0.1:0"], stdout=subprocess.PIPE,
                                  stderr=open(os.path.join(d, "laurel.log"), "wb"), text=True,
                                  env=env)
        try:
            base = re.search(r"(http://\S+)", server.stdout.readline()).group(1)
            s = requests.Session()
            token = s.post(base + "/api/v1/auth/login", json={
                "username": "admin", "password": PASSWORD}).json()["token"]
            s.headers["Authorization"] = "Bearer " + token
            yield base, s, token
        finally:
            server.terminate()
            server.wait(timeout=60)


def one_client_org(base, s):
    """A department, one salesperson covering one client, and the trading system's API token:
    what a benchmark of trades needs. Returns (client id, a requests.Session for the token)."""
    dept = s.post(base + "/api/v1/departments", json={"name": "Bench"}).json()["id"]
    staff = s.post(base + "/api/v1/staff", json={
        "name": "A", "department_id": dept, "effective_from": "2025-01-01"}).json()["id"]
    client = s.post(base + "/api/v1/clients", json={
        "name": "C", "registration_code": credit_code(1), "type": "bank"}).json()["id"]
    s.put(f"{base}/api/v1/clients/{client}/coverage", json={
        "effective_from": "2025-01-01",
        "members": [{"staff_id": staff, "role": "primary", "share_percent": 100}]})
    robot = s.post(base + "/api/v1/users", json={
        "username": "bench-ta", "display_name": "TA", "role": "integration"}).json()["id"]
    ta = requests.Session()
    ta.headers["Authorization"] = "Bearer " + s.post(base + "/api/v1/tokens", json={
        "name": "bench-ta", "user_id": robot}).json()["token"]
    return client, ta
