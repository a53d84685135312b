"""Anti-gaming flags over HTTP: a burst of trivial visits, the same client logged again and again
in a week, and a visit moved and moved back are flagged to managers — for the people of their
departments only — and never cost anyone points; bad windows are refused naming the field."""
from datetime import datetime, timedelta, timezone

import pytest

from org import Org

SHANGHAI = timezone(timedelta(hours=8))
TODAY = datetime.now(SHANGHAI).date()
LAST_MONDAY = TODAY - timedelta(days=TODAY.weekday() + 7)


def at(day, hour, minute=0):
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=SHANGHAI).isoformat()


@pytest.fixture(scope="module")
def org(laurel):
    org = Org(laurel, laurel.api().as_admin(), "gaming")
    org.li = org.person("li", "sales", org.north_a)
    org.han = org.person("han", "sales", org.south)
    org.boss = org.person("boss", "manager", org.north)
    org.banks = [org.client(f"刷量银行{n}") for n in range(6)]
    for bank in org.banks:
        org.cover(bank, [{"staff_id": org.li["staff"], "role": "primary", "share_percent": 50},
                         {"staff_id": org.han["staff"], "role": "secondary", "share_percent": 50}])
    return org


def log(org, who, client, when, notes="与客户沟通了产品配置和下季度的申购计划安排"):
    r = who["api"].call("POST", "/api/v1/visits", {
        "client_id": client, "kind": "call", "occurred_at": when, "notes": notes})
    assert r.status_code == 201, r.text
    return r.json()["id"]


def flags(org, who, query=""):
    r = who["api"].call("GET", "/api/v1/recognition/gaming-flags" + query)
    assert r.status_code == 200, r.text
    mine = {org.li["staff"], org.han["staff"]}
    return [f for f in r.json()["items"] if f["staff_id"] in mine]


def test_padded_activity_is_flagged_to_managers_with_its_evidence(org):
    day = LAST_MONDAY + timedelta(days=1)
    # Five one-word calls in twenty minutes: a burst. A sixth with real notes is not trivial.
    burst = [log(org, org.li, org.banks[n], at(day, 10, 5 * n), notes="已联系") for n in range(5)]
    log(org, org.li, org.banks[5], at(day, 10, 25))
    # Four trivial calls spread over the afternoon: no burst.
    for n in range(4):
        log(org, org.li, org.banks[n], at(day, 14 + n), notes="已联系")
    # 韩 logs the same bank on five days of one week (with real notes).
    same = [log(org, org.han, org.banks[0], at(LAST_MONDAY + timedelta(days=n), 9))
            for n in range(5)]
    # A visit moved to another day and back again; another moved once.
    moved = log(org, org.li, org.banks[1], at(day, 16))
    for when in (at(day + timedelta(days=2), 16), at(day, 16)):
        r = org.li["api"].call("PATCH", f"/api/v1/visits/{moved}", {"occurred_at": when})
        assert r.status_code == 200, r.text
    once = log(org, org.li, org.banks[2], at(day, 17))
    r = org.li["api"].call("PATCH", f"/api/v1/visits/{once}", {"occurred_at": at(day, 18)})
    assert r.status_code == 200, r.text

    everyone = flags(org, {"api": org.admin})
    assert [(f["pattern"], f["name"]) for f in everyone] == [
        ("same_client", "han"), ("burst", "li"), ("back_and_forth", "li")]
    same_client, got_burst, back = everyone
    assert got_burst["visit_ids"] == burst and got_burst["day"] == day.isoformat()
    assert got_burst["client_id"] is None
    assert same_client["visit_ids"] == same and same_client["day"] == LAST_MONDAY.isoformat()
    assert same_client["client_id"] == org.banks[0]
    assert back["visit_ids"] == [moved] and back["client_id"] == org.banks[1]

    # The manager of North sees li's flags, not han's (South); a salesperson sees none.
    assert [f["pattern"] for f in flags(org, org.boss)] == ["burst", "back_and_forth"]
    assert org.li["api"].call("GET", "/api/v1/recognition/gaming-flags").status_code == 403
    # A window that ends before the burst's day leaves it out.
    before = (day - timedelta(days=1)).isoformat()
    assert [f["pattern"] for f in flags(org, {"api": org.admin}, f"?to={before}")] == []


@pytest.mark.parametrize("query, field", [
    ("?from=2026-03-10&to=2026-03-01", "to"),
    ("?from=2026-01-01&to=2026-06-30", "to"),
    ("?from=yesterday", "from"),
    ("?to=2026-02-30", "to"),
    ("?since=2026-01-01", "since"),
])
def test_bad_windows_are_refused_naming_the_field(org, query, field):
    r = org.boss["api"].call("GET", "/api/v1/recognition/gaming-flags" + query)
    assert r.status_code == 400 and r.json()["field"] == field, r.text
