"""Leaderboards as data: a manager defines what is ranked and how ties go; the standings follow
the trades posted a moment ago, answered from the engine's memory — a page, my own row, the
people around me and how much it takes to pass the one above; ratios to a target rank
achievement, with "no target" last; boards for managers stay hidden from salespeople."""
import time

import pytest

from live import SseClient
from board_setup import board, metric
from org import Org, integration


@pytest.fixture(scope="module")
def org(laurel):
    org = Org(laurel, laurel.api().as_admin(), "bx")
    # North's board: li (North A, under North), wang and the manager (North); han is South's.
    org.li = org.person("li", "sales", org.north_a)
    org.wang = org.person("wang", "sales", org.north)
    org.boss = org.person("boss", "manager", org.north)
    org.han = org.person("han", "sales", org.south)
    org.fund = org.product("bond")
    org.bank = org.client("榜单银行")
    org.trust = org.client("榜单信托")
    org.cover(org.bank, [{"staff_id": org.li["staff"], "role": "primary", "share_percent": 100}])
    org.cover(org.trust, [{"staff_id": org.wang["staff"], "role": "primary", "share_percent": 100}])
    org.ta = integration(laurel, org.admin, "bx-ta")
    org.subscriptions = metric(org, "bx.subs.month", kind="sum",
                               filter={"product_ids": [org.fund]})
    org.targets = metric(org, "bx.target.month", kind="imported")
    org.weekly = metric(org, "bx.subs.week", kind="sum", period="week")
    return org


def trade(org, external_id, client, amount, time):
    r = org.ta.call("POST", "/api/v1/transactions", {
        "external_id": external_id, "client_id": client, "product_id": org.fund,
        "kind": "申购", "amount": amount, "trade_time": time})
    assert r.status_code == 201, r.text


def standings(org, board_id, who=None, **query):
    query = "&".join(f"{k}={v}" for k, v in {"period": "2026-03", **query}.items())
    r = (who or org.boss)["api"].call("GET", f"/api/v1/boards/{board_id}/standings?{query}")
    assert r.status_code == 200, r.text
    return r.json()


def ranks(page):
    return [(row["name"], row["rank"]) for row in page["items"]]


def test_a_board_ranks_its_scope_live_and_answers_my_row(org):
    b = board(org)
    assert (b["subject"], b["period"], b["tie_policy"], b["amounts"]) == (
        "staff", "month", "competition", True)
    # Before any trade, everyone in North is on the board, level at 0.
    page = standings(org, b["id"])
    assert page["total"] == 3 and {r["rank"] for r in page["items"]} == {1}
    trade(org, "BX-1", org.bank, "1000.00", "2026-03-02T10:00:00+08:00")
    trade(org, "BX-2", org.trust, "500.00", "2026-03-03T10:00:00+08:00")
    page = standings(org, b["id"], who=org.li)
    assert ranks(page) == [("li", 1), ("wang", 2), ("boss", 3)]
    assert page["items"][0]["value"] == "1000.00" and page["items"][0]["me"] is True
    assert page["me"]["name"] == "li" and page["tie_policy"] == "competition"
    assert [r["name"] for r in standings(org, b["id"], offset=1, limit=1)["items"]] == ["wang"]

    mine = org.wang["api"].call("GET", f"/api/v1/boards/{b['id']}/standings/me?period=2026-03"
                                       "&around=1")
    assert mine.status_code == 200, mine.text
    mine = mine.json()
    assert mine["me"]["rank"] == 2 and [r["name"] for r in mine["around"]] == ["li", "wang", "boss"]
    assert mine["to_pass"]["subject"]["name"] == "li"
    assert mine["to_pass"]["more_needed"] == "500.01"
    # The manager has a staff record on the board too; an admin without one has no row.
    top = org.li["api"].call("GET", f"/api/v1/boards/{b['id']}/standings/me?period=2026-03")
    assert top.json()["to_pass"] is None
    admin = org.admin.call("GET", f"/api/v1/boards/{b['id']}/standings/me?period=2026-03").json()
    assert admin["me"] is None and admin["around"] == []

    # Level at 1000: competition ranks share and skip; dense does not skip; first to reach puts
    # li (there on 2 March) above wang (on 4 March).
    trade(org, "BX-3", org.trust, "500.00", "2026-03-04T10:00:00+08:00")
    assert ranks(standings(org, b["id"])) == [("li", 1), ("wang", 1), ("boss", 3)]
    for policy, expected in [("dense", [("li", 1), ("wang", 1), ("boss", 2)]),
                             ("first_to_reach", [("li", 1), ("wang", 2), ("boss", 3)])]:
        r = org.boss["api"].call("PATCH", f"/api/v1/boards/{b['id']}", {"tie_policy": policy})
        assert r.status_code == 200, r.text
        assert r.json()["tie_policy"] == policy and r.json()["name"] == "北区认购榜"
        page = standings(org, b["id"])
        assert page["tie_policy"] == policy and ranks(page) == expected
    assert page["items"][1]["reached_at"] == "2026-03-04T02:00:00.000000Z"
    assert page["items"][2]["reached_at"] is None
    # A cancelled trade leaves the board at once.
    listed = org.ta.call("GET", "/api/v1/transactions?external_id=BX-3").json()["items"]
    r = org.ta.call("PATCH", f"/api/v1/transactions/{listed[0]['id']}", {"status": "cancelled"})
    assert r.status_code == 200, r.text
    assert ranks(standings(org, b["id"]))[:2] == [("li", 1), ("wang", 2)]
    # Another month is another ranking; the current one is the default period.
    assert standings(org, b["id"], period="2026-04")["items"][0]["value"] == "0.00"
    current = org.boss["api"].call("GET", f"/api/v1/boards/{b['id']}/standings")
    assert current.status_code == 200 and current.json()["period"] != "2026-03"


def test_a_ratio_board_ranks_achievement_and_puts_no_target_last(org):
    b = board(org, name="北区达成率", denominator_metric_id=org.targets)
    r = org.ta.call("POST", f"/api/v1/metrics/{org.targets}/values", {"values": [
        {"subject_id": org.li["staff"], "date": "2026-03-01", "value": "4000.00"},
        {"subject_id": org.wang["staff"], "date": "2026-03-01", "value": "500.00"}]})
    assert r.status_code == 200, r.text
    page = standings(org, b["id"])
    rows = {row["name"]: row for row in page["items"]}
    assert [row["name"] for row in page["items"]] == ["wang", "li", "boss"]
    assert (rows["wang"]["percent"], rows["wang"]["target"]) == (100.0, "500.00")
    assert rows["li"]["percent"] == 25.0
    assert rows["boss"]["no_target"] is True and rows["boss"]["percent"] is None
    assert rows["boss"]["rank"] == 3
    mine = org.li["api"].call("GET", f"/api/v1/boards/{b['id']}/standings/me?period=2026-03")
    # 4000 × 100% = 4000 ties wang; one fen more passes.
    assert mine.json()["to_pass"]["more_needed"] == "3000.01"


def test_boards_for_managers_are_hidden_from_salespeople(org):
    b = board(org, name="经理内部榜", visibility="managers")
    names = [x["name"] for x in org.li["api"].call("GET", "/api/v1/boards?limit=200").json()[
        "items"]]
    assert "经理内部榜" not in names and "北区认购榜" in names
    assert org.li["api"].call("GET", f"/api/v1/boards/{b['id']}").status_code == 404
    assert org.li["api"].call("GET", f"/api/v1/boards/{b['id']}/standings").status_code == 404
    assert org.boss["api"].call("GET", f"/api/v1/boards/{b['id']}").json()["visibility"] == \
        "managers"
    # Salespeople read boards; they do not define them.
    r = org.li["api"].call("POST", "/api/v1/boards", {"name": "x", "metric_id": org.subscriptions})
    assert r.status_code == 403
    assert org.laurel.api().call("GET", "/api/v1/boards", token="").status_code == 401
    # Archived: gone from the list and the engine.
    assert org.boss["api"].call("DELETE", f"/api/v1/boards/{b['id']}").status_code == 204
    assert org.boss["api"].call("GET", f"/api/v1/boards/{b['id']}").status_code == 404
    assert org.boss["api"].call("DELETE", f"/api/v1/boards/{b['id']}").status_code == 404


@pytest.mark.parametrize("change, field", [
    ({"metric_id": 999999}, "metric_id"),
    ({"metric_id": "x"}, "metric_id"),
    ({"metric_id": None}, "metric_id"),
    ({"name": " "}, "name"),
    ({"denominator_metric_id": 999999}, "denominator_metric_id"),
    ({"tie_breaker_metric_id": "weekly"}, "tie_breaker_metric_id"),
    ({"tie_policy": "olympic"}, "tie_policy"),
    ({"order": "up"}, "order"),
    ({"visibility": "secret"}, "visibility"),
    ({"scope": "galaxy"}, "scope"),
    ({"scope": "department", "department_id": None}, "department_id"),
    ({"scope": "department", "department_id": 999999}, "department_id"),
    ({"scope": "campaign", "department_id": None, "campaign_id": 999999}, "campaign_id"),
    ({"scope": "company", "department_id": 1}, "department_id"),
    ({"colour": "gold"}, "colour"),
])
def test_bad_boards_are_refused_naming_the_field_and_nothing_is_written(org, change, field):
    before = len(org.boss["api"].call("GET", "/api/v1/boards?limit=200").json()["items"])
    body = {"name": "坏榜", "metric_id": org.subscriptions, "scope": "department",
            "department_id": org.north}
    body.update(change)
    if change.get("tie_breaker_metric_id") == "weekly":
        body["tie_breaker_metric_id"] = org.weekly  # counted by weeks, the board by months
    r = org.boss["api"].call("POST", "/api/v1/boards", body)
    assert r.status_code == 400, r.text
    assert r.json()["field"] == field, r.text
    assert len(org.boss["api"].call("GET", "/api/v1/boards?limit=200").json()["items"]) == before


def test_a_company_metric_cannot_be_ranked_and_bad_queries_are_refused(org):
    company = org.boss["api"].call("POST", "/api/v1/metrics", {
        "code": "bx.company", "name": "全公司", "kind": "count", "source": "visits",
        "subject": "company", "period": "month"}).json()["id"]
    r = org.boss["api"].call("POST", "/api/v1/boards", {"name": "x", "metric_id": company})
    assert r.status_code == 400 and r.json()["field"] == "metric_id"
    b = board(org, name="查询校验榜")
    for query, field in [("period=2026-W10", "period"), ("period=2026-13", "period"),
                         ("limit=0", "limit"), ("limit=201", "limit"), ("offset=-1", "offset"),
                         ("sort=name", "sort")]:
        r = org.boss["api"].call("GET", f"/api/v1/boards/{b['id']}/standings?{query}")
        assert r.status_code == 400 and r.json()["field"] == field, (query, r.text)
    r = org.boss["api"].call("GET", f"/api/v1/boards/{b['id']}/standings/me?around=11")
    assert r.status_code == 400 and r.json()["field"] == "around"
    r = org.boss["api"].call("PATCH", f"/api/v1/boards/{b['id']}", {"scope": "campaign"})
    assert r.status_code == 400 and r.json()["field"] == "campaign_id"
    assert org.boss["api"].call("GET", f"/api/v1/boards/{b['id']}").json()["scope"] == "department"
    assert org.boss["api"].call("GET", "/api/v1/boards/999999/standings").status_code == 404
    assert org.boss["api"].call("PATCH", "/api/v1/boards/999999", {"name": "x"}).status_code == 404


def board_changes(client, board_id, seconds):
    """The board_changed events for `board_id` arriving within `seconds`."""
    return [e for e in client.quiet(seconds)
            if e["event"] == "board_changed" and e["data"]["board_id"] == board_id]


def test_open_pages_are_told_when_a_board_moves_at_most_once_a_second(org):
    b = board(org, name="直播榜")
    hidden = board(org, name="经理直播榜", visibility="managers")
    sales = SseClient(org.laurel.base, token=org.wang["api"].token)
    boss = SseClient(org.laurel.base, token=org.boss["api"].token)
    try:
        for client in (sales, boss):
            client.until(lambda e: e["event"] == "ready")
            board_changes(client, b["id"], 1.2)  # whatever the boards' creation caused
        trade(org, "BX-L1", org.trust, "100.00", "2026-03-10T10:00:00+08:00")
        told = sales.until(lambda e: e["event"] == "board_changed"
                           and e["data"]["board_id"] == b["id"])[-1]
        assert told["id"] is None and told["data"]["periods"] == ["2026-03"]
        # The managers' board moved too, but only the manager hears of it.
        boss_heard = boss.until(lambda e: e["event"] == "board_changed"
                                and e["data"]["board_id"] == hidden["id"])
        assert boss_heard[-1]["data"]["periods"] == ["2026-03"]
        assert all(e["data"]["board_id"] != hidden["id"] for e in sales.quiet(1.2)
                   if e["event"] == "board_changed")
        # Five trades in quick succession, two months: one message now (or none, if the first
        # second is not over), the rest merged into the next — never one per trade.
        started = time.monotonic()
        for i, day in enumerate(["03-11", "03-12", "04-01", "04-02", "04-03"]):
            trade(org, f"BX-L{i + 2}", org.trust, "100.00", f"2026-{day}T10:00:00+08:00")
        changes = board_changes(sales, b["id"], 2.5)
        assert 1 <= len(changes) <= 2 + int(time.monotonic() - started), changes
        assert set(p for c in changes for p in c["data"]["periods"]) == {"2026-03", "2026-04"}
        # What the page then fetches shows the trades.
        assert standings(org, b["id"], who=org.wang)["me"]["value"] == "800.00"  # 500 + 3 × 100
    finally:
        sales.close()
        boss.close()


def test_a_frozen_board_stays_as_it_was_and_gives_the_arrows(org):
    b = board(org, name="周会榜", snapshot_schedule={"weekday": "monday", "time": "08:00"},
              close_grace_days=2)
    assert b["snapshot_schedule"] == {"weekday": "monday", "time": "08:00"}
    assert b["close_grace_days"] == 2
    # No snapshot yet: nothing to compare with.
    page = standings(org, b["id"])
    assert page["compared_with"] is None and page["items"][0]["movement"] is None
    watching = SseClient(org.laurel.base, token=org.wang["api"].token)
    try:
        watching.until(lambda e: e["event"] == "ready")
        r = org.boss["api"].call("POST", f"/api/v1/boards/{b['id']}/snapshots",
                                 {"period": "2026-03"})
        assert r.status_code == 201, r.text
        # Open pages are told, so their arrows compare with the new snapshot at once.
        told = watching.until(lambda e: e["event"] == "board_changed"
                              and e["data"]["board_id"] == b["id"], timeout=5)[-1]
        assert told["data"]["periods"] == ["2026-03"]
    finally:
        watching.close()
    frozen = r.json()
    assert r.headers["Location"] == f"/api/v1/snapshots/{frozen['id']}"
    assert (frozen["kind"], frozen["period"], frozen["changed_since"]) == ("manual", "2026-03",
                                                                           False)
    before = [(x["name"], x["rank"], x["value"]) for x in frozen["items"]]
    assert before[0][0] == "li" and frozen["total"] == 3
    # A late record for March moves wang past li; the snapshot stays as it was and says so.
    trade(org, "BX-S1", org.trust, "5000.00", "2026-03-20T10:00:00+08:00")
    got = org.wang["api"].call("GET", f"/api/v1/snapshots/{frozen['id']}")
    assert got.status_code == 200, got.text
    assert [(x["name"], x["rank"], x["value"]) for x in got.json()["items"]] == before
    assert got.json()["changed_since"] is True
    # The live standings compare with it: wang up one, li down one.
    page = standings(org, b["id"], who=org.wang)
    assert page["compared_with"]["id"] == frozen["id"]
    moves = {x["name"]: (x["previous_rank"], x["movement"]) for x in page["items"]}
    assert moves["wang"] == (2, 1) and moves["li"] == (1, -1)
    assert page["me"]["movement"] == 1
    listed = org.li["api"].call("GET", f"/api/v1/boards/{b['id']}/snapshots").json()
    assert [s["id"] for s in listed["items"]] == [frozen["id"]] and "items" not in listed["items"][0]
    # Salespeople read snapshots but do not take them; bad input names the field.
    assert org.li["api"].call("POST", f"/api/v1/boards/{b['id']}/snapshots",
                              {}).status_code == 403
    for body, field in [({"period": "2026-W10"}, "period"), ({"period": "soon"}, "period"),
                        ({"when": "now"}, "when")]:
        r = org.boss["api"].call("POST", f"/api/v1/boards/{b['id']}/snapshots", body)
        assert r.status_code == 400 and r.json()["field"] == field, r.text
    assert org.boss["api"].call("GET", "/api/v1/snapshots/999999").status_code == 404
    for schedule, field in [({"weekday": "moonday", "time": "08:00"}, "snapshot_schedule.weekday"),
                            ({"weekday": "monday", "time": "8:00"}, "snapshot_schedule.time"),
                            ({"weekday": "monday", "time": "24:00"}, "snapshot_schedule.time"),
                            ({"weekday": "monday"}, "snapshot_schedule.time"),
                            ("monday", "snapshot_schedule")]:
        r = org.boss["api"].call("PATCH", f"/api/v1/boards/{b['id']}",
                                 {"snapshot_schedule": schedule})
        assert r.status_code == 400 and r.json()["field"] == field, (schedule, r.text)
    r = org.boss["api"].call("PATCH", f"/api/v1/boards/{b['id']}", {"close_grace_days": 32})
    assert r.status_code == 400 and r.json()["field"] == "close_grace_days"
    # A snapshot of a board for managers only is hidden like the board.
    hidden = board(org, name="经理快照榜", visibility="managers")
    shot = org.boss["api"].call("POST", f"/api/v1/boards/{hidden['id']}/snapshots", {}).json()
    assert org.li["api"].call("GET", f"/api/v1/snapshots/{shot['id']}").status_code == 404
    assert org.li["api"].call("GET", f"/api/v1/boards/{hidden['id']}/snapshots").status_code == 404


def test_my_row_follows_the_staff_record_my_login_is_linked_to(org):
    b = board(org, name="关联榜")
    staff = org.admin.call("POST", "/api/v1/staff", {"name": "zhou", "department_id": org.north,
                                                     "effective_from": "2025-01-01"})
    assert staff.status_code == 201, staff.text
    user = org.admin.call("POST", "/api/v1/users", {"username": "bx.zhou", "display_name": "zhou",
                                                    "role": "sales", "password": "correct horse battery"})
    assert user.status_code == 201, user.text
    api = org.laurel.api()
    api.token = api.login("bx.zhou", "correct horse battery")["token"]
    path = f"/api/v1/boards/{b['id']}/standings/me?period=2026-03"
    assert api.call("GET", path).json()["me"] is None
    linked = org.admin.call("PATCH", f"/api/v1/staff/{staff.json()['id']}",
                            {"user_id": user.json()["id"]})
    assert linked.status_code == 200, linked.text
    assert api.call("GET", path).json()["me"]["name"] == "zhou"
    unlinked = org.admin.call("PATCH", f"/api/v1/staff/{staff.json()['id']}", {"user_id": None})
    assert unlinked.status_code == 200, unlinked.text
    assert api.call("GET", path).json()["me"] is None
