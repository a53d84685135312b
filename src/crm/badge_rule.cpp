#include "crm/badge_rule.hpp"

#include "core/timestamp.hpp"
#include "crm/json_reader.hpp"
#include "crm/json_text.hpp"
#include "crm/point_rule.hpp"
#include "crm/visit_kinds_json.hpp"

namespace laurel::crm {
namespace {

namespace json = boost::json;
using core::Error;

constexpr Names<3> kKinds{{"milestone", "streak", "depth"}};
// The visit events of points rules (engine::PointsEvent, without subscription).
constexpr Names<3> kEvents{{"visit_logged", "key_person_met", "decision_maker_reached"}};
constexpr std::size_t kMaxName = 60;
constexpr std::size_t kMaxDescription = 200;
constexpr std::int64_t kMostVisits = 100'000;
constexpr std::int64_t kLongestStreak = 250;  // about a year of working days
constexpr std::int64_t kMostPeopleMet = 50;   // of one client

core::Result<BadgeRule> read_rule(const json::object& o, bool strict) {
  JsonReader r(o, "", strict, "a badge rule");
  BadgeRule rule;
  auto& e = rule.engine;
  auto name = read_text(r, "name", kMaxName, true);
  if (!name) return name.error();
  rule.name = std::move(*name);
  auto description = read_text(r, "description", kMaxDescription, false);
  if (!description) return description.error();
  rule.description = std::move(*description);
  auto kind = r.one_of("kind", kKinds);
  if (!kind) return kind.error();
  e.kind = static_cast<engine::BadgeKind>(*kind);
  auto event = r.one_of("event", kEvents);
  if (!event) return event.error();
  e.event = static_cast<engine::PointsEvent>(*event);
  auto kinds = read_visit_kinds(r);
  if (!kinds) return kinds.error();
  e.visit_kinds = *kinds;
  const bool streak = e.kind == engine::BadgeKind::streak;
  const bool depth = e.kind == engine::BadgeKind::depth;
  if (depth && e.event == engine::PointsEvent::visit_logged) {
    return Error::invalid("event",
                          "a depth badge counts people met: key_person_met or "
                          "decision_maker_reached");
  }
  const auto least = streak || depth ? 2 : 1;
  const auto most = streak ? kLongestStreak : depth ? kMostPeopleMet : kMostVisits;
  const auto* count = r.take("count");
  if (!count || !count->is_int64() || count->as_int64() < least || count->as_int64() > most) {
    return Error::invalid("count", std::string(streak  ? "is required: working days in a row, "
                                               : depth ? "is required: people of one client, "
                                                       : "is required: the visit to reach, ") +
                                       "from " + std::to_string(least) + " to " +
                                       std::to_string(most));
  }
  e.count = static_cast<std::int32_t>(count->as_int64());
  if (const auto* grace = r.take("grace_days")) {
    if (!grace->is_int64() || grace->as_int64() < 0 || grace->as_int64() > 365) {
      return Error::invalid("grace_days", "must be a whole number of days from 0 to 365");
    }
    e.grace_days = static_cast<std::int32_t>(grace->as_int64());
    rule.grace_days_set = true;
  }
  if (!strict) {
    auto stamp = read_stored_stamp(r);
    if (!stamp) return stamp.error();
    e.id = stamp->id;
    rule.created_by = stamp->created_by;
    if (stamp->created_at) rule.created_at = *stamp->created_at;
    auto updated = r.instant("updated_at");
    if (!updated) return updated.error();
    rule.updated_at = updated->value_or(rule.created_at);
  }
  if (auto s = r.finish(); !s) return s.error();
  return rule;
}

}  // namespace

std::string_view to_string(engine::BadgeKind kind) {
  return kKinds.names[static_cast<std::size_t>(kind)];
}

core::Result<BadgeRule> read_badge_rule_input(std::string_view body) {
  auto doc = json_object_body(body);
  if (!doc) return doc.error();
  return read_rule(*doc, true);
}

core::Result<BadgeRule> read_badge_rule(const json::object& o) {
  return read_rule(o, false);
}

json::object badge_rule_to_json(const BadgeRule& rule) {
  const auto& e = rule.engine;
  return {{"id", e.id},
          {"name", rule.name},
          {"description", rule.description},
          {"kind", to_string(e.kind)},
          {"event", to_string(e.event)},
          {"visit_kinds", visit_kinds_to_json(e.visit_kinds)},
          {"count", e.count},
          {"grace_days", e.grace_days},
          {"created_by", rule.created_by ? json::value(*rule.created_by) : json::value(nullptr)},
          {"created_at", core::format_rfc3339(rule.created_at)},
          {"updated_at", core::format_rfc3339(rule.updated_at)}};
}

}  // namespace laurel::crm
