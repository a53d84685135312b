"""Key-person statistics per client and a salesperson's "my day" over HTTP."""
import datetime
from zoneinfo import ZoneInfo

import pytest

from org import Org


@pytest.fixture(scope="module")
def org(laurel):
    org = Org(laurel, laurel.api().as_admin(), "reach")
    org.li = org.person("li", "sales", org.north_a)
    org.ops = org.person("ops", "service", org.south)
    org.bank, org.quiet = org.client("触达银行"), org.client("沉默银行")
    org.cover(org.bank, [{"staff_id": org.li["staff"], "role": "primary", "share_percent": 100}])
    org.cover(org.quiet, [{"staff_id": org.li["staff"], "role": "primary", "share_percent": 100}])

    def key_person(client, name, role, influence, frequency=None):
        r = org.admin.call("POST", "/api/v1/key-people", {
            "client_id": client, "name": name, "decision_role": role, "influence": influence,
            "touch_frequency_days": frequency})
        assert r.status_code == 201, r.text
        return r.json()["id"]

    org.cio = key_person(org.bank, "投资总监", "investment_decision", "decision_maker", 30)
    org.trader = key_person(org.bank, "交易主管", "trading", "influencer")
    org.risk = key_person(org.bank, "风控总监", "risk_control", "decision_maker", 14)
    org.silent = key_person(org.quiet, "沉默行长", "investment_decision", "decision_maker")
    return org


def today():
    """Laurel's today: the company's time zone (Asia/Shanghai by default)."""
    return datetime.datetime.now(ZoneInfo("Asia/Shanghai")).date()


def days_ago(n, hour=10):
    day = today() - datetime.timedelta(days=n)
    return f"{day.isoformat()}T{hour:02d}:00:00+08:00"


def test_statistics_count_visits_flag_overdue_decision_makers_and_score(org):
    api = org.li["api"]
    for ago, people in [(3, [org.cio, org.trader]), (40, [org.cio]), (20, [org.risk])]:
        r = api.call("POST", "/api/v1/visits", {
            "client_id": org.bank, "kind": "meeting", "occurred_at": days_ago(ago),
            "notes": "季度沟通", "attendee_ids": people})
        assert r.status_code == 201, r.text
    stats = api.call("GET", f"/api/v1/clients/{org.bank}/key-person-stats")
    assert stats.status_code == 200, stats.text
    body = stats.json()
    people = {p["key_person_id"]: p for p in body["people"]}
    assert (people[org.cio]["visits_30"], people[org.cio]["visits_90"]) == (1, 2)
    assert people[org.cio]["last_visit"]["staff_ids"] == [org.li["staff"]]
    assert not people[org.cio]["overdue"]
    assert people[org.risk]["overdue"], "20 days since, wanted every 14"
    assert body["overdue_decision_makers"] == [org.risk]
    covered = {r["decision_role"]: r["covered"] for r in body["role_coverage"]}
    assert covered == {"investment_decision": True, "trading": True, "operations": False,
                       "risk_control": True}
    assert body["score"] == 63, "3 of 4 roles reached (37.5) + 1 of 2 decision makers (25)"

    # As of 30 days ago, only the visit 40 days ago had happened.
    past = api.call("GET", f"/api/v1/clients/{org.bank}/key-person-stats?as_of="
                           f"{(today() - datetime.timedelta(days=30)).isoformat()}")
    assert {p["key_person_id"]: p["visits_365"] for p in past.json()["people"]}[org.cio] == 1

    assert api.call("GET", "/api/v1/clients/99999999/key-person-stats").status_code == 404
    assert api.call("GET", f"/api/v1/clients/{org.bank}/key-person-stats?as_of=soon").status_code == 400
    assert org.ops["api"].call("GET", f"/api/v1/clients/{org.bank}/key-person-stats").status_code == 403


def test_my_day_lists_follow_ups_overdue_decision_makers_and_ranked_clients(org):
    api = org.li["api"]
    r = api.call("POST", "/api/v1/visits", {
        "client_id": org.bank, "kind": "call", "occurred_at": days_ago(2), "notes": "约下周路演",
        "next_step": "发路演邀请", "follow_up_date": (today() - datetime.timedelta(days=1)).isoformat()})
    assert r.status_code == 201, r.text
    day = api.call("GET", "/api/v1/me/day")
    assert day.status_code == 200, day.text
    body = day.json()
    assert body["staff_id"] == org.li["staff"]
    assert [(f["id"], f["overdue"]) for f in body["follow_ups"]] == [(r.json()["id"], True)]
    overdue = {(o["client_id"], o["key_person_id"]) for o in body["overdue_decision_makers"]}
    assert overdue == {(org.bank, org.risk), (org.quiet, org.silent)}
    ranked = [c["client_id"] for c in body["clients"]]
    assert ranked == [org.quiet, org.bank], "equal overdue counts: the lower score first"
    assert body["recent_clients"][0]["client_id"] == org.bank
    bank = api.call("GET", f"/api/v1/clients/{org.bank}").json()
    assert body["recent_clients"][0]["client_name"] == bank["name"]

    admin_day = org.admin.call("GET", "/api/v1/me/day")
    assert admin_day.status_code == 404, "an admin without a staff record has no day"
