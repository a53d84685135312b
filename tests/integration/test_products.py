"""Products (funds): codes, types, statuses; every change in the event log."""
import pytest


def test_create_list_filter_and_update(admin):
    mmf = admin.call("POST", "/api/v1/products", {"code": "P003003", "name": "余额宝货币",
                                                  "type": "money_market"})
    assert mmf.status_code == 201 and mmf.json()["money_market"] is True
    assert mmf.json()["status"] == "open"
    bond = admin.call("POST", "/api/v1/products", {"code": "P110011", "name": "稳健债券",
                                                   "type": "bond", "status": "offering"}).json()
    listed = admin.call("GET", "/api/v1/products?type=money_market&q=P003").json()["items"]
    assert [p["code"] for p in listed] == ["P003003"]
    opened = admin.call("PATCH", f"/api/v1/products/{bond['id']}", {"status": "open"})
    assert opened.status_code == 200 and opened.json()["status"] == "open"
    assert admin.call("GET", f"/api/v1/products/{bond['id']}").json() == opened.json()
    events = admin.call("GET", f"/api/v1/events?entity_type=product&entity_id={bond['id']}").json()
    assert [e["type"] for e in events["items"]] == ["product.created", "product.updated"]


@pytest.mark.parametrize("body, status, field", [
    ({"name": "N", "type": "bond"}, 400, "code"),
    ({"code": "bad code", "name": "N", "type": "bond"}, 400, "code"),
    ({"code": "X1", "type": "bond"}, 400, "name"),
    ({"code": "X1", "name": "N", "type": "crypto"}, 400, "type"),
    ({"code": "X1", "name": "N", "type": "bond", "status": "paused"}, 400, "status"),
    ({"code": "X1", "name": "N", "type": "bond", "nav": 1.02}, 400, "nav"),
])
def test_bad_product_input_writes_nothing(admin, body, status, field):
    before = admin.call("GET", "/api/v1/products?limit=200").json()["items"]
    r = admin.call("POST", "/api/v1/products", body)
    assert r.status_code == status and r.json()["field"] == field, r.text
    assert admin.call("GET", "/api/v1/products?limit=200").json()["items"] == before


def test_duplicate_codes_and_bad_filters(admin):
    admin.call("POST", "/api/v1/products", {"code": "DUP1", "name": "A", "type": "index"})
    r = admin.call("POST", "/api/v1/products", {"code": "DUP1", "name": "B", "type": "index"})
    assert r.status_code == 409 and r.json()["field"] == "code"
    assert admin.call("GET", "/api/v1/products?type=crypto").json()["field"] == "type"
    assert admin.call("GET", "/api/v1/products/999999").status_code == 404
    assert admin.call("PATCH", "/api/v1/products/999999", {"status": "closed"}).status_code == 404
