#!/usr/bin/env python3
"""Group-chat outbox throughput to a local receiver: how fast published good news leaves Laurel.

A fresh Laurel (`laurel serve` over a new SQLite database) and a Python HTTP receiver on loopback
answering every request as a WeCom bot does ({"errcode":0}). Ten WeCom bots for everyone's good
news, each allowed 600 messages a minute (the most a bot may be given, so the per-minute limit
does not pace the run); five rules with 20 thresholds each and one trade per threshold make 100
drafts. All 100 are published, one POST after the other, and the clock runs from the first
publication until the receiver has all 1,000 deliveries: the outbox rows written with each
publication, the worker reading what is due, building each message, POSTing it over libcurl,
and recording the attempt in its own durable write.

    bench/outbox_throughput.py [BUILD_DIR]     (default build/release)
"""
import pathlib
import sys
import time
from datetime import datetime, timedelta, timezone

from fresh_laurel import fresh_laurel, one_client_org

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "integration"))
from receiver import Receiver  # noqa: E402

build = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "release"
BOTS, RULES, THRESHOLDS = 10, 5, 20
SHANGHAI = timezone(timedelta(hours=8))

receiver = Receiver()
with fresh_laurel(build) as (base, s, token):
    client, ta = one_client_org(base, s)
    for b in range(BOTS):
        r = s.post(base + "/api/v1/chat-targets", json={
            "name": f"bot {b}", "channel": "wecom", "url": f"{receiver.url}/bot{b}",
            "max_per_minute": 600})
        assert r.status_code == 201, r.text
    start = (datetime.now(SHANGHAI) - timedelta(days=1)).replace(microsecond=0).isoformat()
    at = (datetime.now(SHANGHAI) - timedelta(minutes=1)).replace(microsecond=0).isoformat()
    n = 0
    for i in range(RULES):
        fund = s.post(base + "/api/v1/products", json={
            "code": f"B{i:04d}", "name": f"Bench {i}", "type": "bond"}).json()["id"]
        assert s.post(base + "/api/v1/good-news-rules", json={
            "name": f"Bench {i}", "kind": "product_subscription", "subject": "company",
            "products": {"product_ids": [fund]},
            "thresholds": [f"{t}.00" for t in range(1, THRESHOLDS + 1)],
            "templates": {"zh-CN": "{product}破{amount}", "en": "{product} {amount}"},
            "effective_from": start}).status_code == 201
        for _ in range(THRESHOLDS):
            n += 1
            assert ta.post(base + "/api/v1/transactions", json={
                "external_id": f"T{n}", "client_id": client, "product_id": fund, "kind": "申购",
                "amount": "1.00", "trade_time": at}).status_code == 201
    drafts = s.get(base + "/api/v1/good-news?status=draft&limit=200").json()["items"]
    assert len(drafts) == RULES * THRESHOLDS, len(drafts)

    began = time.monotonic()
    for d in drafts:
        assert s.post(f"{base}/api/v1/good-news/{d['id']}/publish").status_code == 200
    published = time.monotonic()
    total = BOTS * len(drafts)
    while len(receiver.received) < total:
        if time.monotonic() - began > 300:
            raise SystemExit(f"only {len(receiver.received)} of {total} in 300 s")
        time.sleep(0.01)
    done = time.monotonic()
    print(f"deliveries: {total}  publishing took {published - began:.2f} s  "
          f"all delivered after {done - began:.2f} s  = {total / (done - began):.0f} deliveries/s")
receiver.close()
