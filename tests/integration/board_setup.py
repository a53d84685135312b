"""What the leaderboard tests set up the same way: a manager's metric, and a board over the
org's subscriptions metric for North (the fields given replace the defaults)."""


def metric(org, code, **definition):
    body = {"code": code, "name": f"榜单指标 {code}", "subject": "staff", "period": "month"}
    body.update(definition)
    r = org.boss["api"].call("POST", "/api/v1/metrics", body)
    assert r.status_code == 201, r.text
    return r.json()["id"]


def board(org, **fields):
    body = {"name": "北区认购榜", "metric_id": org.subscriptions, "scope": "department",
            "department_id": org.north}
    body.update(fields)
    r = org.boss["api"].call("POST", "/api/v1/boards", body)
    assert r.status_code == 201, r.text
    return r.json()
