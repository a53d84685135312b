"""Good news for the tests that need some: a small organisation (a salesperson in North A, a
manager of North, a client the salesperson covers, the trading system's token) and a draft
made the way Laurel makes them — a rule, then a trade that crosses its threshold."""
import itertools
from datetime import datetime, timedelta, timezone

from org import Org, integration

SHANGHAI = timezone(timedelta(hours=8))
# Rules about recent trades go live two days back, so those trades are not history.
RECENTLY = (datetime.now(SHANGHAI) - timedelta(days=2)).replace(microsecond=0).isoformat()
_serial = itertools.count(1)


def small_org(laurel, tag):
    org = Org(laurel, laurel.api().as_admin(), tag)
    org.li = org.person("li", "sales", org.north_a)
    org.boss = org.person("boss", "manager", org.north)
    org.bank = org.client(f"{tag}银行")
    org.cover(org.bank, [{"staff_id": org.li["staff"], "role": "primary", "share_percent": 100}],
              "2025-01-01")
    org.ta = integration(laurel, org.admin, f"{tag}-ta")
    return org


def made_news(org, subject="staff", auto_publish=False):
    """A draft (or, auto_publish, a published news) about li's subscriptions of a fund of its
    own today."""
    fund = org.product("bond")
    r = org.boss["api"].call("POST", "/api/v1/good-news-rules", {
        "name": f"{org.tag}喜报", "kind": "product_subscription", "subject": subject,
        "products": {"product_ids": [fund]}, "thresholds": ["1000000.00"],
        "templates": {"zh-CN": "{person}认申购突破{amount}", "en": "{person} passed {amount}"},
        "effective_from": RECENTLY, "auto_publish": auto_publish})
    assert r.status_code == 201, r.text
    at = datetime.now(SHANGHAI).replace(microsecond=0) - timedelta(minutes=3)
    t = org.ta.call("POST", "/api/v1/transactions", {
        "external_id": f"{org.tag}-{next(_serial)}", "client_id": org.bank, "product_id": fund,
        "kind": "申购", "amount": "1500000.00", "trade_time": at.isoformat()})
    assert t.status_code == 201, t.text
    [news] = org.boss["api"].call("GET", f"/api/v1/good-news?rule_id={r.json()['id']}").json()[
        "items"]
    return news
