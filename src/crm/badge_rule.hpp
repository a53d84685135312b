#pragma once
// Badge rules as data (engine/badge_book.hpp for what they mean), and their one JSON shape (the
// API, the badge_rules table, the event log):
//
//   {"name": "百次拜访", "description": "第一百次按时记录的拜访", "kind": "milestone",
//    "event": "visit_logged", "visit_kinds": [], "count": 100, "grace_days": 3}
//   {"name": "五天连续拜访", "kind": "streak", "event": "visit_logged", "count": 5}
//
// kind: milestone (the person's count-th visit of the event, all time; count 1 to 100,000) or
// streak (visits of the event on count working days in a row; 2 to 250) or depth (count different
// key people — with decision_maker_reached, decision makers — of one client met; 2 to 50; the
// relationship depth of "three decision makers met"). event: visit_logged,
// key_person_met or decision_maker_reached, as for points rules. grace_days (0 to 365) defaults to
// recognition.grace_days: visits recorded later than that after they occurred count for no badge.
//
// A badge is a standing, not a payment: a change to a rule (its name, description, count, kinds
// or grace; never its kind or event) judges it again for everyone over the whole history, and
// the event log keeps every version (badge_rule.created, badge_rule.changed).

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "engine/badge_book.hpp"

namespace laurel::crm {

struct BadgeRule {
  std::string name;
  std::string description;
  engine::BadgeRule engine;     // id, kind, event, visit kinds, count, grace
  bool grace_days_set = false;  // in a request: whether it named grace_days
  std::optional<std::int64_t> created_by;
  core::Timestamp created_at{};
  core::Timestamp updated_at{};
};

std::string_view to_string(engine::BadgeKind kind);

// The request body (a new rule, or a rule's change); errors name the member.
core::Result<BadgeRule> read_badge_rule_input(std::string_view body);
// A stored or logged rule; unknown members are ignored.
core::Result<BadgeRule> read_badge_rule(const boost::json::object& o);
boost::json::object badge_rule_to_json(const BadgeRule& rule);

}  // namespace laurel::crm
