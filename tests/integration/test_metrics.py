"""Metrics as data: managers define what the recognition engine counts; its figures follow the
trades posted a moment ago, by company-local day, credited share and department tree, and a
cancellation takes a trade back."""
import pytest

from org import Org, integration


@pytest.fixture(scope="module")
def org(laurel):
    org = Org(laurel, laurel.api().as_admin(), "mx")
    org.li = org.person("li", "sales", org.north_a)
    org.han = org.person("han", "sales", org.south)
    org.boss = org.person("boss", "manager", org.north)
    org.bank = org.client("指标银行")
    org.bond = org.product("bond")
    org.cash = org.product("money_market")
    org.cover(org.bank, [{"staff_id": org.li["staff"], "role": "primary", "share_percent": 60},
                         {"staff_id": org.han["staff"], "role": "secondary", "share_percent": 40}],
              "2026-01-01")
    org.ta = integration(laurel, org.admin, "mx-ta")
    return org


def metric(org, code, **definition):
    body = {"code": code, "name": f"指标 {code}", "kind": "sum", "subject": "company",
            "period": "day", "filter": {"product_ids": [org.bond, org.cash]}}
    body.update(definition)
    body = {k: v for k, v in body.items() if v is not None}
    r = org.boss["api"].call("POST", "/api/v1/metrics", body)
    assert r.status_code == 201, r.text
    return r.json()


def trade(org, external_id, amount, time, kind="申购", product=None):
    r = org.ta.call("POST", "/api/v1/transactions", {
        "external_id": external_id, "client_id": org.bank, "product_id": product or org.bond,
        "kind": kind, "amount": amount, "trade_time": time})
    assert r.status_code == 201, r.text
    return r.json()


def values(org, metric_id, period, **extra):
    query = "&".join(f"{k}={v}" for k, v in {"period": period, **extra}.items())
    r = org.boss["api"].call("GET", f"/api/v1/metrics/{metric_id}/values?{query}")
    assert r.status_code == 200, r.text
    return r.json()


def test_a_metric_counts_trades_by_company_day_as_soon_as_they_are_posted(org):
    daily = metric(org, "mx.daily.subs", filter={
        "transaction_kinds": ["认购", "purchase"], "product_ids": [org.bond, org.cash],
        "exclude_money_market": True})
    assert daily["filter"]["transaction_kinds"] == ["subscribe", "purchase"]
    assert daily["sum_of"] == "amount" and daily["source"] == "transactions"
    trade(org, "MX-1", "1000.00", "2026-03-02T23:59:00+08:00")
    trade(org, "MX-2", "250.50", "2026-03-02T16:00:00Z")   # 00:00 on 3 March in Shanghai
    trade(org, "MX-3", "999.00", "2026-03-02T12:00:00+08:00", product=org.cash)  # money market
    trade(org, "MX-4", "400.00", "2026-03-02T12:00:00+08:00", kind="赎回")  # not a subscription
    march2 = values(org, daily["id"], "2026-03-02")
    assert march2["items"] == [{"subject_id": 0, "amount": "1000.00", "count": None}]
    assert march2["subject"] == "company" and march2["period"] == "2026-03-02"
    assert values(org, daily["id"], "2026-03-03")["items"][0]["amount"] == "250.50"
    assert values(org, daily["id"], "2026-03-04")["items"] == []


def test_credited_shares_roll_up_the_department_tree_and_a_cancellation_takes_them_back(org):
    by_dept = metric(org, "mx.dept.week", subject="department", period="week")
    by_person = metric(org, "mx.staff.week", subject="staff", period="week", kind="count")
    t = trade(org, "MX-5", "1000.00", "2026-04-07T10:00:00+08:00")  # 2026-W15
    week = values(org, by_dept["id"], "2026-W15")["items"]
    assert {i["subject_id"]: i["amount"] for i in week} == {
        org.north_a: "600.00", org.north: "600.00", org.south: "400.00"}
    people = values(org, by_person["id"], "2026-W15")
    assert {i["subject_id"]: i["count"] for i in people["items"]} == {
        org.li["staff"]: 1, org.han["staff"]: 1}
    only_li = values(org, by_person["id"], "2026-W15", subject_id=org.li["staff"])["items"]
    assert [i["subject_id"] for i in only_li] == [org.li["staff"]]

    r = org.ta.call("PATCH", f"/api/v1/transactions/{t['id']}", {"status": "cancelled"})
    assert r.status_code == 200, r.text
    assert values(org, by_dept["id"], "2026-W15")["items"] == []


def test_a_metric_defined_later_counts_what_came_before_and_net_flow_can_be_negative(org):
    trade(org, "MX-6", "300.00", "2026-05-11T10:00:00+08:00")
    trade(org, "MX-7", "800.00", "2026-05-12T10:00:00+08:00", kind="赎回")
    flow = metric(org, "mx.month.flow", period="month", sum_of="net_flow")
    assert values(org, flow["id"], "2026-05")["items"][0]["amount"] == "-500.00"
    listed = org.boss["api"].call("GET", "/api/v1/metrics?limit=200").json()["items"]
    assert flow["id"] in [m["id"] for m in listed]
    assert org.boss["api"].call("GET", f"/api/v1/metrics/{flow['id']}").json() == flow


def test_distinct_clients_and_visits(org):
    visited = metric(org, "mx.clients.visited", kind="distinct_clients", source="visits",
                     subject="staff", period="month", filter={"client_id": org.bank})
    for n, day in enumerate(["2026-06-01", "2026-06-02"]):
        r = org.li["api"].call("POST", "/api/v1/visits", {
            "external_id": f"mx-visit-{n}", "client_id": org.bank, "kind": "call",
            "occurred_at": f"{day}T10:00:00+08:00", "notes": "回访", "attendee_ids": []})
        assert r.status_code == 201, r.text
    june = values(org, visited["id"], "2026-06")["items"]
    assert june == [{"subject_id": org.li["staff"], "amount": None, "count": 1}]


@pytest.mark.parametrize("change, field", [
    ({"kind": "average"}, "kind"),
    ({"kind": "sum", "source": "visits"}, "kind"),
    ({"kind": "count", "source": "visits", "subject": "product"}, "subject"),
    ({"kind": "count", "sum_of": "net_flow"}, "sum_of"),
    ({"subject": "team"}, "subject"),
    ({"period": "fortnight"}, "period"),
    ({"period": None}, "period"),
    ({"code": "Has Spaces"}, "code"),
    ({"name": " "}, "name"),
    ({"filter": {"product_ids": [999999]}}, "filter.product_ids[0]"),
    ({"filter": {"product_types": ["crypto"]}}, "filter.product_types[0]"),
    ({"filter": {"transaction_kinds": ["gift"]}}, "filter.transaction_kinds[0]"),
    ({"filter": {"department_id": 999999}}, "filter.department_id"),
    ({"filter": {"client_id": 999999}}, "filter.client_id"),
    ({"filter": {"colour": "red"}}, "filter.colour"),
    ({"filter": {"key_person_visits_only": True}}, "filter.key_person_visits_only"),
    ({"threshold": 5}, "threshold"),
    ({"kind": "end_of_period_balance", "source": "transactions"}, "kind"),
    ({"kind": "count", "source": "holdings"}, "kind"),
    ({"kind": "average_daily_balance", "filter": {"campaign_id": 1}}, "filter.campaign_id"),
    ({"kind": "average_daily_balance", "period": "all"}, "period"),
    ({"kind": "end_of_period_balance", "filter": {"transaction_kinds": ["申购"]}},
     "filter.transaction_kinds"),
    ({"kind": "end_of_period_balance", "filter": {"department_id": 1}}, "filter.department_id"),
    ({"kind": "imported", "filter": {"exclude_money_market": True}}, "filter"),
    ({"kind": "imported", "source": "transactions"}, "kind"),
    ({"kind": "sum", "unit": "count"}, "unit"),
])
def test_bad_definitions_are_refused_naming_the_member_and_nothing_is_defined(org, change, field):
    before = len(org.admin.call("GET", "/api/v1/metrics?limit=200").json()["items"])
    body = {"code": "mx.bad", "name": "bad", "kind": "sum", "subject": "company",
            "period": "day"}
    body.update(change)
    body = {k: v for k, v in body.items() if v is not None}
    r = org.boss["api"].call("POST", "/api/v1/metrics", body)
    assert r.status_code == 400, r.text
    assert r.json()["field"] == field
    assert len(org.admin.call("GET", "/api/v1/metrics?limit=200").json()["items"]) == before


def test_a_taken_code_a_wrong_period_and_who_may_call(org):
    m = metric(org, "mx.taken")
    again = org.boss["api"].call("POST", "/api/v1/metrics", {
        "code": "mx.taken", "name": "again", "kind": "count", "subject": "company",
        "period": "day"})
    assert again.status_code == 409 and again.json()["field"] == "code"
    for period in ["2026-W10", "2026-13-01", "", "yesterday"]:
        r = org.boss["api"].call("GET", f"/api/v1/metrics/{m['id']}/values?period={period}")
        assert r.status_code == 400 and r.json()["field"] == "period", period
    missing = org.boss["api"].call("GET", f"/api/v1/metrics/{m['id']}/values")
    assert missing.status_code == 400 and missing.json()["field"] == "period"
    assert org.boss["api"].call("GET", "/api/v1/metrics/999999/values?period=2026").status_code == 404
    assert org.li["api"].call("GET", "/api/v1/metrics").status_code == 403
    assert org.li["api"].call("POST", "/api/v1/metrics", {}).status_code == 403
    events = org.admin.call(
        "GET", f"/api/v1/events?entity_type=metric&entity_id={m['id']}").json()["items"]
    assert [e["type"] for e in events] == ["metric.created"]
    assert events[0]["payload"]["after"]["code"] == "mx.taken"


def test_imported_metrics_take_the_warehouses_values_and_corrections(org):
    weekly = metric(org, "mx.dw.staff.week", kind="imported", subject="staff", period="week",
                    filter=None)
    assert (weekly["source"], weekly["unit"], weekly["sum_of"]) == ("imported", "amount", None)
    rule = org.boss["api"].call("POST", "/api/v1/good-news-rules", {
        "name": "仓库指标周破150", "kind": "metric_threshold", "metric_id": weekly["id"],
        "thresholds": ["150.00"], "effective_from": "2026-03-01T00:00:00+08:00",
        "templates": {"zh-CN": "{person}{amount}", "en": "{person} {amount}"}})
    assert rule.status_code == 201, rule.text

    def push(rows, who=None):
        return (who or org.ta).call("POST", f"/api/v1/metrics/{weekly['id']}/values",
                                    {"values": rows})

    li, han = org.li["staff"], org.han["staff"]
    rows = [{"subject_id": li, "date": "2026-03-02", "value": "100.00"},
            {"subject_id": li, "date": "2026-03-03", "value": "50.50"},
            {"subject_id": han, "date": "2026-03-02", "value": "20"}]
    r = push(rows)
    assert r.status_code == 200 and r.json() == {"applied": 3, "corrected": 0, "duplicates": 0}
    week = {i["subject_id"]: i["amount"] for i in values(org, weekly["id"], "2026-W10")["items"]}
    assert week == {li: "150.50", han: "20.00"}
    [news] = org.boss["api"].call(
        "GET", f"/api/v1/good-news?rule_id={rule.json()['id']}").json()["items"]
    assert news["subject"]["id"] == li and news["holds"] and news["record"] is None
    assert news["became_true_at"] == "2026-03-03T15:59:59.999999Z", "the close of 3 March"

    assert push(rows).json() == {"applied": 0, "corrected": 0, "duplicates": 3}
    r = push([{"subject_id": li, "date": "2026-03-03", "value": "40.00"}])
    assert r.json() == {"applied": 0, "corrected": 1, "duplicates": 0}
    week = {i["subject_id"]: i["amount"] for i in values(org, weekly["id"], "2026-W10")["items"]}
    assert week[li] == "140.00"
    [news] = org.boss["api"].call(
        "GET", f"/api/v1/good-news?rule_id={rule.json()['id']}").json()["items"]
    assert not news["holds"], "the corrected week never reached 150"
    events = org.admin.call("GET", "/api/v1/events?entity_type=metric_value&limit=50").json()
    assert [e["type"] for e in events["items"]].count("metric_value.corrected") == 1

    for bad, field in [([{"subject_id": 999999, "date": "2026-03-04", "value": "1.00"}],
                        "values[0].subject_id"),
                       ([{"subject_id": li, "date": "2026-03-04", "value": "1.00"},
                         {"subject_id": li, "date": "2026-03-04", "value": "2.00"}],
                        "values[1].date"),
                       ([{"subject_id": li, "date": "2026-02-30", "value": "1.00"}],
                        "values[0].date"),
                       ([{"subject_id": li, "date": "2026-03-04", "value": 5}], "values[0].value"),
                       ([{"subject_id": li, "date": "2026-03-04"}], "values[0].value")]:
        r = push(bad)
        assert r.status_code == 400 and r.json()["field"] == field, (bad, r.text)
    assert values(org, weekly["id"], "2026-W10")["items"][0]["amount"] == "140.00"
    assert push(rows, org.li["api"]).status_code == 403
    summed = metric(org, "mx.not.imported")
    r = org.ta.call("POST", f"/api/v1/metrics/{summed['id']}/values", {"values": []})
    assert r.status_code == 409 and r.json()["field"] == "id"

    counted = metric(org, "mx.dw.calls", kind="imported", unit="count", filter=None)
    r = org.ta.call("POST", f"/api/v1/metrics/{counted['id']}/values",
                    {"values": [{"subject_id": 0, "date": "2026-03-02", "value": 7}]})
    assert r.status_code == 200, r.text
    assert values(org, counted["id"], "2026-03-02")["items"] == [
        {"subject_id": 0, "amount": None, "count": 7}]
    r = org.ta.call("POST", f"/api/v1/metrics/{counted['id']}/values",
                    {"values": [{"subject_id": 3, "date": "2026-03-02", "value": 7}]})
    assert r.status_code == 400 and r.json()["field"] == "values[0].subject_id"
