#!/usr/bin/env python3
"""Key-person statistics for one client with 50 key people and 2,000 visits, over HTTP (aim:
under 5 ms), beside GET /api/v1/health on the same server as the floor of an HTTP round trip.

Visits are backfilled through POST /api/v1/visits/batch (the normal path), 1 to 3 attendees
each, spread over the 400 days before today. Then each URL is requested alternately, ROUNDS
times, one request at a time on one keep-alive connection; the medians are reported.

    bench/key_person_stats.py [ROUNDS] [BUILD_DIR]    (defaults: 500 build/release)
"""
import datetime
import os
import pathlib
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time

import requests

ROOT = pathlib.Path(__file__).resolve().parents[1]
rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 500
build = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "build" / "release"
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
ROLES = ["investment_decision", "trading", "operations", "risk_control", "other"]
INFLUENCE = ["decision_maker", "influencer", "gatekeeper"]



def credit_code(n):
    body = "91440300" + f"{n:09d}"
    total = sum(ALPHABET.index(ch) * pow(3, i, 31) for i, ch in enumerate(body))
    return body + ALPHABET[(31 - total % 31) % 31]


with tempfile.TemporaryDirectory() as d:
    env = dict(os.environ, LAUREL_AUTH_ARGON2_OPSLIMIT="1", LAUREL_AUTH_ARGON2_MEMLIMIT_KIB="64",
               LAUREL_LOG_REQUESTS="false")
    # A fresh database whose only user is the admin, as an operator makes one.
    subprocess.run([str(build / "laurel"), "user", "add", "admin", "--name", "Admin", "--role",
                    "admin", "--db", os.path.join(d, "k.db")], input="laurel-demo-2026\n",
                   text=True, env=env, check=True, capture_output=True)
    server = subprocess.Popen([str(build / "laurel"), "serve", "--db", os.path.join(d, "k.db"),
                               "--listen", "127.0.0.1:0"], stdout=subprocess.PIPE,
                              stderr=open(os.path.join(d, "laurel.log"), "wb"), text=True, env=env)
    try:
        base = re.search(r"(http://\S+)", server.stdout.readline()).group(1)
        s = requests.Session()
        token = s.post(base + "/api/v1/auth/login", json={
            "username": "admin", "password": "laurel-demo-2026"}).json()["token"]
        s.headers["Authorization"] = "Bearer " + token
        dept = s.post(base + "/api/v1/departments", json={"name": "Bench"}).json()["id"]
        staff = s.post(base + "/api/v1/staff", json={
            "name": "A", "department_id": dept, "effective_from": "2025-01-01"}).json()["id"]
        r = s.post(base + "/api/v1/clients", json={
            "name": "Bench Bank", "registration_code": credit_code(1), "type": "bank"})
        assert r.status_code == 201, r.text
        client = r.json()["id"]
        people = [s.post(base + "/api/v1/key-people", json={
            "client_id": client, "name": f"P{i}", "decision_role": ROLES[i % 5],
            "influence": INFLUENCE[i % 3], "touch_frequency_days": 30 + i}).json()["id"]
            for i in range(50)]
        rng = random.Random(7)
        today = datetime.date.today()
        for start in range(0, 2000, 1000):
            visits = [{"client_id": client, "kind": "visit", "notes": f"visit {i}",
                       "occurred_at": (today - datetime.timedelta(days=rng.randrange(1, 400)))
                       .isoformat() + "T10:00:00+08:00",
                       "attendee_ids": rng.sample(people, rng.randint(1, 3)),
                       "staff_ids": [staff]} for i in range(start, start + 1000)]
            r = s.post(base + "/api/v1/visits/batch", json={"visits": visits})
            assert r.status_code == 200 and r.json()["failed"] == 0, r.text[:300]
        urls = {"stats": f"{base}/api/v1/clients/{client}/key-person-stats",
                "health": f"{base}/api/v1/health"}
        times = {name: [] for name in urls}
        for _ in range(rounds):
            for name, url in urls.items():
                began = time.perf_counter()
                r = s.get(url)
                times[name].append(time.perf_counter() - began)
                assert r.status_code == 200, r.text[:200]
        stats = {k: statistics.median(v) * 1000 for k, v in times.items()}
        print(f"key-person stats, 50 people, 2000 visits: median {stats['stats']:.2f} ms; "
              f"GET /api/v1/health median {stats['health']:.2f} ms; "
              f"stats beyond the round trip {stats['stats'] - stats['health']:.2f} ms "
              f"({rounds} rounds)")
    finally:
        server.terminate()
        server.wait()
