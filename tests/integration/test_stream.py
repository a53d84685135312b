"""The live stream (/api/v1/stream): good news pushed to open pages the moment it changes, over
server-sent events and WebSocket. Managers are told of drafts; everyone of what is published
(and of what is withdrawn). A client that reconnects with the last id it had is sent exactly
what it missed — also after Laurel restarts."""
import tempfile
from datetime import datetime, timedelta, timezone

import pytest
import requests
from requests.structures import CaseInsensitiveDict

from conftest import ADMIN_PASSWORD, Laurel, check_against_document
from live import SseClient, WsClient
from org import Org, integration

SHANGHAI = timezone(timedelta(hours=8))
RECENTLY = (datetime.now(SHANGHAI) - timedelta(days=2)).replace(microsecond=0).isoformat()


class _Answer:
    """What check_against_document needs of a response the stream clients read themselves."""

    def __init__(self, client):
        self.status_code = client.status
        self.headers = CaseInsensitiveDict(client.headers)
        self.content = b"" if client.status == 200 else b"{}"
        self._body = getattr(client, "body", None)

    def json(self):
        return self._body


def documented(client, query=""):
    check_against_document("GET", "/api/v1/stream", _Answer(client))
    return client


def make_org(laurel):
    org = Org(laurel, laurel.api().as_admin(), "live")
    org.li = org.person("li", "sales", org.north_a)
    org.boss = org.person("boss", "manager", org.north)
    org.bank = org.client("直播银行")
    org.cover(org.bank, [{"staff_id": org.li["staff"], "role": "primary", "share_percent": 100}],
              "2025-01-01")
    org.ta = integration(laurel, org.admin, "live-ta")
    return org


@pytest.fixture(scope="module")
def org(laurel):
    return make_org(laurel)


def rule(org, thresholds=("1000000.00",)):
    fund = org.product("bond")
    r = org.boss["api"].call("POST", "/api/v1/good-news-rules", {
        "name": "直播喜报", "kind": "product_subscription", "subject": "company",
        "products": {"product_ids": [fund]}, "thresholds": list(thresholds),
        "templates": {"zh-CN": "{product}破{amount}", "en": "{product} passed {amount}"},
        "effective_from": RECENTLY})
    assert r.status_code == 201, r.text
    return {**r.json(), "fund": fund}


_trades = iter(range(1, 10**6))


def trade(org, r, amount="1500000.00"):
    at = datetime.now(SHANGHAI).replace(microsecond=0) - timedelta(minutes=5)
    answer = org.ta.call("POST", "/api/v1/transactions", {
        "external_id": f"LIVE-{next(_trades)}", "client_id": org.bank, "product_id": r["fund"],
        "kind": "申购", "amount": amount, "trade_time": at.isoformat()})
    assert answer.status_code == 201, answer.text


def stream(org, who, **kwargs):
    client = SseClient(org.laurel.base, token=who["api"].token, **kwargs)
    assert client.status == 200, client.status_line
    return client


def of_rule(r):
    return lambda e: e["event"] == "good_news" and e["data"].get("rule_id") == r["id"]


def ready(client):
    e = client.next()
    assert e["event"] == "ready", e
    assert e["id"] == str(e["data"]["position"])
    return e["data"]["position"]


def test_a_draft_reaches_managers_at_once_and_everyone_when_published(org):
    boss = documented(stream(org, org.boss))
    li = stream(org, org.li)
    assert boss.headers["content-type"].startswith("text/event-stream")
    assert boss.headers["cache-control"] == "no-store"
    ready(boss), ready(li)
    r = rule(org)
    trade(org, r)
    draft = boss.until(of_rule(r))[-1]
    assert draft["data"]["status"] == "draft" and "fact_key" in draft["data"]
    assert draft["data"]["title"]["zh-CN"] == "直播喜报"
    assert li.quiet(0.5) == [], "a salesperson is not told of drafts"

    published = org.boss["api"].call("POST", f"/api/v1/good-news/{draft['data']['id']}/publish")
    assert published.status_code == 200
    seen = li.until(of_rule(r))[-1]
    assert seen["data"]["id"] == draft["data"]["id"] and seen["data"]["status"] == "published"
    assert "fact_key" not in seen["data"], "salespeople get the public view"
    assert int(seen["id"]) > int(draft["id"]), "ids rise with every change"
    assert boss.until(of_rule(r))[-1]["data"]["status"] == "published"
    boss.close(), li.close()


def test_withdrawn_news_is_taken_down_on_open_pages(org):
    r = rule(org)
    trade(org, r)
    [item] = org.boss["api"].call("GET", f"/api/v1/good-news?rule_id={r['id']}").json()["items"]
    org.boss["api"].call("POST", f"/api/v1/good-news/{item['id']}/publish")
    li = stream(org, org.li)
    ready(li)
    org.boss["api"].call("POST", f"/api/v1/good-news/{item['id']}/dismiss")
    removed = li.until(lambda e: e["event"] == "good_news_removed")[-1]
    assert removed["data"] == {"id": item["id"]}
    li.close()


def test_reconnecting_with_last_event_id_sends_exactly_what_was_missed(org):
    boss = stream(org, org.boss)
    li = stream(org, org.li)
    missed_from, li_from = ready(boss), ready(li)
    boss.close(), li.close()

    r = rule(org, thresholds=("1000000.00", "1200000.00"))
    trade(org, r)
    items = org.boss["api"].call("GET", f"/api/v1/good-news?rule_id={r['id']}").json()["items"]
    assert len(items) == 2
    org.boss["api"].call("POST", f"/api/v1/good-news/{items[0]['id']}/publish")

    back = stream(org, org.boss, last_event_id=missed_from)
    replayed = back.until(lambda e: e["event"] == "ready")
    mine = [e for e in replayed if of_rule(r)(e)]
    assert sorted(e["data"]["id"] for e in mine) == sorted(i["id"] for i in items), \
        "each good news changed meanwhile, once"
    assert {e["data"]["id"]: e["data"]["status"] for e in mine} == {
        items[0]["id"]: "published", items[1]["id"]: "draft"}, "in its current state"
    ids = [int(e["id"]) for e in replayed[:-1]]
    assert ids == sorted(set(ids)), "in stream order, no id twice"
    position = replayed[-1]["data"]["position"]
    assert position == ids[-1], "ready names the position of the last change sent"
    back.close()

    again = stream(org, org.boss, last_event_id=position)
    assert again.next()["event"] == "ready", "nothing is sent twice"
    again.close()

    li_back = stream(org, org.li, last_event_id=li_from)
    li_seen = [e for e in li_back.until(lambda e: e["event"] == "ready") if of_rule(r)(e)]
    assert [e["data"]["id"] for e in li_seen] == [items[0]["id"]], "only what was published"
    li_back.close()


def test_a_position_this_stream_never_had_is_a_reset(org):
    client = stream(org, org.boss, last_event_id=10**12)
    first = client.next()
    assert first["event"] == "reset" and first["id"] is None
    assert client.next()["event"] == "ready"
    client.close()


@pytest.mark.parametrize("header,query,field", [
    ("abc", "", "Last-Event-ID"), ("-4", "", "Last-Event-ID"),
    (None, "?last_event_id=x", "last_event_id"), (None, "?since=1", "since")])
def test_a_bad_resume_point_is_refused_naming_it(org, header, query, field):
    client = documented(SseClient(org.laurel.base, token=org.li["api"].token,
                                  last_event_id=header, query=query))
    assert client.status == 400 and client.body["field"] == field


def test_who_may_listen(org):
    assert documented(SseClient(org.laurel.base)).status == 401
    assert documented(SseClient(org.laurel.base, token=org.ta.token)).status == 403, \
        "integrations push records; they have no page to show good news on"


def test_the_same_stream_over_a_websocket(org):
    ws = WsClient(org.laurel.base, token=org.boss["api"].token)
    assert ws.status == 101
    hello = ws.next()
    assert hello["event"] == "ready" and hello["id"] == str(hello["data"]["position"])
    r = rule(org)
    trade(org, r)
    while (m := ws.next())["event"] != "good_news" or m["data"].get("rule_id") != r["id"]:
        pass
    assert m["data"]["status"] == "draft" and int(m["id"]) > hello["data"]["position"]
    ws.close()

    resumed = WsClient(org.laurel.base, token=org.boss["api"].token,
                       query=f"?last_event_id={hello['data']['position']}")
    replayed = []
    while (e := resumed.next())["event"] != "ready":
        replayed.append(e)
    assert m["data"]["id"] in [e["data"]["id"] for e in replayed], \
        "a WebSocket resumes from ?last_event_id="
    resumed.close()


def test_a_cookie_websocket_must_come_from_a_page_of_this_laurel(org):
    login = requests.post(org.laurel.base + "/api/v1/auth/login",
                          json={"username": "admin", "password": ADMIN_PASSWORD}, timeout=10)
    cookie = "laurel_session=" + login.cookies["laurel_session"]
    assert WsClient(org.laurel.base, cookie=cookie, origin="https://evil.example").status == 403
    ok = WsClient(org.laurel.base, cookie=cookie, origin=org.laurel.base)
    assert ok.status == 101 and ok.next()["event"] == "ready"
    ok.close()


def test_what_changed_while_laurel_was_down_is_sent_after_the_restart():
    with tempfile.TemporaryDirectory() as directory:
        laurel = Laurel(directory)
        try:
            org = make_org(laurel)
            client = stream(org, org.boss)
            position = ready(client)
            client.close()
            r = rule(org)
            trade(org, r)
            assert laurel.stop() == 0
            laurel = Laurel(directory)
            back = SseClient(laurel.base, token=org.boss["api"].token, last_event_id=position)
            assert back.status == 200
            seen = [e for e in back.until(lambda e: e["event"] == "ready") if of_rule(r)(e)]
            assert len(seen) == 1 and seen[0]["data"]["status"] == "draft"
            back.close()
        finally:
            laurel.stop()
