"""Campaigns, targets and opportunities over HTTP: progress from real trades and visits, who
may plan what, the stage history, and the targets in a salesperson's day."""
import datetime
from zoneinfo import ZoneInfo

import pytest

from org import Org, integration


@pytest.fixture(scope="module")
def org(laurel):
    org = Org(laurel, laurel.api().as_admin(), "plan")
    org.li = org.person("li", "sales", org.north_a)
    org.han = org.person("han", "sales", org.south)
    org.boss = org.person("boss", "manager", org.north)
    org.ops = org.person("ops", "service", org.south)
    org.bank = org.client("计划银行")
    org.equity, org.cash = org.product("equity"), org.product("money_market")
    org.cover(org.bank, [{"staff_id": org.li["staff"], "role": "primary", "share_percent": 60},
                         {"staff_id": org.han["staff"], "role": "secondary", "share_percent": 40}],
              "2026-01-01")
    ta = integration(laurel, org.admin, "plan-ta")
    for n, (product, kind, amount, time) in enumerate([
            (org.equity, "申购", "1000.00", "2026-06-30T10:00:00+08:00"),
            (org.equity, "认购", "500.00", "2026-07-15T10:00:00+08:00"),
            (org.cash, "申购", "700.00", "2026-07-16T10:00:00+08:00"),
            (org.equity, "赎回", "300.00", "2026-07-20T10:00:00+08:00"),
            (org.equity, "申购", "900.00", "2026-08-05T10:00:00+08:00")]):
        r = ta.call("POST", "/api/v1/transactions", {
            "external_id": f"PLAN-{n}", "client_id": org.bank, "product_id": product,
            "kind": kind, "amount": amount, "trade_time": time})
        assert r.status_code == 201, r.text
    return org


def test_a_campaign_counts_its_products_in_its_window_for_its_participants(org):
    body = {"name": "plan 夏季权益季", "description": "权益产品夏季营销",
            "starts_on": "2026-07-01", "ends_on": "2026-07-31", "target_amount": "1000.00",
            "product_ids": [org.equity], "department_ids": [org.north]}
    r = org.boss["api"].call("POST", "/api/v1/campaigns", body)
    assert r.status_code == 201, r.text
    campaign = r.json()
    assert r.headers["Location"] == f"/api/v1/campaigns/{campaign['id']}"
    # 15 July's 认购: 李雷's 60% (North A is under North); not 韩梅梅's 40% (South), not the
    # money-market trade, the redemption, or the trades outside July.
    assert (campaign["subscription_amount"], campaign["achievement_percent"]) == ("300.00", 30.0)
    assert campaign["status"] == "ended" and campaign["cost_total"] == "0.00"

    wider = org.admin.call("PATCH", f"/api/v1/campaigns/{campaign['id']}",
                           {"department_ids": [org.north, org.south], "description": None})
    assert wider.status_code == 200, wider.text
    assert wider.json()["subscription_amount"] == "500.00"
    assert wider.json()["description"] is None
    assert org.boss["api"].call("PATCH", f"/api/v1/campaigns/{campaign['id']}",
                                {"target_amount": "2000"}).status_code == 403, \
        "South takes part now: North's manager no longer runs it alone"

    seen = org.li["api"].call("GET", f"/api/v1/campaigns?active_on=2026-07-10&product_id={org.equity}")
    assert seen.status_code == 200
    assert [c["id"] for c in seen.json()["items"]] == [campaign["id"]]
    assert org.li["api"].call("GET", "/api/v1/campaigns?active_on=2026-08-10").json()["items"] == []
    assert org.ops["api"].call("GET", "/api/v1/campaigns").status_code == 403, \
        "service staff see no amounts"
    assert org.li["api"].call("POST", "/api/v1/campaigns", body).status_code == 403


def test_a_metric_filtered_by_a_campaign_agrees_with_the_campaigns_progress(org):
    body = {"name": "plan 七月权益", "starts_on": "2026-07-01", "ends_on": "2026-07-31",
            "target_amount": "1000.00", "product_ids": [org.equity], "department_ids": [org.north]}
    campaign = org.admin.call("POST", "/api/v1/campaigns", body).json()

    def define(code, subject):
        r = org.admin.call("POST", "/api/v1/metrics", {
            "code": code, "name": code, "kind": "sum", "subject": subject, "period": "all",
            "filter": {"campaign_id": campaign["id"], "transaction_kinds": ["认购", "申购"]}})
        assert r.status_code == 201, r.text
        assert r.json()["filter"]["campaign_id"] == campaign["id"]
        return r.json()

    def figures(metric):
        r = org.admin.call("GET", f"/api/v1/metrics/{metric['id']}/values?period=all")
        return {i["subject_id"]: i["amount"] for i in r.json()["items"]}

    company, people = define("plan.july.company", "company"), define("plan.july.staff", "staff")
    # North takes part: 李雷's 60% of 15 July's 认购, as the campaign's own progress says.
    assert figures(company) == {0: campaign["subscription_amount"]} == {0: "300.00"}
    assert figures(people) == {org.li["staff"]: "300.00"}
    org.admin.call("PATCH", f"/api/v1/campaigns/{campaign['id']}",
                   {"department_ids": [org.north, org.south]})
    assert figures(company) == {0: "500.00"}, "South joined: 韩梅梅's 40% counts now"
    assert figures(people) == {org.li["staff"]: "300.00", org.han["staff"]: "200.00"}
    for bad, field in [({"campaign_id": 99999999}, "filter.campaign_id"),
                       ({"campaign_id": "x"}, "filter.campaign_id")]:
        r = org.admin.call("POST", "/api/v1/metrics", {
            "code": "plan.bad", "name": "bad", "kind": "count", "subject": "company",
            "period": "all", "filter": bad})
        assert r.status_code == 400 and r.json()["field"] == field, r.text
    visits = org.admin.call("POST", "/api/v1/metrics", {
        "code": "plan.bad", "name": "bad", "kind": "count", "source": "visits",
        "subject": "company", "period": "all", "filter": {"campaign_id": campaign["id"]}})
    assert visits.status_code == 400 and visits.json()["field"] == "filter.campaign_id"


@pytest.mark.parametrize("change, field", [
    ({"ends_on": "2026-06-30"}, "ends_on"),
    ({"product_ids": []}, "product_ids"),
    ({"product_ids": [99999999]}, "product_ids"),
    ({"department_ids": [99999999]}, "department_ids"),
    ({"target_amount": "1.005"}, "target_amount"),
    ({"target_amount": "-1"}, "target_amount"),
    ({"starts_on": "2026-02-30"}, "starts_on"),
    ({"name": ""}, "name"),
    ({"colour": "red"}, "colour"),
])
def test_bad_campaigns_are_refused_naming_the_field(org, change, field):
    body = {"name": f"plan bad {field}", "starts_on": "2026-07-01", "ends_on": "2026-07-31",
            "target_amount": "1000", "product_ids": [org.equity]}
    body.update(change)
    r = org.admin.call("POST", "/api/v1/campaigns", body)
    assert r.status_code == 400, r.text
    assert r.json()["field"] == field
    listed = org.admin.call("GET", "/api/v1/campaigns?limit=200").json()["items"]
    assert all(c["name"] != body["name"] for c in listed), "nothing was written"


def test_campaign_costs_are_entered_listed_and_removed(org):
    r = org.admin.call("POST", "/api/v1/campaigns", {
        "name": "plan 路演季", "starts_on": "2026-09-01", "ends_on": "2026-09-30",
        "target_amount": "0", "product_ids": [org.equity], "department_ids": [org.north]})
    assert r.status_code == 201, r.text
    campaign = r.json()["id"]
    assert r.json()["achievement_percent"] is None, "no target, no percentage"
    first = org.boss["api"].call("POST", f"/api/v1/campaigns/{campaign}/costs", {
        "incurred_on": "2026-09-10", "category": "event", "amount": "12000.50",
        "description": "上海路演场地"})
    assert first.status_code == 201, first.text
    second = org.admin.call("POST", f"/api/v1/campaigns/{campaign}/costs", {
        "incurred_on": "2026-09-02", "category": "materials", "amount": "999.50"})
    assert second.status_code == 201
    costs = org.boss["api"].call("GET", f"/api/v1/campaigns/{campaign}/costs").json()["items"]
    assert [c["amount"] for c in costs] == ["999.50", "12000.50"], "by day"
    assert org.li["api"].call("GET", f"/api/v1/campaigns/{campaign}").json()["cost_total"] == "13000.00"
    assert org.li["api"].call("GET", f"/api/v1/campaigns/{campaign}/costs").status_code == 403
    bad = org.admin.call("POST", f"/api/v1/campaigns/{campaign}/costs", {
        "incurred_on": "2026-09-02", "category": "bribes", "amount": "1"})
    assert bad.status_code == 400 and bad.json()["field"] == "category"
    assert org.boss["api"].call(
        "DELETE", f"/api/v1/campaigns/{campaign}/costs/{first.json()['id']}").status_code == 204
    assert org.admin.call(
        "DELETE", f"/api/v1/campaigns/{campaign}/costs/{first.json()['id']}").status_code == 404
    assert org.admin.call("GET", f"/api/v1/campaigns/{campaign}").json()["cost_total"] == "999.50"
    assert org.admin.call("GET", "/api/v1/campaigns/99999999/costs").status_code == 404


def test_targets_show_progress_and_follow_the_managers_scope(org):
    boss = org.boss["api"]
    r = boss.call("POST", "/api/v1/targets", {
        "subject_kind": "staff", "subject_id": org.li["staff"], "metric": "subscription",
        "period": "2026-Q3", "target_amount": "1000.00"})
    assert r.status_code == 201, r.text
    target = r.json()
    # Q3 for 李雷: 60% of 500 + 700 + 900 (the money-market fund counts in "subscription").
    assert (target["achieved_amount"], target["achieved_count"]) == ("1260.00", None)
    assert target["achievement_percent"] == 126.0
    assert (target["period_start"], target["period_end"]) == ("2026-07-01", "2026-09-30")

    net = boss.call("POST", "/api/v1/targets", {
        "subject_kind": "department", "subject_id": org.north, "metric": "net_flow",
        "period": "2026-07", "target_amount": "100"})
    assert net.status_code == 201, net.text
    assert net.json()["achieved_amount"] == "540.00", "North's 60% of 500 + 700 - 300"

    again = boss.call("POST", "/api/v1/targets", {
        "subject_kind": "staff", "subject_id": org.li["staff"], "metric": "subscription",
        "period": "2026-Q3", "target_amount": "5"})
    assert again.status_code == 409 and again.json()["field"] == "period"
    outside = boss.call("POST", "/api/v1/targets", {
        "subject_kind": "staff", "subject_id": org.han["staff"], "metric": "visits",
        "period": "2026-Q3", "target_count": 10})
    assert outside.status_code == 403, "韩梅梅 works in South"
    wrong = boss.call("POST", "/api/v1/targets", {
        "subject_kind": "staff", "subject_id": org.li["staff"], "metric": "visits",
        "period": "2026-Q3", "target_amount": "10"})
    assert wrong.status_code == 400 and wrong.json()["field"] == "target_amount"
    assert boss.call("POST", "/api/v1/targets", {
        "subject_kind": "staff", "subject_id": org.li["staff"], "metric": "visits",
        "period": "2026-13", "target_count": 10}).json()["field"] == "period"

    changed = boss.call("PATCH", f"/api/v1/targets/{target['id']}", {"target_amount": "2520"})
    assert changed.status_code == 200 and changed.json()["achievement_percent"] == 50.0
    assert org.li["api"].call("PATCH", f"/api/v1/targets/{target['id']}",
                              {"target_amount": "1"}).status_code == 403

    mine = org.li["api"].call("GET", "/api/v1/targets?metric=subscription")
    assert [t["id"] for t in mine.json()["items"]] == [target["id"]]
    assert org.han["api"].call("GET", f"/api/v1/targets/{target['id']}").status_code == 404
    assert org.li["api"].call("GET", "/api/v1/targets?covering=2026-08-15").json()["items"][0][
        "id"] == target["id"]
    assert org.li["api"].call("GET", "/api/v1/targets?metric=calls").status_code == 400

    assert boss.call("DELETE", f"/api/v1/targets/{net.json()['id']}").status_code == 204
    assert boss.call("GET", f"/api/v1/targets/{net.json()['id']}").status_code == 404


def test_my_day_shows_this_periods_own_targets_with_progress(org):
    # A moment ago, and the company day it fell on (just after midnight in Shanghai, "00:30
    # today" would still be in the future).
    moment = (datetime.datetime.now(ZoneInfo("Asia/Shanghai")).replace(microsecond=0)
              - datetime.timedelta(seconds=1))
    today = moment.date()
    r = org.boss["api"].call("POST", "/api/v1/targets", {
        "subject_kind": "staff", "subject_id": org.li["staff"], "metric": "visits",
        "period": today.strftime("%Y-%m"), "target_count": 4})
    assert r.status_code == 201, r.text
    visit = org.li["api"].call("POST", "/api/v1/visits", {
        "client_id": org.bank, "kind": "call", "notes": "电话沟通",
        "occurred_at": moment.isoformat()})
    assert visit.status_code == 201, visit.text
    day = org.li["api"].call("GET", "/api/v1/me/day")
    assert day.status_code == 200, day.text
    targets = {t["id"]: t for t in day.json()["targets"]}
    assert targets[r.json()["id"]]["achieved_count"] == 1
    assert targets[r.json()["id"]]["achievement_percent"] == 25.0


def test_an_opportunity_moves_through_its_stages_with_history(org):
    li = org.li["api"]
    r = li.call("POST", "/api/v1/opportunities", {
        "client_id": org.bank, "title": "年金固收配置", "expected_amount": "50000000",
        "expected_close_date": "2027-03-31", "product_ids": [org.equity]})
    assert r.status_code == 201, r.text
    opp = r.json()
    assert (opp["owner_staff_id"], opp["stage"], opp["open"]) == (org.li["staff"], "prospect", True)
    for stage in ["contacted", "proposal"]:
        moved = li.call("POST", f"/api/v1/opportunities/{opp['id']}/stage", {"stage": stage})
        assert moved.status_code == 200, moved.text
    future = li.call("POST", f"/api/v1/opportunities/{opp['id']}/stage",
                     {"stage": "won", "at": "2099-01-01T00:00:00+08:00"})
    assert future.status_code == 400 and future.json()["field"] == "at"
    won = li.call("POST", f"/api/v1/opportunities/{opp['id']}/stage", {"stage": "won"})
    assert won.status_code == 200, won.text
    assert [s["stage"] for s in won.json()["stages"]] == ["prospect", "contacted", "proposal", "won"]
    assert won.json()["open"] is False
    again = li.call("POST", f"/api/v1/opportunities/{opp['id']}/stage", {"stage": "lost"})
    assert again.status_code == 409

    seen_by_han = org.han["api"].call("GET", f"/api/v1/opportunities/{opp['id']}")
    assert seen_by_han.status_code == 200, "韩梅梅 covers the bank"
    assert org.han["api"].call("PATCH", f"/api/v1/opportunities/{opp['id']}",
                               {"title": "改名"}).status_code == 403
    patched = org.boss["api"].call("PATCH", f"/api/v1/opportunities/{opp['id']}",
                                   {"notes": "董事会已批", "expected_close_date": None})
    assert patched.status_code == 200, patched.text
    assert (patched.json()["notes"], patched.json()["expected_close_date"]) == ("董事会已批", None)
    closed = li.call("GET", "/api/v1/opportunities?open=false").json()["items"]
    assert opp["id"] in [o["id"] for o in closed]
    assert li.call("GET", "/api/v1/opportunities?stage=signed").status_code == 400
    assert org.ops["api"].call("GET", "/api/v1/opportunities").status_code == 403
    bad = li.call("POST", "/api/v1/opportunities", {
        "client_id": org.bank, "title": "x", "expected_amount": "1e6"})
    assert bad.status_code == 400 and bad.json()["field"] == "expected_amount"
    assert li.call("POST", "/api/v1/opportunities", {
        "client_id": org.bank, "title": "x", "expected_amount": "1",
        "owner_staff_id": org.han["staff"]}).status_code == 403
