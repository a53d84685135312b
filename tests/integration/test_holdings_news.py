"""Good news on holdings over the API: the company's holdings breaking through every N on the
day's close (holdings_milestone), and a person or department activating a client — its first
subscription ever, or its first after a dormancy (client_activation). The engine learns the
closes from the warehouse's balances and the confirmed trades, as the holdings pages do."""
from datetime import date, datetime, timedelta, timezone

import pytest

from org import Org, integration

SHANGHAI = timezone(timedelta(hours=8))
RECENTLY = (datetime.now(SHANGHAI) - timedelta(days=2)).replace(microsecond=0).isoformat()
TEMPLATES = {"zh-CN": "{person}激活{client}，{product}{amount}",
             "en": "{person} activated {client} with {amount} of {product}"}


@pytest.fixture(scope="module")
def org(laurel):
    org = Org(laurel, laurel.api().as_admin(), "hn")
    org.li = org.person("li", "sales", org.north_a)
    org.boss = org.person("boss", "manager", org.north)
    org.ta = integration(laurel, org.admin, "hn-ta")
    return org


def shanghai_today():
    return datetime.now(SHANGHAI).date()


def create_rule(org, body, status=201):
    r = org.boss["api"].call("POST", "/api/v1/good-news-rules", body)
    assert r.status_code == status, r.text
    return r.json()


def news(org, rule_id, status=None):
    """The rule's good news (drafts and the rest by default; status="passed" for history)."""
    query = f"rule_id={rule_id}&limit=200" + (f"&status={status}" if status else "")
    r = org.boss["api"].call("GET", f"/api/v1/good-news?{query}")
    assert r.status_code == 200, r.text
    return r.json()["items"]


def balance(org, client, product, day, amount):
    r = org.ta.call("POST", "/api/v1/holdings/balances", {"balances": [
        {"client_id": client, "product_id": product, "date": day.isoformat(), "amount": amount}]})
    assert r.status_code == 200, r.text


def confirmed_trade(org, client, product, kind, amount, day, external_id):
    """A trade of 10:00 on `day` (Shanghai; today: a moment ago), confirmed that day, recorded
    now."""
    when = f"{day.isoformat()}T10:00:00+08:00"
    if day >= shanghai_today():
        when = (datetime.now(SHANGHAI).replace(microsecond=0) - timedelta(seconds=5)).isoformat()
    r = org.ta.call("POST", "/api/v1/transactions", {
        "external_id": external_id, "client_id": client, "product_id": product, "kind": kind,
        "amount": amount, "trade_time": when,
        "status": "confirmed", "confirm_date": day.isoformat()})
    assert r.status_code in (200, 201), r.text
    return r.json()


def test_company_holdings_break_through_each_milestone_once_on_the_close(org):
    fund = org.product("bond")  # a fund of its own, so other tests' holdings stay out
    rule = create_rule(org, {
        "name": "保有量每破100万", "kind": "holdings_milestone", "every": "1000000.00",
        "products": {"product_ids": [fund]}, "effective_from": RECENTLY,
        "templates": {"zh-CN": "公司保有量突破{amount}！", "en": "Holdings passed {amount}!"}})
    assert rule["every"] == "1000000.00" and rule["thresholds"] == []
    assert rule["products"] == {"product_ids": [fund], "product_types": [],
                                "exclude_money_market": False}
    yesterday = shanghai_today() - timedelta(days=1)
    a, b = org.client("里程碑甲"), org.client("里程碑乙")
    balance(org, a, fund, yesterday, "1500000.00")
    balance(org, b, fund, yesterday, "1200000.00")  # 270万 at yesterday's close
    items = news(org, rule["id"])
    assert sorted(n["threshold"] for n in items) == ["1000000.00", "2000000.00"]
    two = next(n for n in items if n["threshold"] == "2000000.00")
    assert two["status"] == "draft" and two["holds"] and not two["late"]
    assert two["record"] is None and two["period"] == "all"
    assert two["subject"] == {"kind": "company", "id": 0, "name": ""}
    assert two["text"] == {"zh-CN": "公司保有量突破200万！", "en": "Holdings passed ¥2M!"}
    close = datetime.combine(yesterday + timedelta(days=1), datetime.min.time(), SHANGHAI)
    assert datetime.fromisoformat(two["became_true_at"]) == close - timedelta(microseconds=1)
    # Today a redemption takes the close down: a milestone once reached stays reached.
    confirmed_trade(org, a, fund, "赎回", "1500000.00", shanghai_today(), "HN-M1")
    assert len(news(org, rule["id"])) == 2
    assert all(n["holds"] for n in news(org, rule["id"]))
    # The warehouse corrects yesterday's close: 200万 was never reached.
    balance(org, b, fund, yesterday, "200000.00")
    items = {n["threshold"]: n for n in news(org, rule["id"])}
    assert not items["2000000.00"]["holds"] and items["1000000.00"]["holds"]


def test_money_market_funds_stay_out_of_the_headline_figure_by_default(org):
    rule = create_rule(org, {
        "name": "非货保有量", "kind": "holdings_milestone", "every": "900000000000.00",
        "effective_from": RECENTLY,
        "templates": {"zh-CN": "非货保有量突破{amount}", "en": "{amount}"}})
    assert rule["products"]["exclude_money_market"] is True
    cash = org.product("money_market")
    balance(org, org.client("货基大户"), cash, shanghai_today() - timedelta(days=1),
            "950000000000.00")
    assert news(org, rule["id"]) == []


def test_a_salesperson_activates_a_client_and_again_after_a_dormancy(org):
    fund = org.product("bond")
    client = org.client("激活银行")
    org.cover(client, [{"staff_id": org.li["staff"], "role": "primary", "share_percent": 100}],
              "2025-01-01")
    rule = create_rule(org, {"name": "激活", "kind": "client_activation", "dormant_days": 30,
                             "effective_from": RECENTLY, "templates": TEMPLATES})
    assert rule["scope"] == "staff" and rule["dormant_days"] == 30
    today = shanghai_today()
    first = confirmed_trade(org, client, fund, "申购", "3000000.00", today - timedelta(days=60),
                            "HN-A1")  # first ever, but history before the rule: silent
    confirmed_trade(org, client, fund, "赎回", "3000000.00", today - timedelta(days=50), "HN-A2")
    switch = confirmed_trade(org, client, fund, "转换入", "100.00", today - timedelta(days=10),
                             "HN-A3")
    assert news(org, rule["id"]) == []
    [passed] = news(org, rule["id"], "passed")
    assert passed["record"] == {"type": "transaction", "id": first["id"]}
    # The switch in ended the dormancy (the client holds 100.00): this one does not activate.
    assert switch["kind"] == "switch_in"
    confirmed_trade(org, client, fund, "申购", "10.00", today - timedelta(days=1), "HN-A4")
    assert news(org, rule["id"]) == []
    # Cancel the switch: the client held nothing for 49 days — the subscription activated it.
    r = org.ta.call("PATCH", f"/api/v1/transactions/{switch['id']}", {"status": "cancelled"})
    assert r.status_code == 200, r.text
    [item] = news(org, rule["id"])
    assert item["status"] == "draft" and item["holds"]
    assert item["subject"]["id"] == org.li["staff"] and "threshold" not in item
    assert item["text"]["zh-CN"].startswith("li激活激活银行") and "10元" in item["text"]["zh-CN"]


def test_a_department_scope_names_the_department(org):
    fund = org.product("bond")
    client = org.client("部门激活")
    org.cover(client, [{"staff_id": org.li["staff"], "role": "primary", "share_percent": 100}],
              "2025-01-01")
    rule = create_rule(org, {"name": "部门激活", "kind": "client_activation",
                             "scope": "department", "min_amount": "1000.00",
                             "effective_from": RECENTLY,
                             "templates": {"zh-CN": "{department}激活{client}", "en": "x"}})
    assert rule["dormant_days"] == 180  # crm.dormant_after_days, kept by the rule
    confirmed_trade(org, client, fund, "申购", "999.00", shanghai_today(), "HN-D1")  # too small
    assert news(org, rule["id"]) == []
    other = org.client("部门激活二")
    org.cover(other, [{"staff_id": org.li["staff"], "role": "primary", "share_percent": 100}],
              "2025-01-01")
    confirmed_trade(org, other, fund, "认购", "5000.00", shanghai_today(), "HN-D2")
    [item] = news(org, rule["id"])
    assert item["subject"]["kind"] == "department"
    assert item["subject"]["id"] == org.north_a


@pytest.mark.parametrize("body, field", [
    ({"kind": "holdings_milestone"}, "every"),
    ({"kind": "holdings_milestone", "every": "0.00"}, "every"),
    ({"kind": "holdings_milestone", "every": "lots"}, "every"),
    ({"kind": "holdings_milestone", "every": 100}, "every"),
    ({"kind": "holdings_milestone", "every": "100.00", "thresholds": ["100.00"]}, "thresholds"),
    ({"kind": "holdings_milestone", "every": "100.00", "subject": "company"}, "subject"),
    ({"kind": "holdings_milestone", "every": "100.00", "scope": "staff"}, "scope"),
    ({"kind": "holdings_milestone", "every": "100.00", "dormant_days": 5}, "dormant_days"),
    ({"kind": "holdings_milestone", "every": "100.00",
      "products": {"product_ids": [999999]}}, "products.product_ids[0]"),
    ({"kind": "client_activation", "scope": "campaign"}, "scope"),
    ({"kind": "client_activation", "dormant_days": 0}, "dormant_days"),
    ({"kind": "client_activation", "dormant_days": 3651}, "dormant_days"),
    ({"kind": "client_activation", "dormant_days": "90"}, "dormant_days"),
    ({"kind": "client_activation", "every": "100.00"}, "every"),
    ({"kind": "client_activation", "products": {}}, "products"),
    ({"kind": "client_activation", "min_amount": "lots"}, "min_amount"),
    ({"kind": "client_activation", "thresholds": ["100.00"]}, "thresholds"),
    ({"kind": "client_activation", "campaign_id": 1}, "campaign_id"),
    ({"kind": "product_subscription", "subject": "company", "thresholds": ["1.00"],
      "every": "100.00"}, "every"),
])
def test_bad_holdings_and_activation_rules_are_refused_and_nothing_is_created(org, body, field):
    before = org.admin.call("GET", "/api/v1/good-news-rules?limit=200").json()["items"]
    r = org.boss["api"].call("POST", "/api/v1/good-news-rules",
                             {"name": "bad", "templates": TEMPLATES, **body})
    assert r.status_code == 400, r.text
    assert r.json()["field"] == field, r.text
    assert org.admin.call("GET", "/api/v1/good-news-rules?limit=200").json()["items"] == before


def test_a_threshold_rule_on_a_clients_average_daily_balance(org):
    """The generic rule over a holdings metric: the first day this month a client's average
    daily balance reaches 100万 (today's event judges today; later days are not judged yet)."""
    fund = org.product("bond")
    client = org.client("日均银行")
    r = org.boss["api"].call("POST", "/api/v1/metrics", {
        "code": "hn.client.adb", "name": "客户月日均保有量", "kind": "average_daily_balance",
        "subject": "client", "period": "month", "filter": {"product_ids": [fund]}})
    assert r.status_code == 201, r.text
    metric = r.json()
    count_rule = org.boss["api"].call("POST", "/api/v1/good-news-rules", {
        "name": "日均", "kind": "metric_threshold", "metric_id": metric["id"], "thresholds": [5],
        "templates": {"zh-CN": "{amount}", "en": "{amount}"}})
    assert count_rule.status_code == 400 and count_rule.json()["field"] == "thresholds[0]"
    today = shanghai_today()
    # In effect from the month's first day: the days it judges are this month's, whatever today is
    # (a rule from two days ago would record the 1st's crossing as history from the 4th on).
    rule = create_rule(org, {
        "name": "客户月日均破100万", "kind": "metric_threshold", "metric_id": metric["id"],
        "thresholds": ["1000000.00"],
        "effective_from": f"{today.replace(day=1).isoformat()}T00:00:00+08:00",
        "templates": {"zh-CN": "{client}本月日均保有量突破{amount}",
                      "en": "{client}'s average daily balance passed {amount}"}})
    # Held since the first of the month (or, on the 1st, since today): the average is the close.
    balance(org, client, fund, today.replace(day=1), "1200000.00")
    [item] = news(org, rule["id"])
    assert item["subject"]["kind"] == "client" and item["subject"]["id"] == client
    assert item["threshold"] == "1000000.00" and item["period"] == today.strftime("%Y-%m")
    close = datetime.combine(today.replace(day=1) + timedelta(days=1), datetime.min.time(),
                             SHANGHAI)
    assert datetime.fromisoformat(item["became_true_at"]) == close - timedelta(microseconds=1)
    assert item["text"]["zh-CN"] == f"{item['subject']['name']}本月日均保有量突破100万"
    assert item["subject"]["name"].startswith("日均银行")
    # The warehouse corrects the close: the month's average never reached it.
    balance(org, client, fund, today.replace(day=1), "800000.00")
    [item] = news(org, rule["id"])
    assert not item["holds"]
