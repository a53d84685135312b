#pragma once
// A points rule, one version of it: what activity earns points, how many, and the limits that
// keep the game fair (crm/point_rule.hpp has its JSON and the checks on a definition).
//
// A rule keeps its versions: each applies to activity that occurred from its effective_from on,
// until the next version's — so changing a rule never re-prices what was earned before the
// change, unless the manager dates the new version back on purpose.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/clock.hpp"

namespace laurel::engine {

// What earns: a visit logged (of the kinds listed), a visit a key person attended, a visit a
// decision maker attended, a subscription (认购 / 申购 credited to the person), a visit's
// follow-up marked done by its date, or a person's first use of a CRM function (the flags').
enum class PointsEvent : std::uint8_t {
  visit_logged,
  key_person_met,
  decision_maker_reached,
  subscription,
  follow_up_done,
  first_use
};
constexpr int kPointsEvents = 6;
// A visit's kind as crm lists them: visit, call, meeting, roadshow, online (a bit each).
constexpr int kVisitKinds = 5;

// A subscription's points along its amount: the curve starts at (0, 0), runs straight between
// its points, and beyond the last one goes on along its last segment; max_points caps it.
struct CurvePoint {
  std::int64_t amount_fen = 0;
  std::int64_t points = 0;
  friend bool operator==(const CurvePoint&, const CurvePoint&) = default;
};

struct PointsRule {
  std::int64_t id = 0;
  std::int32_t version = 1;
  PointsEvent event = PointsEvent::visit_logged;
  bool enabled = true;
  std::int64_t points = 0;                 // per activity (every event but subscription)
  std::vector<CurvePoint> curve;           // subscription: amounts increasing, points never falling
  std::optional<std::int64_t> max_points;  // subscription: the most one subscription earns
  std::uint8_t visit_kinds = 0;  // visit and follow-up events: a bit per kind; 0: every kind
  // Per person, over the company day and ISO week the activity occurred in (a follow-up: when it
  // was marked done; a first use: when it was recorded): the most it pays.
  std::optional<std::int64_t> daily_cap;
  std::optional<std::int64_t> weekly_cap;
  // The same client on the same day counts once (the first activity of that day, in occurred_at
  // order, earns; the others are cut).
  bool once_per_client_per_day = false;
  core::Timestamp effective_from{};            // activity from this instant on
  std::optional<core::Timestamp> valid_until;  // activity before this instant only
  // Activity recorded more than this many days after it occurred earns nothing (the time rules:
  // backfilling a month does not farm points), though it still counts for every figure.
  std::int32_t grace_days = 3;
};

// The points a subscription of `amount_fen` earns under `rule` (its curve and cap).
std::int64_t curve_points(const PointsRule& rule, std::int64_t amount_fen);

}  // namespace laurel::engine
