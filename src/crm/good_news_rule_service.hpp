#pragma once
// Good-news rules as data (see crm/good_news_rule.hpp for the shape): admins and managers define
// them; a definition is checked against the metric, products and subjects it names, stored, and
// recorded in the event log as good_news_rule.created — which is how the engine learns of it, so
// a replay defines the rules again in order, each judging the records before it as history.

#include <cstdint>
#include <optional>
#include <vector>

#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "crm/event_log.hpp"
#include "crm/good_news_rule.hpp"
#include "store/good_news_repository.hpp"
#include "store/store.hpp"

namespace laurel::crm {

struct GoodNewsRulePage {
  std::vector<GoodNewsRule> rules;
  std::optional<std::int64_t> next_after_id;
};

class GoodNewsRuleService {
 public:
  // `default_grace_days`: a rule's grace window when its request names none;
  // `default_dormant_days`: an activation rule's D when its request names none.
  GoodNewsRuleService(store::Store& store, const core::Clock& clock, const EventLog& events,
                      int default_grace_days, int default_dormant_days)
      : store_(store),
        clock_(clock),
        events_(events),
        default_grace_days_(default_grace_days),
        default_dormant_days_(default_dormant_days) {}

  core::Result<GoodNewsRule> create(GoodNewsRule input, const auth::Actor& actor);
  core::Result<GoodNewsRule> get(std::int64_t id);
  core::Result<GoodNewsRulePage> list(std::int64_t after_id, int limit);

 private:
  store::Store& store_;
  const core::Clock& clock_;
  const EventLog& events_;
  int default_grace_days_;
  int default_dormant_days_;
};

// A stored rule with its definition read (an unreadable one is an internal error).
core::Result<GoodNewsRule> good_news_rule_of(const store::GoodNewsRuleRecord& record);

}  // namespace laurel::crm
