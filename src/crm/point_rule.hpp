#pragma once
// Points rules as data, and their one JSON shape (the API, the versions table, the event log):
//
//   {"name": "拜访客户", "event": "visit_logged", "visit_kinds": ["visit", "meeting"],
//    "points": 10, "daily_cap": 50, "weekly_cap": 200, "once_per_client_per_day": true,
//    "enabled": true, "effective_from": "2026-12-01T00:00:00+08:00", "valid_until": null,
//    "grace_days": 3, "budget": {"period": "month", "points": 20000}}
//
//   {"name": "认申购积分", "event": "subscription",
//    "curve": [{"amount": "1000000.00", "points": 10}, {"amount": "10000000.00", "points": 40}],
//    "max_points": 100, "daily_cap": 200}
//
// event: visit_logged (any visit of the kinds listed; none listed: every kind), key_person_met
// (a visit a key person attended), decision_maker_reached (a visit a key person whose influence is
// decision_maker attended), subscription (认购 and 申购 credited to the person; points along the
// curve for the whole amount — straight between its points, beyond the last along its last
// segment — shared as the amount is credited, at most max_points; with no curve, `points` each),
// follow_up_done (a visit's follow-up marked done by the end of its follow-up day, to the visit's
// people, when it was marked done; of the visit kinds listed), first_use (a person's first real
// use of each CRM function, crm/flag_set.hpp: `points` per function, when the use was recorded;
// no visit_kinds, no once_per_client_per_day).
// Caps are per person, over the company day and the ISO week the activity occurred in.
// effective_from defaults to the version's creation: a new version never re-prices what was
// earned before it unless dated back; grace_days to the configured recognition.grace_days.
// A budget alerts managers at 80% of its points in a period (of occurred_at); it never stops
// awards (the time rules).
//
// A rule is versioned: every change is a new version, kept with the old ones; the stored and
// logged form adds id, version, created_by and created_at.

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/period.hpp"
#include "engine/points_rule.hpp"

namespace laurel::crm {

struct PointBudget {
  core::PeriodKind period = core::PeriodKind::month;  // month, quarter or year
  std::int64_t points = 0;
};

struct PointRule {
  std::string name;
  engine::PointsRule engine;        // id, version, event, points, curve, caps, window, grace
  bool effective_from_set = false;  // in a request: whether it named effective_from
  bool grace_days_set = false;      // and grace_days
  std::optional<PointBudget> budget;
  std::optional<std::int64_t> created_by;
  core::Timestamp created_at{};
};

std::string_view to_string(engine::PointsEvent event);

// The request body (a new rule, or a rule's next version); errors name the member ("curve[1]
// .points", "daily_cap").
core::Result<PointRule> read_point_rule_input(std::string_view body);
// A stored or logged version; unknown members are ignored.
core::Result<PointRule> read_point_rule(const boost::json::object& o);
boost::json::object point_rule_to_json(const PointRule& rule);

}  // namespace laurel::crm
