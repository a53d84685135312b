"""The company's working-day calendar: a year with its working days, holidays and swapped working
days set and cleared by admins, the rules naming the field, imports all or nothing unless
partial, and every change in the event log."""
import datetime

import pytest

from workbook import xlsx

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PASSWORD = "correct horse battery"


def weekdays(year, month=None):
    day, count = datetime.date(year, month or 1, 1), 0
    while day.year == year and (month is None or day.month == month):
        count += day.weekday() < 5
        day += datetime.timedelta(days=1)
    return count


def year(api, y=2026):
    r = api.call("GET", f"/api/v1/calendar?year={y}")
    assert r.status_code == 200, r.text
    return r.json()


def months(body):
    return {m["month"]: m["working_days"] for m in body["months"]}


def put(api, date, kind, name):
    return api.call("PUT", f"/api/v1/calendar/days/{date}", {"kind": kind, "name": name})


def upload(api, body, content_type="text/csv", partial=None):
    params = {"partial": "true"} if partial else None
    return api.call("POST", "/api/v1/calendar/import", data=body,
                    headers={"Content-Type": content_type}, params=params)


def events(admin, date):
    r = admin.call("GET", f"/api/v1/events?entity_type=calendar_day&entity_id={date}")
    return r.json()["items"]


@pytest.fixture(scope="module")
def staff(laurel):
    """A signed-in user of each company role."""
    admin = laurel.api().as_admin()
    users = {}
    for role in ("manager", "sales", "service"):
        username = f"cal.{role}"
        r = admin.call("POST", "/api/v1/users", {"username": username, "display_name": role,
                                                 "role": role, "password": PASSWORD})
        assert r.status_code == 201, r.text
        api = laurel.api()
        api.token = api.login(username, PASSWORD)["token"]
        users[role] = api
    return users


def test_a_year_without_exceptions_is_monday_to_friday_for_every_role(admin, staff):
    body = year(admin, 2031)
    assert body["year"] == 2031 and body["time_zone"] == "Asia/Shanghai"
    assert body["working_days"] == weekdays(2031) and body["exceptions"] == []
    assert months(body) == {f"2031-{m:02d}": weekdays(2031, m) for m in range(1, 13)}
    for api in staff.values():
        assert year(api, 2031) == body


def test_holidays_and_swapped_days_change_the_counts(admin):
    me = admin.call("GET", "/api/v1/me").json()["id"]
    r = put(admin, "2026-01-01", "holiday", "元旦")
    assert r.status_code == 200, r.text
    day = r.json()
    assert (day["date"], day["kind"], day["name"], day["weekday"]) == (
        "2026-01-01", "holiday", "元旦", 4)
    assert day["updated_by"] == me
    assert put(admin, "2026-01-03", "holiday", "元旦").json()["weekday"] == 6, "a Saturday"
    swapped = put(admin, "2026-01-04", "working_day", "元旦调休")
    assert swapped.status_code == 200 and swapped.json()["weekday"] == 7
    body = year(admin)
    assert [e["date"] for e in body["exceptions"]] == ["2026-01-01", "2026-01-03", "2026-01-04"]
    assert body["exceptions"][0] == day
    # The Thursday off (-1), the Saturday holiday changes nothing, the Sunday worked (+1).
    assert months(body)["2026-01"] == weekdays(2026, 1)
    assert body["working_days"] == weekdays(2026)
    assert put(admin, "2026-01-02", "holiday", "元旦").status_code == 200
    assert months(year(admin))["2026-01"] == weekdays(2026, 1) - 1


def test_each_change_is_in_the_event_log_once(admin):
    put(admin, "2026-04-06", "holiday", "清明")
    put(admin, "2026-04-06", "holiday", "清明")  # the same again: no event
    put(admin, "2026-04-06", "holiday", "清明节")
    assert admin.call("DELETE", "/api/v1/calendar/days/2026-04-06").status_code == 204
    logged = events(admin, "2026-04-06")
    assert [e["type"] for e in logged] == ["calendar.day_set", "calendar.day_set",
                                           "calendar.day_cleared"]
    assert logged[0]["payload"]["before"] is None
    assert logged[1]["payload"]["before"]["name"] == "清明"
    assert logged[1]["payload"]["after"]["name"] == "清明节"
    assert logged[2]["payload"]["after"] is None and logged[0]["actor"] == "admin"


def test_delete_restores_the_week_and_unknown_days_are_404(admin):
    put(admin, "2026-03-02", "holiday", "临时休假")
    assert months(year(admin))["2026-03"] == weekdays(2026, 3) - 1
    assert admin.call("DELETE", "/api/v1/calendar/days/2026-03-02").status_code == 204
    assert months(year(admin))["2026-03"] == weekdays(2026, 3)
    r = admin.call("DELETE", "/api/v1/calendar/days/2026-03-02")
    assert r.status_code == 404, r.text
    assert admin.call("DELETE", "/api/v1/calendar/days/2026-03-32").json()["field"] == "date"


def test_a_working_day_on_a_weekday_is_refused(admin):
    r = put(admin, "2026-03-03", "working_day", "调休")
    assert r.status_code == 400 and r.json()["field"] == "kind"
    assert "already a working day" in r.json()["detail"]
    assert "2026-03-03" not in [e["date"] for e in year(admin)["exceptions"]]


@pytest.mark.parametrize("date", ["2026-02-30", "2026-2-01", "1999-12-31", "2101-01-01",
                                  "today", "20260101"])
def test_bad_dates_are_refused(admin, date):
    r = put(admin, date, "holiday", "x")
    assert r.status_code == 400 and r.json()["field"] == "date", r.text


@pytest.mark.parametrize("body, field", [
    ({"name": "x"}, "kind"),
    ({"kind": "vacation", "name": "x"}, "kind"),
    ({"kind": "holiday"}, "name"),
    ({"kind": "holiday", "name": ""}, "name"),
    ({"kind": "holiday", "name": "   "}, "name"),
    ({"kind": "holiday", "name": "节" * 51}, "name"),
    ({"kind": "holiday", "name": "x", "colour": "red"}, "colour"),
])
def test_bad_bodies_name_the_field(admin, body, field):
    r = admin.call("PUT", "/api/v1/calendar/days/2026-08-03", body)
    assert r.status_code == 400 and r.json()["field"] == field, r.text


@pytest.mark.parametrize("query, field", [
    ("", "year"), ("?year=1999", "year"), ("?year=2101", "year"), ("?year=abc", "year"),
    ("?year=2026&month=1", "month"),
])
def test_bad_years_are_refused(admin, query, field):
    r = admin.call("GET", "/api/v1/calendar" + query)
    assert r.status_code == 400 and r.json()["field"] == field, r.text


def test_only_admins_change_the_calendar(staff):
    for api in staff.values():
        assert put(api, "2026-08-03", "holiday", "x").status_code == 403
        assert api.call("DELETE", "/api/v1/calendar/days/2026-01-01").status_code == 403
        assert upload(api, b"date,kind,name\n2026-08-03,holiday,x\n").status_code == 403


def test_an_import_with_a_bad_row_writes_nothing_unless_partial(admin):
    text = ("\ufeffdate,kind,name\n"
            "2026-05-01,holiday,劳动节\n"
            "2026-05-06,working_day,劳动节调休\n"  # a Wednesday
            "2026-05-09,working_day,劳动节调休\n")
    before = year(admin)
    r = upload(admin, text.encode("utf-8"))
    assert r.status_code == 400, r.text
    assert r.json()["field"] == "rows[3].kind" and r.json()["detail"].startswith("line 3: ")
    assert year(admin) == before
    r = upload(admin, text.encode("utf-8"), partial=True)
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["created"], body["updated"], body["unchanged"], body["failed"]) == (2, 0, 0, 1)
    assert [x["outcome"] for x in body["results"]] == ["created", "failed", "created"]
    assert body["results"][1]["error"]["field"] == "rows[3].kind"
    assert body["results"][0]["id"] is None
    after = year(admin)
    assert months(after)["2026-05"] == months(before)["2026-05"]  # -1 Friday, +1 Saturday
    assert after["working_days"] == before["working_days"]
    assert len(events(admin, "2026-05-09")) == 1


def test_an_import_in_chinese_from_xlsx_replaces_and_repeats_nothing(admin):
    serial = (datetime.date(2026, 10, 1) - datetime.date(1899, 12, 30)).days  # an Excel date cell
    rows = [["日期", "类型", "名称"], [serial, "休", "国庆节"], ["2026-10-02", "节假日", "国庆节"],
            ["2026-10-10", "班", "国庆节调休"]]
    r = upload(admin, xlsx(rows), XLSX_TYPE)
    assert r.status_code == 200, r.text
    assert r.json()["created"] == 3
    days = {e["date"]: e for e in year(admin)["exceptions"]}
    assert days["2026-10-01"]["kind"] == "holiday" and days["2026-10-10"]["kind"] == "working_day"
    assert months(year(admin))["2026-10"] == weekdays(2026, 10) - 2 + 1
    rows[2][2] = "国庆节假期"
    rows.append(["2026-10-02", "节假日", "国庆节"])
    r = upload(admin, xlsx(rows), XLSX_TYPE, partial=True)
    assert [x["outcome"] for x in r.json()["results"]] == ["unchanged", "updated", "unchanged",
                                                          "failed"]
    assert r.json()["results"][3]["error"]["field"] == "rows[5].date", "repeats line 3's date"


@pytest.mark.parametrize("body, field", [
    (b"", "file"),
    (b"date,kind\n2026-10-01,holiday\n", "rows[1].name"),
    (b"date,kind,name,colour\n2026-10-01,holiday,x,red\n", "rows[1].colour"),
    (b"date,kind,name\n,holiday,x\n", "rows[2].date"),
    (b"date,kind,name\n2026-13-01,holiday,x\n", "rows[2].date"),
])
def test_unreadable_calendar_files_are_refused(admin, body, field):
    r = upload(admin, body)
    assert r.status_code == 400 and r.json()["field"] == field, r.text
