"""Good news when someone reaches the top of a leaderboard (a board_top rule): once per person
and period, at the moment on the occurred_at timeline the record put them first; a late record
that changes who led takes the old news back; people hidden from public boards are never
published by the rule alone; boards whose top has no timeline are refused."""
from datetime import datetime, timedelta, timezone

import pytest

from board_setup import board, metric
from org import Org, integration

SHANGHAI = timezone(timedelta(hours=8))
TEMPLATES = {"zh-CN": "{person}登顶{board}（{period}）！", "en": "{subject} leads {board} for {period}"}


@pytest.fixture(scope="module")
def org(laurel):
    org = Org(laurel, laurel.api().as_admin(), "top")
    org.li = org.person("li", "sales", org.north_a)
    org.wang = org.person("wang", "sales", org.north)
    org.boss = org.person("boss", "manager", org.north)
    org.han = org.person("han", "sales", org.south)
    org.fund = org.product("bond")
    org.bank, org.trust, org.south_bank = (org.client(n) for n in ("登顶银行", "登顶信托", "南方银行"))
    for client, who in ((org.bank, org.li), (org.trust, org.wang), (org.south_bank, org.han)):
        org.cover(client, [{"staff_id": who["staff"], "role": "primary", "share_percent": 100}])
    org.ta = integration(laurel, org.admin, "top-ta")
    org.subscriptions = metric(org, "top.subs.month", kind="sum",
                               filter={"product_ids": [org.fund]})
    org.board = board(org, name="北区登顶榜")  # North: li, wang and boss; han is South's
    return org


def trade(org, external_id, client, amount, time, fund=None):
    r = org.ta.call("POST", "/api/v1/transactions", {
        "external_id": external_id, "client_id": client, "product_id": fund or org.fund,
        "kind": "申购", "amount": amount, "trade_time": time})
    assert r.status_code in (200, 201), r.text


def rule(org, board_id, **extra):
    body = {"name": "登顶北区榜", "kind": "board_top", "board_id": board_id,
            "templates": TEMPLATES, "effective_from": "2026-01-01T00:00:00+08:00", **extra}
    r = org.boss["api"].call("POST", "/api/v1/good-news-rules", body)
    assert r.status_code == 201, r.text
    return r.json()


def news(org, rule_id, period=None):
    """A rule's good news by who it names (of one period, if given)."""
    r = org.boss["api"].call("GET", f"/api/v1/good-news?rule_id={rule_id}&limit=200")
    assert r.status_code == 200, r.text
    return {n["subject"]["name"]: n for n in r.json()["items"]
            if period is None or n["period"] == period}


def test_each_new_leader_is_good_news_and_a_late_record_takes_it_back(org):
    r = rule(org, org.board["id"], auto_publish=True)
    assert (r["kind"], r["board_id"], r["thresholds"]) == ("board_top", org.board["id"], [])
    trade(org, "TOP-1", org.bank, "1000.00", "2026-03-02T10:00:00+08:00")
    trade(org, "TOP-2", org.south_bank, "9000.00", "2026-03-02T11:00:00+08:00")  # South's
    trade(org, "TOP-3", org.trust, "600.00", "2026-03-03T10:00:00+08:00")  # second: no news
    trade(org, "TOP-4", org.trust, "600.00", "2026-03-04T10:00:00+08:00")  # 1200: first
    found = news(org, r["id"])
    assert sorted(found) == ["li", "wang"]
    li, wang = found["li"], found["wang"]
    assert li["subject"] == {"kind": "staff", "id": org.li["staff"], "name": "li"}
    assert li["period"] == "2026-03" and li["holds"]
    assert li["became_true_at"].startswith("2026-03-02T02:00")
    assert wang["became_true_at"].startswith("2026-03-04T02:00")
    # Long after March: late, so a draft for a manager even though the rule publishes itself.
    assert li["late"] and li["status"] == "draft"
    assert wang["text"]["zh-CN"] == "wang登顶北区登顶榜（2026年3月）！"
    assert wang["text"]["en"] == "wang leads 北区登顶榜 for March 2026"

    # Recorded now, happened on the 1st: wang led all along, so li never reached the top.
    trade(org, "TOP-5", org.trust, "2000.00", "2026-03-01T09:00:00+08:00")
    found = news(org, r["id"])
    assert not found["li"]["holds"] and found["li"]["no_longer_holds_at"] is not None
    assert found["wang"]["holds"] and found["wang"]["became_true_at"].startswith("2026-03-01T01:00")
    # The same record posted again changes nothing.
    trade(org, "TOP-5", org.trust, "2000.00", "2026-03-01T09:00:00+08:00")
    assert news(org, r["id"]) == found


def test_on_time_news_publishes_itself_but_not_for_someone_hidden_from_boards(org):
    # A board of all time, so the trades a moment ago are in one period whatever the hour.
    fund = org.product("bond")
    ever = metric(org, "top.subs.all", kind="sum", period="all", filter={"product_ids": [fund]})
    b = board(org, name="北区总榜", metric_id=ever)
    r = rule(org, b["id"], auto_publish=True,
             effective_from=(datetime.now(SHANGHAI) - timedelta(days=1)).isoformat())
    now = datetime.now(SHANGHAI).replace(microsecond=0)
    trade(org, "TOP-6", org.bank, "100.00", (now - timedelta(minutes=3)).isoformat(), fund)
    assert news(org, r["id"])["li"]["status"] == "published"
    hide = org.wang["api"].call("PUT", "/api/v1/me/board-privacy", {"hide_from_boards": True})
    assert hide.status_code == 200, hide.text
    try:
        trade(org, "TOP-7", org.trust, "500.00", (now - timedelta(minutes=2)).isoformat(), fund)
        wang = news(org, r["id"])["wang"]
        assert wang["status"] == "draft" and not wang["late"] and wang["holds"]
    finally:
        org.wang["api"].call("PUT", "/api/v1/me/board-privacy", {"hide_from_boards": False})


def test_a_minimum_keeps_small_leads_quiet(org):
    r = rule(org, org.board["id"], at_least="3000.00")
    assert r["at_least"] == "3000.00"
    trade(org, "TOP-8", org.bank, "2000.00", "2026-05-02T10:00:00+08:00")  # first, below 3000
    assert "li" not in news(org, r["id"], period="2026-05")
    trade(org, "TOP-9", org.bank, "1500.00", "2026-05-03T10:00:00+08:00")  # 3500
    assert news(org, r["id"], period="2026-05")["li"]["became_true_at"].startswith("2026-05-03")


@pytest.mark.parametrize("change, field", [
    ({"at_least": 5}, "at_least"),  # the board ranks amounts
    ({"at_least": "0.00"}, "at_least"),
    ({"at_least": "lots"}, "at_least"),
    ({"board_id": None}, "board_id"),
    ({"board_id": 999999}, "board_id"),
    ({"board_id": "ratio"}, "board_id"),
    ({"board_id": "manual"}, "board_id"),
    ({"board_id": "lower"}, "board_id"),
    ({"thresholds": ["100.00"]}, "thresholds"),
    ({"subject_ids": [1]}, "subject_ids"),
    ({"templates": {"zh-CN": "{person}认购{amount}", "en": "x"}}, "templates.zh-CN"),
    ({"kind": "metric_threshold", "metric_id": "subscriptions", "board_id": None,
      "thresholds": ["100.00"], "templates": {"zh-CN": "{board}", "en": "x"}}, "templates.zh-CN"),
    ({"kind": "metric_threshold", "metric_id": "subscriptions", "thresholds": ["100.00"]},
     "board_id"),
    ({"kind": "metric_threshold", "metric_id": "subscriptions", "thresholds": ["100.00"],
      "board_id": None, "at_least": "100.00"}, "at_least"),
])
def test_bad_board_top_rules_are_refused_and_nothing_is_created(org, change, field):
    boards = {
        "ratio": lambda: board(org, name="比率榜", denominator_metric_id=metric(
            org, "top.target.month", kind="imported"))["id"],
        "manual": lambda: board(org, name="手工榜", kind="manual", metric_id=None,
                                subject="staff", period="month", amounts=True)["id"],
        "lower": lambda: board(org, name="倒序榜", order="lower_first")["id"],
    }
    body = {"name": "bad", "kind": "board_top", "board_id": org.board["id"],
            "templates": TEMPLATES}
    body.update(change)
    if body.get("board_id") in boards:
        body["board_id"] = boards[body["board_id"]]()
    if body.get("metric_id") == "subscriptions":
        body["metric_id"] = org.subscriptions
    body = {k: v for k, v in body.items() if v is not None}
    before = org.admin.call("GET", "/api/v1/good-news-rules?limit=200").json()["items"]
    r = org.boss["api"].call("POST", "/api/v1/good-news-rules", body)
    assert r.status_code == 400, r.text
    assert r.json()["field"] == field
    assert org.admin.call("GET", "/api/v1/good-news-rules?limit=200").json()["items"] == before
