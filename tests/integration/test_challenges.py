"""Challenges over HTTP: a manager sets a goal for people this week and everyone sees live
progress, who reached it and with which visit; a head-to-head goes to the first to the goal; a
company-wide goal is one co-op bar; "mine" lists what the caller takes part in (as themselves or
through their department); a manager calls one off; bad challenges are refused naming the field,
with nothing written. Settling after the grace, late records and order independence are golden
cases (tests/cases/challenges_*.toml) on a simulated clock.

The metrics here count this module's people only (a person's own visits, or a department filter),
so the shared Laurel's other records do not move them."""
from datetime import datetime, timedelta, timezone

import pytest

from org import Org

SHANGHAI = timezone(timedelta(hours=8))


def this_week():
    today = datetime.now(SHANGHAI).date()
    year, week, _ = today.isocalendar()
    return today, f"{year}-W{week:02d}"


@pytest.fixture(scope="module")
def org(laurel):
    org = Org(laurel, laurel.api().as_admin(), "challenges")
    org.li = org.person("li", "sales", org.north_a)
    org.wang = org.person("wang", "sales", org.north_a)
    org.han = org.person("han", "sales", org.south)
    org.boss = org.person("boss", "manager", org.north)
    org.bank = org.client("挑战银行")
    org.cover(org.bank, [{"staff_id": p["staff"], "role": "primary" if i == 0 else "secondary",
                          "share_percent": s}
                         for i, (p, s) in enumerate([(org.li, 40), (org.wang, 30), (org.han, 30)])])

    def metric(code, **definition):
        body = {"code": f"challenges.{code}", "name": f"挑战 {code}", "kind": "count",
                "source": "visits", "period": "week", **definition}
        r = org.boss["api"].call("POST", "/api/v1/metrics", body)
        assert r.status_code == 201, r.text
        return r.json()["id"]

    org.visits = metric("visits", subject="staff")
    org.north_visits = metric("north", subject="company", filter={"department_id": org.north})
    org.dept_visits = metric("departments", subject="department")
    org.daily = metric("daily", subject="staff", period="day")
    return org


def log(org, who, minutes_ago=0):
    """A visit earlier today (this week, whatever the day)."""
    today, _ = this_week()
    when = datetime(today.year, today.month, today.day, 0, 1, tzinfo=SHANGHAI) + timedelta(
        seconds=minutes_ago)
    r = who["api"].call("POST", "/api/v1/visits", {
        "client_id": org.bank, "kind": "visit", "occurred_at": when.isoformat(),
        "notes": "挑战拜访"})
    assert r.status_code == 201, r.text
    return r.json()["id"]


def create(org, who=None, **fields):
    _, week = this_week()
    body = {"name": "本周两访", "metric_id": org.visits, "period": week, "goal": 2,
            "participants": [org.li["staff"], org.wang["staff"]], **fields}
    return (who or org.boss)["api"].call("POST", "/api/v1/challenges", body)


def made(org, **fields):
    r = create(org, **fields)
    assert r.status_code == 201, r.text
    assert r.headers["Location"] == f"/api/v1/challenges/{r.json()['id']}"
    return r.json()


def standing(org, challenge, who=None):
    r = (who or org.li)["api"].call("GET", f"/api/v1/challenges/{challenge['id']}")
    assert r.status_code == 200, r.text
    return r.json()


def test_a_goal_shows_live_progress_and_the_visit_that_reached_it(org):
    c = made(org, name="本周两访", description="每人本周两次拜访")
    assert (c["kind"], c["subject"], c["state"], c["goal"]) == ("goal", "staff", "open", 2)
    assert c["grace_days"] == 3 and c["metric_name"] == "挑战 visits"
    assert [(s["name"], s["figure"], s["percent"], s["outcome"]) for s in c["standings"]] == [
        ("li", 0, 0, "in_progress"), ("wang", 0, 0, "in_progress")]
    first = log(org, org.li)
    c = standing(org, c)
    assert [(s["figure"], s["percent"]) for s in c["standings"]] == [(1, 50), (0, 0)]
    second = log(org, org.li, 1)
    log(org, org.li, 2)  # past the goal: the bar stays full, the figure says how far
    li = standing(org, c, org.han)["standings"][0]
    assert (li["figure"], li["percent"], li["outcome"]) == (3, 100, "completed")
    assert li["reached_by_record_id"] == second and li["reached_by_record_id"] != first
    # Why: the challenge's definition, and the events of the visit that reached the goal.
    r = org.han["api"].call("GET", f"/api/v1/challenges/{c['id']}/why?subject_id={org.li['staff']}")
    assert r.status_code == 200, r.text
    why = r.json()
    assert why["standing"] == li
    assert [e["type"] for e in why["challenge_events"]] == ["challenge.created"]
    assert [e["type"] for e in why["source_events"]] == ["visit.recorded"]
    assert why["source_events"][0]["entity_id"] == str(second)
    r = org.han["api"].call("GET", f"/api/v1/challenges/{c['id']}/why?subject_id={org.wang['staff']}")
    assert r.status_code == 200 and r.json()["source_events"] == [], r.text
    r = org.han["api"].call("GET", f"/api/v1/challenges/{c['id']}/why?subject_id={org.han['staff']}")
    assert r.status_code == 400 and r.json()["field"] == "subject_id", r.text
    r = org.han["api"].call("GET", f"/api/v1/challenges/{c['id']}/why")
    assert r.status_code == 400 and r.json()["field"] == "subject_id", r.text
    today, _ = this_week()
    reached = datetime.fromisoformat(li["reached_at"].replace("Z", "+00:00"))
    assert reached == datetime(today.year, today.month, today.day, 0, 1, 1, tzinfo=SHANGHAI)
    # The challenge is the same for everyone who reads it, and listed.
    r = org.han["api"].call("GET", "/api/v1/challenges?status=open&limit=200")
    assert r.status_code == 200, r.text
    assert c["id"] in [x["id"] for x in r.json()["items"]]


def challenge_journals(org, who, challenge):
    r = who["api"].call("GET", "/api/v1/points/journal?limit=200")
    assert r.status_code == 200, r.text
    return [j for j in r.json()["items"]
            if j["source"] == {"kind": "challenge", "id": challenge["id"]}]


def test_a_reward_is_paid_when_the_goal_is_reached_and_taken_back_with_its_visit(org):
    c = made(org, name="有奖一访", goal=1, reward_points=25,
             participants=[org.wang["staff"]])
    assert c["reward_points"] == 25
    before = org.wang["api"].call("GET", "/api/v1/points").json()
    visit = log(org, org.wang, 30)
    [earned] = challenge_journals(org, org.wang, c)
    assert (earned["kind"], earned["points"], earned["rule_id"]) == ("earn", 25, None)
    after = org.wang["api"].call("GET", "/api/v1/points").json()
    assert after["status"] - before["status"] >= 25  # and whatever a points rule pays the visit
    # Why: the challenge's own events.
    r = org.wang["api"].call("GET", f"/api/v1/points/journal/{earned['id']}/why")
    assert r.status_code == 200, r.text
    assert [e["type"] for e in r.json()["source_events"]] == ["challenge.created"]
    # The visit deleted before the challenge settles: the goal is no longer reached, nor paid.
    r = org.wang["api"].call("DELETE", f"/api/v1/visits/{visit}")
    assert r.status_code == 204, r.text
    assert standing(org, c)["standings"][0]["outcome"] == "in_progress"
    journals = challenge_journals(org, org.wang, c)
    assert sorted(j["points"] for j in journals) == [-25, 25]


def test_a_head_to_head_goes_to_the_first_to_the_goal(org):
    duel = made(org, name="对决", kind="head_to_head", goal=1,
                participants=[org.wang["staff"], org.han["staff"]])
    assert [s["outcome"] for s in duel["standings"]] == ["in_progress", "in_progress"]
    log(org, org.han, 5)
    duel = standing(org, duel)
    assert [(s["name"], s["outcome"], s["leading"]) for s in duel["standings"]] == [
        ("wang", "lost", False), ("han", "won", True)]
    # A head-to-head without a goal: the higher figure leads until the window ends.
    open_duel = made(org, name="无目标对决", kind="head_to_head", goal=None,
                     participants=[org.li["staff"], org.han["staff"]])
    assert open_duel["goal"] is None
    assert [(s["percent"], s["leading"], s["outcome"]) for s in open_duel["standings"]] == [
        (None, True, "in_progress"), (None, False, "in_progress")]


def test_a_company_goal_is_one_co_op_bar_and_departments_compete_as_teams(org):
    coop = made(org, name="北区合力", metric_id=org.north_visits, goal=100, participants=[])
    assert coop["subject"] == "company" and coop["participants"] == []
    [bar] = coop["standings"]
    assert (bar["subject_id"], bar["name"]) == (0, None)
    before = bar["figure"]
    log(org, org.wang, 7)
    log(org, org.han, 8)  # South: not counted towards North's goal
    [bar] = standing(org, coop)["standings"]
    assert bar["figure"] == before + 1 and bar["percent"] == bar["figure"]
    teams = made(org, name="南北对决", kind="head_to_head", metric_id=org.dept_visits, goal=None,
                 participants=[org.north, org.south])
    assert teams["subject"] == "department"
    assert [s["name"] for s in teams["standings"]] == ["challenges North", "challenges South"]


def test_ad_hoc_groups_add_up_their_members_and_pay_each_of_them(org):
    duel = made(org, name="小组对决", kind="head_to_head", goal=None, participants=[],
                groups=[{"name": "李王组", "members": [org.li["staff"], org.wang["staff"]]},
                        {"name": "韩组", "members": [org.han["staff"]]}])
    assert duel["subject"] == "group" and duel["participants"] == []
    assert [g["name"] for g in duel["groups"]] == ["李王组", "韩组"]
    li_wang, han = duel["standings"]
    assert (li_wang["subject_id"], li_wang["name"], han["subject_id"], han["name"]) == (
        1, "李王组", 2, "韩组")
    figures = {s["name"]: s["figure"] for s in standing(org, duel)["standings"]}
    mine = {s["name"]: s["figure"] for s in made(org, name="对照", goal=99)["standings"]}
    assert figures["李王组"] == mine["li"] + mine["wang"]
    # A goal for a group pays each member once the group gets there.
    _, week = this_week()
    team = made(org, name="小组有奖", goal=figures["李王组"] + 1, reward_points=7, participants=[],
                groups=[{"name": "李王组", "members": [org.li["staff"], org.wang["staff"]]}])
    assert team["standings"][0]["outcome"] == "in_progress"
    log(org, org.wang, 40)
    assert standing(org, team)["standings"][0]["outcome"] == "completed"
    for who in (org.li, org.wang):
        [paid] = challenge_journals(org, who, team)
        assert paid["points"] == 7
    r = org.li["api"].call("GET", "/api/v1/challenges?mine=true&limit=200")
    assert team["id"] in [x["id"] for x in r.json()["items"]]
    r = org.han["api"].call("GET", "/api/v1/challenges?mine=true&limit=200")
    assert team["id"] not in [x["id"] for x in r.json()["items"]]


@pytest.mark.parametrize("fields, field", [
    ({"groups": [{"name": "甲", "members": [1]}, {"name": "乙", "members": [1]}]},
     "groups[1].members[0]"),
    ({"groups": [{"name": "甲", "members": []}]}, "groups[0].members"),
    ({"groups": [{"name": "", "members": [1]}]}, "groups[0].name"),
    ({"groups": [{"name": "甲", "members": [1], "lead": 1}]}, "groups[0].lead"),
    ({"groups": [{"name": "甲", "members": [999999999]}]}, "groups[0].members[0]"),
    ({"groups": []}, "groups"),
    ({"groups": [{"name": "甲", "members": [1]}], "kind": "head_to_head"}, "groups"),
])
def test_bad_groups_are_refused_naming_the_field(org, fields, field):
    r = create(org, participants=[], **fields)
    assert r.status_code == 400 and r.json()["field"] == field, r.text


def test_groups_are_of_people_and_instead_of_participants(org):
    group = [{"name": "甲", "members": [org.li["staff"]]}]
    r = create(org, groups=group)  # participants given too
    assert r.status_code == 400 and r.json()["field"] == "groups", r.text
    r = create(org, metric_id=org.dept_visits, participants=[], groups=group)
    assert r.status_code == 400 and r.json()["field"] == "groups", r.text


def test_mine_lists_what_the_caller_takes_part_in(org):
    mine = made(org, name="只有韩", participants=[org.han["staff"]], goal=9)
    team = made(org, name="北区团队", kind="head_to_head", metric_id=org.dept_visits, goal=None,
                participants=[org.north, org.south])

    def ids(who):
        r = who["api"].call("GET", "/api/v1/challenges?mine=true&limit=200")
        assert r.status_code == 200, r.text
        return {x["id"] for x in r.json()["items"]}

    assert mine["id"] in ids(org.han) and mine["id"] not in ids(org.li)
    # li is in North A, under North: North's challenge is hers too.
    assert team["id"] in ids(org.li) and team["id"] in ids(org.han)
    r = org.admin.call("GET", "/api/v1/challenges?mine=true")
    assert r.status_code == 400 and r.json()["field"] == "mine", r.text


def test_the_weekly_digest_lists_who_completed_what_and_the_teams(org):
    team = made(org, name="北区一访", metric_id=org.dept_visits, goal=1, participants=[org.north])
    assert team["standings"][0]["outcome"] == "completed"
    _, week = this_week()
    r = org.boss["api"].call("GET", f"/api/v1/recognition/digest?week={week}")
    assert r.status_code == 200, r.text
    digest = r.json()
    li = next(p for p in digest["people"] if p["staff_id"] == org.li["staff"])
    assert "本周两访" in [c["name"] for c in li["challenges"]]
    assert {c["outcome"] for c in li["challenges"]} <= {"completed", "won"}
    [north] = [t for t in digest["team_challenges"] if t["challenge_id"] == team["id"]]
    assert (north["subject"], north["subject_id"], north["subject_name"], north["outcome"]) == (
        "department", org.north, "challenges North", "completed")
    assert north["at"] == team["standings"][0]["reached_at"]
    assert digest["company"]["challenges"] >= len(li["challenges"]) + 1
    # Last week's digest has none of this week's.
    year, number = week.split("-W")
    last = f"{year}-W{int(number) - 1:02d}" if int(number) > 1 else None
    if last:
        r = org.boss["api"].call("GET", f"/api/v1/recognition/digest?week={last}")
        assert team["id"] not in [t["challenge_id"] for t in r.json()["team_challenges"]]


def test_a_manager_calls_one_off_once(org):
    c = made(org, name="取消的挑战", goal=5)
    r = org.li["api"].call("POST", f"/api/v1/challenges/{c['id']}/cancel")
    assert r.status_code == 403, r.text
    r = org.boss["api"].call("POST", f"/api/v1/challenges/{c['id']}/cancel")
    assert r.status_code == 200, r.text
    off = r.json()
    assert off["state"] == "cancelled" and off["cancelled_at"] is not None
    assert [s["outcome"] for s in off["standings"]] == ["cancelled", "cancelled"]
    r = org.boss["api"].call("POST", f"/api/v1/challenges/{c['id']}/cancel")
    assert r.status_code == 409, r.text
    r = org.boss["api"].call("POST", "/api/v1/challenges/999999999/cancel")
    assert r.status_code == 404, r.text
    r = org.boss["api"].call("GET", "/api/v1/challenges?status=closed&limit=200")
    assert c["id"] in [x["id"] for x in r.json()["items"]]
    r = org.boss["api"].call("GET", "/api/v1/challenges?status=open&limit=200")
    assert c["id"] not in [x["id"] for x in r.json()["items"]]


def test_only_managers_set_challenges(org):
    r = create(org, who=org.li)
    assert r.status_code == 403, r.text


@pytest.mark.parametrize("fields, field", [
    ({"goal": 0}, "goal"),
    ({"goal": -3}, "goal"),
    ({"goal": "100.00"}, "goal"),          # a count metric: a count, not yuan
    ({"goal": 2.5}, "goal"),
    ({"goal": None}, "goal"),               # a goal challenge needs one
    ({"period": "2026-12"}, "period"),      # a weekly metric's window is a week
    ({"period": "2020-W10"}, "period"),     # over already
    ({"period": "all"}, "period"),
    ({"period": "next week"}, "period"),
    ({"kind": "head_to_head", "participants": [1, 2, 3]}, "participants"),
    ({"kind": "relay"}, "kind"),
    ({"participants": []}, "participants"),
    ({"participants": [999999999]}, "participants[0]"),
    ({"participants": [5, 5]}, "participants[1]"),
    ({"metric_id": 999999999}, "metric_id"),
    ({"metric_id": None}, "metric_id"),
    ({"name": ""}, "name"),
    ({"name": "长" * 61}, "name"),
    ({"grace_days": 31}, "grace_days"),
    ({"grace_days": -1}, "grace_days"),
    ({"bonus": 10}, "bonus"),
    ({"reward_points": -5}, "reward_points"),
    ({"reward_points": 100001}, "reward_points"),
    ({"reward_points": "50"}, "reward_points"),
])
def test_bad_challenges_are_refused_naming_the_field(org, fields, field):
    before = org.boss["api"].call("GET", "/api/v1/challenges?limit=200").json()["items"]
    r = create(org, **fields)
    assert r.status_code == 400 and r.json()["field"] == field, r.text
    after = org.boss["api"].call("GET", "/api/v1/challenges?limit=200").json()["items"]
    assert [x["id"] for x in after] == [x["id"] for x in before]  # nothing half-written


def test_metrics_a_challenge_cannot_count_are_refused(org):
    r = create(org, metric_id=org.north_visits, participants=[org.li["staff"]])
    assert r.status_code == 400 and r.json()["field"] == "participants", r.text
    r = create(org, metric_id=org.north_visits, participants=[], kind="head_to_head")
    assert r.status_code == 400 and r.json()["field"] == "participants", r.text
    r = create(org, metric_id=org.dept_visits, participants=[org.north], reward_points=10)
    assert r.status_code == 400 and r.json()["field"] == "reward_points", r.text
    r = create(org, metric_id=org.dept_visits, participants=[org.north, 999999999])
    assert r.status_code == 400 and r.json()["field"] == "participants[1]", r.text
    assert "no department" in r.json()["detail"], r.text
    today, _ = this_week()
    r = create(org, metric_id=org.daily, period=today.isoformat())
    assert r.status_code == 201, r.text  # a day's challenge: today
    balance = org.boss["api"].call("POST", "/api/v1/metrics", {
        "code": "challenges.balance", "name": "保有", "kind": "end_of_period_balance",
        "source": "holdings", "subject": "staff", "period": "week"})
    assert balance.status_code == 201, balance.text
    r = create(org, metric_id=balance.json()["id"])
    assert r.status_code == 400 and r.json()["field"] == "metric_id", r.text
