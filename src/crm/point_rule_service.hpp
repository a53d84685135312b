#pragma once
// Points rules as data (crm/point_rule.hpp for the shape): admins and managers define them and
// change them; each change is a new version, stored beside the old ones and recorded in the event
// log (point_rule.created, point_rule.changed) — which is how the engine learns of it, so a replay
// applies every version again in order.

#include <cstdint>
#include <optional>
#include <vector>

#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "crm/event_log.hpp"
#include "crm/point_rule.hpp"
#include "store/store.hpp"

namespace laurel::crm {

struct PointRulePage {
  std::vector<PointRule> rules;  // each at its latest version
  std::optional<std::int64_t> next_after_id;
};

class PointRuleService {
 public:
  PointRuleService(store::Store& store, const core::Clock& clock, const EventLog& events,
                   int default_grace_days)
      : store_(store), clock_(clock), events_(events), default_grace_days_(default_grace_days) {}

  core::Result<PointRule> create(PointRule input, const auth::Actor& actor);
  // The rule's next version, whole (what is not named takes its default, as for a new rule).
  // Its effective_from may not be before the latest version's (field "effective_from"), and its
  // event is the rule's for good (field "event").
  core::Result<PointRule> change(std::int64_t id, PointRule input, const auth::Actor& actor);
  core::Result<PointRule> get(std::int64_t id);
  core::Result<std::vector<PointRule>> versions(std::int64_t id);
  core::Result<PointRulePage> list(std::int64_t after_id, int limit);

 private:
  core::Result<PointRule> add_version(store::Connection& db, PointRule rule,
                                      const auth::Actor& actor, bool first);

  store::Store& store_;
  const core::Clock& clock_;
  const EventLog& events_;
  int default_grace_days_;
};

// A stored version, read (an unreadable one is an internal error).
core::Result<PointRule> point_rule_of(std::int64_t rule_id, const std::string& definition);

}  // namespace laurel::crm
