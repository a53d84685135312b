"""Clients and key people uploaded as CSV (UTF-8 or GB18030) or XLSX files: de-duplication,
per-row errors naming the line and column, all or nothing unless partial, and the CLI."""
import pytest

from conftest import run_cli
from org import Org, credit_code
from workbook import xlsx

CSV = {"Content-Type": "text/csv; charset=utf-8"}
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module")
def org(laurel):
    org = Org(laurel, laurel.api().as_admin(), "imp")
    org.boss = org.person("boss", "manager", org.north)
    org.li = org.person("li", "sales", org.north)
    return org


def upload(api, path, body, content_type="text/csv", partial=None):
    params = {"partial": "true"} if partial else None
    return api.call("POST", path, data=body, headers={"Content-Type": content_type},
                    params=params)


def test_clients_from_csv_in_utf8_then_gb18030_update_rather_than_duplicate(org):
    codes = [credit_code(9100 + i) for i in range(3)]
    text = ("名称,简称,统一社会信用代码,类型,地区\n"
            f"导入银行股份有限公司,导入银行,{codes[0]},银行,上海\n"
            f"导入人寿保险股份有限公司,,{codes[1]},保险,\n")
    r = upload(org.boss["api"], "/api/v1/clients/import", text.encode("utf-8"))
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["created"], body["updated"], body["unchanged"], body["failed"]) == (2, 0, 0, 0)
    assert [row["line"] for row in body["results"]] == [2, 3]
    # The same file from a Chinese Excel (GB18030), one region changed and one client more.
    text = text.replace("上海", "上海浦东") + f"导入证券股份有限公司,,{codes[2]},证券,北京\n"
    r = upload(org.boss["api"], "/api/v1/clients/import", text.encode("gb18030"))
    assert r.status_code == 200, r.text
    assert [row["outcome"] for row in r.json()["results"]] == ["updated", "unchanged", "created"]
    found = org.admin.call("GET", "/api/v1/clients", params={"q": "导入银行"}).json()["items"]
    assert [c["region"] for c in found] == ["上海浦东"]
    assert upload(org.li["api"], "/api/v1/clients/import", text.encode()).status_code == 403


def test_a_bad_row_fails_the_file_naming_line_and_column_unless_partial(org):
    good, bad = credit_code(9200), credit_code(9201)[:-1] + "0"
    text = ("name,registration_code,type\n"
            f"坏行测试甲,{good},bank\n"
            f"坏行测试乙,{bad},bank\n"
            f"坏行测试丙,{good},insurer\n")
    r = upload(org.boss["api"], "/api/v1/clients/import", text.encode())
    assert r.status_code == 400, r.text
    assert r.json()["field"] == "rows[3].registration_code"
    assert r.json()["detail"].startswith("line 3: ")
    assert org.admin.call("GET", "/api/v1/clients", params={"q": "坏行测试"}).json()["items"] == []
    r = upload(org.boss["api"], "/api/v1/clients/import", text.encode(), partial=True)
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["outcome"] for x in results] == ["created", "failed", "failed"]
    assert results[2]["error"]["field"] == "rows[4].registration_code", "repeats line 2's client"
    assert len(org.admin.call("GET", "/api/v1/clients", params={"q": "坏行测试"}).json()["items"]) == 1


@pytest.mark.parametrize("body, content_type, field", [
    (b"", "text/csv", "file"),
    (b"name,colour\nx,red\n", "text/csv", "rows[1].colour"),
    (b"PK\x03\x04broken", XLSX_TYPE, "file"),
    (b"\xff\xfe\x00garbage", "text/csv", "file"),
])
def test_unreadable_files_are_refused(org, body, content_type, field):
    r = upload(org.admin, "/api/v1/clients/import", body, content_type)
    assert r.status_code == 400, r.text
    assert r.json()["field"] == field


def test_an_upload_of_another_type_is_refused(org):
    r = org.admin.call("POST", "/api/v1/clients/import", data=b"<x/>",
                       headers={"Content-Type": "application/xml"})
    assert r.status_code == 415


def test_key_people_from_xlsx_are_matched_and_units_made(org):
    bank = org.client("导入人员银行")
    code = org.admin.call("GET", f"/api/v1/clients/{bank}").json()["registration_code"]
    rows = [["统一社会信用代码", "姓名", "职务", "部门", "决策角色", "影响力", "手机", "拜访频率（天）"],
            [code, "孙总", "投资总监", "资产管理部", "投资决策", "决策者", 13800001111, 30],
            [code, "周经理", "交易员", "金融市场部", "交易", "影响者", "", ""]]
    r = upload(org.boss["api"], "/api/v1/key-people/import", xlsx(rows), XLSX_TYPE)
    assert r.status_code == 200, r.text
    assert r.json()["created"] == 2
    chart = org.admin.call("GET", f"/api/v1/clients/{bank}/org-chart").json()
    assert sorted(u["name"] for u in chart["units"]) == ["资产管理部", "金融市场部"]
    people = {p["name"]: p for p in chart["key_people"]}
    assert people["孙总"]["phone"] == "13800001111", "a number cell read as Excel wrote it"
    assert people["孙总"]["touch_frequency_days"] == 30
    rows = [["统一社会信用代码", "姓名", "职务", "手机"], [code, "孙总", "首席投资官", 13800001111],
            [code, "周经理", "交易主管", ""]]
    r = upload(org.boss["api"], "/api/v1/key-people/import", xlsx(rows), XLSX_TYPE)
    assert [x["outcome"] for x in r.json()["results"]] == ["updated", "updated"], r.text
    assert r.json()["results"][0]["id"] == people["孙总"]["id"]
    r = upload(org.boss["api"], "/api/v1/key-people/import",
               xlsx([["统一社会信用代码", "姓名"], [code, "新人"]]), XLSX_TYPE)
    assert r.status_code == 400 and r.json()["field"] == "rows[2].decision_role"


def test_the_cli_imports_clients_from_a_file(org, tmp_path):
    path = tmp_path / "clients.csv"
    path.write_bytes(f"名称,统一社会信用代码,类型\n命令行导入客户,{credit_code(9300)},企业\n"
                     .encode("gb18030"))
    db = org.laurel.db
    r = run_cli("import", "clients", str(path), db=db)
    assert r.returncode == 0, r.stderr
    assert "created 1, updated 0, unchanged 0, failed 0 (GB18030)" in r.stdout
    r = run_cli("import", "clients", str(path), db=db)
    assert "created 0, updated 0, unchanged 1" in r.stdout
