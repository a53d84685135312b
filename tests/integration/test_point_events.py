"""Points for follow-ups done by their date and for first uses of CRM functions, over HTTP: what
earns and what does not, the journals' sources, why names the record or the event of the use,
and the rules these events refuse.

Both rules are created without a backdated effective_from, so they pay only for what this module
does while they are on, and they are switched off when the module ends: the shared Laurel's other
people earn nothing from them."""
from datetime import datetime, timedelta, timezone

import pytest

from org import Org

SHANGHAI = timezone(timedelta(hours=8))


def now():
    return datetime.now(SHANGHAI)


@pytest.fixture(scope="module")
def org(laurel):
    org = Org(laurel, laurel.api().as_admin(), "pointevents")
    org.li = org.person("li", "sales", org.north_a)
    org.wu = org.person("wu", "sales", org.north_a)
    org.boss = org.person("boss", "manager", org.north)
    org.bank = org.client("跟进银行")
    for who in (org.li, org.wu):
        org.cover(org.bank, [{"staff_id": who["staff"], "role": "primary", "share_percent": 100}])
    org.rules = {}
    for key, body in {
        "follow_up": {"name": "按时跟进", "event": "follow_up_done", "visit_kinds": ["call"],
                      "points": 15},
        "first_use": {"name": "初次使用", "event": "first_use", "points": 20, "daily_cap": 100},
    }.items():
        r = org.boss["api"].call("POST", "/api/v1/point-rules", body)
        assert r.status_code == 201, r.text
        org.rules[key] = (r.json(), body)
    yield org
    for rule, body in org.rules.values():
        off = org.boss["api"].call("PUT", f"/api/v1/point-rules/{rule['id']}",
                                   {**body, "enabled": False})
        assert off.status_code == 200, off.text


def log_call(org, who, occurred, follow_up_date=None):
    body = {"client_id": org.bank, "kind": "call", "occurred_at": occurred.isoformat(),
            "notes": "电话回访"}
    if follow_up_date:
        body["follow_up_date"] = follow_up_date.isoformat()
    r = who["api"].call("POST", "/api/v1/visits", body)
    assert r.status_code == 201, r.text
    return r.json()["id"]


def journals(org, who, rule_key):
    r = who["api"].call("GET", "/api/v1/points/journal?limit=200")
    assert r.status_code == 200, r.text
    rule_id = org.rules[rule_key][0]["id"]
    return [j for j in r.json()["items"] if j["rule_id"] == rule_id]


def why(who, journal):
    r = who["api"].call("GET", f"/api/v1/points/journal/{journal['id']}/why")
    assert r.status_code == 200, r.text
    return r.json()


def test_a_follow_up_done_by_its_date_earns_and_one_done_late_does_not(org):
    today = now().date()
    on_time = log_call(org, org.li, now() - timedelta(days=1), follow_up_date=today)
    late = log_call(org, org.li, now() - timedelta(days=3),
                    follow_up_date=today - timedelta(days=1))
    assert journals(org, org.li, "follow_up") == []  # nothing done yet
    for visit in (on_time, late):
        r = org.li["api"].call("POST", f"/api/v1/visits/{visit}/follow-up-done")
        assert r.status_code == 200, r.text
    earned = journals(org, org.li, "follow_up")
    assert [(j["source"], j["points"], j["kind"]) for j in earned] == [
        ({"kind": "visit", "id": on_time}, 15, "earn")]
    # Earned when it was done, today, not on the day of the call.
    assert earned[0]["detail"]["day"] == today.isoformat()
    body = why(org.li, earned[0])
    assert [e["type"] for e in body["source_events"]] == ["visit.recorded",
                                                          "visit.follow_up_completed"]
    assert body["rule"]["event"] == "follow_up_done"

    # The follow-up's date moved before today: not done by its date, so the points go back.
    r = org.li["api"].call("PATCH", f"/api/v1/visits/{on_time}",
                           {"follow_up_date": (today - timedelta(days=1)).isoformat()})
    assert r.status_code == 200, r.text
    after = journals(org, org.li, "follow_up")
    assert sum(j["points"] for j in after) == 0
    assert any(j["kind"] == "reverse" and j["points"] == -15 for j in after)


def test_each_first_use_of_a_function_earns_once_and_why_names_its_event(org):
    assert journals(org, org.wu, "first_use") == []
    first = log_call(org, org.wu, now())
    log_call(org, org.wu, now())  # a second visit is not a first use
    earned = journals(org, org.wu, "first_use")
    assert [(j["source"]["kind"], j["source"]["function"], j["points"]) for j in earned] == [
        ("first_use", "visit", 20)]
    body = why(org.wu, earned[0])
    assert [e["seq"] for e in body["source_events"]] == [earned[0]["source"]["id"]]
    assert body["source_events"][0]["type"] == "visit.recorded"
    assert body["source_events"][0]["entity_id"] == str(first)

    # Marking a follow-up done is another function: its first use earns too (and the follow-up
    # rule pays nothing for a visit of a kind it does not name).
    r = org.wu["api"].call("POST", "/api/v1/visits", {
        "client_id": org.bank, "kind": "visit", "occurred_at": now().isoformat(),
        "notes": "拜访", "follow_up_date": now().date().isoformat()})
    assert r.status_code == 201, r.text
    r = org.wu["api"].call("POST", f"/api/v1/visits/{r.json()['id']}/follow-up-done")
    assert r.status_code == 200, r.text
    functions = sorted(j["source"]["function"] for j in journals(org, org.wu, "first_use"))
    assert functions == ["follow_up", "visit"]
    assert journals(org, org.wu, "follow_up") == []
    r = org.wu["api"].call("GET", "/api/v1/points")
    assert r.status_code == 200 and r.json()["status"] == 40, r.text


@pytest.mark.parametrize("change, field", [
    ({"event": "first_use", "visit_kinds": ["call"]}, "visit_kinds"),
    ({"event": "first_use", "once_per_client_per_day": True}, "once_per_client_per_day"),
    ({"event": "first_use", "max_points": 5}, "max_points"),
    ({"event": "follow_up_done", "curve": [{"amount": "100.00", "points": 5}]}, "curve"),
    ({"event": "follow_up_done", "points": 0}, "points"),
    ({"event": "follow_ups"}, "event"),
])
def test_bad_rules_for_these_events_are_refused_naming_the_field(org, change, field):
    body = {"name": "坏规则", "points": 5, **change}
    r = org.boss["api"].call("POST", "/api/v1/point-rules", body)
    assert r.status_code == 400 and r.json()["field"] == field, r.text
