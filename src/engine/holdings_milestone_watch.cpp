#include "engine/holdings_milestone_watch.hpp"

#include <algorithm>

namespace laurel::engine {

bool HoldingsMilestoneWatch::counts(const HoldingsMilestoneRule& rule,
                                    std::int64_t product_id) const {
  if (!rule.product_ids.empty() && std::find(rule.product_ids.begin(), rule.product_ids.end(),
                                             product_id) == rule.product_ids.end()) {
    return false;
  }
  const auto it = reference_.products.find(product_id);
  const std::string type = it == reference_.products.end() ? std::string() : it->second.type;
  if (rule.exclude_money_market && type == "money_market") return false;
  return rule.product_types.empty() ||
         std::find(rule.product_types.begin(), rule.product_types.end(), type) !=
             rule.product_types.end();
}

void HoldingsMilestoneWatch::changed(const HoldingsChange& change) {
  for (std::size_t r = 0; r < rules_.size(); ++r) {
    auto& state = rules_[r];
    if (!counts(state.rule, change.product_id)) continue;
    state.closes->add(change.from, change.to, change.delta);
    touched_.insert(r);
  }
}

void HoldingsMilestoneWatch::rebuild(RuleState& state) {
  state.closes = std::make_unique<DayMaxTree>();
  book_.for_each_stretch([&](const HoldingsChange& c) {
    if (counts(state.rule, c.product_id)) state.closes->add(c.from, c.to, c.delta);
  });
}

bool HoldingsMilestoneWatch::add_rule(HoldingsMilestoneRule rule) {
  if (rule.every_fen <= 0) return false;
  for (const auto& s : rules_) {
    if (s.rule.id == rule.id) return false;
  }
  rules_.push_back(RuleState{std::move(rule), nullptr, 0});
  rebuild(rules_.back());
  touched_.insert(rules_.size() - 1);
  return true;
}

void HoldingsMilestoneWatch::rejudge() {
  for (std::size_t r = 0; r < rules_.size(); ++r) {
    rebuild(rules_[r]);
    touched_.insert(r);
  }
}

void HoldingsMilestoneWatch::settle() {
  for (const auto r : touched_)
    judge(rules_[r]);
  touched_.clear();
}

void HoldingsMilestoneWatch::judge(RuleState& state) {
  const auto& rule = state.rule;
  const std::int64_t reached =
      std::min(std::max<std::int64_t>(state.closes->max(), 0) / rule.every_fen, kMaxMilestones);
  const core::Period all{core::PeriodKind::all_time, 0};
  for (std::int64_t k = reached + 1; k <= state.held; ++k)
    book_of_facts_.stops_holding(FactKey{rule.id, 0, all, k * rule.every_fen}, event_);
  for (std::int64_t k = 1; k <= reached; ++k) {
    const auto day = state.closes->first_at_least(k * rule.every_fen);
    const auto close = zone_.close_of(*day);
    book_of_facts_.holds(FactKey{rule.id, 0, all, k * rule.every_fen}, Moment{close, 0}, event_,
                         rule.grace, rule.effective_from);
  }
  state.held = reached;
}

}  // namespace laurel::engine
