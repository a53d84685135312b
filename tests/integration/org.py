"""A small sales organisation built over the API for the CRM tests: departments, people with a
login and a staff record, client institutions with valid credit codes, and funds."""
import itertools

PASSWORD = "correct horse battery"
_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_serial = itertools.count(1)


def credit_code(n):
    """A unified social credit code that passes the check-character test."""
    body = "91440300" + f"{n:09d}"
    total = sum(_ALPHABET.index(ch) * pow(3, i, 31) for i, ch in enumerate(body))
    return body + _ALPHABET[(31 - total % 31) % 31]


class Org:
    def __init__(self, laurel, admin, tag):
        self.laurel, self.admin, self.tag = laurel, admin, tag
        self.north = self._department("North")
        self.north_a = self._department("North A", parent_id=self.north)
        self.south = self._department("South")

    def _department(self, name, **extra):
        r = self.admin.call("POST", "/api/v1/departments", {"name": f"{self.tag} {name}", **extra})
        assert r.status_code == 201, r.text
        return r.json()["id"]

    def person(self, name, role, department, effective_from="2025-01-01"):
        """A user with `role`, a staff record in `department`, and an Api signed in as them."""
        username = f"{self.tag}.{name}".lower()
        user = self.admin.call("POST", "/api/v1/users", {
            "username": username, "display_name": name, "role": role, "password": PASSWORD})
        assert user.status_code == 201, user.text
        staff = self.admin.call("POST", "/api/v1/staff", {
            "name": name, "department_id": department, "user_id": user.json()["id"],
            "effective_from": effective_from})
        assert staff.status_code == 201, staff.text
        api = self.laurel.api()
        api.token = api.login(username, PASSWORD)["token"]
        return {"user": user.json()["id"], "staff": staff.json()["id"], "api": api}

    def client(self, name, type_="bank"):
        r = self.admin.call("POST", "/api/v1/clients", {
            "name": f"{name}{next(_serial)}", "registration_code": credit_code(next(_serial)),
            "type": type_})
        assert r.status_code == 201, r.text
        return r.json()["id"]

    def product(self, type_="equity"):
        r = self.admin.call("POST", "/api/v1/products", {
            "code": f"{self.tag[:6]}{next(_serial)}", "name": f"{self.tag} fund", "type": type_})
        assert r.status_code == 201, r.text
        return r.json()["id"]

    def cover(self, client, members, effective_from="2025-01-01"):
        r = self.admin.call("PUT", f"/api/v1/clients/{client}/coverage",
                            {"effective_from": effective_from, "members": members})
        assert r.status_code == 200, r.text
        return r.json()


def integration(laurel, admin, name):
    """An Api authenticated with an integration user's API token (the trading/TA system)."""
    robot = admin.call("POST", "/api/v1/users", {"username": name, "display_name": name,
                                                 "role": "integration"})
    assert robot.status_code == 201, robot.text
    token = admin.call("POST", "/api/v1/tokens", {"name": name, "user_id": robot.json()["id"]})
    assert token.status_code == 201, token.text
    api = laurel.api()
    api.token = token.json()["token"]
    return api
