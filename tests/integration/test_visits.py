"""Visits and service records over HTTP: logging on a phone (safely retried), backfilling in
batches, the edit window, follow-ups, the data scope of each role, and bad input."""
import pytest

from org import Org


@pytest.fixture(scope="module")
def org(laurel):
    org = Org(laurel, laurel.api().as_admin(), "visit")
    org.li = org.person("li", "sales", org.north_a)
    org.han = org.person("han", "sales", org.south)
    org.boss = org.person("boss", "manager", org.north)
    org.ops = org.person("ops", "service", org.south)
    org.bank, org.insurer = org.client("拜访银行"), org.client("拜访保险", "insurer")
    org.fund = org.product()
    org.cover(org.bank, [{"staff_id": org.li["staff"], "role": "primary", "share_percent": 100}])
    r = org.admin.call("POST", "/api/v1/key-people", {
        "client_id": org.bank, "name": "张总", "decision_role": "investment_decision",
        "influence": "decision_maker"})
    assert r.status_code == 201, r.text
    org.zhang = r.json()["id"]
    r = org.admin.call("POST", "/api/v1/key-people", {
        "client_id": org.insurer, "name": "王总", "decision_role": "trading",
        "influence": "gatekeeper"})
    org.wang = r.json()["id"]
    return org


def visit(org, **extra):
    return {"client_id": org.bank, "kind": "visit", "occurred_at": "2026-11-20T15:00:00+08:00",
            "notes": "介绍固收+产品，客户关注回撤。", "attendee_ids": [org.zhang], **extra}


def test_a_visit_logged_from_a_phone_is_recorded_once(org):
    api = org.li["api"]
    body = visit(org, external_id="draft-1", product_ids=[org.fund], next_step="发送材料",
                 follow_up_date="2026-11-27")
    first = api.call("POST", "/api/v1/visits", body)
    assert first.status_code == 201, first.text
    assert first.headers["Laurel-Outcome"] == "applied"
    v = first.json()
    assert v["occurred_date"] == "2026-11-20" and v["attendee_ids"] == [org.zhang]
    assert v["staff"] == [{"staff_id": org.li["staff"], "department_id": org.north_a}]
    again = api.call("POST", "/api/v1/visits", body)
    assert again.status_code == 200 and again.headers["Laurel-Outcome"] == "duplicate"
    assert again.json()["id"] == v["id"]
    assert api.call("GET", f"/api/v1/visits/{v['id']}").json() == v


@pytest.mark.parametrize("change, field", [
    ({"occurred_at": "2999-01-01T00:00:00+08:00"}, "occurred_at"),
    ({"occurred_at": "2026-11-20 15:00"}, "occurred_at"),
    ({"kind": "dinner"}, "kind"),
    ({"notes": ""}, "notes"),
    ({"attendee_ids": "all"}, "attendee_ids"),
    ({"follow_up_date": "2026-11-19"}, "follow_up_date"),
    ({"client_id": 99999999}, "client_id"),
    ({"product_ids": [99999999]}, "product_ids"),
    ({"mood": "good"}, "mood"),
])
def test_bad_visits_are_refused_naming_the_field(org, change, field):
    r = org.li["api"].call("POST", "/api/v1/visits", visit(org, **change))
    assert r.status_code == 400 and r.json()["field"] == field, r.text


def test_attendees_belong_to_the_visits_client_and_salespeople_log_their_own(org):
    api = org.li["api"]
    r = api.call("POST", "/api/v1/visits", visit(org, attendee_ids=[org.wang]))
    assert r.status_code == 400 and r.json()["field"] == "attendee_ids[0]", r.text
    r = api.call("POST", "/api/v1/visits", visit(org, staff_ids=[org.han["staff"]]))
    assert r.status_code == 400 and r.json()["field"] == "staff_ids"
    assert org.ops["api"].call("POST", "/api/v1/visits", visit(org)).status_code == 403


def test_backfill_lands_all_rows_or_none_unless_partial(org):
    api = org.han["api"]
    rows = [visit(org, client_id=org.insurer, attendee_ids=[], occurred_at=f"2026-10-0{d}T10:00:00+08:00",
                  kind="call") for d in range(1, 4)]
    rows[1]["kind"] = "dinner"
    before = len(api.call("GET", f"/api/v1/visits?client_id={org.insurer}").json()["items"])
    refused = api.call("POST", "/api/v1/visits/batch", {"visits": rows})
    assert refused.status_code == 400 and refused.json()["field"] == "visits[1].kind"
    assert len(api.call("GET", f"/api/v1/visits?client_id={org.insurer}").json()["items"]) == before
    partial = api.call("POST", "/api/v1/visits/batch?partial=true", {"visits": rows})
    assert partial.status_code == 200, partial.text
    report = partial.json()
    assert (report["applied"], report["failed"]) == (2, 1)
    assert report["results"][1]["error"]["field"] == "visits[1].kind"
    listed = api.call("GET", f"/api/v1/visits?client_id={org.insurer}&kind=call").json()["items"]
    assert [v["occurred_date"] for v in listed] == ["2026-10-03", "2026-10-01"]


def test_each_role_sees_the_visits_of_its_scope(org):
    han_visit = org.han["api"].call("POST", "/api/v1/visits", visit(org)).json()["id"]
    ids = lambda who: {v["id"] for v in who["api"].call("GET", "/api/v1/visits?limit=200").json()["items"]}
    assert han_visit in ids(org.li), "李 covers the bank"
    assert han_visit in ids(org.han), "韩 went"
    assert han_visit not in ids(org.boss), "韩 is in South, outside the North manager's scope"
    assert ids(org.ops) == set()
    assert org.boss["api"].call("GET", f"/api/v1/visits/{han_visit}").status_code == 404
    li_visits = [v for v in org.li["api"].call("GET", "/api/v1/visits?limit=200").json()["items"]
                 if v["staff"][0]["staff_id"] == org.li["staff"]]
    assert li_visits and all(v["id"] in ids(org.boss) for v in li_visits)
    # Covering the bank lets 李 read 韩's visit, not change it.
    r = org.li["api"].call("PATCH", f"/api/v1/visits/{han_visit}", {"notes": "改"})
    assert r.status_code == 403, r.text


def test_edits_follow_ups_and_deletion(org):
    api = org.li["api"]
    v = api.call("POST", "/api/v1/visits", visit(org, follow_up_date="2026-11-21")).json()
    due = api.call("GET", "/api/v1/visits?follow_up_due_by=2026-11-21").json()["items"]
    assert v["id"] in [d["id"] for d in due]
    edited = api.call("PATCH", f"/api/v1/visits/{v['id']}", {"notes": "补充会议纪要", "kind": "meeting"})
    assert edited.status_code == 200 and edited.json()["kind"] == "meeting", edited.text
    done = api.call("POST", f"/api/v1/visits/{v['id']}/follow-up-done")
    assert done.status_code == 200 and done.json()["follow_up_done_at"], done.text
    due = api.call("GET", "/api/v1/visits?follow_up_due_by=2026-11-21").json()["items"]
    assert v["id"] not in [d["id"] for d in due]
    found = api.call("GET", "/api/v1/visits?q=会议纪要").json()["items"]
    assert [f["id"] for f in found] == [v["id"]]
    cleared = api.call("PATCH", f"/api/v1/visits/{v['id']}", {"follow_up_date": None})
    assert cleared.status_code == 200 and cleared.json()["follow_up_date"] is None
    no_follow_up = api.call("POST", f"/api/v1/visits/{v['id']}/follow-up-done")
    assert no_follow_up.status_code == 409
    assert api.call("DELETE", f"/api/v1/visits/{v['id']}").status_code == 204
    assert api.call("GET", f"/api/v1/visits/{v['id']}").status_code == 404
    log = org.admin.call("GET", f"/api/v1/events?entity_type=visit&entity_id={v['id']}").json()
    assert [e["type"] for e in log["items"]] == [
        "visit.recorded", "visit.updated", "visit.follow_up_completed", "visit.updated",
        "visit.deleted"]


def test_visit_notes_are_searched_by_full_text_and_short_words(org):
    api = org.li["api"]
    notes = ["客户关注固收+产品的回撤控制，下周安排路演", "讨论养老金FOF配置，需要发送债券研究报告",
             "电话确认路演时间"]
    ids = []
    for text in notes:
        r = api.call("POST", "/api/v1/visits", visit(org, notes=text))
        assert r.status_code == 201, r.text
        ids.append(r.json()["id"])

    def found(q):
        r = api.call("GET", "/api/v1/visits", params={"q": q, "limit": 200})
        assert r.status_code == 200, r.text
        return sorted(v["id"] for v in r.json()["items"] if v["id"] in ids)

    assert found("回撤控制") == [ids[0]]
    assert found("路演") == [ids[0], ids[2]], "a two-character word is scanned, not missed"
    assert found("债") == [ids[1]]
    assert found("fof 债券") == [ids[1]], "every word must match; letters in any case"
    assert found("路演 养老金") == []
    assert found('"') == [] and found("NEAR(路演)") == [], "query syntax is text"
    edited = api.call("PATCH", f"/api/v1/visits/{ids[2]}", {"notes": "电话确认会议时间"})
    assert edited.status_code == 200
    assert found("路演") == [ids[0]], "the index follows edits"


def test_service_records_are_read_by_the_clients_coverers_and_changed_by_their_author(org):
    ops = org.ops["api"]
    r = ops.call("POST", "/api/v1/service-records", {
        "client_id": org.bank, "kind": "research", "text": "提供宏观研究报告",
        "occurred_at": "2026-11-18T09:00:00+08:00"})
    assert r.status_code == 201, r.text
    record = r.json()
    assert record["department_id"] == org.south and record["staff_id"] == org.ops["staff"]
    mine = lambda who: [x["id"] for x in who["api"].call(
        "GET", f"/api/v1/service-records?client_id={org.bank}").json()["items"]]
    assert record["id"] in mine(org.li), "the bank's coverer reads it"
    assert record["id"] not in mine(org.han)
    assert record["id"] in mine(org.ops)
    assert org.li["api"].call("PATCH", f"/api/v1/service-records/{record['id']}",
                              {"text": "改"}).status_code == 403
    fixed = ops.call("PATCH", f"/api/v1/service-records/{record['id']}", {"kind": "consultation"})
    assert fixed.status_code == 200 and fixed.json()["kind"] == "consultation"
    bad = ops.call("POST", "/api/v1/service-records", {
        "client_id": org.bank, "kind": "gossip", "text": "x", "occurred_at": "2026-11-18T09:00:00+08:00"})
    assert bad.status_code == 400 and bad.json()["field"] == "kind"
    assert ops.call("GET", f"/api/v1/service-records/{record['id']}").status_code == 200
    assert ops.call("DELETE", f"/api/v1/service-records/{record['id']}").status_code == 204
    assert ops.call("GET", f"/api/v1/service-records/{record['id']}").status_code == 404
