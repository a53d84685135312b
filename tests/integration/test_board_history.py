"""A subject's history on a board: their rank and figure in each of the last periods, oldest
first — "where was I in January?" — their own by default; someone else's only where the caller
may see that row (not a person hidden from public boards, not below a top-N board's top)."""
import pytest

from board_setup import board, metric
from org import Org, integration


@pytest.fixture(scope="module")
def org(laurel):
    org = Org(laurel, laurel.api().as_admin(), "bhs")
    org.li = org.person("li", "sales", org.north_a)
    org.wang = org.person("wang", "sales", org.north)
    org.boss = org.person("boss", "manager", org.north)
    org.fund = org.product("bond")
    org.ta = integration(laurel, org.admin, "bhs-ta")
    org.subscriptions = metric(org, "bhs.subs.month", kind="sum",
                               filter={"product_ids": [org.fund]})
    clients = {}
    for who in (org.li, org.wang):
        clients[who["staff"]] = org.client("历史银行")
        org.cover(clients[who["staff"]],
                  [{"staff_id": who["staff"], "role": "primary", "share_percent": 100}])
    # January li leads, February wang, March li again.
    for n, (who, amount, day) in enumerate([(org.li, "300.00", "2026-01-10"),
                                            (org.wang, "100.00", "2026-01-11"),
                                            (org.wang, "900.00", "2026-02-10"),
                                            (org.li, "50.00", "2026-02-11"),
                                            (org.li, "700.00", "2026-03-10")]):
        r = org.ta.call("POST", "/api/v1/transactions", {
            "external_id": f"BHS-{n}", "client_id": clients[who["staff"]], "product_id": org.fund,
            "kind": "申购", "amount": amount, "trade_time": f"{day}T10:00:00+08:00"})
        assert r.status_code == 201, r.text
    return org


def history(org, board_id, who, query="period=2026-03&periods=3"):
    return who["api"].call("GET", f"/api/v1/boards/{board_id}/history?{query}")


def test_my_history_gives_each_periods_rank_and_figure_oldest_first(org):
    b = board(org, name="历史榜")
    r = history(org, b["id"], org.li)
    assert r.status_code == 200, r.text
    got = r.json()
    assert (got["subject_id"], got["name"]) == (org.li["staff"], "li")
    assert [(i["period"], i["standing"]["rank"], i["standing"]["value"], i["total"])
            for i in got["items"]] == [("2026-01", 1, "300.00", 3), ("2026-02", 2, "50.00", 3),
                                       ("2026-03", 1, "700.00", 3)]
    assert all(i["standing"]["me"] for i in got["items"])
    # Someone else's, where the caller may see it; six periods by default.
    wang = history(org, b["id"], org.li, f"period=2026-03&subject_id={org.wang['staff']}").json()
    assert len(wang["items"]) == 6 and wang["items"][0]["period"] == "2025-10"
    assert [i["standing"]["rank"] for i in wang["items"][-3:]] == [2, 1, 2]
    assert wang["items"][-1]["standing"]["me"] is False


def test_someone_elses_history_follows_the_boards_privacy(org):
    b = board(org, name="私密历史榜")
    r = org.li["api"].call("PUT", "/api/v1/me/board-privacy", {"hide_from_boards": True})
    assert r.status_code == 200, r.text
    try:
        of_li = f"period=2026-03&periods=2&subject_id={org.li['staff']}"
        assert history(org, b["id"], org.wang, of_li).status_code == 403
        assert history(org, b["id"], org.boss, of_li).status_code == 200, "managers see all"
        assert history(org, b["id"], org.li, of_li).status_code == 200, "and li their own"
    finally:
        org.li["api"].call("PUT", "/api/v1/me/board-privacy", {"hide_from_boards": False})
    top = board(org, name="前一名历史榜", public_top=1)
    of_li = f"period=2026-03&subject_id={org.li['staff']}"
    assert history(org, top["id"], org.wang, of_li).status_code == 403
    assert history(org, top["id"], org.wang).status_code == 200, "one's own is always there"


def test_bad_history_queries_name_the_field(org):
    b = board(org, name="坏历史榜")
    for query, field in [("periods=0", "periods"), ("periods=37", "periods"),
                         ("period=2026-W10", "period"), ("subject_id=x", "subject_id")]:
        r = history(org, b["id"], org.li, query)
        assert r.status_code == 400 and r.json()["field"] == field, (query, r.text)
    r = history(org, b["id"], {"api": org.admin}, "period=2026-03")
    assert r.status_code == 400 and r.json()["field"] == "subject_id", "an admin has no row"
    stranger = history(org, b["id"], org.boss, "period=2026-03&periods=1&subject_id=999999").json()
    assert stranger["items"][0]["standing"] is None and stranger["name"] is None
    assert history(org, 999999, org.li).status_code == 404
