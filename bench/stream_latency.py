#!/usr/bin/env python3
"""A trade POSTed → its good news on a live-stream (SSE) client, on loopback: p50 and p99.

A fresh Laurel (`laurel serve` over a new SQLite database) with one manager listening on
/api/v1/stream. Ten good-news rules, each on a fund of its own with 20 thresholds (1.00 … 20.00
of the day's subscriptions), so that every 1.00 trade crosses exactly one threshold and makes
one good news. Each trade is posted by the trading system's API token and timed from just
before the POST is sent to the moment the client has parsed the SSE event naming its rule and
threshold: the write, the commit, the engine worker waking and folding, the good news written,
the stream worker waking, reading, rendering and fanning it out, and the client's parse. One
trade at a time, 20 ms apart (latency, not throughput).

    bench/stream_latency.py [BUILD_DIR]     (default build/release)
"""
import pathlib
import statistics
import sys
import time
from datetime import datetime, timedelta, timezone

from fresh_laurel import fresh_laurel, one_client_org

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "integration"))
from live import SseClient  # noqa: E402

build = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "release"
RULES, THRESHOLDS = 10, 20
SHANGHAI = timezone(timedelta(hours=8))

with fresh_laurel(build) as (base, s, token):
    client, ta = one_client_org(base, s)
    start = (datetime.now(SHANGHAI) - timedelta(days=1)).replace(microsecond=0).isoformat()
    funds = {}
    for i in range(RULES):
        fund = s.post(base + "/api/v1/products", json={
            "code": f"B{i:04d}", "name": f"Bench {i}", "type": "bond"}).json()["id"]
        rule = s.post(base + "/api/v1/good-news-rules", json={
            "name": f"Bench {i}", "kind": "product_subscription", "subject": "company",
            "products": {"product_ids": [fund]},
            "thresholds": [f"{t}.00" for t in range(1, THRESHOLDS + 1)],
            "templates": {"zh-CN": "{product}破{amount}", "en": "{product} {amount}"},
            "effective_from": start})
        assert rule.status_code == 201, rule.text
        funds[fund] = rule.json()["id"]

    listener = SseClient(base, token=token)
    assert listener.next()["event"] == "ready"
    latencies = []
    at = (datetime.now(SHANGHAI) - timedelta(minutes=1)).replace(microsecond=0).isoformat()
    n = 0
    for fund, rule_id in funds.items():
        for t in range(1, THRESHOLDS + 1):
            n += 1
            sent = time.perf_counter()
            r = ta.post(base + "/api/v1/transactions", json={
                "external_id": f"T{n}", "client_id": client, "product_id": fund,
                "kind": "申购", "amount": "1.00", "trade_time": at})
            assert r.status_code == 201, r.text
            listener.until(lambda e: e["event"] == "good_news" and
                           e["data"]["rule_id"] == rule_id and
                           e["data"]["threshold"] == f"{t}.00")
            latencies.append((time.perf_counter() - sent) * 1000)
            time.sleep(0.02)
    listener.close()
    latencies.sort()
    q = statistics.quantiles(latencies, n=100)
    print(f"trades: {len(latencies)}  p50 {q[49]:.1f} ms  p90 {q[89]:.1f} ms  "
          f"p99 {q[98]:.1f} ms  max {latencies[-1]:.1f} ms")
