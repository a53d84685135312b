"""Exports for the weekly meeting: a manager downloads a board or a snapshot as XLSX or CSV,
with headers in their language, figures exact (amounts as numbers Excel can add up), first-to-
reach times in company time, "no target" where a ratio has none — and every export is audited.
The XLSX is read back with openpyxl, not with Laurel's own reader."""
import csv
import io

import openpyxl
import pytest

from board_setup import board, metric
from org import Org, integration

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module")
def org(laurel):
    org = Org(laurel, laurel.api().as_admin(), "bex")
    org.li = org.person("li", "sales", org.north_a)
    org.wang = org.person("wang", "sales", org.north)
    org.boss = org.person("boss", "manager", org.north)
    org.fund = org.product("bond")
    org.bank = org.client("导出银行")
    org.trust = org.client("导出信托")
    org.cover(org.bank, [{"staff_id": org.li["staff"], "role": "primary", "share_percent": 100}])
    org.cover(org.trust, [{"staff_id": org.wang["staff"], "role": "primary", "share_percent": 100}])
    org.ta = integration(laurel, org.admin, "bex-ta")
    org.subscriptions = metric(org, "bex.subs.month", kind="sum", filter={"product_ids": [org.fund]})
    org.targets = metric(org, "bex.target.month", kind="imported")
    for external_id, client, amount, time in [
            ("BEX-1", org.bank, "1000.00", "2026-03-02T10:00:00+08:00"),
            ("BEX-2", org.trust, "250.50", "2026-03-03T09:30:00+08:00")]:
        r = org.ta.call("POST", "/api/v1/transactions", {
            "external_id": external_id, "client_id": client, "product_id": org.fund,
            "kind": "申购", "amount": amount, "trade_time": time})
        assert r.status_code == 201, r.text
    return org


def download(org, path, who=None, headers=None):
    r = (who or org.boss)["api"].call("GET", path, headers=headers)
    assert r.status_code == 200, r.text
    return r


def sheet_rows(response):
    assert response.headers["Content-Type"] == XLSX
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    return book.active.title, [list(row) for row in book.active.iter_rows(values_only=True)]


def csv_rows(response):
    assert response.headers["Content-Type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf"), "a BOM, so Excel reads UTF-8"
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def audited(org, board_id):
    r = org.admin.call("GET", f"/api/v1/audit?action=board.export&target_id={board_id}")
    assert r.status_code == 200, r.text
    return r.json()["items"]


def test_a_board_exports_as_xlsx_and_csv_in_the_callers_language(org):
    b = board(org, tie_policy="first_to_reach")
    got = download(org, f"/api/v1/boards/{b['id']}/export?period=2026-03")
    assert got.headers["Content-Disposition"] == \
        f'attachment; filename="board-{b["id"]}-2026-03.xlsx"'
    title, rows = sheet_rows(got)
    assert title == "北区认购榜 2026年3月"
    assert rows[0] == ["名次", "姓名", "编号", "成绩（元）", "达成时间"]
    assert rows[1] == [1, "li", org.li["staff"], 1000, "2026-03-02 10:00:00"]
    assert rows[2] == [2, "wang", org.wang["staff"], 250.5, "2026-03-03 09:30:00"]
    assert rows[3][:4] == [3, "boss", org.boss["staff"], 0] and rows[3][4] is None
    assert len(rows) == 4

    english = csv_rows(download(org, f"/api/v1/boards/{b['id']}/export?period=2026-03"
                                     "&format=csv&lang=en"))
    assert english[0] == ["Rank", "Name", "ID", "Figure (yuan)", "Reached at"]
    assert english[2] == ["2", "wang", str(org.wang["staff"]), "250.50", "2026-03-03 09:30:00"]
    # Without ?lang, the browser's Accept-Language decides.
    by_header = csv_rows(download(org, f"/api/v1/boards/{b['id']}/export?period=2026-03"
                                       "&format=csv", headers={"Accept-Language": "en-GB,en"}))
    assert by_header[0][0] == "Rank"

    entries = audited(org, b["id"])
    assert len(entries) == 3
    newest = entries[0]
    assert newest["actor_user_id"] == org.boss["user"]
    assert newest["after"] == {"format": "csv", "language": "en", "period": "2026-03",
                               "rows": 3}


def test_a_ratio_board_exports_target_and_achievement_and_says_no_target(org):
    b = board(org, name="达成率榜", denominator_metric_id=org.targets)
    r = org.ta.call("POST", f"/api/v1/metrics/{org.targets}/values", {"values": [
        {"subject_id": org.li["staff"], "date": "2026-03-01", "value": "4000.00"}]})
    assert r.status_code == 200, r.text
    rows = csv_rows(download(org, f"/api/v1/boards/{b['id']}/export?period=2026-03&format=csv"))
    assert rows[0] == ["名次", "姓名", "编号", "达成（元）", "目标（元）", "达成率（%）"]
    assert rows[1] == ["1", "li", str(org.li["staff"]), "1000.00", "4000.00", "25.0"]
    assert {row[1]: row[4:] for row in rows[2:]} == {"wang": ["无目标", ""], "boss": ["无目标", ""]}


def test_a_snapshot_exports_as_it_was_frozen(org):
    b = board(org, name="周会榜")
    shot = org.boss["api"].call("POST", f"/api/v1/boards/{b['id']}/snapshots",
                                {"period": "2026-03"})
    assert shot.status_code == 201, shot.text
    # A late trade moves wang past li; the snapshot's export keeps the frozen order.
    r = org.ta.call("POST", "/api/v1/transactions", {
        "external_id": "BEX-LATE", "client_id": org.trust, "product_id": org.fund,
        "kind": "申购", "amount": "5000.00", "trade_time": "2026-03-20T10:00:00+08:00"})
    assert r.status_code == 201, r.text
    got = download(org, f"/api/v1/snapshots/{shot.json()['id']}/export")
    assert got.headers["Content-Disposition"] == \
        f'attachment; filename="snapshot-{shot.json()["id"]}-2026-03.xlsx"'
    title, rows = sheet_rows(got)
    assert title.startswith("周会榜 2026年3月")
    assert [row[1] for row in rows[1:]] == ["li", "wang", "boss"]
    live = csv_rows(download(org, f"/api/v1/boards/{b['id']}/export?period=2026-03&format=csv"))
    assert [row[1] for row in live[1:]] == ["wang", "li", "boss"]
    assert audited(org, b["id"])[1]["after"]["snapshot_id"] == shot.json()["id"]


def test_exports_are_for_managers_and_bad_queries_name_the_field(org):
    b = board(org, name="权限榜")
    r = org.li["api"].call("GET", f"/api/v1/boards/{b['id']}/export?period=2026-03")
    assert r.status_code == 403
    for query, field in [("format=pdf", "format"), ("lang=fr", "lang"), ("period=2026-W10", "period"),
                         ("colour=red", "colour")]:
        r = org.boss["api"].call("GET", f"/api/v1/boards/{b['id']}/export?{query}")
        assert r.status_code == 400 and r.json()["field"] == field, (query, r.text)
    assert org.boss["api"].call("GET", "/api/v1/boards/999999/export").status_code == 404
    assert org.boss["api"].call("GET", "/api/v1/snapshots/999999/export").status_code == 404
    assert audited(org, b["id"]) == [], "refused exports leave no audit entry"
