#!/usr/bin/env python3
"""Durable batch import of transactions over HTTP, side by side with bare SQLite batch inserts
(../shared/tools/sqlite-baseline.py) in the same run.

Laurel's path is the normal one: an integration user's API token, JSON over HTTP, validation,
client and product lookup, coverage credit split (60/40) and departments on the trade date,
the transaction and credit rows, one event per transaction in the event log, one write
transaction per batch (SQLite WAL, synchronous=FULL), request logging. Holdings need no write:
they are computed from balances and confirmed flows when read.

    bench/batch_import.py [ROWS] [BATCH] [BUILD_DIR]    (defaults: 200000 10000 build/release)

Only the HTTP requests are timed (the JSON bodies are encoded beforehand).
"""
import json
import pathlib
import re
import subprocess
import sys
import time

import requests

from fresh_laurel import credit_code, fresh_laurel

ROOT = pathlib.Path(__file__).resolve().parents[1]
rows = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
batch = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
build = pathlib.Path(sys.argv[3]) if len(sys.argv) > 3 else ROOT / "build" / "release"


with fresh_laurel(build) as (base, s, token):
    dept = s.post(base + "/api/v1/departments", json={"name": "Bench"}).json()["id"]
    staff = [s.post(base + "/api/v1/staff", json={
        "name": n, "department_id": dept, "effective_from": "2025-01-01"}).json()["id"]
        for n in ("A", "B")]
    clients = [s.post(base + "/api/v1/clients", json={
        "name": f"C{i}", "registration_code": credit_code(i), "type": "bank"}).json()["id"]
        for i in range(1, 801)]
    for c in clients:
        s.put(base + f"/api/v1/clients/{c}/coverage", json={"effective_from": "2025-01-01",
              "members": [{"staff_id": staff[0], "role": "primary", "share_percent": 60},
                          {"staff_id": staff[1], "role": "secondary", "share_percent": 40}]})
    products = [s.post(base + "/api/v1/products", json={
        "code": f"B{i:05d}", "name": f"F{i}", "type": "equity"}).json()["id"] for i in range(30)]
    robot = s.post(base + "/api/v1/users", json={
        "username": "bench", "display_name": "bench", "role": "integration"}).json()["id"]
    api_token = s.post(base + "/api/v1/tokens", json={"name": "b", "user_id": robot}).json()["token"]
    t = requests.Session()
    t.headers.update({"Authorization": "Bearer " + api_token, "Content-Type": "application/json"})
    bodies = []
    for start in range(0, rows, batch):
        bodies.append(json.dumps({"transactions": [{
            "external_id": f"T{i:09d}", "client_id": clients[i % 800],
            "product_id": products[i % 30], "kind": "purchase" if i % 2 else "subscribe",
            "amount": f"{100_000 + i}.00", "trade_time": "2026-03-02T10:30:00+08:00"}
            for i in range(start, min(start + batch, rows))]}))
    began = time.perf_counter()
    for body in bodies:
        r = t.post(base + "/api/v1/transactions/batch", data=body)
        assert r.status_code == 200 and r.json()["failed"] == 0, r.text[:300]
    seconds = time.perf_counter() - began
laurel = rows / seconds
print(f"laurel_http_batch_rows_per_s={laurel:.0f} rows={rows} batch={batch} seconds={seconds:.3f}")
baseline = subprocess.run([sys.executable, str(ROOT.parent / "shared" / "tools" / "sqlite-baseline.py"),
                       str(rows), "1000"], capture_output=True, text=True).stdout.strip()
print(baseline)
base_rate = float(re.search(r"rows_per_s=(\d+)", baseline).group(1))
print(f"ratio_laurel_to_sqlite_baseline={laurel / base_rate:.2f}")
