"""Events pushed by external systems (POST /api/v1/events): trades, their confirmations and the
warehouse's closing balances in one batch, applied in order in one transaction through the same
rules as their own endpoints, idempotent by the sender's event id; bad events refused naming the
event and member, nothing half-written."""
from datetime import datetime, timedelta, timezone

import pytest

from org import Org, integration

SHANGHAI = timezone(timedelta(hours=8))


@pytest.fixture(scope="module")
def org(laurel):
    org = Org(laurel, laurel.api().as_admin(), "ev")
    org.li = org.person("li", "sales", org.north_a)
    org.boss = org.person("boss", "manager", org.north)
    org.bank = org.client("事件银行")
    org.fund = org.product("bond")
    org.cover(org.bank, [{"staff_id": org.li["staff"], "role": "primary", "share_percent": 100}])
    org.ta = integration(laurel, org.admin, "ev-ta")
    org.warehouse = integration(laurel, org.admin, "ev-dw")
    return org


def moments_ago(seconds):
    return (datetime.now(SHANGHAI).replace(microsecond=0) - timedelta(seconds=seconds)).isoformat()


def today():
    return datetime.now(SHANGHAI).date().isoformat()


def trade(org, external_id, amount="1000000.00", **extra):
    return {"external_id": external_id, "client_id": org.bank, "product_id": org.fund,
            "kind": "申购", "amount": amount, "trade_time": moments_ago(60), **extra}


def post(api, events, partial=None):
    return api.call("POST", "/api/v1/events" + ("?partial=true" if partial else ""),
                    {"events": events})


def log_size(org):
    r = org.admin.call("GET", "/api/v1/events?order=newest&limit=1")
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    return items[0]["seq"] if items else 0


def test_a_trade_its_confirmation_and_a_balance_in_one_batch(org):
    r = post(org.ta, [
        {"id": "ev-1", "type": "transaction.recorded", "data": trade(org, "EV-T1")},
        {"id": "ev-2", "type": "transaction.status_changed",
         "data": {"external_id": "EV-T1", "status": "confirmed", "confirm_date": today()}},
        {"id": "ev-3", "type": "holding.balance",
         "data": {"client_id": org.bank, "product_id": org.fund, "date": today(),
                  "amount": "1000500.00"}},
    ])
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["applied"], body["duplicates"], body["failed"]) == (3, 0, 0)
    tx = body["results"][0]
    assert tx["outcome"] == "applied" and tx["entity_type"] == "transaction"
    assert body["results"][1]["entity_id"] == tx["entity_id"]
    assert body["results"][2] == {"row": 2, "id": "ev-3", "outcome": "applied",
                                  "entity_type": "holding",
                                  "entity_id": f"{org.bank}/{org.fund}"}
    recorded = org.admin.call("GET", f"/api/v1/transactions/{tx['entity_id']}").json()
    assert recorded["status"] == "confirmed" and recorded["confirm_date"] == today()
    assert recorded["credits"][0]["staff_id"] == org.li["staff"]
    held = org.admin.call("GET", f"/api/v1/holdings?client_id={org.bank}").json()
    assert [p["amount"] for p in held["items"] if p["product_id"] == org.fund] == ["1000500.00"]
    log = org.admin.call("GET", f"/api/v1/events?entity_type=transaction&entity_id={tx['entity_id']}")
    assert [e["type"] for e in log.json()["items"]] == ["transaction.recorded",
                                                        "transaction.confirmed"]


def test_the_same_events_again_are_duplicates_and_write_nothing(org):
    events = [{"id": "ev-dup-1", "type": "transaction.recorded", "data": trade(org, "EV-D1")},
              {"id": "ev-dup-2", "type": "holding.balance",
               "data": {"client_id": org.bank, "product_id": org.fund, "date": "2026-01-05",
                        "amount": "300.00"}}]
    assert post(org.ta, events).json()["applied"] == 2
    before = log_size(org)
    again = post(org.ta, events).json()
    assert (again["applied"], again["duplicates"]) == (0, 2)
    assert [r["outcome"] for r in again["results"]] == ["duplicate", "duplicate"]
    assert again["results"][0]["entity_id"] == post(org.ta, events).json()["results"][0]["entity_id"]
    assert log_size(org) == before
    # Event ids are the sender's own: another system may use the same id for its own event.
    other = post(org.warehouse, [{**events[1], "data": {**events[1]["data"], "amount": "301.00"}}])
    assert other.status_code == 200 and other.json()["applied"] == 1, other.text


def test_the_same_id_with_other_data_is_a_conflict(org):
    assert post(org.ta, [{"id": "ev-c1", "type": "transaction.recorded",
                          "data": trade(org, "EV-C1")}]).status_code == 200
    r = post(org.ta, [{"id": "ev-c1", "type": "transaction.recorded",
                       "data": trade(org, "EV-C1", amount="2.00")}])
    assert r.status_code == 409, r.text
    assert r.json()["field"] == "events[0].id"
    partial = post(org.ta, [{"id": "ev-c1", "type": "holding.balance",
                             "data": {"client_id": org.bank, "product_id": org.fund,
                                      "date": today(), "amount": "1.00"}}], partial=True).json()
    assert partial["failed"] == 1
    assert partial["results"][0]["error"]["status"] == 409


def test_all_or_nothing_unless_partial(org):
    before = log_size(org)
    events = [{"id": "ev-a1", "type": "transaction.recorded", "data": trade(org, "EV-A1")},
              {"id": "ev-a2", "type": "transaction.recorded",
               "data": trade(org, "EV-A2", amount="lots")}]
    r = post(org.ta, events)
    assert r.status_code == 400 and r.json()["field"] == "events[1].data.amount", r.text
    assert log_size(org) == before
    assert org.admin.call("GET", "/api/v1/transactions?external_id=EV-A1").json()["items"] == []
    partial = post(org.ta, events, partial=True).json()
    assert (partial["applied"], partial["failed"]) == (1, 1)
    assert partial["results"][1]["error"]["field"] == "events[1].data.amount"
    assert partial["results"][1]["outcome"] == "failed" and "entity_id" not in partial["results"][1]


FAR_FUTURE = (datetime.now(SHANGHAI) + timedelta(days=400)).replace(microsecond=0).isoformat()
TOMORROW = (datetime.now(SHANGHAI) + timedelta(days=1)).date().isoformat()


@pytest.mark.parametrize("event, status, field", [
    ({"id": "b1", "type": "transaction.deleted", "data": {}}, 400, "events[0].type"),
    ({"id": "b2", "type": "transaction.recorded"}, 400, "events[0].data"),
    ({"id": "b3", "type": "transaction.recorded", "data": "x"}, 400, "events[0].data"),
    ({"type": "transaction.recorded", "data": {}}, 400, "events[0].id"),
    ({"id": "", "type": "transaction.recorded", "data": {}}, 400, "events[0].id"),
    ({"id": "x" * 101, "type": "transaction.recorded", "data": {}}, 400, "events[0].id"),
    ({"id": "b4", "type": "transaction.recorded", "data": {}, "colour": "red"}, 400,
     "events[0].colour"),
    ({"id": "b5", "type": "transaction.recorded", "data": {"external_id": "EV-B5"}}, 400,
     "events[0].data.kind"),
    ({"id": "b6", "type": "transaction.recorded", "data": "TRADE:trade_time=FAR"}, 400,
     "events[0].data.trade_time"),
    ({"id": "b7", "type": "transaction.recorded", "data": "TRADE:colour=red"}, 400,
     "events[0].data.colour"),
    ({"id": "b8", "type": "transaction.status_changed",
      "data": {"external_id": "EV-NOPE", "status": "confirmed", "confirm_date": "2026-01-01"}},
     400, "events[0].data.external_id"),
    ({"id": "b9", "type": "transaction.status_changed",
      "data": {"external_id": "EV-T1", "status": "lost"}}, 400, "events[0].data.status"),
    ({"id": "b10", "type": "holding.balance",
      "data": {"client_id": 999999, "product_id": 1, "date": "2026-01-01", "amount": "1.00"}},
     400, "events[0].data.client_id"),
    ({"id": "b11", "type": "holding.balance",
      "data": "BALANCE:date=TOMORROW"}, 400, "events[0].data.date"),
])
def test_bad_events_are_refused_naming_the_event_and_member(org, event, status, field):
    if isinstance(event.get("data"), str) and ":" in event["data"]:
        kind, change = event["data"].split(":")
        member, value = change.split("=")
        value = {"FAR": FAR_FUTURE, "TOMORROW": TOMORROW}.get(value, value)
        base = (trade(org, f"EV-{event['id']}") if kind == "TRADE" else
                {"client_id": org.bank, "product_id": org.fund, "date": today(), "amount": "1.00"})
        event = {**event, "data": {**base, member: value}}
    before = log_size(org)
    r = post(org.ta, [event])
    assert r.status_code == status, r.text
    assert r.json()["field"] == field, r.text
    assert log_size(org) == before


def test_a_body_that_is_not_a_batch_of_events_is_refused_whole(org):
    assert post(org.ta, ["not an object"]).json()["field"] == "events[0]"
    r = org.ta.call("POST", "/api/v1/events", {"rows": []})
    assert r.status_code == 400 and r.json()["field"] == "events"
    assert post(org.ta, []).json() == {"applied": 0, "duplicates": 0, "failed": 0, "results": []}


def test_only_admins_and_integrations_push_events(org):
    assert post(org.li["api"], []).status_code == 403
    assert post(org.boss["api"], []).status_code == 403
    assert post(org.admin, []).status_code == 200
