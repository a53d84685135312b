#include "engine/first_order_watch.hpp"

#include <algorithm>

namespace laurel::engine {
namespace {

bool contains(const std::vector<std::int64_t>& list, std::int64_t id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

bool is_subscription(const TradeFact& t) {
  return t.kind == TradeKind::subscribe || t.kind == TradeKind::purchase;
}

}  // namespace

std::vector<std::int64_t> FirstOrderWatch::subjects_of(const RuleState& state,
                                                       const TradeFact& t) const {
  std::vector<std::int64_t> out;
  const auto campaign = campaigns_.find(state.rule.campaign_id);
  if (campaign == campaigns_.end() || !t.in_effect || !is_subscription(t)) return out;
  const auto& c = campaign->second;
  if (t.amount_fen < state.rule.min_amount_fen || !contains(c.product_ids, t.product_id)) {
    return out;
  }
  const auto day = days_.day_of(t.trade_time);
  if (day < c.starts_on || day > c.ends_on) return out;
  for (const auto& credit : t.credits) {
    std::int64_t participating = 0;  // the participating department it falls under
    if (!reference_.takes_part(c, credit, participating, departments_)) continue;
    std::int64_t subject = 0;
    if (state.rule.scope == FirstOrderScope::staff) subject = credit.staff_id;
    if (state.rule.scope == FirstOrderScope::department) {
      subject = participating ? participating : credit.department_id;
      if (!subject) continue;  // a listed person with no department that day
    }
    if (!contains(out, subject)) out.push_back(subject);
  }
  return out;
}

void FirstOrderWatch::enter(std::size_t rule, const TradeFact& trade) {
  auto& state = rules_[rule];
  for (const auto subject : subjects_of(state, trade)) {
    state.orders[subject].insert(Moment{trade.trade_time, trade.id});
    entries_of_[trade.id].push_back({rule, subject});
    touched_.insert({rule, subject});
  }
}

void FirstOrderWatch::apply(const TradeFact& trade) {
  auto it = trades_.find(trade.id);
  if (it != trades_.end()) {
    if (it->second.seq >= trade.seq) return;
    // Take the old version's orders back.
    const Moment old{it->second.trade_time, trade.id};
    for (const auto& e : entries_of_[trade.id]) {
      rules_[e.rule].orders[e.subject].erase(old);
      touched_.insert({e.rule, e.subject});
    }
    entries_of_.erase(trade.id);
  }
  if (!is_subscription(trade)) {
    if (it != trades_.end()) trades_.erase(it);
    return;
  }
  trades_.insert_or_assign(trade.id, trade);
  for (std::size_t r = 0; r < rules_.size(); ++r)
    enter(r, trade);
}

void FirstOrderWatch::rebuild(std::size_t rule) {
  auto& state = rules_[rule];
  for (const auto& [subject, orders] : state.orders)
    touched_.insert({rule, subject});
  for (const auto& [subject, winner] : state.winner)
    touched_.insert({rule, subject});
  state.orders.clear();
  for (auto& [id, entries] : entries_of_) {
    std::erase_if(entries, [&](const Entry& e) { return e.rule == rule; });
  }
  for (const auto& [id, trade] : trades_)
    enter(rule, trade);
}

void FirstOrderWatch::set_campaign(CampaignFact campaign) {
  const auto id = campaign.id;
  campaigns_.insert_or_assign(id, std::move(campaign));
  for (std::size_t r = 0; r < rules_.size(); ++r) {
    if (rules_[r].rule.campaign_id == id) rebuild(r);
  }
}

void FirstOrderWatch::rejudge() {
  for (std::size_t r = 0; r < rules_.size(); ++r)
    rebuild(r);
}

bool FirstOrderWatch::add_rule(FirstOrderRule rule) {
  for (const auto& s : rules_) {
    if (s.rule.id == rule.id) return false;
  }
  rules_.push_back(RuleState{std::move(rule), {}, {}});
  rebuild(rules_.size() - 1);
  return true;
}

void FirstOrderWatch::settle() {
  for (const auto& [rule, subject] : touched_)
    judge(rule, subject);
  touched_.clear();
}

void FirstOrderWatch::judge(std::size_t rule, std::int64_t subject) {
  auto& state = rules_[rule];
  const auto orders = state.orders.find(subject);
  const bool any = orders != state.orders.end() && !orders->second.empty();
  const std::int64_t now_winner = any ? orders->second.begin()->record_id : 0;
  const auto held = state.winner.find(subject);
  const std::int64_t was = held == state.winner.end() ? 0 : held->second;
  const core::Period all{core::PeriodKind::all_time, 0};
  if (was && was != now_winner)
    book_.stops_holding(FactKey{state.rule.id, subject, all, was}, event_);
  if (!any) {
    state.winner.erase(subject);
    if (orders != state.orders.end()) state.orders.erase(orders);
    return;
  }
  state.winner[subject] = now_winner;
  if (was == now_winner) return;
  // New, or the winner again after someone else was for a while.
  book_.holds(FactKey{state.rule.id, subject, all, now_winner}, *orders->second.begin(), event_,
              state.rule.grace, state.rule.effective_from);
}

}  // namespace laurel::engine
