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
