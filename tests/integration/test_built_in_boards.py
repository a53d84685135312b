"""Laurel's own leaderboards: client target achievement (the credited subscriptions of the
clients with a target ÷ those targets, per period) for people and departments, made when the
first client target of a period kind is set; and every campaign's achievement board, made with
the campaign. What they rank is Laurel's; managers may rename or archive them."""
import pytest

from org import Org, integration


@pytest.fixture(scope="module")
def org(laurel):
    org = Org(laurel, laurel.api().as_admin(), "bib")
    org.li = org.person("li", "sales", org.north_a)
    org.wang = org.person("wang", "sales", org.north)
    org.boss = org.person("boss", "manager", org.north)
    org.fund = org.product("bond")
    org.bank, org.trust, org.fund_co = (org.client(n) for n in ("目标银行", "目标信托", "无目标基金"))
    org.cover(org.bank, [{"staff_id": org.li["staff"], "role": "primary", "share_percent": 100}])
    org.cover(org.fund_co, [{"staff_id": org.li["staff"], "role": "primary", "share_percent": 100}])
    org.cover(org.trust, [{"staff_id": org.wang["staff"], "role": "primary", "share_percent": 100}])
    org.ta = integration(laurel, org.admin, "bib-ta")
    return org


def trade(org, external_id, client, amount, time, kind="申购"):
    r = org.ta.call("POST", "/api/v1/transactions", {
        "external_id": external_id, "client_id": client, "product_id": org.fund,
        "kind": kind, "amount": amount, "trade_time": time})
    assert r.status_code == 201, r.text


def target(org, subject_id, period, amount, subject_kind="staff", **scope):
    r = org.boss["api"].call("POST", "/api/v1/targets", {
        "subject_kind": subject_kind, "subject_id": subject_id, "metric": "subscription",
        "period": period, "target_amount": amount, **scope})
    assert r.status_code == 201, r.text
    return r.json()


def built_in(org, kind, **where):
    """The live built-in boards of `kind` whose members match `where`."""
    found, cursor = [], ""
    while cursor is not None:
        r = org.admin.call("GET", "/api/v1/boards?limit=100" + (f"&cursor={cursor}" if cursor else ""))
        assert r.status_code == 200, r.text
        found += [b for b in r.json()["items"] if b["built_in"] == kind
                  and all(b.get(k) == v for k, v in where.items())]
        cursor = r.json()["next_cursor"]
    return found


def rows(org, board_id, period):
    r = org.boss["api"].call("GET", f"/api/v1/boards/{board_id}/standings?period={period}"
                                    "&limit=200")
    assert r.status_code == 200, r.text
    return {row["subject_id"]: row for row in r.json()["items"]}


def test_client_target_achievement_ranks_the_clients_with_a_target(org):
    # No client target of a quarter yet in this Laurel (this module is the only one setting them).
    assert built_in(org, "client_target_achievement", period="quarter", subject="staff") == []
    trade(org, "BIB-1", org.bank, "1000.00", "2025-05-06T10:00:00+08:00")
    trade(org, "BIB-2", org.fund_co, "5000.00", "2025-05-07T10:00:00+08:00")  # no target on it
    trade(org, "BIB-3", org.trust, "600.00", "2025-05-08T10:00:00+08:00")
    trade(org, "BIB-4", org.bank, "800.00", "2025-05-09T10:00:00+08:00", kind="赎回")  # not one
    trade(org, "BIB-5", org.bank, "700.00", "2025-03-31T10:00:00+08:00")  # the quarter before
    li_bank = target(org, org.li["staff"], "2025-Q2", "2000.00", client_id=org.bank)
    target(org, org.wang["staff"], "2025-Q2", "500.00", client_id=org.trust)
    # A target of another metric or scope is not a client subscription target.
    target(org, org.li["staff"], "2025-Q2", "100.00")

    [board] = built_in(org, "client_target_achievement", period="quarter", subject="staff")
    assert board["name"] == "客户目标达成率（季度·个人）" and board["amounts"] is True
    assert board["denominator_metric_id"] is not None and board["scope"] == "company"
    standing = rows(org, board["id"], "2025-Q2")
    li, wang, boss = (standing[p["staff"]] for p in (org.li, org.wang, org.boss))
    # The standings say which board they are, built in too (from the engine's own copy).
    page = org.li["api"].call("GET", f"/api/v1/boards/{board['id']}/standings?period=2025-Q2")
    assert page.json()["board"]["built_in"] == "client_target_achievement"
    assert (wang["rank"], wang["value"], wang["target"], wang["percent"]) == (
        1, "600.00", "500.00", 120.0)
    assert (li["rank"], li["value"], li["target"], li["percent"]) == (2, "1000.00", "2000.00", 50.0)
    assert boss["no_target"] is True and boss["percent"] is None and boss["rank"] > 2
    # Each client's own ratio is its target's progress, and they add up to the board's figure.
    own = org.boss["api"].call("GET", f"/api/v1/targets/{li_bank['id']}").json()
    assert (own["achieved_amount"], own["achievement_percent"]) == ("1000.00", 50.0)

    # A later trade, a target raised and a second client's target all move the board.
    trade(org, "BIB-6", org.bank, "1000.00", "2025-06-30T23:00:00+08:00")
    changed = org.boss["api"].call("PATCH", f"/api/v1/targets/{li_bank['id']}",
                                   {"target_amount": "4000.00"})
    assert changed.status_code == 200, changed.text
    target(org, org.li["staff"], "2025-Q2", "1000.00", client_id=org.fund_co)
    li = rows(org, board["id"], "2025-Q2")[org.li["staff"]]
    assert (li["rank"], li["value"], li["target"], li["percent"]) == (1, "7000.00", "5000.00", 140.0)
    # The target deleted: that client's trades no longer count.
    gone = org.boss["api"].call("DELETE", f"/api/v1/targets/{li_bank['id']}")
    assert gone.status_code == 204, gone.text
    li = rows(org, board["id"], "2025-Q2")[org.li["staff"]]
    assert (li["value"], li["target"], li["percent"]) == ("5000.00", "1000.00", 500.0)
    # The quarter before has no targets: everyone there has "no target".
    assert rows(org, board["id"], "2025-Q1")[org.li["staff"]]["no_target"] is True


def test_departments_have_their_own_client_target_board(org):
    target(org, org.north, "2025-11", "3000.00", subject_kind="department", client_id=org.trust)
    trade(org, "BIB-7", org.trust, "1500.00", "2025-11-03T10:00:00+08:00")
    trade(org, "BIB-8", org.bank, "900.00", "2025-11-04T10:00:00+08:00")  # no target on it
    [board] = built_in(org, "client_target_achievement", period="month", subject="department")
    assert board["name"] == "客户目标达成率（月度·部门）"
    north = rows(org, board["id"], "2025-11")[org.north]
    # North's subtree (wang is in North itself) on the client it has a target for.
    assert (north["value"], north["target"], north["percent"]) == ("1500.00", "3000.00", 50.0)
    assert rows(org, board["id"], "2025-11")[org.north_a]["no_target"] is True
    # People's monthly board is another one, not made by a department's target.
    assert built_in(org, "client_target_achievement", period="month", subject="staff") == []


def test_every_campaign_gets_achievement_boards_for_people_and_departments(org):
    r = org.boss["api"].call("POST", "/api/v1/campaigns", {
        "name": "bib 债基冲刺", "starts_on": "2025-08-01", "ends_on": "2025-08-31",
        "target_amount": "10000.00", "product_ids": [org.fund], "department_ids": [org.north]})
    assert r.status_code == 201, r.text
    campaign = r.json()["id"]
    boards = built_in(org, "campaign_achievement", campaign_id=campaign)
    assert sorted((b["subject"], b["name"]) for b in boards) == [
        ("department", "bib 债基冲刺 达成率（部门）"), ("staff", "bib 债基冲刺 达成率（个人）")]
    assert {(b["period"], b["scope"]) for b in boards} == {("all", "campaign")}
    people = next(b for b in boards if b["subject"] == "staff")
    departments = next(b for b in boards if b["subject"] == "department")

    target(org, org.li["staff"], "2025-08", "2000.00", campaign_id=campaign)
    target(org, org.wang["staff"], "2025-Q3", "1000.00", campaign_id=campaign)
    target(org, org.north, "2025-08", "5000.00", subject_kind="department", campaign_id=campaign)
    trade(org, "BIB-9", org.bank, "1500.00", "2025-08-05T10:00:00+08:00")
    trade(org, "BIB-10", org.trust, "400.00", "2025-08-06T10:00:00+08:00")
    trade(org, "BIB-11", org.trust, "9000.00", "2025-09-02T10:00:00+08:00")  # after the window
    standing = rows(org, people["id"], "all")
    li, wang = standing[org.li["staff"]], standing[org.wang["staff"]]
    assert (li["rank"], li["value"], li["target"], li["percent"]) == (1, "1500.00", "2000.00", 75.0)
    assert (wang["rank"], wang["value"], wang["percent"]) == (2, "400.00", 40.0)
    # Only the campaign's participants are on it: the manager is in North too, without a target.
    assert standing[org.boss["staff"]]["no_target"] is True and len(standing) == 3
    north = rows(org, departments["id"], "all")[org.north]
    assert (north["value"], north["target"], north["percent"]) == ("1900.00", "5000.00", 38.0)


def test_a_campaign_of_the_whole_company_ranks_everyone(org):
    r = org.admin.call("POST", "/api/v1/campaigns", {  # the whole company's: an admin's
        "name": "bib 全公司债基月", "starts_on": "2025-10-01", "ends_on": "2025-10-31",
        "target_amount": "10000.00", "product_ids": [org.fund]})
    assert r.status_code == 201, r.text
    [people] = built_in(org, "campaign_achievement", campaign_id=r.json()["id"], subject="staff")
    target(org, org.li["staff"], "2025-10", "600.00", campaign_id=r.json()["id"])
    trade(org, "BIB-12", org.bank, "300.00", "2025-10-09T10:00:00+08:00")
    trade(org, "BIB-13", org.trust, "100.00", "2025-10-10T10:00:00+08:00")
    standing = rows(org, people["id"], "all")
    li, wang = standing[org.li["staff"]], standing[org.wang["staff"]]
    assert (li["rank"], li["value"], li["percent"]) == (1, "300.00", 50.0)
    # wang counts too (no departments or people named: everyone takes part), without a target.
    assert (wang["value"], wang["no_target"]) == ("100.00", True)


def test_what_a_built_in_board_ranks_stays_laurels(org):
    target(org, org.li["staff"], "2025", "1000.00", client_id=org.bank)
    [board] = built_in(org, "client_target_achievement", period="year", subject="staff")
    boss = org.boss["api"]
    other = boss.call("POST", "/api/v1/metrics", {"code": "bib.year.subs", "name": "年度认申购",
                                                  "kind": "sum", "subject": "staff",
                                                  "period": "year"})
    assert other.status_code == 201, other.text
    for change, field in [({"metric_id": other.json()["id"]}, "metric_id"),
                          ({"denominator_metric_id": None}, "denominator_metric_id"),
                          ({"pro_rate": True}, "pro_rate"),
                          ({"scope": "department", "department_id": org.north}, "scope")]:
        r = boss.call("PATCH", f"/api/v1/boards/{board['id']}", change)
        assert r.status_code == 400 and r.json()["field"] == field, (change, r.text)
    renamed = boss.call("PATCH", f"/api/v1/boards/{board['id']}",
                        {"name": "年度客户目标榜", "tie_policy": "dense", "public_top": 10})
    assert renamed.status_code == 200, renamed.text
    assert (renamed.json()["name"], renamed.json()["built_in"]) == (
        "年度客户目标榜", "client_target_achievement")
    # Its metrics' codes are Laurel's: nobody can take one.
    r = boss.call("POST", "/api/v1/metrics", {"code": "laurel.mine", "name": "mine",
                                               "kind": "sum", "subject": "staff",
                                               "period": "month"})
    assert r.status_code == 400 and r.json()["field"] == "code"
    # Archived, it stays archived: another year target does not bring it back.
    assert boss.call("DELETE", f"/api/v1/boards/{board['id']}").status_code == 204
    target(org, org.wang["staff"], "2025", "1000.00", client_id=org.trust)
    assert built_in(org, "client_target_achievement", period="year", subject="staff") == []


def test_metrics_of_targets_are_checked(org):
    admin = org.admin
    base = {"code": "bib.targets", "name": "目标合计", "kind": "sum", "source": "targets",
            "subject": "staff", "period": "quarter",
            "filter": {"target_scope": "client", "target_metric": "subscription"}}
    ok = admin.call("POST", "/api/v1/metrics", base)
    assert ok.status_code == 201, ok.text
    assert ok.json()["filter"]["target_scope"] == "client"
    assert ok.json()["filter"]["clients_with_target"] is None
    for change, field in [({"kind": "count"}, "kind"), ({"period": "week"}, "period"),
                          ({"subject": "client"}, "subject"),
                          ({"filter": {"target_scope": "team"}}, "filter.target_scope"),
                          ({"filter": {"target_metric": "calls"}}, "filter.target_metric"),
                          ({"filter": {"product_ids": [org.fund]}}, "filter"),
                          ({"filter": {"campaign_id": 1}}, "filter.campaign_id")]:
        body = {**base, "code": "bib.bad", **change}
        r = admin.call("POST", "/api/v1/metrics", body)
        assert r.status_code == 400 and r.json()["field"] == field, (change, r.text)
    trades = {"code": "bib.bad", "name": "x", "kind": "sum", "subject": "staff", "period": "month"}
    for change, field in [({"filter": {"target_scope": "client"}}, "filter.target_scope"),
                          ({"filter": {"clients_with_target": "subscription"},
                            "subject": "company"}, "subject"),
                          ({"filter": {"clients_with_target": "subscription"}, "period": "day"},
                           "period"),
                          ({"filter": {"clients_with_target": "revenue"}},
                           "filter.clients_with_target")]:
        r = admin.call("POST", "/api/v1/metrics", {**trades, **change})
        assert r.status_code == 400 and r.json()["field"] == field, (change, r.text)
