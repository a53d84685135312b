"""Coverage of clients: effective-dated plans with a credit split, and a leaver's hand-over."""
import pytest

from org import Org


@pytest.fixture(scope="module")
def org(laurel):
    return Org(laurel, laurel.api().as_admin(), "cov")


def test_plans_are_effective_dated_and_logged(admin, org):
    li = org.person("li", "sales", org.north)
    han = org.person("han", "sales", org.north)
    bank = org.client("覆盖银行")
    org.cover(bank, [{"staff_id": li["staff"], "role": "primary", "share_percent": 100}],
              "2026-01-01")
    split = org.cover(bank, [{"staff_id": han["staff"], "role": "secondary", "share_percent": 40},
                             {"staff_id": li["staff"], "role": "primary", "share_percent": 60}],
                      "2026-07-01")
    assert [m["staff_id"] for m in split["members"]] == [li["staff"], han["staff"]]
    assert [(h["effective_from"], h["effective_to"]) for h in split["history"]] == [
        ("2026-01-01", "2026-06-30"), ("2026-07-01", None)]
    june = admin.call("GET", f"/api/v1/clients/{bank}/coverage?as_of=2026-06-30").json()
    assert [(m["staff_id"], m["share_percent"]) for m in june["members"]] == [(li["staff"], 100)]
    mine = li["api"].call("GET", f"/api/v1/staff/{han['staff']}/clients?as_of=2026-07-01").json()
    assert [(c["client_id"], c["role"], c["share_percent"]) for c in mine["items"]] == [
        (bank, "secondary", 40)]
    events = admin.call("GET", f"/api/v1/events?entity_type=client&entity_id={bank}").json()
    assert [e["type"] for e in events["items"]] == [
        "client.created", "client.coverage_changed", "client.coverage_changed"]


@pytest.mark.parametrize("members, field", [
    ([{"staff_id": "S", "role": "primary", "share_percent": 100}], "members[0].staff_id"),
    ([{"role": "primary", "share_percent": 100}], "members[0].staff_id"),
    ([{"staff_id": 1, "role": "boss", "share_percent": 100}], "members[0].role"),
    ([{"staff_id": 1, "role": "primary", "share_percent": 101}], "members[0].share_percent"),
    ([{"staff_id": 1, "role": "primary", "share_percent": 60}], "members"),
    ([{"staff_id": 1, "role": "primary", "share_percent": 100, "note": "x"}], "members[0].note"),
    ([{"staff_id": 999999, "role": "primary", "share_percent": 100}], "members[0].staff_id"),
    ("everyone", "members"),
])
def test_bad_plans_are_refused_naming_the_field(admin, org, members, field):
    bank = org.client("坏计划银行")
    r = admin.call("PUT", f"/api/v1/clients/{bank}/coverage", {"members": members})
    assert r.status_code == 400, r.text
    assert r.json()["field"] == field
    assert admin.call("GET", f"/api/v1/clients/{bank}/coverage").json()["history"] == []


def test_only_managers_and_admins_set_coverage_or_hand_over(laurel, admin, org):
    boss = org.person("boss", "manager", org.north)
    seller = org.person("seller", "sales", org.north)
    bank = org.client("权限银行")
    plan = {"members": [{"staff_id": seller["staff"], "role": "primary", "share_percent": 100}]}
    assert seller["api"].call("PUT", f"/api/v1/clients/{bank}/coverage", plan).status_code == 403
    assert boss["api"].call("PUT", f"/api/v1/clients/{bank}/coverage", plan).status_code == 200
    assert seller["api"].call("POST", f"/api/v1/staff/{seller['staff']}/reassign-clients",
                              {"to_staff_id": boss["staff"]}).status_code == 403
    assert admin.call("GET", "/api/v1/clients/999999/coverage").status_code == 404
    assert admin.call("GET", f"/api/v1/clients/{bank}/coverage?as_of=soon").json()["field"] == "as_of"


def test_a_leavers_clients_are_handed_over(admin, org):
    leaver = org.person("leaver", "sales", org.south)
    heir = org.person("heir", "sales", org.south)
    bank, fund = org.client("交接银行"), org.client("交接基金", "fund")
    org.cover(bank, [{"staff_id": leaver["staff"], "role": "primary", "share_percent": 100}])
    org.cover(fund, [{"staff_id": heir["staff"], "role": "primary", "share_percent": 60},
                     {"staff_id": leaver["staff"], "role": "secondary", "share_percent": 40}])
    r = admin.call("POST", f"/api/v1/staff/{leaver['staff']}/reassign-clients",
                   {"to_staff_id": heir["staff"], "effective_from": "2026-11-01"})
    assert r.status_code == 200, r.text
    assert r.json()["client_ids"] == [bank, fund]
    now = admin.call("GET", f"/api/v1/staff/{heir['staff']}/clients?as_of=2026-11-01").json()
    assert [(c["client_id"], c["role"], c["share_percent"]) for c in now["items"]] == [
        (bank, "primary", 100), (fund, "primary", 100)]
    before = admin.call("GET", f"/api/v1/staff/{leaver['staff']}/clients?as_of=2026-10-31").json()
    assert len(before["items"]) == 2, "the past is not rewritten"
    again = admin.call("POST", f"/api/v1/staff/{leaver['staff']}/reassign-clients",
                       {"to_staff_id": heir["staff"], "effective_from": "2026-11-01"})
    assert again.json()["client_ids"] == [], "nothing left to hand over"
    same = admin.call("POST", f"/api/v1/staff/{heir['staff']}/reassign-clients",
                      {"to_staff_id": heir["staff"]})
    assert same.status_code == 400 and same.json()["field"] == "to_staff_id"
    assert admin.call("POST", "/api/v1/staff/999999/reassign-clients",
                      {"to_staff_id": heir["staff"]}).status_code == 404
