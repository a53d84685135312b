"""Published good news on its way to the team's group chats: one delivery per bot whose
audience it is for, written with the publication; WeCom, DingTalk (signed URL) and Feishu
(signed body) messages, each with its idempotency key; tried again with backoff when the bot is
down, slow, overloaded (429) or failing (5xx); dead after the last attempt until a manager
retries it; at most a bot's per-minute share at once, the rest queued. Against a real HTTP
receiver on loopback."""
import base64
import hashlib
import hmac
import socket
import tempfile
import time
from datetime import datetime, timedelta, timezone

import pytest

from conftest import Laurel
from goodnews import made_news, small_org
from receiver import Receiver

FAST = {"LAUREL_CHAT_RETRY_BASE_SECONDS": "1", "LAUREL_CHAT_TIMEOUT_SECONDS": "1",
        "LAUREL_CHAT_MAX_ATTEMPTS": "3"}


@pytest.fixture(scope="module")
def laurel():
    with tempfile.TemporaryDirectory() as directory:
        server = Laurel(directory, env=FAST)
        yield server
        assert server.stop() == 0, server.log()[-2000:]


@pytest.fixture(scope="module")
def receiver():
    r = Receiver()
    yield r
    r.close()


@pytest.fixture(scope="module")
def org(laurel):
    return small_org(laurel, "chat")


_serial = iter(range(1, 10**6))


def bot(org, receiver, channel="wecom", **extra):
    n = next(_serial)
    body = {"name": f"bot {n}", "channel": channel, "url": f"{receiver.url}/bot{n}", **extra}
    r = org.admin.call("POST", "/api/v1/chat-targets", body)
    assert r.status_code == 201, r.text
    return {**r.json(), "path": f"/bot{n}"}


def switch_off(org, target):
    r = org.admin.call("PATCH", f"/api/v1/chat-targets/{target['id']}", {"enabled": False})
    assert r.status_code == 200 and r.json()["enabled"] is False


def publish(org, news):
    r = org.boss["api"].call("POST", f"/api/v1/good-news/{news['id']}/publish")
    assert r.status_code == 200, r.text


def deliveries(org, **query):
    q = "&".join(f"{k}={v}" for k, v in query.items())
    r = org.boss["api"].call("GET", f"/api/v1/chat-deliveries?{q}")
    assert r.status_code == 200, r.text
    return r.json()["items"]


def delivery_becomes(org, news, target, status, timeout=15):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [d for d in deliveries(org, good_news_id=news["id"])
                 if d["target_id"] == target["id"]]
        if found and found[0]["status"] == status:
            return found[0]
        time.sleep(0.1)
    raise AssertionError(f"not {status}: {found}")


def sign(key, message):
    return base64.b64encode(hmac.new(key.encode(), message.encode(), hashlib.sha256).digest()
                            ).decode()


def test_published_news_reaches_every_bot_of_its_audience_signed_and_once(org, receiver):
    everyone = bot(org, receiver, "wecom")
    north = bot(org, receiver, "dingtalk", secret="SECnorth", department_ids=[org.north])
    south = bot(org, receiver, "feishu", secret="SECsouth", department_ids=[org.south])
    english = bot(org, receiver, "feishu", language="en", secret="SECen")
    news = made_news(org)
    assert deliveries(org, good_news_id=news["id"]) == [], "a draft goes nowhere"
    publish(org, news)

    [wecom] = receiver.wait_for(everyone["path"], 1)
    key = f"laurel-good-news-{news['id']}-bot-{everyone['id']}"
    assert wecom["headers"]["X-Laurel-Idempotency-Key"] == key
    assert wecom["body"]["msgtype"] == "markdown"
    assert wecom["body"]["markdown"]["content"] == (
        f"**{news['title']['zh-CN']}**\n{news['text']['zh-CN']}")

    [ding] = receiver.wait_for(north["path"], 1)
    ts = ding["query"]["timestamp"]
    assert abs(int(ts) / 1000 - time.time()) < 60
    assert ding["query"]["sign"] == sign("SECnorth", ts + "\nSECnorth"), "li is in North A"
    assert ding["body"]["markdown"]["title"] == news["title"]["zh-CN"]

    [feishu] = receiver.wait_for(english["path"], 1)
    assert feishu["body"]["sign"] == sign(feishu["body"]["timestamp"] + "\nSECen", "")
    post = feishu["body"]["content"]["post"]["en_us"]
    assert post["title"] == news["title"]["en"]
    assert post["content"][0][0]["text"] == news["text"]["en"]

    time.sleep(1.0)
    assert receiver.at(south["path"]) == [], "South's bot hears nothing of North's news"
    sent = deliveries(org, good_news_id=news["id"])
    assert sorted(d["target_id"] for d in sent) == sorted(
        [everyone["id"], north["id"], english["id"]])
    assert all(d["status"] == "sent" and d["attempts"] == 1 and d["sent_at"] for d in sent)

    # Withdrawn and published again: never announced twice.
    org.boss["api"].call("POST", f"/api/v1/good-news/{news['id']}/dismiss")
    publish(org, news)
    time.sleep(1.0)
    assert len(receiver.at(everyone["path"])) == 1
    for target in (everyone, north, south, english):
        switch_off(org, target)


def test_a_rule_that_publishes_by_itself_sends_too(org, receiver):
    target = bot(org, receiver)
    news = made_news(org, auto_publish=True)
    assert news["status"] == "published"
    [got] = receiver.wait_for(target["path"], 1)
    assert got["body"]["markdown"]["content"].endswith(news["text"]["zh-CN"])
    switch_off(org, target)


def test_overload_and_server_errors_are_tried_again_with_growing_waits(org, receiver):
    target = bot(org, receiver)
    receiver.answer((503, {"error": "busy"}, 0), (429, {"error": "slow down"}, 0))
    news = made_news(org)
    publish(org, news)
    attempts = receiver.wait_for(target["path"], 3)
    assert [a["answered"] for a in attempts] == [503, 429, 200]
    assert attempts[1]["at"] - attempts[0]["at"] >= 0.45, "waited (1 s base, jitter)"
    assert attempts[2]["at"] - attempts[1]["at"] >= 0.95, "and waited longer"
    done = delivery_becomes(org, news, target, "sent")
    assert done["attempts"] == 3 and done["last_status"] == 200
    switch_off(org, target)


def test_a_bot_that_is_down_or_slow_ends_dead_until_a_manager_retries_it(org, receiver):
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens here
    r = org.admin.call("POST", "/api/v1/chat-targets", {
        "name": "down", "channel": "wecom", "url": f"http://127.0.0.1:{port}/hook"})
    down = r.json()
    news = made_news(org)
    publish(org, news)
    dead = delivery_becomes(org, news, down, "dead", timeout=20)
    assert dead["attempts"] == 3 and dead["last_status"] is None
    assert dead["last_error"].startswith("no answer")
    assert [d["id"] for d in deliveries(org, status="dead")][0] == dead["id"]

    # Back up, but slow at first: the slow answer is no answer (1 s timeout), then it takes it.
    fixed = org.admin.call("PATCH", f"/api/v1/chat-targets/{down['id']}",
                           {"url": f"{receiver.url}/revived"})
    assert fixed.status_code == 200 and fixed.json()["url_hint"] == receiver.url + "/…"
    receiver.answer((200, {"errcode": 0}, 2.0))
    retried = org.boss["api"].call("POST", f"/api/v1/chat-deliveries/{dead['id']}/retry")
    assert retried.status_code == 200 and retried.json()["status"] == "pending"
    assert retried.json()["attempts"] == 0
    sent = delivery_becomes(org, news, down, "sent", timeout=20)
    assert sent["attempts"] == 2 and len(receiver.at("/revived")) == 2
    again = org.boss["api"].call("POST", f"/api/v1/chat-deliveries/{dead['id']}/retry")
    assert again.status_code == 409 and again.json()["field"] == "status"
    audit = org.admin.call("GET", "/api/v1/audit?action=chat_delivery.retry").json()["items"]
    assert audit and audit[0]["target_id"] == str(dead["id"])
    switch_off(org, down)


def test_a_bot_the_chat_refuses_for_good_is_dead_at_once(org, receiver):
    target = bot(org, receiver)
    receiver.answer((200, {"errcode": 93000, "errmsg": "invalid webhook url"}, 0))
    news = made_news(org)
    publish(org, news)
    dead = delivery_becomes(org, news, target, "dead")
    assert dead["attempts"] == 1 and "93000" in dead["last_error"]
    switch_off(org, target)


def test_a_bot_takes_its_share_a_minute_and_the_rest_waits_its_turn(org, receiver):
    target = bot(org, receiver, max_per_minute=2)
    news = [made_news(org) for _ in range(3)]
    for n in news:
        publish(org, n)
    receiver.wait_for(target["path"], 2)
    time.sleep(1.5)
    assert len(receiver.at(target["path"])) == 2
    waiting = delivery_becomes(org, news[2], target, "pending")
    assert waiting["attempts"] == 0, "queued, not failed"
    due = datetime.fromisoformat(waiting["next_attempt_at"].replace("Z", "+00:00"))
    assert timedelta(seconds=50) < due - datetime.now(timezone.utc) < timedelta(seconds=61)
    switch_off(org, target)


SHANGHAI = timezone(timedelta(hours=8))


def due_at(delivery):
    return datetime.fromisoformat(delivery["next_attempt_at"].replace("Z", "+00:00"))


def test_in_a_bots_quiet_hours_news_waits_for_their_end_and_is_not_dropped(org, receiver):
    now = datetime.now(SHANGHAI)
    start, end = now - timedelta(hours=1), now + timedelta(hours=2)
    target = bot(org, receiver, quiet_from=start.strftime("%H:%M"), quiet_to=end.strftime("%H:%M"))
    assert (target["quiet_from"], target["quiet_to"]) == (start.strftime("%H:%M"),
                                                           end.strftime("%H:%M"))
    news = made_news(org)
    publish(org, news)
    time.sleep(1.5)
    assert receiver.at(target["path"]) == []
    waiting = delivery_becomes(org, news, target, "pending")
    assert waiting["attempts"] == 0, "held, not failed"
    # Until the quiet hours end, on the minute (company time).
    assert due_at(waiting) == end.replace(second=0, microsecond=0)
    # Lifting them lets what they held go at once.
    r = org.admin.call("PATCH", f"/api/v1/chat-targets/{target['id']}",
                       {"quiet_from": None, "quiet_to": None})
    assert r.status_code == 200 and r.json()["quiet_from"] is None, r.text
    delivery_becomes(org, news, target, "sent")
    assert len(receiver.at(target["path"])) == 1
    switch_off(org, target)


def test_past_a_bots_daily_cap_news_waits_for_the_next_company_day(org, receiver):
    target = bot(org, receiver, max_per_day=1)
    assert target["max_per_day"] == 1
    news = [made_news(org) for _ in range(2)]
    for n in news:
        publish(org, n)
    receiver.wait_for(target["path"], 1)
    time.sleep(1.5)
    assert len(receiver.at(target["path"])) == 1
    sent = [delivery_becomes(org, n, target, "sent", timeout=1) for n in news[:1]]
    waiting = delivery_becomes(org, news[1], target, "pending")
    assert sent and waiting["attempts"] == 0
    tomorrow = datetime.now(SHANGHAI).date() + timedelta(days=1)
    assert due_at(waiting) == datetime(tomorrow.year, tomorrow.month, tomorrow.day,
                                       tzinfo=SHANGHAI)
    switch_off(org, target)


@pytest.mark.parametrize("change,field", [
    ({"quiet_from": "22:00"}, "quiet_to"),
    ({"quiet_from": "22:00", "quiet_to": "22:00"}, "quiet_to"),
    ({"quiet_from": "24:00", "quiet_to": "08:00"}, "quiet_from"),
    ({"quiet_from": "22:00", "quiet_to": "8:00"}, "quiet_to"),
    ({"max_per_day": 0}, "max_per_day"),
    ({"max_per_day": "ten"}, "max_per_day"),
    ({"url": "ftp://bots.example/hook"}, "url"),
    ({"url": "javascript:alert(1)"}, "url"),
    ({"url": "not a url"}, "url"),
    ({"url": "https:///nohost"}, "url"),
    ({"channel": "slack"}, "channel"),
    ({"channel": None}, "channel"),
    ({"department_ids": [999999]}, "department_ids[0]"),
    ({"max_per_minute": 0}, "max_per_minute"),
    ({"language": "fr"}, "language"),
    ({"colour": "red"}, "colour"),
])
def test_a_bad_bot_is_refused_naming_the_member_and_nothing_is_made(org, change, field):
    before = org.admin.call("GET", "/api/v1/chat-targets").json()["items"]
    body = {"name": "bad", "channel": "wecom", "url": "https://bots.example/hook", **change}
    body = {k: v for k, v in body.items() if v is not None}
    r = org.admin.call("POST", "/api/v1/chat-targets", body)
    assert r.status_code == 400 and r.json()["field"] == field, r.text
    assert org.admin.call("GET", "/api/v1/chat-targets").json()["items"] == before


def test_bots_keep_their_keys_to_themselves_and_only_admins_configure_them(org, receiver):
    target = bot(org, receiver, "dingtalk", secret="SECkept")
    listed = org.admin.call("GET", "/api/v1/chat-targets").json()["items"]
    mine = next(t for t in listed if t["id"] == target["id"])
    assert "url" not in mine and "secret" not in mine
    assert mine["url_hint"] == receiver.url + "/…" and mine["has_secret"] is True
    assert org.admin.call("GET", f"/api/v1/chat-targets/{target['id']}").json() == mine
    assert mine["max_per_minute"] == 20, "DingTalk's documented limit unless told"
    assert org.boss["api"].call("GET", "/api/v1/chat-targets").status_code == 403
    assert org.boss["api"].call("POST", "/api/v1/chat-targets", {
        "name": "x", "channel": "wecom", "url": "https://a.example"}).status_code == 403
    assert org.li["api"].call("GET", "/api/v1/chat-deliveries").status_code == 403
    assert org.admin.call("GET", "/api/v1/chat-targets/999999").status_code == 404
    assert org.boss["api"].call("GET", "/api/v1/chat-deliveries/999999").status_code == 404
    assert org.boss["api"].call("GET", "/api/v1/chat-deliveries?status=lost").json()[
        "field"] == "status"
    switch_off(org, target)
