"""API tokens for integrations: shown once, stored hashed, revocable, audited."""


def test_token_lifecycle(laurel, admin):
    robot = admin.call("POST", "/api/v1/users", {"username": "warehouse", "display_name": "数据仓库",
                                                 "role": "integration"}).json()
    assert robot["has_password"] is False
    created = admin.call("POST", "/api/v1/tokens", {"name": "nightly load", "user_id": robot["id"]})
    assert created.status_code == 201
    token = created.json()
    assert token["token"].startswith("lat_") and token["token"].startswith(token["prefix"])

    listed = admin.call("GET", f"/api/v1/tokens?user_id={robot['id']}").json()["items"]
    assert [t["id"] for t in listed] == [token["id"]]
    assert "token" not in listed[0], "the secret is shown only once"

    scrape = admin.call("GET", "/metrics", token=token["token"])
    assert scrape.status_code == 200
    assert "laurel_http_requests_total" in scrape.text
    assert admin.call("GET", "/api/v1/users", token=token["token"]).status_code == 403

    revoked = admin.call("DELETE", f"/api/v1/tokens/{token['id']}")
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    assert admin.call("GET", "/metrics", token=token["token"]).status_code == 401
    entries = admin.call("GET", f"/api/v1/audit?target_type=api_token&target_id={token['id']}").json()
    assert [e["action"] for e in entries["items"]] == ["token.revoke", "token.create"]
    assert token["token"] not in str(entries)


def test_tokens_only_for_integration_users(admin):
    me = admin.call("GET", "/api/v1/me").json()
    r = admin.call("POST", "/api/v1/tokens", {"name": "mine", "user_id": me["id"]})
    assert r.status_code == 400 and r.json()["field"] == "user_id"
    bad_time = admin.call("POST", "/api/v1/tokens", {"name": "x", "user_id": me["id"],
                                                      "expires_at": "tomorrow"})
    assert bad_time.status_code == 400 and bad_time.json()["field"] == "expires_at"
    assert admin.call("DELETE", "/api/v1/tokens/999999").status_code == 404


def test_api_tokens_cannot_log_out(admin):
    robot = admin.call("POST", "/api/v1/users", {"username": "robot.logout", "display_name": "R",
                                                 "role": "integration"}).json()
    token = admin.call("POST", "/api/v1/tokens", {"name": "t", "user_id": robot["id"]}).json()
    r = admin.call("POST", "/api/v1/auth/logout", token=token["token"])
    assert r.status_code == 400 and r.json()["field"] == "Authorization"
    session = admin.call("GET", "/api/v1/auth/session", token=token["token"]).json()
    assert session["via"] == "api_token" and session["csrf_token"] is None
