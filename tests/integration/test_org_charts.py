"""Client org charts and key people over HTTP: the tree, reporting lines, masking of contact
details by scope with every unmasked view logged, moves between institutions and erasure."""
import pytest

from org import Org


@pytest.fixture(scope="module")
def org(laurel):
    org = Org(laurel, laurel.api().as_admin(), "chart")
    org.li = org.person("li", "sales", org.north_a)
    org.han = org.person("han", "sales", org.south)
    org.boss = org.person("boss", "manager", org.north)
    org.ops = org.person("ops", "service", org.south)
    org.bank, org.insurer = org.client("组织银行"), org.client("组织保险", "insurer")
    org.cover(org.bank, [{"staff_id": org.li["staff"], "role": "primary", "share_percent": 100}])
    return org


def unit(api, client, name, parent=None):
    body = {"name": name} if parent is None else {"name": name, "parent_id": parent}
    r = api.call("POST", f"/api/v1/clients/{client}/org-units", body)
    assert r.status_code == 201, r.text
    assert r.headers["Location"] == f"/api/v1/org-units/{r.json()['id']}"
    return r.json()["id"]


def person(api, client, name, **extra):
    body = {"client_id": client, "name": name, "decision_role": "investment_decision",
            "influence": "decision_maker", "phone": "13912345678", "email": "boss@bank.cn",
            **extra}
    r = api.call("POST", "/api/v1/key-people", body)
    assert r.status_code == 201, r.text
    return r.json()["id"]


def test_units_form_a_tree_that_moves_by_subtree_and_refuses_cycles(org):
    api = org.li["api"]
    root = unit(api, org.bank, "总行")
    child = unit(api, org.bank, "资产管理部", root)
    leaf = unit(api, org.bank, "固收组", child)
    other = unit(api, org.bank, "金融市场部", root)

    cycle = api.call("PATCH", f"/api/v1/org-units/{root}", {"parent_id": leaf})
    assert cycle.status_code == 400 and cycle.json()["field"] == "parent_id", cycle.text
    foreign = unit(api, org.insurer, "投资部")
    across = api.call("PATCH", f"/api/v1/org-units/{child}", {"parent_id": foreign})
    assert across.status_code == 400 and across.json()["field"] == "parent_id"

    moved = api.call("PATCH", f"/api/v1/org-units/{child}", {"parent_id": other})
    assert moved.status_code == 200 and moved.json()["parent_id"] == other, moved.text
    chart = api.call("GET", f"/api/v1/clients/{org.bank}/org-chart").json()
    parents = {u["id"]: u["parent_id"] for u in chart["units"]}
    assert parents[leaf] == child and parents[child] == other

    top = api.call("PATCH", f"/api/v1/org-units/{other}", {"parent_id": None})
    assert top.status_code == 200 and top.json()["parent_id"] is None
    assert api.call("DELETE", f"/api/v1/org-units/{child}").status_code == 409
    assert api.call("DELETE", f"/api/v1/org-units/{leaf}").status_code == 204
    assert api.call("GET", f"/api/v1/org-units/{leaf}").status_code == 404
    assert org.ops["api"].call("POST", f"/api/v1/clients/{org.bank}/org-units",
                               {"name": "x"}).status_code == 403
    assert api.call("POST", "/api/v1/clients/999999/org-units", {"name": "x"}).status_code == 404


def test_contacts_are_masked_outside_the_scope_and_views_are_logged(org):
    zhang = person(org.admin, org.bank, "张总")
    mine = org.li["api"].call("GET", f"/api/v1/key-people/{zhang}").json()
    assert mine["phone"] == "13912345678" and not mine["contact_masked"]
    theirs = org.han["api"].call("GET", f"/api/v1/key-people/{zhang}").json()
    assert theirs["phone"] == "139****5678" and theirs["email"] == "b***@bank.cn"
    assert theirs["contact_masked"]
    # The manager of North sees the contacts of clients covered in North A (a sub-department).
    boss = org.boss["api"].call("GET", f"/api/v1/key-people?client_id={org.bank}").json()
    assert [p["phone"] for p in boss["items"] if p["id"] == zhang] == ["13912345678"]

    views = org.admin.call("GET", f"/api/v1/key-people/{zhang}/contact-views").json()["items"]
    assert [(v["user_id"], v["via"]) for v in views[:2]] == [
        (org.boss["user"], "list"), (org.li["user"], "record")]
    assert org.han["user"] not in [v["user_id"] for v in views]
    assert org.li["api"].call("GET", f"/api/v1/key-people/{zhang}/contact-views").status_code == 403

    # Service staff see the contacts of clients they have served.
    ops = org.ops["api"]
    assert ops.call("GET", f"/api/v1/key-people/{zhang}").json()["contact_masked"]
    served = ops.call("POST", "/api/v1/service-records", {
        "client_id": org.bank, "kind": "operations", "text": "协助完成账户变更",
        "occurred_at": "2026-11-20T10:00:00+08:00"})
    assert served.status_code == 201, served.text
    assert not ops.call("GET", f"/api/v1/key-people/{zhang}").json()["contact_masked"]


def test_reporting_lines_stay_inside_one_client_without_cycles(org):
    api = org.li["api"]
    boss = person(api, org.bank, "赵行长")
    deputy = person(api, org.bank, "钱副行长", reports_to_id=boss, decision_role="risk_control",
                    influence="influencer")
    loop = api.call("PATCH", f"/api/v1/key-people/{boss}", {"reports_to_id": deputy})
    assert loop.status_code == 400 and loop.json()["field"] == "reports_to_id", loop.text
    elsewhere = person(api, org.insurer, "孙总")
    across = api.call("PATCH", f"/api/v1/key-people/{deputy}", {"reports_to_id": elsewhere})
    assert across.status_code == 400 and across.json()["field"] == "reports_to_id"
    for bad in [{"decision_role": "chairman"}, {"influence": "boss"}, {"phone": "call me"},
                {"email": "nobody"}, {"touch_frequency_days": 0}, {"name": ""}, {"nickname": "x"}]:
        r = api.call("PATCH", f"/api/v1/key-people/{deputy}", bad)
        assert r.status_code == 400 and r.json()["field"] == next(iter(bad)), (bad, r.text)
    missing = api.call("POST", "/api/v1/key-people", {"client_id": org.bank, "name": "周"})
    assert missing.status_code == 400 and missing.json()["field"] == "decision_role"
    listed = api.call("GET", f"/api/v1/key-people?client_id={org.bank}&decision_role=risk_control")
    assert [p["id"] for p in listed.json()["items"]] == [deputy]


def test_a_person_who_moves_institution_is_moved_and_can_be_erased(org):
    api = org.li["api"]
    wu = person(api, org.bank, "吴总")
    moved = api.call("POST", f"/api/v1/key-people/{wu}/move",
                     {"client_id": org.insurer, "title": "首席投资官"})
    assert moved.status_code == 200, moved.text
    assert moved.json()["client_id"] == org.insurer and moved.json()["id"] == wu
    assert moved.json()["title"] == "首席投资官"
    again = api.call("POST", f"/api/v1/key-people/{wu}/move", {"client_id": org.insurer})
    assert again.status_code == 400 and again.json()["field"] == "client_id"

    assert api.call("POST", f"/api/v1/key-people/{wu}/erase").status_code == 403
    erased = org.admin.call("POST", f"/api/v1/key-people/{wu}/erase")
    assert erased.status_code == 200, erased.text
    body = erased.json()
    assert body["erased"] and body["name"] == "(erased)" and body["phone"] is None
    assert api.call("PATCH", f"/api/v1/key-people/{wu}", {"name": "吴"}).status_code == 409
    events = org.admin.call("GET", f"/api/v1/events?entity_type=key_person&entity_id={wu}")
    assert events.status_code == 200
    assert "吴总" not in events.text and "13912345678" not in events.text
    assert [e["type"] for e in events.json()["items"]] == [
        "key_person.created", "key_person.moved", "key_person.erased"]
