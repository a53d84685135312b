"""Staff of the sales organisation: effective-dated departments, links to users, the event log."""
import pytest


@pytest.fixture(scope="module")
def org(laurel):
    admin = laurel.api().as_admin()
    north = admin.call("POST", "/api/v1/departments", {"name": "Staff North"}).json()
    south = admin.call("POST", "/api/v1/departments", {"name": "Staff South"}).json()
    return {"north": north["id"], "south": south["id"]}


def hire(admin, org, name, **extra):
    body = {"name": name, "department_id": org["north"]}
    body.update(extra)
    r = admin.call("POST", "/api/v1/staff", body)
    assert r.status_code == 201, r.text
    return r.json()


def test_hire_transfer_and_list_by_day(admin, org):
    li = hire(admin, org, "李雷", title="客户经理", effective_from="2026-01-01")
    assert li["department_id"] == org["north"] and li["title"] == "客户经理"
    moved = admin.call("POST", f"/api/v1/staff/{li['id']}/transfers",
                       {"department_id": org["south"], "effective_from": "2026-07-01"})
    assert moved.status_code == 200
    assert [a["effective_from"] for a in moved.json()["assignments"]] == ["2026-01-01", "2026-07-01"]
    june = admin.call("GET", f"/api/v1/staff?department_id={org['north']}&as_of=2026-06-30").json()
    assert li["id"] in [s["id"] for s in june["items"]]
    august = admin.call("GET", f"/api/v1/staff?department_id={org['north']}&as_of=2026-08-01").json()
    assert li["id"] not in [s["id"] for s in august["items"]]
    events = admin.call("GET", f"/api/v1/events?entity_type=staff&entity_id={li['id']}").json()
    assert [e["type"] for e in events["items"]] == ["staff.created", "staff.transferred"]


def test_linking_a_user_once_only(admin, org):
    user = admin.call("POST", "/api/v1/users", {"username": "staff.linked", "display_name": "Linked",
                                                "role": "sales", "password": "correct horse battery"}
                      ).json()
    first = hire(admin, org, "Linked", user_id=user["id"])
    assert first["user_id"] == user["id"]
    r = admin.call("POST", "/api/v1/staff", {"name": "Twin", "department_id": org["north"],
                                             "user_id": user["id"]})
    assert r.status_code == 409 and r.json()["field"] == "user_id"
    unlinked = admin.call("PATCH", f"/api/v1/staff/{first['id']}", {"user_id": None, "active": False})
    assert unlinked.status_code == 200
    assert unlinked.json()["user_id"] is None and unlinked.json()["active"] is False
    assert admin.call("GET", f"/api/v1/staff/{first['id']}").json() == unlinked.json()


@pytest.mark.parametrize("body, field", [
    ({"department_id": 1}, "name"),
    ({"name": "X"}, "department_id"),
    ({"name": "X", "department_id": 999999}, "department_id"),
    ({"name": "X", "department_id": 1, "user_id": 999999}, "user_id"),
    ({"name": "X", "department_id": 1, "effective_from": "2026-02-30"}, "effective_from"),
    ({"name": "X", "department_id": 1, "effective_from": "yesterday"}, "effective_from"),
    ({"name": "X", "department_id": 1, "title": "t" * 101}, "title"),
    ({"name": "X", "department_id": 1, "salary": 1}, "salary"),
])
def test_bad_staff_input_writes_nothing(admin, org, body, field):
    if body.get("department_id") == 1:
        body["department_id"] = org["north"]
    before = admin.call("GET", "/api/v1/staff?limit=200").json()["items"]
    r = admin.call("POST", "/api/v1/staff", body)
    assert r.status_code == 400 and r.json()["field"] == field, r.text
    assert admin.call("GET", "/api/v1/staff?limit=200").json()["items"] == before


def test_transfer_checks(admin, org):
    li = hire(admin, org, "Transfer Checks")
    r = admin.call("POST", f"/api/v1/staff/{li['id']}/transfers", {"department_id": org["south"]})
    assert r.status_code == 400 and r.json()["field"] == "effective_from"
    r = admin.call("POST", "/api/v1/staff/999999/transfers",
                   {"department_id": org["south"], "effective_from": "2026-01-01"})
    assert r.status_code == 404
    assert admin.call("GET", "/api/v1/staff/999999").status_code == 404
    assert admin.call("GET", "/api/v1/staff?as_of=2026-13-01").status_code == 400


def test_sales_read_staff_but_do_not_change_them(laurel, admin, org):
    admin.call("POST", "/api/v1/users", {"username": "staff.reader", "display_name": "R",
                                         "role": "sales", "password": "correct horse battery"})
    sales = laurel.api()
    sales.token = sales.login("staff.reader", "correct horse battery")["token"]
    assert sales.call("GET", "/api/v1/staff?q=Transfer").status_code == 200
    assert sales.call("POST", "/api/v1/staff", {"name": "X", "department_id": org["north"]}
                      ).status_code == 403
