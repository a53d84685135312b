#include "engine/activation_watch.hpp"

#include <algorithm>

namespace laurel::engine {
namespace {

bool is_subscription(const TradeFact& t) {
  return t.kind == TradeKind::subscribe || t.kind == TradeKind::purchase;
}

// A client's total holdings at each close, as (first day, amount) steps.
class Closes {
 public:
  explicit Closes(const std::map<date::sys_days, std::int64_t>& changes) {
    std::int64_t amount = 0;
    for (const auto& [day, delta] : changes) {
      amount += delta;
      steps_.emplace_back(day, amount);
    }
  }
  std::int64_t on(date::sys_days day) const {
    auto it = std::upper_bound(steps_.begin(), steps_.end(), day,
                               [](date::sys_days d, const auto& step) { return d < step.first; });
    return it == steps_.begin() ? 0 : std::prev(it)->second;
  }
  // Nothing held at any close from `from` to `to`, both included.
  bool nothing_held(date::sys_days from, date::sys_days to) const {
    if (on(from) > 0) return false;
    auto it = std::upper_bound(steps_.begin(), steps_.end(), from,
                               [](date::sys_days d, const auto& step) { return d < step.first; });
    for (; it != steps_.end() && it->first <= to; ++it) {
      if (it->second > 0) return false;
    }
    return true;
  }

 private:
  std::vector<std::pair<date::sys_days, std::int64_t>> steps_;
};

}  // namespace

void ActivationWatch::apply(const TradeFact& trade) {
  // Only subscriptions in effect are kept (nothing else has anything to take back).
  const bool counts = trade.in_effect && is_subscription(trade);
  const auto it = trades_.find(trade.id);
  if (it != trades_.end()) {
    if (it->second.seq >= trade.seq) return;
    clients_[it->second.client_id].subscriptions.erase(it->second.moment);
    touched_.insert(it->second.client_id);
    trades_.erase(it);
  }
  if (!counts) return;
  const Moment moment{trade.trade_time, trade.id};
  clients_[trade.client_id].subscriptions[moment] =
      Subscription{days_.day_of(trade.trade_time), trade.amount_fen, trade.credits};
  trades_.emplace(trade.id, Seen{trade.seq, trade.client_id, moment});
  touched_.insert(trade.client_id);
}

void ActivationWatch::changed(const HoldingsChange& change) {
  if (rules_.empty()) return;  // the first rule learns the holdings from the book
  step(change);
}

void ActivationWatch::step(const HoldingsChange& change) {
  auto& steps = clients_[change.client_id].holdings_steps;
  const auto step = [&](date::sys_days day, std::int64_t delta) {
    auto& at = steps[day];
    at += delta;
    if (at == 0) steps.erase(day);
  };
  step(change.from, change.delta);
  if (change.to != kForever) step(change.to, -change.delta);
  touched_.insert(change.client_id);
}

std::vector<std::int64_t> ActivationWatch::activations(std::int64_t client_id,
                                                       int dormant_days) const {
  std::vector<std::int64_t> out;
  const auto it = clients_.find(client_id);
  if (it == clients_.end()) return out;
  const Closes closes(it->second.holdings_steps);
  const date::days dormant{dormant_days};
  std::optional<date::sys_days> previous;  // the day of the subscription before
  for (const auto& [moment, subscription] : it->second.subscriptions) {
    const auto day = subscription.day;
    const bool activates = previous ? *previous < day - dormant &&
                                          closes.nothing_held(day - dormant, day - date::days(1))
                                    : closes.on(day - date::days(1)) <= 0;
    if (activates) out.push_back(moment.record_id);
    previous = day;
  }
  return out;
}

bool ActivationWatch::add_rule(ActivationRule rule) {
  if (rule.dormant_days < 1) return false;
  for (const auto& r : rules_) {
    if (r.id == rule.id) return false;
  }
  if (rules_.empty()) holdings_.for_each_stretch([this](const HoldingsChange& c) { step(c); });
  rules_.push_back(rule);
  for (const auto& [client_id, client] : clients_)
    judge(rules_.size() - 1, client_id);
  return true;
}

void ActivationWatch::settle() {
  if (rules_.empty()) touched_.clear();
  for (const auto client_id : touched_) {
    for (std::size_t r = 0; r < rules_.size(); ++r)
      judge(r, client_id);
  }
  touched_.clear();
}

void ActivationWatch::judge(std::size_t r, std::int64_t client_id) {
  const auto& rule = rules_[r];
  const auto& client = clients_[client_id];
  std::set<std::pair<std::int64_t, std::int64_t>> now;  // (subject, trade)
  std::map<std::int64_t, Moment> moments;
  for (const auto trade_id : activations(client_id, rule.dormant_days)) {
    const auto& moment = trades_.at(trade_id).moment;
    const auto& subscription = client.subscriptions.at(moment);
    if (subscription.amount_fen < rule.min_amount_fen) continue;
    moments[trade_id] = moment;
    for (const auto& credit : subscription.credits) {
      const auto subject =
          rule.scope == ActivationScope::staff ? credit.staff_id : credit.department_id;
      if (subject) now.insert({subject, trade_id});
    }
  }
  const core::Period all{core::PeriodKind::all_time, 0};
  auto& held = held_[{r, client_id}];
  for (const auto& [subject, trade_id] : held) {
    if (!now.contains({subject, trade_id}))
      book_.stops_holding(FactKey{rule.id, subject, all, trade_id}, event_);
  }
  for (const auto& [subject, trade_id] : now) {
    book_.holds(FactKey{rule.id, subject, all, trade_id}, moments.at(trade_id), event_, rule.grace,
                rule.effective_from);
  }
  held = std::move(now);
}

}  // namespace laurel::engine
