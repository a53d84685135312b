"""Logging in and out, sessions, cookies with CSRF, throttling."""
import datetime
import time


def test_login_gives_bearer_token_and_strict_httponly_cookie(laurel):
    api = laurel.api()
    r = api.call("POST", "/api/v1/auth/login", {"username": "admin", "password": "laurel-demo-2026"})
    assert r.status_code == 200
    body = r.json()
    assert body["token"].startswith("lss_") and body["token_type"] == "Bearer"
    assert body["user"]["role"] == "admin"
    cookie = r.headers["Set-Cookie"]
    assert cookie.startswith("laurel_session=" + body["token"])
    for attribute in ("HttpOnly", "SameSite=Strict", "Path=/"):
        assert attribute in cookie
    me = api.call("GET", "/api/v1/me", token=body["token"])
    assert me.status_code == 200 and me.json()["username"] == "admin"


def test_usernames_are_case_insensitive_at_login(laurel):
    assert laurel.api().login("ADMIN")["user"]["username"] == "admin"


def test_wrong_password_is_401_without_saying_which_part_was_wrong(laurel):
    api = laurel.api()
    wrong = api.call("POST", "/api/v1/auth/login", {"username": "admin", "password": "nope-nope-nope"})
    unknown = api.call("POST", "/api/v1/auth/login", {"username": "ghost", "password": "nope-nope-nope"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["detail"] == unknown.json()["detail"]


def test_session_endpoint_gives_the_csrf_token_back_after_a_reload(laurel):
    api = laurel.api()
    login = api.login()
    cookies = {"laurel_session": login["token"]}
    r = api.call("GET", "/api/v1/auth/session", token="", cookies=cookies)
    assert r.status_code == 200
    assert r.json()["csrf_token"] == login["csrf_token"]
    assert r.json()["via"] == "session"
    assert r.json()["time_zone"] == login["time_zone"] == "Asia/Shanghai"


def test_cookie_writes_need_the_csrf_token(laurel):
    api = laurel.api()
    login = api.login()
    cookies = {"laurel_session": login["token"]}
    user = {"username": "csrf.check", "display_name": "CSRF", "role": "sales",
            "password": "correct horse battery"}
    refused = api.call("POST", "/api/v1/users", user, token="", cookies=cookies)
    assert refused.status_code == 403 and refused.json()["field"] == "X-CSRF-Token"
    accepted = api.call("POST", "/api/v1/users", user, token="", cookies=cookies,
                        headers={"X-CSRF-Token": login["csrf_token"]})
    assert accepted.status_code == 201, accepted.text


def test_logout_revokes_the_session_and_clears_the_cookie(laurel):
    api = laurel.api()
    token = api.login()["token"]
    r = api.call("POST", "/api/v1/auth/logout", token=token)
    assert r.status_code == 204
    assert "Max-Age=0" in r.headers["Set-Cookie"]
    after = api.call("GET", "/api/v1/me", token=token)
    assert after.status_code == 401


def test_own_password_change(laurel):
    admin = laurel.api().as_admin()
    admin.call("POST", "/api/v1/users", {"username": "pw.change", "display_name": "PW",
                                         "role": "sales", "password": "first password 1"})
    me = laurel.api()
    me.token = me.login("pw.change", "first password 1")["token"]
    wrong = me.call("POST", "/api/v1/me/password",
                    {"current_password": "not it at all", "new_password": "second password 2"})
    assert wrong.status_code == 400 and wrong.json()["field"] == "current_password"
    weak = me.call("POST", "/api/v1/me/password",
                   {"current_password": "first password 1", "new_password": "short"})
    assert weak.status_code == 400 and weak.json()["field"] == "new_password"
    ok = me.call("POST", "/api/v1/me/password",
                 {"current_password": "first password 1", "new_password": "second password 2"})
    assert ok.status_code == 204
    assert me.call("GET", "/api/v1/me").status_code == 200, "the changing session goes on"
    assert me.login("pw.change", "second password 2")


def test_repeated_failures_are_throttled_with_retry_after(fresh_laurel):
    api = fresh_laurel.api()
    for _ in range(5):
        r = api.call("POST", "/api/v1/auth/login", {"username": "admin", "password": "wrong-wrong-wrong"})
        assert r.status_code == 401
    throttled = api.call("POST", "/api/v1/auth/login",
                         {"username": "admin", "password": "laurel-demo-2026"})
    assert throttled.status_code == 429
    assert int(throttled.headers["Retry-After"]) > 0
    assert throttled.json()["field"] == "username"


def test_expired_api_tokens_are_refused(laurel):
    admin = laurel.api().as_admin()
    robot = admin.call("POST", "/api/v1/users", {"username": "short.lived", "display_name": "Bot",
                                                  "role": "integration"}).json()
    expires = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=2)
    token = admin.call("POST", "/api/v1/tokens", {"name": "brief", "user_id": robot["id"],
                                                   "expires_at": expires.isoformat()}).json()
    assert admin.call("GET", "/metrics", token=token["token"]).status_code == 200
    time.sleep(3)
    r = admin.call("GET", "/metrics", token=token["token"])
    assert r.status_code == 401
    assert "invalid_token" in r.headers["WWW-Authenticate"]
