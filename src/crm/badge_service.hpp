#pragma once
// Badge rules as data (crm/badge_rule.hpp): managers and admins define and change them, everyone
// reads them (the game is fair when its rules are public); each change is recorded in the event
// log (badge_rule.created, badge_rule.changed), which is how the engine learns of it. And a
// person's badges: every rule, with where the person stands on it — earned (by which visit, when),
// taken back, or not yet, with their progress — and why one was earned: the visit's events.

#include <cstdint>
#include <optional>
#include <vector>

#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "crm/badge_rule.hpp"
#include "crm/engine_service.hpp"
#include "crm/event_log.hpp"
#include "store/badge_repository.hpp"
#include "store/event_repository.hpp"
#include "store/store.hpp"

namespace laurel::crm {

struct BadgeRulePage {
  std::vector<BadgeRule> rules;
  std::optional<std::int64_t> next_after_id;
};

struct PersonBadge {
  BadgeRule rule;
  std::optional<store::BadgeAwardRecord> award;  // none: never earned
  std::int32_t progress = 0;  // timely visits so far, or the longest run of working days
};

struct BadgeWhy {
  PersonBadge badge;
  std::vector<store::EventRecord> source_events;  // the visit's, oldest first
};

class BadgeService {
 public:
  BadgeService(store::Store& store, const core::Clock& clock, const EventLog& events,
               EngineService& engine, int default_grace_days)
      : store_(store),
        clock_(clock),
        events_(events),
        engine_(engine),
        default_grace_days_(default_grace_days) {}

  core::Result<BadgeRule> create(BadgeRule input, const auth::Actor& actor);
  // The rule whole again; its kind and event stay (fields "kind", "event").
  core::Result<BadgeRule> change(std::int64_t id, BadgeRule input, const auth::Actor& actor);
  core::Result<BadgeRule> get(std::int64_t id);
  core::Result<BadgeRulePage> list(std::int64_t after_id, int limit);

  // Every rule (at most the first 200), with where `staff_id` stands on it.
  core::Result<std::vector<PersonBadge>> of(std::int64_t staff_id);
  core::Result<BadgeWhy> why(std::int64_t staff_id, std::int64_t rule_id);

 private:
  core::Result<BadgeRule> save(store::Connection& db, BadgeRule rule, const auth::Actor& actor,
                               bool first);

  store::Store& store_;
  const core::Clock& clock_;
  const EventLog& events_;
  EngineService& engine_;
  int default_grace_days_;
};

}  // namespace laurel::crm
