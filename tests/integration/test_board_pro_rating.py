"""Pro-rating: on a board that says so, someone who joined mid-month is ranked by their figure
scaled to the whole month (600 in 15 of 31 days ranks as 1240), the actual figure beside it, and
"N more to pass" is said in real yuan."""
import pytest

from board_setup import board, metric
from org import Org, integration


@pytest.fixture(scope="module")
def org(laurel):
    org = Org(laurel, laurel.api().as_admin(), "bpr")
    org.li = org.person("li", "sales", org.north)
    org.new = org.person("new", "sales", org.north, effective_from="2026-03-17")
    org.boss = org.person("boss", "manager", org.south)
    org.fund = org.product("bond")
    org.ta = integration(laurel, org.admin, "bpr-ta")
    org.subscriptions = metric(org, "bpr.subs.month", kind="sum",
                               filter={"product_ids": [org.fund]})
    org.by_department = metric(org, "bpr.dept.month", kind="sum", subject="department")
    for who, amount, day in [(org.li, "1000.00", "2026-03-02"), (org.new, "600.00", "2026-03-20")]:
        client = org.client("折算银行")
        org.cover(client, [{"staff_id": who["staff"], "role": "primary", "share_percent": 100}])
        r = org.ta.call("POST", "/api/v1/transactions", {
            "external_id": f"BPR-{who['staff']}", "client_id": client, "product_id": org.fund,
            "kind": "申购", "amount": amount, "trade_time": f"{day}T10:00:00+08:00"})
        assert r.status_code == 201, r.text
    return org


def test_someone_who_joined_mid_month_is_ranked_on_the_whole_month(org):
    plain = board(org, name="原始榜")
    fair = board(org, name="折算榜", pro_rate=True)
    assert fair["pro_rate"] is True and plain["pro_rate"] is False
    page = org.boss["api"].call("GET", f"/api/v1/boards/{fair['id']}/standings?period=2026-03")
    assert page.status_code == 200, page.text
    rows = {r["name"]: r for r in page.json()["items"]}
    assert [r["name"] for r in page.json()["items"]][:2] == ["new", "li"]
    assert rows["new"]["value"] == "1240.00"
    assert rows["new"]["pro_rated"] == {"actual_value": "600.00", "days_present": 15,
                                        "days_in_period": 31}
    assert rows["li"]["value"] == "1000.00" and rows["li"]["pro_rated"] is None
    unscaled = org.boss["api"].call("GET", f"/api/v1/boards/{plain['id']}/standings"
                                           "?period=2026-03").json()["items"]
    assert [r["name"] for r in unscaled][:2] == ["li", "new"]
    # li needs 1240.01 scaled against new's: 240.01 more in real yuan.
    mine = org.li["api"].call("GET", f"/api/v1/boards/{fair['id']}/standings/me?period=2026-03")
    assert mine.json()["to_pass"]["more_needed"] == "240.01"
    # In April new is there all month: nothing to scale.
    april = org.boss["api"].call("GET", f"/api/v1/boards/{fair['id']}/standings?period=2026-04")
    assert all(r["pro_rated"] is None for r in april.json()["items"])


def test_pro_rating_is_for_plain_boards_of_people(org):
    for fields in [{"metric_id": org.by_department},
                   {"denominator_metric_id": org.subscriptions,
                    "metric_id": metric(org, "bpr.other.month", kind="sum")}]:
        r = org.boss["api"].call("POST", "/api/v1/boards",
                                 {"name": "坏折算榜", "pro_rate": True, **fields})
        assert r.status_code == 400 and r.json()["field"] == "pro_rate", (fields, r.text)
