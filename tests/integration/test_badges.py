"""Badges over HTTP: rules as public data that managers define, a milestone earned by the Nth
timely visit (a backfilled one counts for nothing) and taken back when that visit is deleted, a
person's progress, why (the visit's events), who sees whose badges, and bad rules refused naming
the field. Streaks across weekends, holidays and daylight saving are golden cases
(tests/cases/badges_*.toml), on a simulated clock.

The rules here count only online visits, which the other modules do not log, so the shared
Laurel's other records do not move them."""
from datetime import datetime, timedelta, timezone

import pytest

from org import Org

SHANGHAI = timezone(timedelta(hours=8))


@pytest.fixture(scope="module")
def org(laurel):
    org = Org(laurel, laurel.api().as_admin(), "badges")
    org.li = org.person("li", "sales", org.north_a)
    org.han = org.person("han", "sales", org.south)
    org.boss = org.person("boss", "manager", org.north)
    org.bank = org.client("徽章银行")
    org.cover(org.bank, [{"staff_id": org.li["staff"], "role": "primary", "share_percent": 100}])
    r = org.boss["api"].call("POST", "/api/v1/badge-rules", {
        "name": "线上三连", "description": "第三次按时记录的线上拜访", "kind": "milestone",
        "event": "visit_logged", "visit_kinds": ["online"], "count": 3})
    assert r.status_code == 201, r.text
    org.rule = r.json()
    return org


def log_visit(org, when):
    r = org.li["api"].call("POST", "/api/v1/visits", {
        "client_id": org.bank, "kind": "online", "occurred_at": when.isoformat(),
        "notes": "线上路演"})
    assert r.status_code == 201, r.text
    return r.json()["id"]


def badge(org, who=None, staff=None):
    who = who or org.li
    path = "/api/v1/badges" + (f"?staff_id={staff}" if staff else "")
    r = who["api"].call("GET", path)
    assert r.status_code == 200, r.text
    return next(b for b in r.json()["badges"] if b["rule"]["id"] == org.rule["id"])


def test_a_rule_is_public_with_its_defaults(org):
    rule = org.rule
    assert rule["grace_days"] == 3 and rule["visit_kinds"] == ["online"]
    assert rule["created_by"] is not None
    r = org.han["api"].call("GET", f"/api/v1/badge-rules/{rule['id']}")
    assert r.status_code == 200 and r.json() == rule, r.text
    r = org.han["api"].call("GET", "/api/v1/badge-rules?limit=200")
    assert rule["id"] in [x["id"] for x in r.json()["items"]]


def test_the_third_timely_visit_earns_it_and_its_deletion_takes_it_back(org):
    now = datetime.now(SHANGHAI).replace(microsecond=0)
    first = log_visit(org, now - timedelta(hours=3))
    log_visit(org, now - timedelta(hours=2))
    assert (badge(org)["earned"], badge(org)["progress"]) == (False, 2)
    # Backfilled weeks after it occurred: it counts for no badge.
    log_visit(org, now - timedelta(days=20))
    assert (badge(org)["earned"], badge(org)["progress"]) == (False, 2)

    third = log_visit(org, now - timedelta(hours=1))
    got = badge(org)
    assert got["earned"] and got["progress"] == 3 and got["visit_id"] == third
    assert datetime.fromisoformat(got["earned_at"]) == now - timedelta(hours=1)
    assert got["taken_back_at"] is None and got["first_earned_at"] is not None

    r = org.li["api"].call("GET", f"/api/v1/badges/{org.rule['id']}/why")
    assert r.status_code == 200, r.text
    assert [e["type"] for e in r.json()["source_events"]] == ["visit.recorded"]
    assert r.json()["source_events"][0]["entity_id"] == str(third)

    assert org.li["api"].call("DELETE", f"/api/v1/visits/{first}").status_code == 204
    gone = badge(org)
    assert not gone["earned"] and gone["progress"] == 2 and gone["taken_back_at"] is not None
    assert gone["first_earned_at"] == got["first_earned_at"]

    fourth = log_visit(org, now - timedelta(minutes=30))
    again = badge(org)
    assert again["earned"] and again["visit_id"] == fourth and again["taken_back_at"] is None


def test_a_change_judges_everyone_again(org):
    body = {k: org.rule[k] for k in ("name", "description", "kind", "event", "visit_kinds")}
    r = org.boss["api"].call("PUT", f"/api/v1/badge-rules/{org.rule['id']}", {**body, "count": 50})
    assert r.status_code == 200, r.text
    try:
        held = badge(org)
        assert not held["earned"] and held["progress"] == 3
    finally:
        r = org.boss["api"].call("PUT", f"/api/v1/badge-rules/{org.rule['id']}",
                                 {**body, "count": 3})
        assert r.status_code == 200, r.text
    assert badge(org)["earned"]


def test_who_sees_whose_badges(org):
    assert badge(org, org.boss, org.li["staff"])["earned"]
    r = org.han["api"].call("GET", f"/api/v1/badges?staff_id={org.li['staff']}")
    assert r.status_code == 403, r.text
    assert not badge(org, org.han)["earned"]
    r = org.li["api"].call("POST", "/api/v1/badge-rules", {
        "name": "自封", "kind": "milestone", "event": "visit_logged", "count": 1})
    assert r.status_code == 403, r.text


@pytest.mark.parametrize("body, field", [
    ({"kind": "milestone", "event": "visit_logged", "count": 1}, "name"),
    ({"name": "x" * 61, "kind": "milestone", "event": "visit_logged", "count": 1}, "name"),
    ({"name": "坏", "kind": "trophy", "event": "visit_logged", "count": 1}, "kind"),
    ({"name": "坏", "kind": "milestone", "event": "subscription", "count": 1}, "event"),
    ({"name": "坏", "kind": "milestone", "event": "visit_logged", "count": 0}, "count"),
    ({"name": "坏", "kind": "milestone", "event": "visit_logged"}, "count"),
    ({"name": "坏", "kind": "streak", "event": "visit_logged", "count": 1}, "count"),
    ({"name": "坏", "kind": "streak", "event": "visit_logged", "count": 251}, "count"),
    ({"name": "坏", "kind": "milestone", "event": "visit_logged", "count": 1, "grace_days": -1},
     "grace_days"),
    ({"name": "坏", "kind": "milestone", "event": "visit_logged", "count": 1,
      "visit_kinds": ["lunch"]}, "visit_kinds[0]"),
    ({"name": "坏", "kind": "milestone", "event": "visit_logged", "count": 1, "points": 5},
     "points"),
])
def test_bad_rules_are_refused_naming_the_field(org, body, field):
    r = org.boss["api"].call("POST", "/api/v1/badge-rules", body)
    assert r.status_code == 400 and r.json()["field"] == field, r.text


def test_a_rule_keeps_its_kind_and_event(org):
    body = {k: org.rule[k] for k in ("name", "event", "count")}
    r = org.boss["api"].call("PUT", f"/api/v1/badge-rules/{org.rule['id']}",
                             {**body, "kind": "streak"})
    assert r.status_code == 400 and r.json()["field"] == "kind", r.text
    r = org.boss["api"].call("PUT", f"/api/v1/badge-rules/{org.rule['id']}",
                             {**body, "kind": "milestone", "event": "key_person_met"})
    assert r.status_code == 400 and r.json()["field"] == "event", r.text
    r = org.boss["api"].call("PUT", "/api/v1/badge-rules/999999", {**body, "kind": "milestone"})
    assert r.status_code == 404, r.text


def this_week():
    year, week, _ = datetime.now(SHANGHAI).isocalendar()
    return f"{year}-W{week:02d}"


def test_the_weekly_digest_shows_the_weeks_flags_badges_and_level_ups(org):
    boss = org.boss["api"]
    ladder = boss.call("GET", "/api/v1/point-levels").json()
    r = boss.call("POST", "/api/v1/point-rules", {
        "name": "线上拜访积分", "event": "visit_logged", "visit_kinds": ["online"], "points": 5,
        "effective_from": "2026-01-01T00:00:00+08:00"})
    assert r.status_code == 201, r.text
    rule = r.json()
    r = boss.call("PUT", "/api/v1/point-levels",
                  {"levels": [{"name": "起步", "from": 0}, {"name": "徽章达人", "from": 5}]})
    assert r.status_code == 200, r.text
    try:
        log_visit(org, datetime.now(SHANGHAI).replace(microsecond=0) - timedelta(minutes=10))
        r = org.han["api"].call("GET", f"/api/v1/recognition/digest?week={this_week()}")
        assert r.status_code == 200, r.text
        body = r.json()
        li = next(p for p in body["people"] if p["staff_id"] == org.li["staff"])
        assert li["level_up"]["from"] == "起步" and li["level_up"]["to"] == "徽章达人"
        assert li["level_up"]["status"] >= 5
        assert org.rule["id"] in [b["rule_id"] for b in li["badges"]]
        assert "visit" in [f["function"] for f in li["flags"]]
        assert body["company"]["badges"] >= 1 and body["company"]["level_ups"] >= 1
        assert body["company"]["people"] == len(body["people"])
        # Last week's digest (the default) has none of this.
        r = org.han["api"].call("GET", "/api/v1/recognition/digest")
        assert r.status_code == 200 and r.json()["week"] != this_week(), r.text
        assert org.li["staff"] not in [p["staff_id"] for p in r.json()["people"]]
    finally:
        r = boss.call("PUT", "/api/v1/point-levels", ladder)
        assert r.status_code == 200, r.text
        off = {k: rule[k] for k in ("name", "event", "visit_kinds", "points")}
        r = boss.call("PUT", f"/api/v1/point-rules/{rule['id']}", {**off, "enabled": False})
        assert r.status_code == 200, r.text
    r = org.han["api"].call("GET", "/api/v1/recognition/digest?week=2026-13")
    assert r.status_code == 400 and r.json()["field"] == "week", r.text


def test_relationship_depth_is_earned_by_meeting_a_clients_decision_makers(org):
    people = []
    for name, influence in (("赵总", "decision_maker"), ("钱总", "decision_maker"), ("孙经理", "influencer")):
        r = org.admin.call("POST", "/api/v1/key-people", {
            "client_id": org.bank, "name": name, "decision_role": "investment_decision",
            "influence": influence})
        assert r.status_code == 201, r.text
        people.append(r.json()["id"])
    r = org.boss["api"].call("POST", "/api/v1/badge-rules", {
        "name": "两位决策人", "kind": "depth", "event": "decision_maker_reached",
        "visit_kinds": ["online"], "count": 2})
    assert r.status_code == 201, r.text
    rule = r.json()
    assert rule["kind"] == "depth"

    def depth():
        got = org.li["api"].call("GET", "/api/v1/badges").json()
        return next(b for b in got["badges"] if b["rule"]["id"] == rule["id"])

    now = datetime.now(SHANGHAI)
    visits = []
    for minutes, attendees in ((50, [people[0], people[2]]), (40, [people[0]]), (30, [people[1]])):
        r = org.li["api"].call("POST", "/api/v1/visits", {
            "client_id": org.bank, "kind": "online", "notes": "线上沟通配置方案",
            "occurred_at": (now - timedelta(minutes=minutes)).isoformat(),
            "attendee_ids": attendees})
        assert r.status_code == 201, r.text
        visits.append(r.json()["id"])
        if minutes == 40:  # one decision maker twice, and an influencer: one so far
            assert (depth()["earned"], depth()["progress"]) == (False, 1)
    badge = depth()
    assert (badge["earned"], badge["visit_id"], badge["progress"]) == (True, visits[2], 2)


@pytest.mark.parametrize("body, field", [
    ({"name": "坏", "kind": "depth", "event": "visit_logged", "count": 3}, "event"),
    ({"name": "坏", "kind": "depth", "event": "key_person_met", "count": 1}, "count"),
    ({"name": "坏", "kind": "depth", "event": "key_person_met", "count": 51}, "count"),
])
def test_bad_depth_rules_are_refused_naming_the_field(org, body, field):
    r = org.boss["api"].call("POST", "/api/v1/badge-rules", body)
    assert r.status_code == 400 and r.json()["field"] == field, r.text
