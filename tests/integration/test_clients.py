"""Clients: company-wide master data identified by a checked unified social credit code."""
import pytest

CODE = "91350100M000100Y43"
OTHER = "9144030071526726XG"


def test_create_read_search_and_update(laurel, admin):
    r = admin.call("POST", "/api/v1/clients", {"name": "招商银行股份有限公司", "short_name": "招商银行",
                                               "registration_code": CODE.lower(), "type": "bank",
                                               "region": "深圳"})
    assert r.status_code == 201, r.text
    bank = r.json()
    assert bank["registration_code"] == CODE and r.headers["Location"].endswith(str(bank["id"]))
    assert admin.call("GET", f"/api/v1/clients/{bank['id']}").json() == bank
    found = admin.call("GET", "/api/v1/clients?q=%E6%8B%9B%E5%95%86").json()["items"]  # 招商
    assert [c["id"] for c in found] == [bank["id"]]
    assert admin.call("GET", "/api/v1/clients?type=insurer&q=%E6%8B%9B%E5%95%86").json()["items"] == []
    updated = admin.call("PATCH", f"/api/v1/clients/{bank['id']}", {"short_name": "招行",
                                                                   "region": None})
    assert updated.status_code == 200
    assert updated.json()["short_name"] == "招行" and updated.json()["region"] is None
    events = admin.call("GET", f"/api/v1/events?entity_type=client&entity_id={bank['id']}").json()
    assert [e["type"] for e in events["items"]] == ["client.created", "client.updated"]


def test_clients_are_found_by_pinyin_initials_full_pinyin_and_short_words(admin):
    for name, short, code in [("重庆农村商业银行股份有限公司", "渝农商行", "91500000100000021"),
                              ("中国人寿资产管理有限公司", "国寿资产", "91110000100000022")]:
        r = admin.call("POST", "/api/v1/clients", {"name": name, "short_name": short,
                                                   "registration_code": with_check(code),
                                                   "type": "insurer"})
        assert r.status_code == 201, r.text

    def names(q):
        r = admin.call("GET", "/api/v1/clients", params={"q": q, "limit": 200})
        assert r.status_code == 200, r.text
        return {c["short_name"] for c in r.json()["items"]}

    assert "渝农商行" in names("cqnc") and "渝农商行" in names("ynsh"), "重 read chóng; 行 háng"
    assert "国寿资产" in names("zgrs") and "渝农商行" not in names("zgrs")
    assert "国寿资产" in names("guoshou")
    assert "国寿资产" in names("国寿") and "国寿资产" not in names("国寿 银行")
    assert "国寿资产" in names("ZGRSZCGL"), "initials in capitals, as phones type them"


def with_check(body):
    """A 17-character code body with its check character (GB 32100-2015)."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    total = sum(alphabet.index(ch) * w for ch, w in zip(body, weights))
    return body + alphabet[(31 - total % 31) % 31]


def test_a_duplicate_points_to_the_existing_client(admin):
    first = admin.call("POST", "/api/v1/clients", {"name": "平安保险", "registration_code": OTHER,
                                                   "type": "insurer"}).json()
    again = admin.call("POST", "/api/v1/clients", {"name": "中国平安", "registration_code": OTHER,
                                                   "type": "insurer"})
    assert again.status_code == 409
    problem = again.json()
    assert problem["field"] == "registration_code"
    assert f"/api/v1/clients/{first['id']}" in problem["detail"]


@pytest.mark.parametrize("body, field", [
    ({"registration_code": CODE, "type": "bank"}, "name"),
    ({"name": "X", "type": "bank"}, "registration_code"),
    ({"name": "X", "registration_code": "91350100M000100Y44", "type": "bank"}, "registration_code"),
    ({"name": "X", "registration_code": "1234", "type": "bank"}, "registration_code"),
    ({"name": "X", "registration_code": CODE, "type": "hedge_fund"}, "type"),
    ({"name": "X", "registration_code": CODE, "type": "bank", "short_name": "s" * 51}, "short_name"),
    ({"name": "X", "registration_code": CODE, "type": "bank", "aum": 100}, "aum"),
])
def test_bad_client_input_writes_nothing(admin, body, field):
    before = admin.call("GET", "/api/v1/clients?limit=200").json()["items"]
    r = admin.call("POST", "/api/v1/clients", body)
    assert r.status_code == 400 and r.json()["field"] == field, r.text
    assert admin.call("GET", "/api/v1/clients?limit=200").json()["items"] == before


def test_roles(laurel, admin):
    for username, role in (("client.sales", "sales"), ("client.service", "service")):
        admin.call("POST", "/api/v1/users", {"username": username, "display_name": username,
                                             "role": role, "password": "correct horse battery"})
    sales, service = laurel.api(), laurel.api()
    sales.token = sales.login("client.sales", "correct horse battery")["token"]
    service.token = service.login("client.service", "correct horse battery")["token"]
    prospect = {"name": "某信托", "registration_code": "91110000100003962Y", "type": "trust"}
    assert sales.call("POST", "/api/v1/clients", prospect).status_code == 201
    assert service.call("GET", "/api/v1/clients").status_code == 200
    assert service.call("POST", "/api/v1/clients", prospect).status_code == 403
    assert admin.call("GET", "/api/v1/clients/999999").status_code == 404
    assert admin.call("GET", "/api/v1/clients?type=hedge").json()["field"] == "type"


def test_an_admin_merges_a_duplicate_into_the_survivor(laurel, admin):
    from org import Org, integration
    org = Org(laurel, admin, "merge")
    li = org.person("li", "sales", org.north)
    survivor, twin = org.client("合并银行"), org.client("合并银行重复")
    product = org.product("bond")
    org.cover(twin, [{"staff_id": li["staff"], "role": "primary", "share_percent": 100}])
    ta = integration(laurel, admin, "merge-ta")
    assert ta.call("POST", "/api/v1/transactions", {
        "external_id": "MERGE-1", "client_id": twin, "product_id": product, "kind": "申购",
        "amount": "1000.00", "trade_time": "2026-10-02T10:30:00+08:00"}).status_code == 201
    person = admin.call("POST", "/api/v1/key-people", {
        "client_id": twin, "name": "钱总", "decision_role": "investment_decision",
        "influence": "decision_maker"}).json()["id"]
    visit = li["api"].call("POST", "/api/v1/visits", {
        "client_id": twin, "kind": "call", "occurred_at": "2026-03-03T10:00:00+08:00",
        "notes": "重复客户上的拜访", "attendee_ids": [person]})
    assert visit.status_code == 201, visit.text

    assert li["api"].call("POST", f"/api/v1/clients/{survivor}/merge",
                          {"duplicate_id": twin}).status_code == 403
    assert admin.call("POST", f"/api/v1/clients/{survivor}/merge",
                      {"duplicate_id": survivor}).json()["field"] == "duplicate_id"
    r = admin.call("POST", f"/api/v1/clients/{survivor}/merge", {"duplicate_id": twin})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["merged_client"]["merged_into"] == survivor and body["client"]["id"] == survivor
    assert (body["moved"]["transactions"], body["moved"]["visits"], body["moved"]["key_people"],
            body["moved"]["coverage_plans"]) == (1, 1, 1, 1)
    assert body["client"]["status"] == "active", "the duplicate's subscription is the survivor's"

    assert admin.call("GET", f"/api/v1/visits/{visit.json()['id']}").json()["client_id"] == survivor
    assert admin.call("GET", f"/api/v1/key-people/{person}").json()["client_id"] == survivor
    assert admin.call("GET", f"/api/v1/clients/{twin}").json()["merged_into"] == survivor
    listed = admin.call("GET", "/api/v1/clients", params={"q": "合并银行重复"}).json()["items"]
    assert listed == [], "a merged client leaves search"
    assert admin.call("PATCH", f"/api/v1/clients/{twin}", {"region": "深圳"}).status_code == 409
    assert admin.call("POST", f"/api/v1/clients/{survivor}/merge",
                      {"duplicate_id": twin}).status_code == 409
    history = admin.call("GET", f"/api/v1/events?entity_type=client&entity_id={twin}").json()
    assert [e["type"] for e in history["items"]][-1] == "client.merged_into"
