"""The "system sergeant" flags over HTTP: a person's first real use of a CRM function earns its
flag (their own sign-in, never data entered for them), the flag stays when the record goes, why
names the event, the weekly parade shows the week's new flags (without people hidden from public
boards, except to managers), the company sets its own flags, and bad flag sets are refused naming
the field."""
from datetime import datetime, timedelta, timezone

import pytest

from live import SseClient
from org import Org

SHANGHAI = timezone(timedelta(hours=8))


def this_week():
    year, week, _ = datetime.now(SHANGHAI).isocalendar()
    return f"{year}-W{week:02d}"


@pytest.fixture(scope="module")
def org(laurel):
    org = Org(laurel, laurel.api().as_admin(), "flags")
    org.li = org.person("li", "sales", org.north_a)
    org.han = org.person("han", "sales", org.north_a)
    org.boss = org.person("boss", "manager", org.north)
    org.bank = org.client("旗帜银行")
    for who in (org.li, org.han):
        org.cover(org.bank, [{"staff_id": who["staff"], "role": "primary", "share_percent": 100}])
    r = org.admin.call("POST", "/api/v1/key-people", {
        "client_id": org.bank, "name": "赵总", "decision_role": "investment_decision",
        "influence": "decision_maker"})
    assert r.status_code == 201, r.text
    org.zhao = r.json()["id"]
    return org


def flags(who, staff=None):
    r = who["api"].call("GET", "/api/v1/flags" + (f"?staff_id={staff}" if staff else ""))
    assert r.status_code == 200, r.text
    return r.json()


def flag(body, function):
    return next(f for f in body["flags"] if f["function"] == function)


def log_visit(org, api, **extra):
    r = api.call("POST", "/api/v1/visits", {
        "client_id": org.bank, "kind": "visit", "occurred_at": datetime.now(SHANGHAI).isoformat(),
        "notes": "介绍产品", **extra})
    assert r.status_code == 201, r.text
    return r.json()["id"]


def test_a_first_visit_earns_its_flag_and_it_stays_when_the_visit_goes(org):
    before = flags(org.li)
    assert before["earned"] == 0 and before["of"] == 12
    assert len({f["colour"] for f in before["flags"]}) == 12  # one colour each
    assert not flag(before, "visit")["earned"] and flag(before, "visit")["source"] is None

    visit = log_visit(org, org.li["api"])
    after = flags(org.li)
    mine = flag(after, "visit")
    assert after["earned"] == 1
    assert mine["earned"] and mine["source"]["kind"] == "visit"
    assert mine["source"]["id"] == str(visit)
    earned_at = datetime.fromisoformat(mine["earned_at"])
    assert abs((datetime.now(timezone.utc) - earned_at).total_seconds()) < 60
    assert not flag(after, "visit_attendees")["earned"]  # nobody of the client's attended

    # A second visit with the client's decision maker: that flag too; the first one's date stays.
    log_visit(org, org.li["api"], attendee_ids=[org.zhao])
    again = flags(org.li)
    assert flag(again, "visit_attendees")["earned"]
    assert flag(again, "visit")["earned_at"] == mine["earned_at"]

    assert org.li["api"].call("DELETE", f"/api/v1/visits/{visit}").status_code == 204
    assert flag(flags(org.li), "visit")["source"]["id"] == str(visit)


def test_data_entered_for_someone_is_not_their_use(org):
    r = org.admin.call("POST", "/api/v1/visits", {
        "client_id": org.bank, "kind": "visit", "staff_ids": [org.han["staff"]],
        "occurred_at": datetime.now(SHANGHAI).isoformat(), "notes": "代录"})
    assert r.status_code == 201, r.text
    assert not flag(flags(org.han), "visit")["earned"]
    log_visit(org, org.han["api"])
    assert flag(flags(org.han), "visit")["earned"]


def test_why_names_the_event_of_the_first_use(org):
    r = org.li["api"].call("GET", "/api/v1/flags/visit/why")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["event"]["type"] == "visit.recorded"
    assert body["event"]["entity_id"] == body["flag"]["source"]["id"]
    assert body["event"]["seq"] == body["flag"]["source"]["event_seq"]
    # A flag not earned yet has no event; a function without a flag is not found.
    r = org.li["api"].call("GET", "/api/v1/flags/target/why")
    assert r.status_code == 200 and r.json()["event"] is None, r.text
    r = org.li["api"].call("GET", "/api/v1/flags/transaction/why")
    assert r.status_code == 404, r.text
    # Another person's flags are the caller's manager's business, not a colleague's.
    assert org.han["api"].call(
        "GET", f"/api/v1/flags?staff_id={org.li['staff']}").status_code == 403
    assert flags(org.boss, org.li["staff"])["earned"] == 2


def test_the_weekly_parade_shows_the_weeks_new_flags(org):
    r = org.han["api"].call("GET", f"/api/v1/flags/parade?week={this_week()}")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["week"] == this_week()
    people = {p["staff_id"]: p for p in body["people"]}
    assert [f["function"] for f in people[org.li["staff"]]["flags"]] == ["visit", "visit_attendees"]
    assert org.han["staff"] in people
    # Last week (the default) had none of this module's flags.
    r = org.han["api"].call("GET", "/api/v1/flags/parade")
    assert r.status_code == 200 and r.json()["week"] != this_week()
    assert org.li["staff"] not in {p["staff_id"] for p in r.json()["people"]}

    # Hidden from public boards: out of colleagues' parade, still in a manager's and their own.
    r = org.li["api"].call("PUT", "/api/v1/me/board-privacy", {"hide_from_boards": True})
    assert r.status_code == 200, r.text
    try:
        def parade(who):
            r = who["api"].call("GET", f"/api/v1/flags/parade?week={this_week()}")
            assert r.status_code == 200, r.text
            return {p["staff_id"] for p in r.json()["people"]}
        assert org.li["staff"] not in parade(org.han)
        assert org.li["staff"] in parade(org.boss)
        assert org.li["staff"] in parade(org.li)
    finally:
        org.li["api"].call("PUT", "/api/v1/me/board-privacy", {"hide_from_boards": False})


def test_a_person_may_opt_out_of_public_celebration(org):
    me = org.li["api"].call("GET", "/api/v1/me/celebration")
    assert me.status_code == 200 and me.json() == {
        "staff_id": org.li["staff"], "celebrate_publicly": True}, me.text

    def shown(who, path):
        r = who["api"].call("GET", f"{path}?week={this_week()}")
        assert r.status_code == 200, r.text
        return {p["staff_id"]: p["celebrate_publicly"] for p in r.json()["people"]}

    assert shown(org.han, "/api/v1/flags/parade")[org.li["staff"]] is True
    r = org.li["api"].call("PUT", "/api/v1/me/celebration", {"celebrate_publicly": False})
    assert r.status_code == 200 and r.json()["celebrate_publicly"] is False, r.text
    try:
        assert org.admin.call("GET", f"/api/v1/staff/{org.li['staff']}").json()[
            "celebrate_publicly"] is False
        for path in ("/api/v1/flags/parade", "/api/v1/recognition/digest"):
            # Out for a colleague; marked for the manager, so nobody reads it out; theirs to see.
            assert org.li["staff"] not in shown(org.han, path), path
            assert shown(org.boss, path)[org.li["staff"]] is False, path
            assert shown(org.li, path)[org.li["staff"]] is False, path
            assert shown(org.han, path)[org.han["staff"]] is True, path
        # The flags are still earned: only the public moment goes.
        assert flag(flags(org.li), "visit")["earned"]
    finally:
        r = org.li["api"].call("PUT", "/api/v1/me/celebration", {"celebrate_publicly": True})
        assert r.status_code == 200, r.text
    assert shown(org.han, "/api/v1/flags/parade")[org.li["staff"]] is True

    for body, field in [({"celebrate_publicly": "no"}, "celebrate_publicly"),
                        ({}, "celebrate_publicly"),
                        ({"celebrate_publicly": False, "loud": True}, "loud")]:
        r = org.li["api"].call("PUT", "/api/v1/me/celebration", body)
        assert r.status_code == 400 and r.json()["field"] == field, r.text
    assert org.admin.call("GET", "/api/v1/me/celebration").status_code == 404  # no staff record


def test_the_company_sets_its_own_flags(org):
    r = org.li["api"].call("GET", "/api/v1/flag-set")
    assert r.status_code == 200, r.text
    defaults = r.json()
    assert len(defaults["flags"]) == 12
    assert {"visit", "transaction"} <= {f["function"] for f in defaults["functions"]}
    r = org.boss["api"].call("PUT", "/api/v1/flag-set", {"flags": [
        {"function": "follow_up", "name": "跟进", "colour": "#fbc02d"},
        {"function": "visit", "name": "拜访", "colour": "#D32F2F"}]})
    assert r.status_code == 200, r.text
    try:
        assert r.json()["flags"][0]["colour"] == "#FBC02D"
        mine = flags(org.li)
        assert (mine["earned"], mine["of"]) == (1, 2)
        assert [f["function"] for f in mine["flags"]] == ["follow_up", "visit"]
    finally:
        r = org.boss["api"].call("PUT", "/api/v1/flag-set", {"flags": defaults["flags"]})
        assert r.status_code == 200, r.text
    assert flags(org.li)["of"] == 12


@pytest.mark.parametrize("body, field", [
    ({}, "flags"),
    ({"flags": []}, "flags"),
    ({"flags": [{"function": "faxing", "name": "传真", "colour": "#000000"}]}, "flags[0].function"),
    ({"flags": [{"function": "visit", "name": "", "colour": "#000000"}]}, "flags[0].name"),
    ({"flags": [{"function": "visit", "name": "拜访", "colour": "red"}]}, "flags[0].colour"),
    ({"flags": [{"function": "visit", "name": "拜访", "colour": "#000000"},
                {"function": "visit", "name": "再访", "colour": "#111111"}]}, "flags[1].function"),
    ({"flags": [{"function": "visit", "name": "拜访", "colour": "#000000"},
                {"function": "target", "name": "拜访", "colour": "#111111"}]}, "flags[1].name"),
    ({"flags": [{"function": "visit", "name": "拜访", "colour": "#00000a"},
                {"function": "target", "name": "目标", "colour": "#00000A"}]}, "flags[1].colour"),
    ({"flags": [{"function": "visit", "name": "拜访", "colour": "#000000", "size": 3}]},
     "flags[0].size"),
])
def test_bad_flag_sets_are_refused_naming_the_field(org, body, field):
    r = org.boss["api"].call("PUT", "/api/v1/flag-set", body)
    assert r.status_code == 400 and r.json()["field"] == field, r.text
    assert len(org.boss["api"].call("GET", "/api/v1/flag-set").json()["flags"]) == 12


def test_only_managers_set_flags_and_weeks_are_iso_weeks(org):
    r = org.li["api"].call("PUT", "/api/v1/flag-set", {"flags": [
        {"function": "visit", "name": "拜访", "colour": "#000000"}]})
    assert r.status_code == 403, r.text
    for week in ("2026-13", "2026-W54", "last"):
        r = org.li["api"].call("GET", f"/api/v1/flags/parade?week={week}")
        assert r.status_code == 400 and r.json()["field"] == "week", r.text


def test_a_first_use_reaches_the_persons_open_pages_and_nobody_elses(org):
    def listen(who):
        client = SseClient(org.laurel.base, token=who["api"].token)
        assert client.status == 200, client.status_line
        client.until(lambda e: e["event"] == "ready")
        return client
    boss, li = listen(org.boss), listen(org.li)
    try:
        r = org.boss["api"].call("POST", "/api/v1/targets", {
            "subject_kind": "staff", "subject_id": org.li["staff"], "metric": "visits",
            "period": "2026-12", "target_count": 20})
        assert r.status_code == 201, r.text
        assert flag(flags(org.boss), "target")["earned"]  # the manager's first target
        told = boss.until(lambda e: e["event"] == "recognition_changed")[-1]
        assert told["data"] == {"staff_id": org.boss["staff"]} and told["id"] is None
        assert [e for e in li.quiet(1.0) if e["event"] == "recognition_changed"] == []
    finally:
        boss.close()
        li.close()
