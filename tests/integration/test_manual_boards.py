"""Manual and hybrid leaderboards: a manager enters a period's rows by form (JSON) or uploads them
(CSV or XLSX); every bad row is reported with its line and nothing is stored; each submission is a
version, the latest published one ranked; with approval required another manager approves
(maker-checker); a hybrid board ranks its metric with manual rows replacing, marked "manual"."""
import io

import openpyxl
import pytest

from board_setup import board, metric
from org import Org, integration


@pytest.fixture(scope="module")
def org(laurel):
    org = Org(laurel, laurel.api().as_admin(), "bmn")
    org.li = org.person("li", "sales", org.north_a)
    org.wang = org.person("wang", "sales", org.north)
    org.boss = org.person("boss", "manager", org.north)
    org.checker = org.person("checker", "manager", org.north)
    org.han = org.person("han", "sales", org.south)
    org.fund = org.product("bond")
    org.ta = integration(laurel, org.admin, "bmn-ta")
    org.subscriptions = metric(org, "bmn.subs.month", kind="sum",
                               filter={"product_ids": [org.fund]})
    return org


def manual(org, **fields):
    return board(org, **{"name": "手工榜", "kind": "manual", "metric_id": None,
                         "subject": "staff", "period": "month", "amounts": True, **fields})


def submit(org, board_id, rows=None, who=None, data=None, content_type=None, period="2026-03"):
    api = (who or org.boss)["api"]
    path = f"/api/v1/boards/{board_id}/rows?period={period}"
    if data is not None:
        return api.call("POST", path, data=data, headers={"Content-Type": content_type})
    return api.call("POST", path, {"rows": rows})


def ranks(org, board_id, who=None):
    r = (who or org.boss)["api"].call("GET", f"/api/v1/boards/{board_id}/standings?period=2026-03")
    assert r.status_code == 200, r.text
    return [(row["name"], row["rank"], row["value"], row["source"]) for row in r.json()["items"]]


def versions(org, board_id):
    r = org.boss["api"].call("GET", f"/api/v1/boards/{board_id}/rows?period=2026-03")
    assert r.status_code == 200, r.text
    return r.json()["items"]


def test_a_manual_board_ranks_the_rows_of_its_latest_version(org):
    b = manual(org)
    assert (b["kind"], b["metric_id"], b["subject"], b["period"], b["amounts"]) == (
        "manual", None, "staff", "month", True)
    r = submit(org, b["id"], [{"subject_id": org.li["staff"], "value": "1200.50", "note": "路演"},
                              {"name": "wang", "value": "300"}])
    assert r.status_code == 201, r.text
    first = r.json()
    assert (first["version"], first["status"], first["period"]) == (1, "published", "2026-03")
    assert first["rows"][0] == {"subject_id": org.li["staff"], "name": "li", "value": "1200.50",
                                "note": "路演"}
    assert ranks(org, b["id"]) == [("li", 1, "1200.50", "manual"), ("wang", 2, "300.00", "manual")]
    # A new version replaces the period's rows; the old one stays listed.
    r = submit(org, b["id"], [{"subject_id": org.wang["staff"], "value": "5000.00"}])
    assert r.status_code == 201 and r.json()["version"] == 2, r.text
    assert ranks(org, b["id"]) == [("wang", 1, "5000.00", "manual")]
    assert [v["version"] for v in versions(org, b["id"])] == [2, 1]
    # Salespeople read the board, not its versions.
    assert ranks(org, b["id"], who=org.li) == [("wang", 1, "5000.00", "manual")]
    assert org.li["api"].call("GET", f"/api/v1/boards/{b['id']}/rows?period=2026-03").status_code \
        == 403


def test_every_bad_row_is_reported_with_its_line_and_nothing_is_stored(org):
    b = manual(org, name="北区手工榜", scope="department", department_id=org.north)
    r = submit(org, b["id"], [
        {"subject_id": org.li["staff"], "value": "100.00"},
        {"subject_id": 999999, "value": "1.00"},
        {"name": "nobody", "value": "1.00"},
        {"subject_id": org.li["staff"], "value": "2.00"},
        {"subject_id": org.wang["staff"], "value": "abc"},
        {"subject_id": org.boss["staff"], "value": "1.234"},
        {"subject_id": org.han["staff"], "value": "5.00"},
        {"subject_id": org.checker["staff"], "value": 12, "note": "x" * 201}])
    assert r.status_code == 422, r.text
    assert r.headers["Content-Type"].startswith("application/problem+json")
    problems = [(e["line"], e["field"]) for e in r.json()["errors"]]
    assert problems == [(2, "subject_id"), (3, "name"), (4, "subject_id"), (5, "value"),
                        (6, "value"), (7, "subject_id"), (8, "note")]
    assert "outside the board's scope" in r.json()["errors"][5]["message"]
    assert "line 1" in r.json()["errors"][2]["message"]
    assert versions(org, b["id"]) == [] and ranks(org, b["id"]) == []
    # Whole-request problems name their field.
    for rows, field in [([], "rows"), (None, "rows")]:
        r = submit(org, b["id"], rows)
        assert r.status_code == 400 and r.json()["field"] == field, r.text
    r = submit(org, b["id"], [{"subject_id": org.li["staff"], "value": "1"}], period="2026-W10")
    assert r.status_code == 400 and r.json()["field"] == "period"
    counts = manual(org, name="次数榜", amounts=False)
    r = submit(org, counts["id"], [{"subject_id": org.li["staff"], "value": "-3"},
                                   {"subject_id": org.wang["staff"], "value": "2.5"}])
    assert r.status_code == 422 and [e["field"] for e in r.json()["errors"]] == ["value", "value"]


def test_rows_upload_as_csv_or_xlsx_with_chinese_headers(org):
    b = manual(org, name="上传榜")
    csv = "\ufeff姓名,成绩,备注\r\nli,88.00,路演\r\nwang,99.50,\r\n".encode("utf-8")
    r = submit(org, b["id"], data=csv, content_type="text/csv")
    assert r.status_code == 201, r.text
    assert ranks(org, b["id"]) == [("wang", 1, "99.50", "manual"), ("li", 2, "88.00", "manual")]
    book = openpyxl.Workbook()
    book.active.append(["subject_id", "value"])
    book.active.append([org.li["staff"], "120.00"])
    book.active.append(["不是编号", "1.00"])
    data = io.BytesIO()
    book.save(data)
    r = submit(org, b["id"], data=data.getvalue(),
               content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    assert r.status_code == 422, r.text
    assert [(e["line"], e["field"]) for e in r.json()["errors"]] == [(3, "subject_id")]
    r = submit(org, b["id"], data="姓名,分数\nli,1\n".encode(), content_type="text/csv")
    assert r.status_code == 400 and r.json()["field"].startswith("rows[1]"), r.text
    assert r.json()["field"] == "rows[1].分数" or "分数" in r.json()["detail"]
    r = submit(org, b["id"], data=b"\xff\xfe\x00garbage", content_type="text/csv")
    assert r.status_code == 400 and r.json()["field"] == "file", r.text
    assert [v["version"] for v in versions(org, b["id"])] == [1]


def test_rows_wait_for_another_managers_approval_when_the_board_asks(org):
    b = manual(org, name="审批榜", approval_required=True)
    r = submit(org, b["id"], [{"subject_id": org.li["staff"], "value": "10.00"}])
    assert r.status_code == 201 and r.json()["status"] == "pending", r.text
    pending = r.json()["id"]
    assert ranks(org, b["id"]) == [], "not ranked before it is approved"
    path = f"/api/v1/boards/{b['id']}/rows/{pending}"
    assert org.boss["api"].call("POST", path + "/approve").status_code == 403, "maker ≠ checker"
    r = org.checker["api"].call("POST", path + "/approve")
    assert r.status_code == 200, r.text
    assert (r.json()["status"], r.json()["decided_by"]) == ("published", org.checker["user"])
    assert ranks(org, b["id"]) == [("li", 1, "10.00", "manual")]
    assert org.checker["api"].call("POST", path + "/approve").status_code == 409
    second = submit(org, b["id"], [{"subject_id": org.wang["staff"], "value": "20.00"}]).json()
    r = org.checker["api"].call("POST", f"/api/v1/boards/{b['id']}/rows/{second['id']}/reject",
                                {"reason": "数据未核对"})
    assert r.status_code == 200 and r.json()["status"] == "rejected", r.text
    assert r.json()["reason"] == "数据未核对"
    assert ranks(org, b["id"]) == [("li", 1, "10.00", "manual")], "a rejected version changes nothing"
    r = org.checker["api"].call("POST", f"/api/v1/boards/{b['id']}/rows/{second['id']}/reject", {})
    assert r.status_code == 400 and r.json()["field"] == "reason"
    assert org.checker["api"].call("POST", f"/api/v1/boards/{b['id']}/rows/999999/approve") \
        .status_code == 404


def test_a_hybrid_board_mixes_computed_and_manual_rows_each_marked(org):
    for who, amount in [(org.li, "1000.00"), (org.wang, "500.00")]:
        client = org.client("手工银行")
        org.cover(client, [{"staff_id": who["staff"], "role": "primary", "share_percent": 100}])
        r = org.ta.call("POST", "/api/v1/transactions", {
            "external_id": f"BMN-{who['staff']}", "client_id": client, "product_id": org.fund,
            "kind": "申购", "amount": amount, "trade_time": "2026-03-02T10:00:00+08:00"})
        assert r.status_code == 201, r.text
    b = board(org, name="混合榜", kind="hybrid", scope="department", department_id=org.north)
    before = dict((n, v) for n, _, v, _ in ranks(org, b["id"]))
    assert before["li"] == "1000.00" and before["boss"] == "0.00"
    r = submit(org, b["id"], [{"subject_id": org.boss["staff"], "value": "800.00"},
                              {"subject_id": org.li["staff"], "value": "100.00"}])
    assert r.status_code == 201, r.text
    got = ranks(org, b["id"])
    assert got[:3] == [("boss", 1, "800.00", "manual"), ("wang", 2, "500.00", "computed"),
                       ("li", 3, "100.00", "manual")]
    # A trade for li does not move the manual row that replaced li's figure.
    client = org.client("手工信托")
    org.cover(client, [{"staff_id": org.li["staff"], "role": "primary", "share_percent": 100}])
    r = org.ta.call("POST", "/api/v1/transactions", {
        "external_id": "BMN-LATE", "client_id": client, "product_id": org.fund,
        "kind": "申购", "amount": "9000.00", "trade_time": "2026-03-05T10:00:00+08:00"})
    assert r.status_code == 201, r.text
    assert ("li", 3, "100.00", "manual") in ranks(org, b["id"])


def test_a_board_changes_kind_without_carrying_the_old_kinds_members(org):
    b = manual(org, name="改类榜", approval_required=True)
    r = org.boss["api"].call("PATCH", f"/api/v1/boards/{b['id']}",
                             {"kind": "computed", "metric_id": org.subscriptions})
    assert r.status_code == 200, r.text
    assert (r.json()["kind"], r.json()["approval_required"], r.json()["amounts"]) == (
        "computed", False, True), "amounts now from the metric"
    r = org.boss["api"].call("PATCH", f"/api/v1/boards/{b['id']}", {
        "kind": "manual", "metric_id": None, "subject": "staff", "period": "quarter"})
    assert r.status_code == 200, r.text
    assert (r.json()["kind"], r.json()["period"], r.json()["metric_id"]) == ("manual", "quarter",
                                                                            None)


def test_bad_manual_board_definitions_name_the_field(org):
    computed = board(org, name="计算榜")
    r = submit(org, computed["id"], [{"subject_id": org.li["staff"], "value": "1"}])
    assert r.status_code == 400 and r.json()["field"] == "id", r.text
    for fields, field in [({"metric_id": org.subscriptions}, "metric_id"),
                          ({"subject": "client"}, "subject"), ({"period": "decade"}, "period"),
                          ({"tie_policy": "first_to_reach"}, "tie_policy"),
                          ({"denominator_metric_id": org.subscriptions}, "denominator_metric_id")]:
        body = {"name": "坏手工榜", "kind": "manual", "subject": "staff", "period": "month",
                **fields}
        r = org.boss["api"].call("POST", "/api/v1/boards", body)
        assert r.status_code == 400 and r.json()["field"] == field, (fields, r.text)
    r = org.boss["api"].call("POST", "/api/v1/boards", {
        "name": "坏计算榜", "metric_id": org.subscriptions, "approval_required": True})
    assert r.status_code == 400 and r.json()["field"] == "approval_required"


def test_a_template_lists_everyone_the_board_may_rank_and_goes_back_filled_in(org):
    b = manual(org, name="模板榜")
    path = f"/api/v1/boards/{b['id']}/rows/template?period=2026-03"
    r = org.boss["api"].call("GET", path + "&format=csv")
    assert r.status_code == 200, r.text
    assert r.headers["Content-Type"].startswith("text/csv")
    assert f"board-rows-{b['id']}-2026-03.csv" in r.headers["Content-Disposition"]
    lines = r.content.decode("utf-8-sig").split("\r\n")
    assert lines[0] == "编号,姓名,成绩,备注"
    listed = {int(line.split(",")[0]): line.split(",")[1] for line in lines[1:] if line}
    # North's people (North A is under it); han works in South, outside the board's scope.
    assert listed == {org.li["staff"]: "li", org.wang["staff"]: "wang",
                      org.boss["staff"]: "boss", org.checker["staff"]: "checker"}
    # Filled in and sent back as it is: a version of rows.
    filled = [lines[0]] + [f"{sid},{name},{10 * n}.00,"
                           for n, (sid, name) in enumerate(sorted(listed.items()), 1)]
    r = submit(org, b["id"], data=("\ufeff" + "\r\n".join(filled) + "\r\n").encode(),
               content_type="text/csv")
    assert r.status_code == 201, r.text
    assert [row[2] for row in ranks(org, b["id"])] == ["40.00", "30.00", "20.00", "10.00"]
    # XLSX by default, headers in English when asked.
    r = org.boss["api"].call("GET", path + "&lang=en")
    assert r.status_code == 200, r.text
    rows = list(openpyxl.load_workbook(io.BytesIO(r.content)).active.values)
    assert rows[0] == ("subject_id", "name", "value", "note") and len(rows) == 5
    assert {row[0] for row in rows[1:]} == set(listed)
    # A computed board takes no rows; salespeople do not fill them in; a period of another kind.
    computed = board(org, name="模板计算榜")
    r = org.boss["api"].call("GET", f"/api/v1/boards/{computed['id']}/rows/template")
    assert r.status_code == 400 and r.json()["field"] == "id", r.text
    assert org.li["api"].call("GET", path).status_code == 403
    r = org.boss["api"].call("GET", f"/api/v1/boards/{b['id']}/rows/template?period=2026-W10")
    assert r.status_code == 400 and r.json()["field"] == "period", r.text
