"""Good news a manager writes by hand: the manager's words and picture, for everyone or some
departments (each with its subtree), on the banner until shown_until; the banner set; who sees
what, in the lists, the banner, the live stream and the group chats."""
from datetime import datetime, timedelta, timezone

import pytest

from goodnews import made_news, small_org
from live import SseClient
from receiver import Receiver

UTC = timezone.utc


@pytest.fixture(scope="module")
def org(laurel):
    org = small_org(laurel, "hand")
    org.han = org.person("han", "sales", org.south)
    return org


def write(org, **body):
    r = org.boss["api"].call("POST", "/api/v1/good-news", {"title": "新签约", "text": "喜报正文", **body})
    assert r.status_code == 201, r.text
    return r.json()


def visible(who, news_id):
    listed = who["api"].call("GET", "/api/v1/good-news?limit=200").json()["items"]
    banners = who["api"].call("GET", "/api/v1/good-news/banners").json()["items"]
    got = who["api"].call("GET", f"/api/v1/good-news/{news_id}").status_code
    return (any(n["id"] == news_id for n in listed), any(n["id"] == news_id for n in banners), got)


def test_written_for_everyone_is_seen_by_everyone_and_live(org):
    li = SseClient(org.laurel.base, token=org.li["api"].token)
    assert li.next()["event"] == "ready"
    news = write(org, title="签下新委托", text="华东组签下一家银行的专户委托", publish=True)
    assert news["origin"] == "written" and news["status"] == "published"
    assert news["title"] == {"zh-CN": "签下新委托", "en": "签下新委托"}
    assert news["department_ids"] == [] and news["published_by"] == org.boss["user"]
    assert "rule_id" not in news
    pushed = li.until(lambda e: e["event"] == "good_news" and e["data"]["id"] == news["id"])[-1]
    assert pushed["data"]["text"]["zh-CN"] == "华东组签下一家银行的专户委托"
    li.close()
    assert visible(org.li, news["id"]) == (True, True, 200)
    assert visible(org.han, news["id"]) == (True, True, 200)
    logged = org.admin.call(
        "GET", f"/api/v1/events?entity_type=good_news&entity_id={news['id']}").json()["items"]
    assert [e["type"] for e in logged] == ["good_news.written"]


def test_written_for_some_departments_is_theirs_and_their_subtrees(org):
    south = write(org, department_ids=[org.south], publish=True)
    north = write(org, department_ids=[org.north], publish=True)
    assert visible(org.han, south["id"]) == (True, True, 200)
    assert visible(org.li, south["id"]) == (False, False, 404), "North A is not South"
    assert visible(org.li, north["id"]) == (True, True, 200), "North A is under North"
    assert visible(org.han, north["id"]) == (False, False, 404)
    assert visible(org.boss, south["id"])[0], "managers see every audience"

    han = SseClient(org.laurel.base, token=org.han["api"].token)
    assert han.next()["event"] == "ready"
    another = write(org, department_ids=[org.north], publish=True)
    mine = write(org, department_ids=[org.south], publish=True)
    seen = han.until(lambda e: e["event"] == "good_news" and e["data"]["id"] == mine["id"])
    assert another["id"] not in [e["data"]["id"] for e in seen], "not told of North's news"
    han.close()


def test_a_draft_waits_and_the_banner_has_its_end(org):
    later = (datetime.now(UTC) + timedelta(days=30)).replace(microsecond=0)
    draft = write(org, shown_until=later.isoformat())
    assert draft["status"] == "draft" and draft["shown_until"].startswith(later.strftime("%Y-%m-%dT%H:%M"))
    assert visible(org.li, draft["id"]) == (False, False, 404)
    org.boss["api"].call("POST", f"/api/v1/good-news/{draft['id']}/publish")
    assert visible(org.li, draft["id"]) == (True, True, 200)
    banners = org.li["api"].call("GET", "/api/v1/good-news/banners").json()["items"]
    assert len(banners) <= 10
    assert all(b["status"] == "published" for b in banners)
    # Its words are its own: there are no rule's words to go back to.
    back = org.boss["api"].call("PATCH", f"/api/v1/good-news/{draft['id']}", {"title": None})
    assert back.status_code == 400 and back.json()["field"] == "title"
    detected = made_news(org)
    assert detected["id"] not in [b["id"] for b in org.boss["api"].call(
        "GET", "/api/v1/good-news/banners").json()["items"]], "a draft is on no banner"


def test_written_news_goes_to_the_bots_of_its_audience_only(org):
    receiver = Receiver()
    try:
        made = {}
        for name, departments in [("all", []), ("north", [org.north]), ("south", [org.south])]:
            r = org.admin.call("POST", "/api/v1/chat-targets", {
                "name": f"hand {name}", "channel": "wecom", "url": f"{receiver.url}/{name}",
                "department_ids": departments})
            made[name] = r.json()
        write(org, title="北方签约", department_ids=[org.north_a], publish=True)
        receiver.wait_for("/north", 1)
        write(org, title="全员喜报", publish=True)
        receiver.wait_for("/all", 1)
        assert receiver.at("/south") == [] and len(receiver.at("/all")) == 1
        assert "北方签约" in receiver.at("/north")[0]["body"]["markdown"]["content"]
    finally:
        for target in made.values():
            org.admin.call("PATCH", f"/api/v1/chat-targets/{target['id']}", {"enabled": False})
        receiver.close()


@pytest.mark.parametrize("change,field", [
    ({"title": ""}, "title"),
    ({"text": None}, "text"),
    ({"department_ids": [999999]}, "department_ids[0]"),
    ({"picture_id": 999999}, "picture_id"),
    ({"shown_until": "2020-01-01T00:00:00+08:00"}, "shown_until"),
    ({"shown_until": "tomorrow"}, "shown_until"),
    ({"audience": "everyone"}, "audience"),
])
def test_bad_written_news_is_refused_naming_the_member(org, change, field):
    before = len(org.boss["api"].call("GET", "/api/v1/good-news?limit=200").json()["items"])
    body = {"title": "新签约", "text": "喜报正文", **change}
    body = {k: v for k, v in body.items() if v is not None}
    r = org.boss["api"].call("POST", "/api/v1/good-news", body)
    assert r.status_code == 400 and r.json()["field"] == field, r.text
    assert len(org.boss["api"].call("GET", "/api/v1/good-news?limit=200").json()["items"]) == before


def test_only_managers_write(org):
    r = org.li["api"].call("POST", "/api/v1/good-news", {"title": "我自己", "text": "自夸"})
    assert r.status_code == 403
