#!/usr/bin/env python3
"""Key-person statistics for one client with 50 key people and 2,000 visits, over HTTP (aim:
under 5 ms), beside GET /api/v1/health on the same server as the floor of an HTTP round trip.

Visits are backfilled through POST /api/v1/visits/batch (the normal path), 1 to 3 attendees
each, spread over the 400 days before today. Then each URL is requested alternately, ROUNDS
times, one request at a time on one keep-alive connection; the medians are reported.

    bench/key_person_stats.py [ROUNDS] [BUILD_DIR]    (defaults: 500 build/release)
"""
import datetime
import pathlib
import random
import statistics
import sys
import time

from fresh_laurel import credit_code, fresh_laurel

ROOT = pathlib.Path(__file__).resolve().parents[1]
rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 500
build = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "build" / "release"
ROLES = ["investment_decision", "trading", "operations", "risk_control", "other"]
INFLUENCE = ["decision_maker", "influencer", "gatekeeper"]


with fresh_laurel(build, {"LAUREL_LOG_REQUESTS": "false"}) as (base, s, token):
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
