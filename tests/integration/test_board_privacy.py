"""Privacy on leaderboards: a person may hide from public boards — others see their rank and
figure without a name, they still see their own row and count for their department, managers see
everything (unless they ask for the public view, as the TV on the sales floor does); a board may
show only its top N, and below it each person their own neighbours. Snapshots follow today's
choice."""
import pytest

from board_setup import board, metric
from org import Org, integration


@pytest.fixture(scope="module")
def org(laurel):
    org = Org(laurel, laurel.api().as_admin(), "bpv")
    org.li = org.person("li", "sales", org.north_a)
    org.wang = org.person("wang", "sales", org.north)
    org.zhao = org.person("zhao", "sales", org.north)
    org.boss = org.person("boss", "manager", org.north)
    org.quiet = [org.person(f"q{i}", "sales", org.north) for i in range(4)]
    org.fund = org.product("bond")
    org.ta = integration(laurel, org.admin, "bpv-ta")
    org.subscriptions = metric(org, "bpv.subs.month", kind="sum",
                               filter={"product_ids": [org.fund]})
    org.by_department = metric(org, "bpv.dept.month", kind="sum", subject="department",
                               filter={"product_ids": [org.fund]})
    for who, amount in [(org.li, "1000.00"), (org.wang, "500.00"), (org.zhao, "200.00")]:
        client = org.client("隐私银行")
        org.cover(client, [{"staff_id": who["staff"], "role": "primary", "share_percent": 100}])
        r = org.ta.call("POST", "/api/v1/transactions", {
            "external_id": f"BPV-{who['staff']}", "client_id": client, "product_id": org.fund,
            "kind": "申购", "amount": amount, "trade_time": "2026-03-02T10:00:00+08:00"})
        assert r.status_code == 201, r.text
    return org


def rows(org, path, who, **query):
    query = "&".join(f"{k}={v}" for k, v in {"period": "2026-03", **query}.items())
    r = who["api"].call("GET", f"{path}?{query}")
    assert r.status_code == 200, r.text
    return r.json()


def privacy(who, hide):
    r = who["api"].call("PUT", "/api/v1/me/board-privacy", {"hide_from_boards": hide})
    assert r.status_code == 200, r.text
    assert r.json() == {"staff_id": who["staff"], "hide_from_boards": hide}


def test_a_person_hidden_from_public_boards_keeps_their_rank_but_not_their_name(org):
    b = board(org, name="隐私榜")
    path = f"/api/v1/boards/{b['id']}/standings"
    assert org.li["api"].call("GET", "/api/v1/me/board-privacy").json()["hide_from_boards"] is False
    privacy(org.li, True)
    assert org.li["api"].call("GET", "/api/v1/me/board-privacy").json()["hide_from_boards"] is True
    staff = org.admin.call("GET", f"/api/v1/staff/{org.li['staff']}").json()
    assert staff["hide_from_boards"] is True

    top = rows(org, path, org.wang)["items"][0]
    assert (top["rank"], top["value"], top["hidden"]) == (1, "1000.00", True)
    assert top["name"] is None and top["subject_id"] is None
    mine = rows(org, path, org.li)
    assert (mine["items"][0]["name"], mine["me"]["name"], mine["me"]["hidden"]) == ("li", "li", True)
    assert rows(org, path, org.boss)["items"][0]["name"] == "li", "managers see everything"
    public = rows(org, path, org.boss, audience="public")["items"][0]
    assert public["name"] is None, "the public view (the TV) hides them from a manager's login too"
    own_public = rows(org, path, org.li, audience="public")
    assert own_public["items"][0]["name"] is None and own_public["me"]["name"] is None, \
        "a TV signed in as li must not put li's name on the wall"
    # "N more to pass the person above": the amount, not the name.
    me = rows(org, path + "/me", org.wang)
    assert me["to_pass"]["subject"]["name"] is None and me["to_pass"]["more_needed"] == "500.01"
    assert [r["name"] for r in me["around"]][:2] == [None, "wang"]

    # Still counted for the department: North A's figure is li's.
    departments = board(org, name="部门隐私榜", metric_id=org.by_department)
    teams = {r["name"]: r["value"] for r in rows(
        org, f"/api/v1/boards/{departments['id']}/standings", org.wang)["items"]}
    assert teams["bpv North A"] == "1000.00"

    # Snapshots follow today's choice, both ways.
    shot = org.boss["api"].call("POST", f"/api/v1/boards/{b['id']}/snapshots", {"period": "2026-03"})
    assert shot.status_code == 201, shot.text
    snapshot = f"/api/v1/snapshots/{shot.json()['id']}"
    assert org.wang["api"].call("GET", snapshot).json()["items"][0]["name"] is None
    assert org.li["api"].call("GET", snapshot).json()["items"][0]["me"] is True
    privacy(org.li, False)
    assert org.wang["api"].call("GET", snapshot).json()["items"][0]["name"] == "li"
    assert rows(org, path, org.wang)["items"][0]["name"] == "li"


def test_a_top_n_board_shows_the_rest_only_their_neighbours(org):
    b = board(org, name="前一名榜", public_top=1)
    assert b["public_top"] == 1
    path = f"/api/v1/boards/{b['id']}/standings"
    everyone = rows(org, path, org.boss)
    assert everyone["restricted"] is False and everyone["total"] == 8
    assert len(everyone["items"]) == 8
    # wang is second (position 1): the top one, then positions 0-3 around wang.
    seen = rows(org, path, org.wang)
    assert seen["restricted"] is True and seen["total"] == 8
    assert [r["position"] for r in seen["items"]] == [0, 1, 2, 3]
    # The last of the quiet ones sees the leader, a gap, and their own neighbourhood.
    last = org.quiet[-1]
    mine = rows(org, path, last)
    position = mine["me"]["position"]
    assert [r["position"] for r in mine["items"]] == [0] + list(range(max(1, position - 2), 8))
    assert position >= 5
    shot = org.boss["api"].call("POST", f"/api/v1/boards/{b['id']}/snapshots", {"period": "2026-03"})
    frozen = org.wang["api"].call("GET", f"/api/v1/snapshots/{shot.json()['id']}").json()
    assert frozen["restricted"] is True and [r["position"] for r in frozen["items"]] == [0, 1, 2, 3]
    assert len(org.boss["api"].call("GET", f"/api/v1/snapshots/{shot.json()['id']}").json()[
        "items"]) == 8
    r = org.boss["api"].call("PATCH", f"/api/v1/boards/{b['id']}", {"public_top": None})
    assert r.status_code == 200 and r.json()["public_top"] is None
    assert rows(org, path, org.wang)["restricted"] is False


def test_bad_privacy_input_is_refused_naming_the_field(org):
    for body, field in [({"hide_from_boards": "yes"}, "hide_from_boards"), ({}, "hide_from_boards"),
                        ({"hide_from_boards": True, "colour": "red"}, "colour")]:
        r = org.wang["api"].call("PUT", "/api/v1/me/board-privacy", body)
        assert r.status_code == 400 and r.json()["field"] == field, (body, r.text)
    assert org.wang["api"].call("GET", "/api/v1/me/board-privacy").json()["hide_from_boards"] is False
    # An admin without a staff record has nothing to hide.
    assert org.admin.call("GET", "/api/v1/me/board-privacy").status_code == 404
    for top in [0, 1001, "3", 2.5]:
        r = org.boss["api"].call("POST", "/api/v1/boards", {
            "name": "坏榜", "metric_id": org.subscriptions, "public_top": top})
        assert r.status_code == 400 and r.json()["field"] == "public_top", (top, r.text)
    b = board(org, name="受众榜")
    r = org.wang["api"].call("GET", f"/api/v1/boards/{b['id']}/standings?audience=everyone")
    assert r.status_code == 400 and r.json()["field"] == "audience"
