#include "engine/activation_watch.hpp"

#include <algorithm>

namespace laurel::engine {
namespace {

bool is_subscription(const TradeFact& t) {
  return t.kind == TradeKind::subscribe || t.kind == TradeKind::purchase;
}

const date::sys_days kEarliest{date::days{-1'000'000}};

}  // namespace

void ActivationWatch::apply(const TradeFact& trade) {
  // Only subscriptions in effect are kept (nothing else has anything to take back).
  const bool counts = trade.in_effect && is_subscription(trade);
  const auto it = trades_.find(trade.id);
  if (it != trades_.end()) {
    if (it->second.seq >= trade.seq) return;
    clients_[it->second.client_id].subscriptions.erase(it->second.moment);
    touch(it->second.client_id, it->second.day);
    trades_.erase(it);
  }
  if (!counts) return;
  const Moment moment{trade.trade_time, trade.id};
  const auto day = days_.day_of(trade.trade_time);
  clients_[trade.client_id].subscriptions[moment] =
      Subscription{day, trade.amount_fen, trade.credits};
  trades_.emplace(trade.id, Seen{trade.seq, trade.client_id, moment, day});
  touch(trade.client_id, day);
}

void ActivationWatch::touch(std::int64_t client_id, date::sys_days from) {
  auto [it, fresh] = touched_.try_emplace(client_id, from);
  if (!fresh) it->second = std::min(it->second, from);
}

void ActivationWatch::changed(const HoldingsChange& change) {
  if (rules_.empty()) return;  // the first rule learns the holdings from the book
  step(change);
}

void ActivationWatch::step(const HoldingsChange& change) {
  clients_[change.client_id].holdings.add(change.from, change.to, change.delta);
  touch(change.client_id, change.from);
}

std::vector<ActivationWatch::Activation> ActivationWatch::activations_from(
    const Client& client, int dormant_days, date::sys_days from) const {
  std::vector<Activation> out;
  const auto& subscriptions = client.subscriptions;
  // Back to the last subscription before `from`: whether the next one activates depends on it.
  auto it = subscriptions.end();
  while (it != subscriptions.begin() && std::prev(it)->second.day >= from)
    --it;
  std::optional<date::sys_days> previous;
  if (it != subscriptions.begin()) previous = std::prev(it)->second.day;
  const date::days dormant{dormant_days};
  for (; it != subscriptions.end(); ++it) {
    const auto& [moment, subscription] = *it;
    const auto day = subscription.day;
    const bool activates =
        previous ? *previous < day - dormant &&
                       !client.holdings.positive_between(day - dormant, day - date::days(1))
                 : client.holdings.on(day - date::days(1)) <= 0;
    if (activates) out.push_back({moment.record_id, moment, &subscription});
    previous = day;
  }
  return out;
}

std::vector<std::int64_t> ActivationWatch::activations(std::int64_t client_id,
                                                       int dormant_days) const {
  std::vector<std::int64_t> out;
  const auto it = clients_.find(client_id);
  if (it == clients_.end()) return out;
  for (const auto& a : activations_from(it->second, dormant_days, kEarliest))
    out.push_back(a.trade_id);
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
    judge(rules_.size() - 1, client_id, kEarliest);
  return true;
}

void ActivationWatch::settle() {
  if (rules_.empty()) touched_.clear();
  for (const auto& [client_id, from] : touched_) {
    for (std::size_t r = 0; r < rules_.size(); ++r)
      judge(r, client_id, from);
  }
  touched_.clear();
}

void ActivationWatch::judge(std::size_t r, std::int64_t client_id, date::sys_days from) {
  const auto& rule = rules_[r];
  std::map<std::int64_t, std::pair<Moment, Held>> now;  // activations from `from` on
  for (const auto& a : activations_from(clients_[client_id], rule.dormant_days, from)) {
    if (a.subscription->amount_fen < rule.min_amount_fen) continue;
    Held held{a.subscription->day, {}};
    for (const auto& credit : a.subscription->credits) {
      const auto subject =
          rule.scope == ActivationScope::staff ? credit.staff_id : credit.department_id;
      if (subject &&
          std::find(held.subjects.begin(), held.subjects.end(), subject) == held.subjects.end()) {
        held.subjects.push_back(subject);
      }
    }
    if (!held.subjects.empty()) now.emplace(a.trade_id, std::pair{a.moment, std::move(held)});
  }
  const core::Period all{core::PeriodKind::all_time, 0};
  auto& held = held_[{r, client_id}];
  // What was held from `from` on and is not any more.
  for (auto it = held.begin(); it != held.end();) {
    const auto& [trade_id, was] = *it;
    if (was.day < from) {
      ++it;
      continue;
    }
    const auto still = now.find(trade_id);
    for (const auto subject : was.subjects) {
      if (still == now.end() ||
          std::find(still->second.second.subjects.begin(), still->second.second.subjects.end(),
                    subject) == still->second.second.subjects.end()) {
        book_.stops_holding(FactKey{rule.id, subject, all, trade_id}, event_);
      }
    }
    it = held.erase(it);
  }
  for (auto& [trade_id, activation] : now) {
    for (const auto subject : activation.second.subjects) {
      book_.holds(FactKey{rule.id, subject, all, trade_id}, activation.first, event_, rule.grace,
                  rule.effective_from);
    }
    held.insert_or_assign(trade_id, std::move(activation.second));
  }
}

}  // namespace laurel::engine
