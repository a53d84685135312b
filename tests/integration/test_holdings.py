"""Holdings: daily balances from the warehouse, positions with confirmed flows, totals with and
without money-market funds, daily history, and who may see them."""
import pytest

from conftest import run_cli
from org import Org, integration


@pytest.fixture(scope="module")
def org(laurel):
    org = Org(laurel, laurel.api().as_admin(), "hold")
    org.li = org.person("li", "sales", org.north_a)
    org.han = org.person("han", "sales", org.south)
    org.boss = org.person("boss", "manager", org.north)
    org.ops = org.person("ops", "service", org.south)
    org.bank, org.other = org.client("持仓银行"), org.client("持仓保险", "insurer")
    org.equity, org.cash = org.product("equity"), org.product("money_market")
    org.cover(org.bank, [{"staff_id": org.li["staff"], "role": "primary", "share_percent": 60},
                         {"staff_id": org.han["staff"], "role": "secondary", "share_percent": 40}])
    org.cover(org.other, [{"staff_id": org.han["staff"], "role": "primary", "share_percent": 100}])
    org.warehouse = integration(laurel, org.admin, "warehouse-hold")
    r = org.warehouse.call("POST", "/api/v1/holdings/balances", {"balances": [
        {"client_id": org.bank, "product_id": org.equity, "date": "2026-11-01", "amount": "1000.01"},
        {"client_id": org.bank, "product_id": org.cash, "date": "2026-11-01", "amount": "500"},
        {"client_id": org.other, "product_id": org.equity, "date": "2026-11-01", "amount": "7"},
    ]})
    assert r.status_code == 200 and r.json()["applied"] == 3, r.text
    ta = integration(laurel, org.admin, "ta-hold")
    t = ta.call("POST", "/api/v1/transactions", {
        "external_id": "HOLD-1", "client_id": org.bank, "product_id": org.equity, "kind": "申购",
        "amount": "100.00", "trade_time": "2026-11-02T10:00:00+08:00", "status": "confirmed",
        "confirm_date": "2026-11-03"})
    assert t.status_code == 201, t.text
    return org


def test_positions_add_confirmed_flows_to_the_latest_balance(org):
    on = lambda day: {(p["client_id"], p["product_id"]): p["amount"] for p in org.admin.call(
        "GET", f"/api/v1/holdings?as_of={day}").json()["items"]}
    assert on("2026-11-02")[(org.bank, org.equity)] == "1000.01"
    assert on("2026-11-03")[(org.bank, org.equity)] == "1100.01"
    assert (org.bank, org.equity) not in on("2026-10-31")


def test_totals_split_by_coverage_and_leave_out_money_market(org):
    totals = org.admin.call("GET", "/api/v1/holdings/totals?as_of=2026-11-03").json()
    mine = {s["staff_id"]: s for s in totals["staff"]}
    assert mine[org.li["staff"]]["amount_excluding_money_market"] == "660.01"
    assert mine[org.han["staff"]]["amount_excluding_money_market"] == "447.00"
    assert mine[org.li["staff"]]["amount"] == "960.01"
    li_view = org.li["api"].call("GET", "/api/v1/holdings/totals?as_of=2026-11-03").json()
    assert [s["staff_id"] for s in li_view["staff"]] == [org.li["staff"]]
    assert li_view["departments"] == []
    boss_view = org.boss["api"].call("GET", "/api/v1/holdings/totals?as_of=2026-11-03").json()
    rows = {d["department_id"]: d["amount"] for d in boss_view["departments"]}
    assert rows == {org.north: "960.01", org.north_a: "960.01"}, "North includes North A"
    assert org.ops["api"].call("GET", "/api/v1/holdings/totals").status_code == 403


def test_history_and_scope_of_positions(org):
    series = org.admin.call(
        "GET", f"/api/v1/holdings/history?from=2026-11-01&to=2026-11-03&client_id={org.bank}").json()
    assert [(d["date"], d["amount"], d["amount_excluding_money_market"])
            for d in series["items"]] == [("2026-11-01", "1500.01", "1000.01"),
                                          ("2026-11-02", "1500.01", "1000.01"),
                                          ("2026-11-03", "1600.01", "1100.01")]
    li_positions = org.li["api"].call("GET", "/api/v1/holdings?as_of=2026-11-03").json()["items"]
    assert {p["client_id"] for p in li_positions} == {org.bank}
    bad = org.admin.call("GET", "/api/v1/holdings/history?from=2026-11-03&to=2026-11-01")
    assert bad.status_code == 400 and bad.json()["field"] == "to"
    assert org.admin.call("GET", "/api/v1/holdings/history?to=2026-11-01").json()["field"] == "from"


def test_holdings_metrics_read_the_daily_closes(org):
    def define(code, **definition):
        r = org.admin.call("POST", "/api/v1/metrics", {
            "code": code, "name": code, "subject": "company", "period": "month", **definition})
        assert r.status_code == 201, r.text
        return r.json()

    def figures(metric, period):
        r = org.admin.call("GET", f"/api/v1/metrics/{metric['id']}/values?period={period}")
        assert r.status_code == 200, r.text
        return {i["subject_id"]: i["amount"] for i in r.json()["items"]}

    month_end = define("hold.month_end", kind="end_of_period_balance",
                       filter={"exclude_money_market": True})
    assert month_end["source"] == "holdings", "a balance is of holdings without saying so"
    assert figures(month_end, "2026-11") == {0: "1107.01"}  # 1100.01 + 7, no money market
    assert figures(month_end, "2026-10") == {}, "nothing held before the first balance"
    daily = define("hold.client_adb", kind="average_daily_balance", subject="client")
    # The bank: 1500.01 on 1–2 November, 1600.01 on the 28 days after: 47,800.30 / 30.
    assert figures(daily, "2026-11") == {org.bank: "1593.34", org.other: "7.00"}
    per_fund = define("hold.fund_adb", kind="average_daily_balance", subject="product")
    assert figures(per_fund, "2027-01") == {}, "a month not begun has no figures"
    assert figures(per_fund, "2026-11") == {org.equity: "1100.34", org.cash: "500.00"}


def test_holdings_metrics_per_person_and_department_agree_with_the_totals(org):
    def define(code, subject):
        r = org.admin.call("POST", "/api/v1/metrics", {
            "code": code, "name": code, "kind": "end_of_period_balance", "subject": subject,
            "period": "month"})
        assert r.status_code == 201, r.text
        r = org.admin.call("GET", f"/api/v1/metrics/{r.json()['id']}/values?period=2026-11")
        return {i["subject_id"]: i["amount"] for i in r.json()["items"]}

    people, departments = define("hold.staff", "staff"), define("hold.dept", "department")
    totals = org.admin.call("GET", "/api/v1/holdings/totals?as_of=2026-11-30").json()
    assert people == {s["staff_id"]: s["amount"] for s in totals["staff"]}
    # 李雷: 60% of the bank (1100.01 + 500); 韩梅梅: 40% of it and all of the insurer (7).
    assert people == {org.li["staff"]: "960.01", org.han["staff"]: "647.00"}
    assert departments == {d["department_id"]: d["amount"] for d in totals["departments"]}
    assert departments[org.north] == departments[org.north_a] == "960.01"


def test_balance_imports_are_idempotent_and_refuse_bad_rows(org):
    row = {"client_id": org.bank, "product_id": org.equity, "date": "2026-11-05", "amount": "1"}
    first = org.warehouse.call("POST", "/api/v1/holdings/balances", {"balances": [row]}).json()
    again = org.warehouse.call("POST", "/api/v1/holdings/balances", {"balances": [row]}).json()
    assert (first["applied"], again["duplicates"]) == (1, 1)
    fixed = org.warehouse.call("POST", "/api/v1/holdings/balances",
                               {"balances": [dict(row, amount="2")]}).json()
    assert fixed["corrected"] == 1
    rows = [dict(row, date="2026-11-06"), dict(row, amount=1.5), dict(row, date="2099-01-01")]
    strict = org.warehouse.call("POST", "/api/v1/holdings/balances", {"balances": rows})
    assert strict.status_code == 400 and strict.json()["field"] == "balances[1].amount"
    partial = org.warehouse.call("POST", "/api/v1/holdings/balances?partial=true",
                                 {"balances": rows}).json()
    assert [r["outcome"] for r in partial["results"]] == ["applied", "failed", "failed"]
    assert partial["results"][2]["error"]["field"] == "balances[2].date"
    assert org.li["api"].call("POST", "/api/v1/holdings/balances",
                              {"balances": []}).status_code == 403


def test_the_cli_imports_balances(laurel, org, tmp_path):
    code = org.admin.call("GET", f"/api/v1/clients/{org.other}").json()["registration_code"]
    product = org.admin.call("GET", f"/api/v1/products/{org.cash}").json()["code"]
    path = tmp_path / "balances.csv"
    path.write_bytes(f"统一社会信用代码,产品代码,日期,金额\n{code},{product},2026-11-02,88.80\n"
                     .encode("gb18030"))
    r = run_cli("import", "balances", str(path), db=laurel.db)
    assert r.returncode == 0, r.stderr
    assert "applied 1, duplicates 0, failed 0 (GB18030)" in r.stdout
    items = org.admin.call("GET", f"/api/v1/holdings?as_of=2026-11-02&client_id={org.other}"
                           ).json()["items"]
    assert {(p["product_id"], p["amount"]) for p in items} == {(org.cash, "88.80"),
                                                               (org.equity, "7.00")}
    path.write_text("日期,金额\n2026-11-02,1\n", encoding="utf-8")
    missing = run_cli("import", "balances", str(path), db=laurel.db)
    assert missing.returncode == 1 and "client_id" in missing.stderr


def test_a_clients_status_follows_its_subscriptions_and_holdings(org):
    bank = org.admin.call("GET", f"/api/v1/clients/{org.bank}").json()
    assert (bank["status"], bank["first_subscription_date"]) == ("active", "2026-11-02")
    fresh = org.client("新客户")
    assert org.li["api"].call("GET", f"/api/v1/clients/{fresh}").json()["status"] == "prospect"
    listed = org.admin.call("GET", f"/api/v1/clients?q=持仓银行").json()["items"]
    assert [c["status"] for c in listed if c["id"] == org.bank] == ["active"]
