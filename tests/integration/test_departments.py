"""Departments of the sales organisation, and the event log that records every change."""
import pytest


def create(admin, name, parent_id=None, expect=201):
    body = {"name": name}
    if parent_id is not None:
        body["parent_id"] = parent_id
    r = admin.call("POST", "/api/v1/departments", body)
    assert r.status_code == expect, r.text
    return r.json()


def events_of(admin, department_id):
    return admin.call("GET", f"/api/v1/events?entity_type=department&entity_id={department_id}"
                      ).json()["items"]


def test_create_list_and_tree_paths(admin):
    top = create(admin, "机构销售一部")
    team = create(admin, "华东组", top["id"])
    assert team["path"] == ["机构销售一部", "华东组"] and team["parent_id"] == top["id"]
    listed = admin.call("GET", "/api/v1/departments").json()["items"]
    names = [tuple(d["path"]) for d in listed]
    assert names.index(("机构销售一部",)) < names.index(("机构销售一部", "华东组"))
    got = admin.call("GET", f"/api/v1/departments/{team['id']}")
    assert got.json() == team


def test_every_change_is_an_event_with_before_and_after(admin):
    dept = create(admin, "Events Dept")
    admin.call("PATCH", f"/api/v1/departments/{dept['id']}", {"name": "Events Dept Renamed"})
    events = events_of(admin, dept["id"])
    assert [e["type"] for e in events] == ["department.created", "department.updated"]
    assert events[0]["payload"]["before"] is None
    assert events[1]["payload"]["before"]["name"] == "Events Dept"
    assert events[1]["payload"]["after"]["name"] == "Events Dept Renamed"
    assert events[1]["actor"] == "admin" and events[0]["seq"] < events[1]["seq"]


def test_the_event_log_reads_newest_first_page_by_page(admin):
    dept = create(admin, "Order Dept")
    for name in ("Order Dept 2", "Order Dept 3"):
        admin.call("PATCH", f"/api/v1/departments/{dept['id']}", {"name": name})
    oldest = events_of(admin, dept["id"])
    query = f"/api/v1/events?entity_type=department&entity_id={dept['id']}&order=newest&limit=2"
    first = admin.call("GET", query).json()
    assert [e["seq"] for e in first["items"]] == [oldest[2]["seq"], oldest[1]["seq"]]
    second = admin.call("GET", f"{query}&cursor={first['next_cursor']}").json()
    assert [e["seq"] for e in second["items"]] == [oldest[0]["seq"]]
    assert second["next_cursor"] is None
    # Unfiltered, newest first starts with the latest change of all.
    latest = admin.call("GET", "/api/v1/events?order=newest&limit=1").json()["items"][0]
    assert latest["seq"] == oldest[2]["seq"]
    bad = admin.call("GET", "/api/v1/events?order=sideways")
    assert bad.status_code == 400 and bad.json()["field"] == "order"


def test_moves_keep_the_tree_acyclic(admin):
    a = create(admin, "Cycle A")
    b = create(admin, "Cycle B", a["id"])
    r = admin.call("PATCH", f"/api/v1/departments/{a['id']}", {"parent_id": b["id"]})
    assert r.status_code == 400 and r.json()["field"] == "parent_id"
    moved = admin.call("PATCH", f"/api/v1/departments/{b['id']}", {"parent_id": None})
    assert moved.status_code == 200 and moved.json()["path"] == ["Cycle B"]


@pytest.mark.parametrize("body, status, field", [
    ({}, 400, "name"),
    ({"name": ""}, 400, "name"),
    ({"name": "x" * 101}, 400, "name"),
    ({"name": "a/b"}, 400, "name"),
    ({"name": 5}, 400, "name"),
    ({"name": "Orphan", "parent_id": 999999}, 400, "parent_id"),
    ({"name": "Orphan", "parent_id": "1"}, 400, "parent_id"),
    ({"name": "Extra", "colour": "red"}, 400, "colour"),
])
def test_bad_department_input_writes_nothing(admin, body, status, field):
    before = len(admin.call("GET", "/api/v1/events?entity_type=department&limit=1000").json()["items"])
    r = admin.call("POST", "/api/v1/departments", body)
    assert r.status_code == status and r.json()["field"] == field, r.text
    after = len(admin.call("GET", "/api/v1/events?entity_type=department&limit=1000").json()["items"])
    assert after == before


def test_sibling_names_conflict_and_active_children_block_deactivation(admin):
    parent = create(admin, "Conflict Parent")
    create(admin, "Same Name", parent["id"])
    r = admin.call("POST", "/api/v1/departments", {"name": "Same Name", "parent_id": parent["id"]})
    assert r.status_code == 409 and r.json()["field"] == "name"
    off = admin.call("PATCH", f"/api/v1/departments/{parent['id']}", {"active": False})
    assert off.status_code == 409 and off.json()["field"] == "active"
    assert admin.call("GET", "/api/v1/departments/999999").status_code == 404
    assert admin.call("PATCH", "/api/v1/departments/999999", {"active": False}).status_code == 404


def test_who_may_read_and_change_departments(laurel, admin):
    admin.call("POST", "/api/v1/users", {"username": "dept.reader", "display_name": "Reader",
                                         "role": "sales", "password": "correct horse battery"})
    sales = laurel.api()
    sales.token = sales.login("dept.reader", "correct horse battery")["token"]
    assert sales.call("GET", "/api/v1/departments?active=true").status_code == 200
    assert sales.call("POST", "/api/v1/departments", {"name": "Not mine"}).status_code == 403
    assert sales.call("GET", "/api/v1/events").status_code == 403
    assert admin.call("GET", "/api/v1/events?limit=0").status_code == 400
