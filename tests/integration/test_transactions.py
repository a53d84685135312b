"""Transactions from the trading/TA system: exact money, idempotency, batches, credits from
coverage, status changes and who may see which trades."""
import pytest

from conftest import run_cli
from org import Org, integration


@pytest.fixture(scope="module")
def org(laurel):
    org = Org(laurel, laurel.api().as_admin(), "tx")
    org.li = org.person("li", "sales", org.north_a)
    org.han = org.person("han", "sales", org.south)
    org.boss = org.person("boss", "manager", org.north)
    org.helper = org.person("ops", "service", org.south)
    org.bank = org.client("交易银行")
    org.equity = org.product("equity")
    org.cover(org.bank, [{"staff_id": org.li["staff"], "role": "primary", "share_percent": 60},
                         {"staff_id": org.han["staff"], "role": "secondary", "share_percent": 40}],
              "2026-01-01")
    org.ta = integration(laurel, org.admin, "ta-system")
    return org


def trade(org, external_id, amount="1250000.00", **extra):
    body = {"external_id": external_id, "client_id": org.bank, "product_id": org.equity,
            "kind": "申购", "amount": amount, "trade_time": "2026-03-02T10:30:00+08:00"}
    body.update(extra)
    return body


def test_a_trade_is_credited_by_coverage_and_resending_it_is_a_duplicate(org):
    r = org.ta.call("POST", "/api/v1/transactions", trade(org, "TA-1", "1000.01"))
    assert r.status_code == 201, r.text
    t = r.json()
    assert (t["kind"], t["kind_name"], t["amount"], t["trade_date"]) == (
        "purchase", "申购", "1000.01", "2026-03-02")
    assert [(c["staff_id"], c["amount"], c["department_id"]) for c in t["credits"]] == [
        (org.li["staff"], "600.01", org.north_a), (org.han["staff"], "400.00", org.south)]
    again = org.ta.call("POST", "/api/v1/transactions", trade(org, "TA-1", "1000.01"))
    assert again.status_code == 200 and again.headers["Laurel-Outcome"] == "duplicate"
    assert again.json()["id"] == t["id"]
    changed = org.ta.call("POST", "/api/v1/transactions", trade(org, "TA-1", "1000.02"))
    assert changed.status_code == 409 and changed.json()["field"] == "external_id"
    found = org.admin.call("GET", "/api/v1/transactions?external_id=TA-1").json()["items"]
    assert [x["amount"] for x in found] == ["1000.01"]


@pytest.mark.parametrize("change, field", [
    ({"amount": 1250000}, "amount"),
    ({"amount": "1.234"}, "amount"),
    ({"amount": "-5.00"}, "amount"),
    ({"amount": "1e6"}, "amount"),
    ({"amount": "92233720368547758.08"}, "amount"),
    ({"amount": "0"}, "amount"),
    ({"kind": "gift"}, "kind"),
    ({"trade_time": "2026-03-02 10:30"}, "trade_time"),
    ({"trade_time": "2099-01-01T00:00:00Z"}, "trade_time"),
    ({"client_id": 999999}, "client_id"),
    ({"product_id": None, "product_code": "NOPE"}, "product_code"),
    ({"status": "confirmed"}, "confirm_date"),
    ({"confirm_date": "2026-03-01"}, "confirm_date"),
    ({"credits": [{"staff_id": 1, "role": "primary", "share_percent": 50}]}, "credits"),
    ({"external_id": "bad id"}, "external_id"),
    ({"note": "x"}, "note"),
])
def test_bad_trades_are_refused_naming_the_field(org, change, field):
    body = trade(org, "BAD-" + field)
    body.update(change)
    body = {k: v for k, v in body.items() if v is not None}
    r = org.ta.call("POST", "/api/v1/transactions", body)
    assert r.status_code == 400, r.text
    assert r.json()["field"] == field
    assert org.admin.call("GET", "/api/v1/transactions?external_id=BAD-" + field).json()["items"] == []


def test_a_batch_is_all_or_nothing_unless_partial(org):
    rows = [trade(org, f"B-{i}", f"{i}.00") for i in range(1, 6)]
    rows[3]["amount"] = "4.001"
    r = org.ta.call("POST", "/api/v1/transactions/batch", {"transactions": rows})
    assert r.status_code == 400 and r.json()["field"] == "transactions[3].amount"
    assert org.admin.call("GET", "/api/v1/transactions?external_id=B-1").json()["items"] == []

    partial = org.ta.call("POST", "/api/v1/transactions/batch?partial=true", {"transactions": rows})
    assert partial.status_code == 200, partial.text
    report = partial.json()
    assert (report["applied"], report["duplicates"], report["failed"]) == (4, 0, 1)
    assert [x["outcome"] for x in report["results"]] == [
        "applied", "applied", "applied", "failed", "applied"]
    assert report["results"][3]["error"]["field"] == "transactions[3].amount"

    rows[3]["amount"] = "4.00"
    rows[0]["amount"] = "9.99"  # B-1 again with other content
    conflict = org.ta.call("POST", "/api/v1/transactions/batch", {"transactions": rows})
    assert conflict.status_code == 409 and conflict.json()["field"] == "transactions[0].external_id"
    rows[0]["amount"] = "1.00"
    resent = org.ta.call("POST", "/api/v1/transactions/batch", {"transactions": rows}).json()
    assert (resent["applied"], resent["duplicates"]) == (1, 4)
    too_many = org.ta.call("POST", "/api/v1/transactions/batch",
                           {"transactions": [{}] * 10001})
    assert too_many.status_code == 400 and too_many.json()["field"] == "transactions"


def test_status_changes_follow_the_lifecycle(org):
    t = org.ta.call("POST", "/api/v1/transactions", trade(org, "S-1")).json()
    confirmed = org.ta.call("PATCH", f"/api/v1/transactions/{t['id']}",
                            {"status": "confirmed", "confirm_date": "2026-03-04"})
    assert confirmed.status_code == 200 and confirmed.json()["confirm_date"] == "2026-03-04"
    failed = org.ta.call("PATCH", f"/api/v1/transactions/{t['id']}", {"status": "failed"})
    assert failed.status_code == 409
    cancelled = org.ta.call("PATCH", f"/api/v1/transactions/{t['id']}", {"status": "cancelled"})
    assert cancelled.json()["status"] == "cancelled"
    events = org.admin.call("GET", f"/api/v1/events?entity_type=transaction&entity_id={t['id']}")
    assert [e["type"] for e in events.json()["items"]] == [
        "transaction.recorded", "transaction.confirmed", "transaction.cancelled"]
    assert org.ta.call("PATCH", "/api/v1/transactions/999999",
                       {"status": "cancelled"}).status_code == 404


def test_each_role_sees_its_own_scope(org):
    other = org.client("别家银行")
    mine = org.ta.call("POST", "/api/v1/transactions", trade(org, "V-1")).json()
    theirs = org.ta.call("POST", "/api/v1/transactions", trade(
        org, "V-2", client_id=other,
        credits=[{"staff_id": org.han["staff"], "role": "primary", "share_percent": 100}])).json()

    def visible(api):
        items = api.call("GET", "/api/v1/transactions?limit=200").json()["items"]
        return {t["id"] for t in items} & {mine["id"], theirs["id"]}

    assert visible(org.admin) == {mine["id"], theirs["id"]}
    assert visible(org.li["api"]) == {mine["id"]}, "li covers the bank, not the other client"
    assert visible(org.han["api"]) == {mine["id"], theirs["id"]}
    assert visible(org.boss["api"]) == {mine["id"]}, "North and North A; han is in South"
    assert org.li["api"].call("GET", f"/api/v1/transactions/{theirs['id']}").status_code == 404
    assert org.helper["api"].call("GET", "/api/v1/transactions").status_code == 403
    assert org.li["api"].call("POST", "/api/v1/transactions", trade(org, "V-3")).status_code == 403


def test_the_cli_imports_a_gb18030_csv_and_stops_at_a_bad_row(laurel, org, tmp_path):
    code = org.admin.call("GET", f"/api/v1/clients/{org.bank}").json()["registration_code"]
    product = org.admin.call("GET", f"/api/v1/products/{org.equity}").json()["code"]
    header = "外部编号,统一社会信用代码,产品代码,交易类型,金额,交易时间\r\n"
    rows = [f"CSV-{i},{code},{product},申购,{i}.50,2026-03-02 10:{i:02d}\r\n" for i in range(1, 6)]
    good = tmp_path / "trades.csv"
    good.write_bytes((header + "".join(rows)).encode("gb18030"))
    r = run_cli("import", "transactions", str(good), db=laurel.db)
    assert r.returncode == 0, r.stderr
    assert "applied 5, duplicates 0, failed 0 (GB18030)" in r.stdout
    t = org.admin.call("GET", "/api/v1/transactions?external_id=CSV-3").json()["items"][0]
    assert (t["amount"], t["trade_time"]) == ("3.50", "2026-03-02T02:03:00.000000Z")
    assert len(t["credits"]) == 2, "credited from coverage like any other trade"

    again = run_cli("import", "transactions", str(good), db=laurel.db)
    assert "applied 0, duplicates 5" in again.stdout

    bad = tmp_path / "bad.csv"
    bad.write_text(header + rows[0].replace("CSV-1", "CSV-9") + "CSV-10,x,y,申购,1.234,soon\r\n",
                   encoding="utf-8")
    refused = run_cli("import", "transactions", str(bad), db=laurel.db)
    assert refused.returncode == 1
    assert "line 3, amount" in refused.stderr and "nothing imported" in refused.stderr
    assert org.admin.call("GET", "/api/v1/transactions?external_id=CSV-9").json()["items"] == []
    partial = run_cli("import", "transactions", str(bad), "--partial", db=laurel.db)
    assert partial.returncode == 2 and "applied 1, duplicates 0, failed 1" in partial.stdout


def test_newest_first_pages_down_from_the_latest_trade(org):
    client = org.client("新近交易银行")
    ids = []
    for n in range(5):
        r = org.ta.call("POST", "/api/v1/transactions",
                        trade(org, f"TA-NEWEST-{n}", client_id=client))
        assert r.status_code == 201, r.text
        ids.append(r.json()["id"])
    first = org.admin.call("GET", f"/api/v1/transactions?client_id={client}&order=newest&limit=2")
    assert first.status_code == 200, first.text
    assert [t["id"] for t in first.json()["items"]] == [ids[4], ids[3]]
    cursor = first.json()["next_cursor"]
    rest = org.admin.call("GET", f"/api/v1/transactions?client_id={client}&order=newest"
                                 f"&limit=5&cursor={cursor}").json()
    assert [t["id"] for t in rest["items"]] == [ids[2], ids[1], ids[0]]
    assert rest["next_cursor"] is None
    oldest = org.admin.call("GET", f"/api/v1/transactions?client_id={client}&limit=2").json()
    assert [t["id"] for t in oldest["items"]] == ids[:2]
    bad = org.admin.call("GET", "/api/v1/transactions?order=sideways")
    assert bad.status_code == 400 and bad.json()["field"] == "order"
