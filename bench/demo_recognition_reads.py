#!/usr/bin/env python3
"""The recognition pages' reads on the demo company (a year of 47 people's visits, trades and
points), over HTTP: anti-gaming flags over four weeks, the week's digest and parade, a person's
points journal and a journal's "why", beside GET /api/v1/health on the same server as the floor
of an HTTP round trip. Each URL is requested alternately, ROUNDS times, one request at a time
on one keep-alive connection; the medians are reported.

    bench/demo_recognition_reads.py [ROUNDS] [BUILD_DIR]    (defaults: 20 build/release)

The demo is generated first (`laurel demo --generate-only`, a few minutes on two cores).
"""
import datetime
import os
import pathlib
import re
import statistics
import subprocess
import sys
import tempfile
import time

import requests

ROOT = pathlib.Path(__file__).resolve().parents[1]
rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
build = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "build" / "release"
PASSWORD = "laurel-demo-2026"

with tempfile.TemporaryDirectory() as d:
    env = dict(os.environ, LAUREL_AUTH_ARGON2_OPSLIMIT="1", LAUREL_AUTH_ARGON2_MEMLIMIT_KIB="64",
               LAUREL_LOG_REQUESTS="false")
    db = os.path.join(d, "demo.db")
    began = time.perf_counter()
    subprocess.run([str(build / "laurel"), "demo", "--db", db, "--generate-only"], env=env,
                   check=True, capture_output=True)
    print(f"demo generated in {time.perf_counter() - began:.0f} s")
    server = subprocess.Popen([str(build / "laurel"), "serve", "--db", db, "--listen",
                               "127.0.0.1:0"], stdout=subprocess.PIPE,
                              stderr=open(os.path.join(d, "laurel.log"), "wb"), text=True, env=env)
    try:
        base = re.search(r"(http://\S+)", server.stdout.readline()).group(1)
        s = requests.Session()
        s.headers["Authorization"] = "Bearer " + s.post(base + "/api/v1/auth/login", json={
            "username": "admin", "password": PASSWORD}).json()["token"]
        today = datetime.date.today()
        # A salesperson with points (the engine may still be catching up with the log).
        staff = journal = None
        for _ in range(120):
            for person in s.get(base + "/api/v1/staff?limit=20").json()["items"]:
                items = s.get(f"{base}/api/v1/points/journal?staff_id={person['id']}&limit=1").json()["items"]
                if items:
                    staff, journal = person["id"], items[0]["id"]
                    break
            if journal:
                break
            time.sleep(1)
        assert journal, "nobody in the demo has points"
        urls = {
            "gaming flags, 28 days": f"{base}/api/v1/recognition/gaming-flags?from="
                                     f"{today - datetime.timedelta(days=27)}&to={today}",
            "digest, this week": f"{base}/api/v1/recognition/digest",
            "parade, this week": f"{base}/api/v1/flags/parade",
            "points journal, 50": f"{base}/api/v1/points/journal?staff_id={staff}&limit=50",
            "journal why": f"{base}/api/v1/points/journal/{journal}/why",
            "health": f"{base}/api/v1/health",
        }
        times = {name: [] for name in urls}
        for _ in range(rounds):
            for name, url in urls.items():
                began = time.perf_counter()
                r = s.get(url)
                times[name].append(time.perf_counter() - began)
                assert r.status_code == 200, (name, r.text[:200])
        for name, t in times.items():
            print(f"{name}: median {statistics.median(t) * 1000:.1f} ms")
    finally:
        server.terminate()
        server.wait(timeout=60)
