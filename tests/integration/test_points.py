"""Points over HTTP: rules as versioned data, what visits and subscriptions earn on the ledger
(cooldowns, daily caps, the grace window for backfilled records, reversals), why a journal was
posted, previews of a draft rule, budgets, who sees whose points, and bad rules refused naming
the field.

The rules here earn only for kinds of visit the other modules hardly use (roadshows, meetings),
and every figure is read for this module's own people, so the shared Laurel's other records do
not move them."""
from datetime import datetime, timedelta, timezone

import pytest

from org import Org

SHANGHAI = timezone(timedelta(hours=8))
TODAY = datetime.now(SHANGHAI).date()
YESTERDAY = TODAY - timedelta(days=1)


def at(day, hour):
    return f"{day.isoformat()}T{hour:02d}:00:00+08:00"


def rule(**extra):
    return {"name": "路演积分", "event": "visit_logged", "visit_kinds": ["roadshow"], "points": 10,
            "effective_from": "2026-01-01T00:00:00+08:00", **extra}


@pytest.fixture(scope="module")
def org(laurel):
    org = Org(laurel, laurel.api().as_admin(), "points")
    org.li = org.person("li", "sales", org.north_a)
    org.han = org.person("han", "sales", org.south)
    org.boss = org.person("boss", "manager", org.north)
    org.banks = [org.client(f"积分银行{n}") for n in range(4)]
    for bank in org.banks:
        org.cover(bank, [{"staff_id": org.li["staff"], "role": "primary", "share_percent": 100}])
    org.fund = org.product("bond")
    r = org.admin.call("POST", "/api/v1/key-people", {
        "client_id": org.banks[3], "name": "张总", "decision_role": "investment_decision",
        "influence": "decision_maker"})
    assert r.status_code == 201, r.text
    org.zhang = r.json()["id"]
    boss = org.boss["api"]
    org.rules = {}
    for key, body in {
        "roadshow": rule(once_per_client_per_day=True, daily_cap=25),
        "key_person": rule(name="见关键人", event="key_person_met", visit_kinds=["meeting"],
                           points=20, budget={"period": "month", "points": 10}),
        "decision_maker": rule(name="见决策人", event="decision_maker_reached",
                               visit_kinds=["meeting"], points=30,
                               budget={"period": "month", "points": 35}),
        "subscription": {"name": "认申购积分", "event": "subscription",
                         "effective_from": "2026-01-01T00:00:00+08:00", "max_points": 100,
                         "curve": [{"amount": "1000000.00", "points": 10},
                                   {"amount": "10000000.00", "points": 40}]},
    }.items():
        r = boss.call("POST", "/api/v1/point-rules", body)
        assert r.status_code == 201, r.text
        org.rules[key] = r.json()
    return org


def log_visit(org, person, client, when, kind="roadshow", **extra):
    r = org.__dict__[person]["api"].call("POST", "/api/v1/visits", {
        "client_id": client, "kind": kind, "occurred_at": when, "notes": "路演交流", **extra})
    assert r.status_code == 201, r.text
    return r.json()["id"]


def points(org, person="li", caller=None):
    api = (caller or org.__dict__[person])["api"]
    r = api.call("GET", f"/api/v1/points?staff_id={org.__dict__[person]['staff']}")
    assert r.status_code == 200, r.text
    return r.json()


def journals(org, rule_key, person="li"):
    r = org.__dict__[person]["api"].call("GET", "/api/v1/points/journal?limit=200")
    assert r.status_code == 200, r.text
    return [j for j in r.json()["items"] if j["rule_id"] == org.rules[rule_key]["id"]]


def test_a_rule_is_published_to_everyone_with_its_defaults(org):
    created = org.rules["roadshow"]
    assert created["version"] == 1 and created["grace_days"] == 3 and created["enabled"]
    assert created["created_by"] == org.boss["user"]
    got = org.han["api"].call("GET", f"/api/v1/point-rules/{created['id']}")
    assert got.status_code == 200 and got.json() == created
    listed = org.han["api"].call("GET", "/api/v1/point-rules?limit=200").json()["items"]
    assert created in listed
    assert org.li["api"].call("POST", "/api/v1/point-rules", rule()).status_code == 403


def test_visits_earn_with_a_cooldown_and_a_daily_cap_and_a_deletion_reverses(org):
    banks = org.banks
    first = log_visit(org, "li", banks[0], at(YESTERDAY, 10))
    log_visit(org, "li", banks[0], at(YESTERDAY, 11))  # the same client that day: counts once
    second = log_visit(org, "li", banks[1], at(YESTERDAY, 12))
    third = log_visit(org, "li", banks[2], at(YESTERDAY, 13))  # 10 more would pass the cap of 25
    earned = journals(org, "roadshow")
    assert sorted((j["source"]["id"], j["points"]) for j in earned) == sorted(
        [(first, 10), (second, 10), (third, 5)])
    cut = next(j for j in earned if j["source"]["id"] == third)
    assert cut["kind"] == "earn" and cut["detail"]["cut"] == "daily_cap"
    assert cut["detail"]["base"] == 10 and cut["detail"]["day"] == YESTERDAY.isoformat()
    assert sorted(e["account"] for e in cut["entries"]) == sorted([
        "system/0/status_issuance", f"staff/{org.li['staff']}/status", "system/0/issuance",
        f"staff/{org.li['staff']}/spendable"])
    assert sum(e["amount"] for e in cut["entries"]) == 0
    balances = points(org)
    assert {k: balances[k] for k in ("staff_id", "status", "spendable", "held", "owed")} == {
        "staff_id": org.li["staff"], "status": 25, "spendable": 25, "held": 0, "owed": 0}

    # The second visit deleted: its 10 reversed in full, and the third now fits under the cap.
    assert org.li["api"].call("DELETE", f"/api/v1/visits/{second}").status_code == 204
    after = journals(org, "roadshow")
    reversal = next(j for j in after if j["kind"] == "reverse")
    assert reversal["source"]["id"] == second and reversal["points"] == -10
    assert sum(j["points"] for j in after if j["source"]["id"] == third) == 10
    assert points(org)["status"] == 20 and points(org)["spendable"] == 20
    # Spendable points last points.expire_after_days (365) from the day they were credited: today.
    assert points(org)["next_expiry"] == {
        "points": 20, "last_day": (TODAY + timedelta(days=364)).isoformat()}

    # Why the third visit's points moved: the rule version, the award now, its journals, the
    # visit's events.
    why = org.li["api"].call("GET", f"/api/v1/points/journal/{cut['id']}/why")
    assert why.status_code == 200, why.text
    body = why.json()
    assert body["rule"]["id"] == org.rules["roadshow"]["id"] and body["rule"]["version"] == 1
    assert body["award"] == {"version": 1, "day": YESTERDAY.isoformat(), "client_id": banks[2],
                             "base": 10, "paid": 10, "cut": "none"}
    assert [h["points"] for h in body["history"]] == [5, 5]
    assert [e["type"] for e in body["source_events"]] == ["visit.recorded"]
    # Nobody else's business: another salesperson gets 404, the manager of the department sees it.
    assert org.han["api"].call("GET", f"/api/v1/points/journal/{cut['id']}/why").status_code == 404
    assert org.boss["api"].call("GET", f"/api/v1/points/journal/{cut['id']}/why").status_code == 200


def test_a_visit_backfilled_past_the_grace_window_earns_nothing(org):
    before = points(org, "han")
    old = log_visit(org, "han", org.banks[0], at(TODAY - timedelta(days=10), 10))
    assert not [j for j in journals(org, "roadshow", "han") if j["source"]["id"] == old]
    assert points(org, "han") == before
    fresh = log_visit(org, "han", org.banks[0], at(YESTERDAY, 9))
    assert [j["points"] for j in journals(org, "roadshow", "han")
            if j["source"]["id"] == fresh] == [10]


def test_meeting_a_decision_maker_earns_both_rules_and_budgets_alert(org):
    before = points(org)["status"]
    visit = log_visit(org, "li", org.banks[3], at(YESTERDAY, 15), kind="meeting",
                      attendee_ids=[org.zhang])
    assert [j["points"] for j in journals(org, "key_person") if j["source"]["id"] == visit] == [20]
    assert [j["points"] for j in journals(org, "decision_maker")
            if j["source"]["id"] == visit] == [30]
    assert points(org)["status"] == before + 50
    r = org.boss["api"].call("GET", f"/api/v1/points/budgets?date={YESTERDAY.isoformat()}")
    assert r.status_code == 200, r.text
    budgets = {b["rule_id"]: b for b in r.json()["items"]}
    key_person = budgets[org.rules["key_person"]["id"]]
    assert key_person["used"] >= 20 and key_person["over"] and key_person["alert"]
    decision = budgets[org.rules["decision_maker"]["id"]]
    assert decision["budget"] == 35 and decision["period"] == YESTERDAY.strftime("%Y-%m")
    assert decision["used"] >= 30 and decision["alert"]
    assert org.li["api"].call("GET", "/api/v1/points/budgets").status_code == 403


def test_a_subscription_earns_along_the_curve_and_its_cancellation_claws_back(org):
    before = points(org)
    r = org.admin.call("POST", "/api/v1/transactions", {
        "external_id": f"PTS-{org.fund}", "client_id": org.banks[0], "product_id": org.fund,
        "kind": "申购", "amount": "5500000.00", "trade_time": at(YESTERDAY, 10)})
    assert r.status_code == 201, r.text
    trade = r.json()["id"]
    earned = [j for j in journals(org, "subscription") if j["source"]["id"] == trade]
    # 550万 is halfway from 100万 (10) to 1000万 (40).
    assert [j["points"] for j in earned] == [25]
    assert points(org)["spendable"] == before["spendable"] + 25
    r = org.admin.call("PATCH", f"/api/v1/transactions/{trade}", {"status": "cancelled"})
    assert r.status_code == 200, r.text
    moves = [j for j in journals(org, "subscription") if j["source"]["id"] == trade]
    assert sorted(j["points"] for j in moves) == [-25, 25]
    assert points(org) == before
    why = org.li["api"].call("GET", f"/api/v1/points/journal/{earned[0]['id']}/why").json()
    assert why["award"] is None
    assert [e["type"] for e in why["source_events"]] == ["transaction.recorded",
                                                          "transaction.cancelled"]


def test_a_change_is_a_new_version_that_does_not_reprice_the_past(org):
    rule_id = org.rules["roadshow"]["id"]
    before = points(org)
    boss = org.boss["api"]
    r = boss.call("PUT", f"/api/v1/point-rules/{rule_id}",
                  rule(once_per_client_per_day=True, daily_cap=25,
                       effective_from="2025-06-01T00:00:00+08:00"))
    assert r.status_code == 400 and r.json()["field"] == "effective_from", r.text
    r = boss.call("PUT", f"/api/v1/point-rules/{rule_id}", rule(event="key_person_met"))
    assert r.status_code == 400 and r.json()["field"] == "event", r.text
    r = boss.call("PUT", f"/api/v1/point-rules/{rule_id}",
                  rule(name="路演积分（新）", points=12, once_per_client_per_day=True, daily_cap=25,
                       effective_from=None))
    assert r.status_code == 200, r.text
    assert r.json()["version"] == 2 and r.json()["points"] == 12
    versions = org.han["api"].call("GET", f"/api/v1/point-rules/{rule_id}/versions").json()["items"]
    assert [v["version"] for v in versions] == [1, 2] and versions[0]["points"] == 10
    assert org.han["api"].call("GET", f"/api/v1/point-rules/{rule_id}").json()["version"] == 2
    assert points(org) == before  # yesterday's visits keep version 1's points
    assert boss.call("PUT", "/api/v1/point-rules/99999999", rule()).status_code == 404


def test_a_preview_compares_a_draft_with_the_current_rule_and_writes_nothing(org):
    before = points(org)
    window = {"from": (TODAY - timedelta(days=7)).isoformat(), "to": TODAY.isoformat()}
    r = org.boss["api"].call("POST", "/api/v1/point-rules/preview", {
        "rule": rule(points=20), "rule_id": org.rules["roadshow"]["id"], **window})
    assert r.status_code == 200, r.text
    body = r.json()
    li = next(p for p in body["people"] if p["staff_id"] == org.li["staff"])
    # Without the cooldown and the cap, li's three roadshows left pay 20 each; the rule paid 20.
    assert li == {"staff_id": org.li["staff"], "name": "li", "awards": 3, "points": 60,
                  "current": 20, "change": 40}
    assert body["points"] >= 60 and body["recipients"] == len(body["people"])
    assert points(org) == before


@pytest.mark.parametrize("body, field", [
    ({"rule": rule(), "from": "2025-01-01", "to": "2026-06-01"}, "to"),
    ({"rule": rule(), "from": "2026-06-01", "to": "2026-05-01"}, "to"),
    ({"rule": rule(points=0), "from": "2026-06-01", "to": "2026-06-30"}, "rule.points"),
    ({"rule": rule(), "from": "June", "to": "2026-06-30"}, "from"),
    ({"rule": rule(), "rule_id": 99999999, "from": "2026-06-01", "to": "2026-06-30"}, "rule_id"),
    ({"from": "2026-06-01", "to": "2026-06-30"}, "rule"),
    ({"rule": rule(), "from": "2026-06-01", "to": "2026-06-30", "dry": True}, "dry"),
])
def test_bad_previews_are_refused_naming_the_field(org, body, field):
    r = org.boss["api"].call("POST", "/api/v1/point-rules/preview", body)
    assert r.status_code == 400 and r.json()["field"] == field, r.text


@pytest.mark.parametrize("change, field", [
    ({"daily_cap": 0}, "daily_cap"),
    ({"daily_cap": -5}, "daily_cap"),
    ({"weekly_cap": 0}, "weekly_cap"),
    ({"daily_cap": 10, "weekly_cap": 5}, "weekly_cap"),
    ({"points": 0}, "points"),
    ({"points": "ten"}, "points"),
    ({"event": "dinner"}, "event"),
    ({"name": ""}, "name"),
    ({"visit_kinds": ["dinner"]}, "visit_kinds[0]"),
    ({"effective_from": "yesterday"}, "effective_from"),
    ({"valid_until": "2025-12-31T00:00:00+08:00"}, "valid_until"),
    ({"grace_days": 400}, "grace_days"),
    ({"budget": {"period": "week", "points": 10}}, "budget.period"),
    ({"budget": {"period": "month", "points": 0}}, "budget.points"),
    ({"mood": "generous"}, "mood"),
    ({"event": "subscription", "points": None,
      "curve": [{"amount": "100.00", "points": 1}, {"amount": "50.00", "points": 2}]},
     "curve[1].amount"),
    ({"event": "subscription", "points": None,
      "curve": [{"amount": "100.00", "points": 5}, {"amount": "200.00", "points": 2}]},
     "curve[1].points"),
    ({"event": "subscription", "points": None, "curve": [{"amount": "-1.00", "points": 5}]},
     "curve[0].amount"),
    ({"event": "subscription", "visit_kinds": []}, None),  # accepted: no kinds listed
    ({"curve": [{"amount": "100.00", "points": 5}]}, "curve"),
    ({"max_points": 5}, "max_points"),
])
def test_bad_rules_are_refused_naming_the_field(org, change, field):
    body = {k: v for k, v in rule(**change).items() if v is not None}
    if change.get("event") == "subscription":
        body.pop("visit_kinds", None)
        body.update({k: v for k, v in change.items() if k == "visit_kinds"})
    r = org.boss["api"].call("POST", "/api/v1/point-rules", body)
    if field is None:
        assert r.status_code == 201, r.text
        # Switched off again so it earns nothing for anyone else's subscriptions.
        off = org.boss["api"].call("PUT", f"/api/v1/point-rules/{r.json()['id']}",
                                   {**body, "enabled": False})
        assert off.status_code == 200, off.text
        return
    assert r.status_code == 400 and r.json()["field"] == field, r.text


def test_who_sees_whose_points(org):
    li = org.li["staff"]
    assert org.han["api"].call("GET", f"/api/v1/points?staff_id={li}").status_code == 403
    assert org.han["api"].call("GET", f"/api/v1/points/journal?staff_id={li}").status_code == 403
    assert points(org, "li", caller=org.boss)["staff_id"] == li
    han = org.han["staff"]
    assert org.boss["api"].call("GET", f"/api/v1/points?staff_id={han}").status_code == 403
    assert org.admin.call("GET", f"/api/v1/points?staff_id={han}").status_code == 200
    r = org.admin.call("GET", "/api/v1/points")  # the admin has no staff record of their own
    assert r.status_code == 400 and r.json()["field"] == "staff_id", r.text
    r = org.li["api"].call("GET", "/api/v1/points/journal?limit=0")
    assert r.status_code == 400 and r.json()["field"] == "limit", r.text
    assert org.li["api"].call("GET", "/api/v1/points/journal/99999999/why").status_code == 404


def test_levels_follow_status_points_on_a_ladder_managers_set(org):
    r = org.li["api"].call("GET", "/api/v1/point-levels")
    assert r.status_code == 200, r.text
    assert r.json()["levels"][:2] == [{"name": "新秀", "from": 0}, {"name": "能手", "from": 1000}]
    status = points(org)["status"]
    assert 0 < status < 1000
    assert points(org)["level"] == {"name": "新秀", "from": 0,
                                    "next": {"name": "能手", "from": 1000, "to_go": 1000 - status}}
    ladder = {"levels": [{"name": "铜", "from": 0}, {"name": "银", "from": status - 1},
                         {"name": "金", "from": status + 5}]}
    assert org.li["api"].call("PUT", "/api/v1/point-levels", ladder).status_code == 403
    r = org.boss["api"].call("PUT", "/api/v1/point-levels", ladder)
    assert r.status_code == 200 and r.json() == ladder, r.text
    assert org.han["api"].call("GET", "/api/v1/point-levels").json() == ladder
    assert points(org)["level"] == {"name": "银", "from": status - 1,
                                    "next": {"name": "金", "from": status + 5, "to_go": 5}}
    for body, field in [
        ({"levels": [{"name": "铜", "from": 5}]}, "levels[0].from"),
        ({"levels": [{"name": "铜", "from": 0}, {"name": "银", "from": 0}]}, "levels[1].from"),
        ({"levels": [{"name": "铜", "from": 0}, {"name": "铜", "from": 9}]}, "levels[1].name"),
        ({"levels": []}, "levels"),
    ]:
        r = org.boss["api"].call("PUT", "/api/v1/point-levels", body)
        assert r.status_code == 400 and r.json()["field"] == field, r.text
    assert org.han["api"].call("GET", "/api/v1/point-levels").json() == ladder
