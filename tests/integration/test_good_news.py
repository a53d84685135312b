"""Good news that detects itself: rules defined over the API judge the trades as they arrive;
managers find drafts in their inbox, edit, publish or dismiss them; salespeople read what was
published. The time rules decide what is late, what no longer holds, and what is history
recorded silently when a rule goes live."""
from datetime import datetime, timedelta, timezone

import pytest

from org import Org, integration

SHANGHAI = timezone(timedelta(hours=8))


@pytest.fixture(scope="module")
def org(laurel):
    org = Org(laurel, laurel.api().as_admin(), "gn")
    org.li = org.person("li", "sales", org.north_a)
    org.han = org.person("han", "sales", org.south)
    org.boss = org.person("boss", "manager", org.north)
    org.bank = org.client("喜报银行")
    org.bond = org.product("bond")
    org.cash = org.product("money_market")
    org.cover(org.bank, [{"staff_id": org.li["staff"], "role": "primary", "share_percent": 60},
                         {"staff_id": org.han["staff"], "role": "secondary", "share_percent": 40}],
              "2025-01-01")
    org.ta = integration(laurel, org.admin, "gn-ta")
    return org


def minutes_ago(n):
    """A recent trade time in Shanghai: well within the grace window, never in the future."""
    return datetime.now(SHANGHAI).replace(microsecond=0) - timedelta(minutes=n)


# Rules about recent trades go live two days back, so those trades are not history.
RECENTLY = (datetime.now(SHANGHAI) - timedelta(days=2)).replace(microsecond=0).isoformat()


def trade(org, external_id, amount, time, kind="申购", product=None):
    when = time.isoformat() if isinstance(time, datetime) else time
    r = org.ta.call("POST", "/api/v1/transactions", {
        "external_id": external_id, "client_id": org.bank, "product_id": product or org.bond,
        "kind": kind, "amount": amount, "trade_time": when})
    assert r.status_code in (200, 201), r.text
    return r.json()


TEMPLATES = {"zh-CN": "{person}助力{product}{period}认申购突破{amount}，客户：{client}",
             "en": "{product} subscriptions passed {amount} on {period} ({person}, {client})"}


def rule(org, name, **definition):
    """A rule defined by the manager; unless told otherwise, about a fund of its own, so no
    other test's trades reach its thresholds (its id is the rule's "fund")."""
    fund = org.product("bond")
    body = {"name": name, "kind": "product_subscription", "subject": "company",
            "products": {"product_ids": [fund]}, "thresholds": ["1000000.00"],
            "templates": TEMPLATES, "effective_from": "2026-01-01T00:00:00+08:00"}
    body.update(definition)
    body = {k: v for k, v in body.items() if v is not None}
    r = org.boss["api"].call("POST", "/api/v1/good-news-rules", body)
    assert r.status_code == 201, r.text
    return {**r.json(), "fund": fund}


def news(org, rule_id, who=None, **query):
    query = "&".join(f"{k}={v}" for k, v in {"rule_id": rule_id, "limit": 200, **query}.items())
    r = (who or org.boss)["api"].call("GET", f"/api/v1/good-news?{query}")
    assert r.status_code == 200, r.text
    return r.json()["items"]


def test_one_trade_crossing_two_thresholds_is_two_drafts_in_both_languages(org):
    r = rule(org, "鑫享债券今日破百万", thresholds=["1000000.00", "2000000.00", "9000000.00"],
             effective_from=RECENTLY)
    assert r["grace_days"] == 3 and r["auto_publish"] is False
    at = minutes_ago(10)
    trade(org, "GN-1", "500000.00", at - timedelta(minutes=1), product=r["fund"])
    assert news(org, r["id"]) == []
    trade(org, "GN-2", "1800000.00", at, product=r["fund"])
    drafts = news(org, r["id"])
    assert sorted(n["threshold"] for n in drafts) == ["1000000.00", "2000000.00"]
    for n in drafts:
        assert n["status"] == "draft" and n["holds"] and not n["late"]
        assert n["period"] == at.date().isoformat()
        assert n["subject"] == {"kind": "company", "id": 0, "name": ""}
        assert n["became_true_at"].startswith(at.astimezone(timezone.utc).strftime(
            "%Y-%m-%dT%H:%M"))
        assert n["title"] == {"zh-CN": "鑫享债券今日破百万", "en": "鑫享债券今日破百万"}
    two = next(n for n in drafts if n["threshold"] == "2000000.00")
    zh, en = two["text"]["zh-CN"], two["text"]["en"]
    assert zh.startswith("li、han助力gn fund") and "认申购突破200万，客户：喜报银行" in zh
    assert en.startswith("gn fund subscriptions passed ¥2M on ") and "(li, han, 喜报银行" in en

    # The same trade posted again is the same record: nothing new.
    trade(org, "GN-2", "1800000.00", at, product=r["fund"])
    assert len(news(org, r["id"])) == 2


def test_managers_publish_and_salespeople_read_only_what_is_published(org):
    r = rule(org, "百万喜报", effective_from=RECENTLY,
             templates={"zh-CN": "{product}{period}破{amount}", "en": "{product} {amount}"})
    trade(org, "GN-3", "1200000.00", minutes_ago(8), product=r["fund"])
    [draft] = news(org, r["id"])
    assert news(org, r["id"], who=org.li) == []
    assert org.li["api"].call("GET", f"/api/v1/good-news?status=draft").status_code == 403
    assert org.li["api"].call("GET", f"/api/v1/good-news/{draft['id']}").status_code == 404
    assert org.li["api"].call("POST", f"/api/v1/good-news/{draft['id']}/publish").status_code == 403

    edited = org.boss["api"].call("PATCH", f"/api/v1/good-news/{draft['id']}",
                                  {"title": "开门红！"}).json()
    assert edited["title"] == {"zh-CN": "开门红！", "en": "开门红！"} and edited["edited"]
    assert edited["text"] == draft["text"]
    published = org.boss["api"].call("POST", f"/api/v1/good-news/{draft['id']}/publish")
    assert published.status_code == 200, published.text
    assert published.json()["status"] == "published"
    assert published.json()["published_by"] == org.boss["user"]
    again = org.boss["api"].call("POST", f"/api/v1/good-news/{draft['id']}/publish")
    assert again.status_code == 409 and again.json()["field"] == "status"

    [seen] = news(org, r["id"], who=org.li)
    assert seen["title"]["zh-CN"] == "开门红！" and seen["status"] == "published"
    assert "fact_key" not in seen and "dismissed_by" not in seen
    assert org.li["api"].call("GET", f"/api/v1/good-news/{draft['id']}").status_code == 200

    back = org.boss["api"].call("PATCH", f"/api/v1/good-news/{draft['id']}", {"title": None})
    assert back.json()["title"]["zh-CN"] == "百万喜报" and not back.json()["edited"]
    # Withdrawn: dismissed, gone from the feed.
    assert org.boss["api"].call(
        "POST", f"/api/v1/good-news/{draft['id']}/dismiss").json()["status"] == "dismissed"
    assert news(org, r["id"], who=org.li) == []
    events = org.admin.call(
        "GET", f"/api/v1/events?entity_type=good_news&entity_id={draft['id']}").json()["items"]
    assert [e["type"] for e in events] == [
        "good_news.edited", "good_news.published", "good_news.edited", "good_news.dismissed"]


def test_a_cancellation_after_publication_leaves_it_published_but_no_longer_holding(org):
    r = rule(org, "取消之后", effective_from=RECENTLY, auto_publish=True)
    t = trade(org, "GN-4", "1500000.00", minutes_ago(6), product=r["fund"])
    [published] = news(org, r["id"])
    assert published["status"] == "published" and published["holds"]
    cancelled = org.ta.call("PATCH", f"/api/v1/transactions/{t['id']}", {"status": "cancelled"})
    assert cancelled.status_code == 200, cancelled.text
    [after] = news(org, r["id"])
    assert after["status"] == "published" and not after["holds"]
    assert after["no_longer_holds_at"] is not None
    assert news(org, r["id"], holds="false")[0]["id"] == after["id"]
    assert news(org, r["id"], holds="true") == []


def test_a_late_trade_for_a_past_day_is_late_and_waits_for_a_manager_even_when_auto(org):
    r = rule(org, "迟到的喜报", auto_publish=True)
    trade(org, "GN-5", "3000000.00", "2026-02-10T10:00:00+08:00", product=r["fund"])
    [late] = news(org, r["id"])
    assert late["late"] and late["status"] == "draft" and late["period"] == "2026-02-10"
    assert "2026年2月10日" in late["text"]["zh-CN"] and "10 February 2026" in late["text"]["en"]
    assert news(org, r["id"], late="false") == []


def test_a_rule_going_live_records_history_silently(org):
    fund = org.product("bond")
    trade(org, "GN-6", "5000000.00", "2026-03-03T10:00:00+08:00", product=fund)
    r = rule(org, "上线之前", effective_from=None, products={"product_ids": [fund]})
    assert news(org, r["id"]) == []  # nothing announced
    [passed] = news(org, r["id"], status="passed")
    assert passed["period"] == "2026-03-03" and passed["status"] == "passed"
    cannot = org.boss["api"].call("POST", f"/api/v1/good-news/{passed['id']}/publish")
    assert cannot.status_code == 409


def test_the_generic_rule_watches_any_metric_for_each_subject(org):
    flow = org.boss["api"].call("POST", "/api/v1/metrics", {
        "code": "gn.dept.week.bond.flow", "name": "部门周债基净流入", "kind": "sum",
        "sum_of": "net_flow", "subject": "department", "period": "week",
        "filter": {"product_types": ["bond"]}}).json()
    r = rule(org, "部门周债基净流入破5000万", kind="metric_threshold", metric_id=flow["id"],
             subject=None, products=None, thresholds=["50000000.00"],
             templates={"zh-CN": "{department}{period}债基净流入突破{amount}！",
                        "en": "{department}: bond net flow passed {amount} in {period}"})
    trade(org, "GN-7", "90000000.00", "2026-04-14T10:00:00+08:00")   # 60/40: North A 5400万
    found = {n["subject"]["id"]: n for n in news(org, r["id"])}
    assert set(found) == {org.north_a, org.north}   # South got 3600万
    north_a = found[org.north_a]
    assert north_a["period"] == "2026-W16" and north_a["late"]
    assert north_a["text"]["zh-CN"] == "gn North A2026年第16周债基净流入突破5000万！"
    assert north_a["text"]["en"] == "gn North A: bond net flow passed ¥50M in week 16 of 2026"


def test_counts_take_integer_thresholds(org):
    visits = org.boss["api"].call("POST", "/api/v1/metrics", {
        "code": "gn.visits", "name": "每日拜访", "kind": "count", "source": "visits",
        "subject": "staff", "period": "day"}).json()
    bad = org.boss["api"].call("POST", "/api/v1/good-news-rules", {
        "name": "x", "kind": "metric_threshold", "metric_id": visits["id"],
        "thresholds": ["2.00"], "templates": TEMPLATES})
    assert bad.status_code == 400 and bad.json()["field"] == "thresholds[0]"
    r = rule(org, "一天两访", kind="metric_threshold", metric_id=visits["id"], subject=None,
             products=None, thresholds=[2], templates={"zh-CN": "{person}今日拜访{amount}次",
                                                      "en": "{person} made {amount} visits"})
    assert r["thresholds"] == [2]
    for n in range(2):
        v = org.li["api"].call("POST", "/api/v1/visits", {
            "external_id": f"gn-visit-{n}", "client_id": org.bank, "kind": "call",
            "occurred_at": "2026-05-06T1%d:00:00+08:00" % n, "notes": "回访", "attendee_ids": []})
        assert v.status_code == 201, v.text
    [two] = news(org, r["id"])
    assert two["text"] == {"zh-CN": "li今日拜访2次", "en": "li made 2 visits"}
    assert two["record"]["type"] == "visit" and two["threshold"] == 2


def test_redaction_hides_client_names_and_amounts(org):
    r = rule(org, "保密", redact_client_names=True, redact_amounts=True,
             templates={"zh-CN": "{client}认购{product}突破{amount}",
                        "en": "{client} bought {product} past {amount}"})
    trade(org, "GN-8", "1100000.00", "2026-06-09T10:00:00+08:00", product=r["fund"])
    [n] = news(org, r["id"])
    assert n["text"] == {"zh-CN": "某客户认购gn fund突破目标",
                         "en": "a client bought gn fund past the target"}


@pytest.mark.parametrize("change, field", [
    ({"kind": "streak"}, "kind"),
    ({"name": " "}, "name"),
    ({"thresholds": []}, "thresholds"),
    ({"thresholds": ["0.00"]}, "thresholds[0]"),
    ({"thresholds": ["-5"]}, "thresholds[0]"),
    ({"thresholds": ["100.00", 5]}, "thresholds[1]"),
    ({"thresholds": ["100.00", "100.00"]}, "thresholds[1]"),
    ({"templates": {"zh-CN": "{person}破{amount}", "en": "{who} did it"}}, "templates.en"),
    ({"templates": {"zh-CN": "破{amount", "en": "x"}}, "templates.zh-CN"),
    ({"templates": {"zh-CN": "破"}}, "templates.en"),
    ({"templates": None}, "templates"),
    ({"products": {"product_ids": [999999]}}, "products.product_ids[0]"),
    ({"products": {"product_types": ["crypto"]}}, "products.product_types[0]"),
    ({"subject": "client"}, "subject"),
    ({"subject_ids": [5]}, "subject_ids"),
    ({"subject": "staff", "subject_ids": [999999]}, "subject_ids[0]"),
    ({"metric_id": 5}, "metric_id"),
    ({"kind": "metric_threshold", "subject": None, "products": None}, "metric_id"),
    ({"kind": "metric_threshold", "subject": None, "products": None, "metric_id": 999999},
     "metric_id"),
    ({"kind": "metric_threshold", "products": None, "metric_id": 1}, "subject"),
    ({"effective_from": "yesterday"}, "effective_from"),
    ({"grace_days": -1}, "grace_days"),
    ({"auto_publish": "yes"}, "auto_publish"),
    ({"colour": "red"}, "colour"),
])
def test_bad_rules_are_refused_naming_the_member_and_nothing_is_created(org, change, field):
    before = org.admin.call("GET", "/api/v1/good-news-rules?limit=200").json()["items"]
    body = {"name": "bad", "kind": "product_subscription", "subject": "company",
            "products": {"product_ids": [org.bond]}, "thresholds": ["100.00"],
            "templates": TEMPLATES}
    body.update(change)
    body = {k: v for k, v in body.items() if v is not None}
    r = org.boss["api"].call("POST", "/api/v1/good-news-rules", body)
    assert r.status_code == 400, r.text
    assert r.json()["field"] == field
    assert org.admin.call("GET", "/api/v1/good-news-rules?limit=200").json()["items"] == before


def test_who_may_define_rules_and_read_them(org):
    r = rule(org, "读规则")
    del r["fund"]
    assert org.boss["api"].call("GET", f"/api/v1/good-news-rules/{r['id']}").json() == r
    assert org.li["api"].call("GET", "/api/v1/good-news-rules").status_code == 403
    assert org.li["api"].call("POST", "/api/v1/good-news-rules", {}).status_code == 403
    assert org.boss["api"].call("GET", "/api/v1/good-news-rules/999999").status_code == 404
    assert org.boss["api"].call("GET", "/api/v1/good-news?status=bogus").status_code == 400
    assert org.boss["api"].call("PATCH", "/api/v1/good-news/999999", {"title": "x"}).status_code == 404
    long = org.boss["api"].call("PATCH", "/api/v1/good-news/1", {"title": "长" * 101})
    assert long.status_code == 400 and long.json()["field"] == "title"


def campaign(org, name, **extra):
    body = {"name": name, "starts_on": "2026-07-01", "ends_on": "2026-07-31",
            "target_amount": "10000000.00", "product_ids": [org.bond],
            "department_ids": [org.north]}
    body.update(extra)
    r = org.boss["api"].call("POST", "/api/v1/campaigns", body)
    assert r.status_code == 201, r.text
    return r.json()


def test_a_campaigns_first_order_names_everyone_credited(org):
    c = campaign(org, "喜报测试季")
    r = rule(org, "喜报测试季首单", kind="campaign_first_order", campaign_id=c["id"], subject=None,
             products=None, thresholds=None,
             templates={"zh-CN": "{campaign}首单：{person}拿下{amount}",
                        "en": "First order of {campaign}: {person}, {amount}"})
    assert r["scope"] == "campaign" and r["min_amount"] == "0.00" and r["thresholds"] == []
    trade(org, "GN-C1", "3000000.00", "2026-06-30T10:00:00+08:00")  # before the window
    t = trade(org, "GN-C2", "2000000.00", "2026-07-02T10:00:00+08:00")
    trade(org, "GN-C3", "9000000.00", "2026-07-03T10:00:00+08:00")
    [first] = news(org, r["id"])
    assert first["record"] == {"type": "transaction", "id": t["id"]}
    assert "threshold" not in first and first["late"]
    assert first["text"]["zh-CN"] == "喜报测试季首单：li、han拿下200万"


@pytest.mark.parametrize("change, field", [
    ({}, "campaign_id"),
    ({"campaign_id": 999999}, "campaign_id"),
    ({"scope": "team"}, "scope"),
    ({"min_amount": "lots"}, "min_amount"),
    ({"thresholds": ["100.00"]}, "thresholds"),
    ({"products": {"product_ids": []}}, "products"),
])
def test_bad_first_order_rules_are_refused(org, change, field):
    body = {"name": "bad", "kind": "campaign_first_order", "templates": TEMPLATES, **change}
    if field != "campaign_id" and "campaign_id" not in change:
        body["campaign_id"] = campaign(org, f"坏规则{len(field)}{field}")["id"]
    r = org.boss["api"].call("POST", "/api/v1/good-news-rules", body)
    assert r.status_code == 400, r.text
    assert r.json()["field"] == field
