"""Admins manage users and roles; every change is audited; bad input writes nothing."""
import pytest


def new_user(admin, username, role="sales", **extra):
    body = {"username": username, "display_name": "Name " + username, "role": role}
    if role != "integration":
        body["password"] = "correct horse battery"
    body.update(extra)
    r = admin.call("POST", "/api/v1/users", body)
    assert r.status_code == 201, r.text
    return r.json()


def audit(admin, **filters):
    query = "&".join(f"{k}={v}" for k, v in filters.items())
    return admin.call("GET", "/api/v1/audit?" + query).json()["items"]


def test_create_get_list_and_audit(admin):
    user = new_user(admin, "wang.fang", display_name="王芳", email="wang@fund.example.cn")
    assert user["display_name"] == "王芳" and user["has_password"]
    got = admin.call("GET", f"/api/v1/users/{user['id']}")
    assert got.json() == user
    listed = admin.call("GET", "/api/v1/users?role=sales&q=wang").json()["items"]
    assert [u["username"] for u in listed] == ["wang.fang"]
    entries = audit(admin, action="user.create", target_id=user["id"])
    assert len(entries) == 1
    assert entries[0]["actor"] == "admin" and entries[0]["after"]["username"] == "wang.fang"
    assert entries[0]["request_id"] and entries[0]["client_ip"] == "127.0.0.1"


def test_roles_are_listed(admin):
    roles = admin.call("GET", "/api/v1/roles").json()["items"]
    assert [r["name"] for r in roles] == ["admin", "manager", "sales", "service", "integration"]


def test_cursor_pagination_walks_every_user_once(admin):
    for i in range(7):
        new_user(admin, f"page.user{i}")
    seen, cursor = [], None
    while True:
        path = "/api/v1/users?limit=3&q=page.user" + (f"&cursor={cursor}" if cursor else "")
        page = admin.call("GET", path).json()
        seen += [u["username"] for u in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [f"page.user{i}" for i in range(7)]


def test_patch_changes_role_and_records_before_and_after(admin):
    user = new_user(admin, "li.lei")
    r = admin.call("PATCH", f"/api/v1/users/{user['id']}", {"role": "manager", "email": None})
    assert r.status_code == 200 and r.json()["role"] == "manager"
    entry = audit(admin, action="user.update", target_id=user["id"])[0]
    assert entry["before"]["role"] == "sales" and entry["after"]["role"] == "manager"


def test_disabling_a_user_signs_them_out(laurel, admin):
    user = new_user(admin, "leaver.one")
    their = laurel.api()
    their.token = their.login("leaver.one", "correct horse battery")["token"]
    assert their.call("GET", "/api/v1/me").status_code == 200
    admin.call("PATCH", f"/api/v1/users/{user['id']}", {"active": False})
    assert their.call("GET", "/api/v1/me").status_code == 401
    relogin = their.call("POST", "/api/v1/auth/login",
                         {"username": "leaver.one", "password": "correct horse battery"}, token="")
    assert relogin.status_code == 401


def test_admin_password_reset_and_session_revocation(laurel, admin):
    user = new_user(admin, "zhao.yun")
    theirs = laurel.api()
    theirs.token = theirs.login("zhao.yun", "correct horse battery")["token"]
    r = admin.call("DELETE", f"/api/v1/users/{user['id']}/sessions")
    assert r.status_code == 200 and r.json()["revoked"] == 1
    assert theirs.call("GET", "/api/v1/me").status_code == 401
    reset = admin.call("POST", f"/api/v1/users/{user['id']}/password",
                       {"password": "a brand new secret"})
    assert reset.status_code == 200
    assert theirs.login("zhao.yun", "a brand new secret")
    assert len(audit(admin, action="user.password_reset", target_id=user["id"])) == 1


def test_the_last_admin_cannot_be_demoted(admin):
    me = admin.call("GET", "/api/v1/me").json()
    r = admin.call("PATCH", f"/api/v1/users/{me['id']}", {"role": "sales"})
    assert r.status_code == 409 and r.json()["field"] == "role"


def test_duplicate_username_is_409_and_writes_nothing(admin):
    new_user(admin, "dup.name")
    before = len(audit(admin, action="user.create", limit=200))
    r = admin.call("POST", "/api/v1/users", {"username": "dup.name", "display_name": "Again",
                                             "role": "sales", "password": "correct horse battery"})
    assert r.status_code == 409 and r.json()["field"] == "username"
    assert len(audit(admin, action="user.create", limit=200)) == before


@pytest.mark.parametrize("body, field", [
    ({"display_name": "No Name", "role": "sales", "password": "correct horse battery"}, "username"),
    ({"username": "Bad Name", "display_name": "X", "role": "sales",
      "password": "correct horse battery"}, "username"),
    ({"username": "ok.name", "display_name": "", "role": "sales",
      "password": "correct horse battery"}, "display_name"),
    ({"username": "ok.name", "display_name": "x" * 101, "role": "sales",
      "password": "correct horse battery"}, "display_name"),
    ({"username": "ok.name", "display_name": "X", "role": "emperor",
      "password": "correct horse battery"}, "role"),
    ({"username": "ok.name", "display_name": "X", "role": "sales", "password": "short"}, "password"),
    ({"username": "ok.name", "display_name": "X", "role": "sales"}, "password"),
    ({"username": "ok.name", "display_name": "X", "role": "integration",
      "password": "correct horse battery"}, "password"),
    ({"username": "ok.name", "display_name": "X", "role": "sales", "email": "nope",
      "password": "correct horse battery"}, "email"),
    ({"username": 42, "display_name": "X", "role": "sales",
      "password": "correct horse battery"}, "username"),
    ({"username": "ok.name", "display_name": "X", "role": "sales",
      "password": "correct horse battery", "is_admin": True}, "is_admin"),
])
def test_invalid_user_input_names_the_field_and_writes_nothing(admin, body, field):
    before = admin.call("GET", "/api/v1/users?limit=200").json()["items"]
    r = admin.call("POST", "/api/v1/users", body)
    assert r.status_code == 400, r.text
    problem = r.json()
    assert problem["field"] == field and problem["status"] == 400
    assert r.headers["Content-Type"] == "application/problem+json"
    assert admin.call("GET", "/api/v1/users?limit=200").json()["items"] == before


def test_non_admins_are_refused_and_nothing_is_written(laurel, admin):
    new_user(admin, "plain.sales")
    sales = laurel.api()
    sales.token = sales.login("plain.sales", "correct horse battery")["token"]
    r = sales.call("POST", "/api/v1/users", {"username": "sneaky", "display_name": "S",
                                             "role": "admin", "password": "correct horse battery"})
    assert r.status_code == 403
    assert sales.call("GET", "/api/v1/users").status_code == 403
    assert sales.call("GET", "/api/v1/audit").status_code == 403
    assert sales.call("GET", "/metrics").status_code == 403
    assert admin.call("GET", "/api/v1/users?q=sneaky").json()["items"] == []


def test_unknown_user_is_404(admin):
    assert admin.call("GET", "/api/v1/users/999999").status_code == 404
    assert admin.call("PATCH", "/api/v1/users/999999", {"active": False}).status_code == 404
    assert admin.call("GET", "/api/v1/users/abc").status_code == 404
