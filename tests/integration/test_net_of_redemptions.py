"""Boards net of redemptions within N days: a subscription redeemed soon after counts only for
what stays, so buying on the last day of the month and selling back the week after wins
nothing; a redemption reported late or corrected nets the same."""
import pytest

from board_setup import board, metric
from org import Org, integration


@pytest.fixture(scope="module")
def org(laurel):
    org = Org(laurel, laurel.api().as_admin(), "net")
    org.li = org.person("li", "sales", org.north_a)
    org.wang = org.person("wang", "sales", org.north)
    org.boss = org.person("boss", "manager", org.north)
    org.fund = org.product("bond")
    org.bank, org.trust = org.client("净额银行"), org.client("净额信托")
    org.cover(org.bank, [{"staff_id": org.li["staff"], "role": "primary", "share_percent": 100}])
    org.cover(org.trust, [{"staff_id": org.wang["staff"], "role": "primary", "share_percent": 100}])
    org.ta = integration(laurel, org.admin, "net-ta")
    org.net = metric(org, "net.subs.month", kind="sum", filter={
        "transaction_kinds": ["认购", "申购"], "net_of_redemptions_within_days": 30})
    org.subscriptions = org.net  # what board_setup ranks by default
    return org


def trade(org, external_id, client, kind, amount, time):
    r = org.ta.call("POST", "/api/v1/transactions", {
        "external_id": external_id, "client_id": client, "product_id": org.fund,
        "kind": kind, "amount": amount, "trade_time": time})
    assert r.status_code == 201, r.text
    return r.json()


def values(org, board_id):
    r = org.boss["api"].call("GET", f"/api/v1/boards/{board_id}/standings?period=2026-05")
    assert r.status_code == 200, r.text
    return {row["name"]: (row["rank"], row["value"]) for row in r.json()["items"]}


def test_a_board_net_of_redemptions_counts_what_stays(org):
    shown = org.boss["api"].call("GET", f"/api/v1/metrics/{org.net}").json()
    assert shown["filter"]["net_of_redemptions_within_days"] == 30
    b = board(org, name="北区净认购榜", metric_id=org.net)
    trade(org, "NET-1", org.bank, "申购", "1000.00", "2026-05-29T10:00:00+08:00")
    trade(org, "NET-2", org.trust, "申购", "700.00", "2026-05-20T10:00:00+08:00")
    assert values(org, b["id"])["li"] == (1, "1000.00")
    # li's client sells back 400 a week later, in June: May's figure loses it.
    sold = trade(org, "NET-3", org.bank, "赎回", "400.00", "2026-06-05T10:00:00+08:00")
    assert values(org, b["id"])["li"] == (2, "600.00")
    assert values(org, b["id"])["wang"] == (1, "700.00")
    # wang's client redeems 45 days on: outside the window, nothing is taken back.
    trade(org, "NET-4", org.trust, "赎回", "700.00", "2026-07-04T10:00:00+08:00")
    assert values(org, b["id"])["wang"] == (1, "700.00")
    # The redemption cancelled: li's subscription counts in full again.
    r = org.ta.call("PATCH", f"/api/v1/transactions/{sold['id']}", {"status": "cancelled"})
    assert r.status_code == 200, r.text
    assert values(org, b["id"])["li"] == (1, "1000.00")


def test_netting_is_checked_when_a_metric_is_defined(org):
    base = {"code": "net.bad", "name": "净认购", "kind": "sum", "subject": "staff",
            "period": "month"}
    for change, field in [
            ({"filter": {"net_of_redemptions_within_days": 30}}, "filter.transaction_kinds"),
            ({"filter": {"transaction_kinds": ["申购", "赎回"],
                         "net_of_redemptions_within_days": 30}}, "filter.transaction_kinds"),
            ({"filter": {"transaction_kinds": ["申购"], "net_of_redemptions_within_days": 0}},
             "filter.net_of_redemptions_within_days"),
            ({"filter": {"transaction_kinds": ["申购"], "net_of_redemptions_within_days": "30"}},
             "filter.net_of_redemptions_within_days"),
            ({"kind": "count", "filter": {"transaction_kinds": ["申购"],
                                          "net_of_redemptions_within_days": 30}},
             "filter.net_of_redemptions_within_days"),
            ({"source": "visits", "kind": "count",
              "filter": {"net_of_redemptions_within_days": 30}},
             "filter.net_of_redemptions_within_days")]:
        r = org.admin.call("POST", "/api/v1/metrics", {**base, **change})
        assert r.status_code == 400 and r.json()["field"] == field, (change, r.text)
