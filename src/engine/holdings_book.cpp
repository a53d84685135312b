#include "engine/holdings_book.hpp"

#include <algorithm>

namespace laurel::engine {

HoldingsBook::Steps HoldingsBook::steps(const Position& p, date::sys_days from, date::sys_days to) {
  Steps out;
  if (from >= to) return out;
  // The amount at the close of `from`: the balance in force, and the flows confirmed after it.
  std::int64_t amount = 0;
  auto flow = p.flows.begin();
  if (auto b = p.balances.upper_bound(from); b != p.balances.begin()) {
    --b;
    amount = b->second;
    flow = p.flows.upper_bound(b->first);
  }
  for (; flow != p.flows.end() && flow->first <= from; ++flow)
    amount += flow->second;
  out.emplace_back(from, amount);
  // Then each day in (from, to) where a balance or a flow changes it.
  auto balance = p.balances.upper_bound(from);
  for (;;) {
    const auto next_balance = balance == p.balances.end() ? kForever : balance->first;
    const auto next_flow = flow == p.flows.end() ? kForever : flow->first;
    const auto day = std::min(next_balance, next_flow);
    if (day >= to) break;
    if (next_balance == day) {  // a day's balance already holds its flows
      amount = balance->second;
      ++balance;
      if (next_flow == day) ++flow;
    } else {
      amount += flow->second;
      ++flow;
    }
    if (amount == out.back().second) continue;
    out.emplace_back(day, amount);
  }
  return out;
}

template <typename Change>
void HoldingsBook::change(const Key& key, date::sys_days from, date::sys_days to, Change&& change) {
  auto& position = positions_[key];
  const auto before = steps(position, from, to);
  change(position);
  const auto after = steps(position, from, to);
  if (listeners_.empty() || before == after) return;
  // Walk both step lists together; each stretch where they differ is one change.
  std::size_t i = 0, j = 0;
  date::sys_days day = from;
  while (day < to) {
    while (i + 1 < before.size() && before[i + 1].first <= day)
      ++i;
    while (j + 1 < after.size() && after[j + 1].first <= day)
      ++j;
    const auto next_before = i + 1 < before.size() ? before[i + 1].first : to;
    const auto next_after = j + 1 < after.size() ? after[j + 1].first : to;
    const auto end = std::min(next_before, next_after);
    const auto delta = after[j].second - before[i].second;
    if (delta != 0) {
      const HoldingsChange c{key.first, key.second, day, end, delta};
      for (auto* l : listeners_)
        l->changed(c);
    }
    day = end;
  }
}

void HoldingsBook::set_balance(std::int64_t client_id, std::int64_t product_id, date::sys_days day,
                               std::int64_t amount_fen) {
  const Key key{client_id, product_id};
  auto& position = positions_[key];
  // A balance decides its position's amount until the next balance.
  const auto next = position.balances.upper_bound(day);
  const auto to = next == position.balances.end() ? kForever : next->first;
  change(key, day, to, [&](Position& p) { p.balances[day] = amount_fen; });
}

void HoldingsBook::move_flow(const Key& key, date::sys_days day, std::int64_t signed_fen) {
  auto& position = positions_[key];
  // A flow counts from its day until a balance of that day or later includes it.
  const auto next = position.balances.lower_bound(day);
  const auto to = next == position.balances.end() ? kForever : next->first;
  change(key, day, to, [&](Position& p) {
    auto& net = p.flows[day];
    net += signed_fen;
    if (net == 0) p.flows.erase(day);
  });
}

void HoldingsBook::apply(const TradeFact& trade) {
  Flow now{trade.seq, trade.client_id, trade.product_id, std::nullopt, 0};
  if (trade.in_effect && trade.confirmed_on) {
    now.day = trade.confirmed_on;
    now.signed_fen = flow_sign(trade.kind) * trade.amount_fen;
  }
  auto [it, fresh] = trades_.try_emplace(trade.id, now);
  if (!fresh) {
    if (it->second.seq >= trade.seq) return;
    const auto was = it->second;
    it->second = now;
    if (was.day) move_flow({was.client_id, was.product_id}, *was.day, -was.signed_fen);
  }
  if (now.day) move_flow({now.client_id, now.product_id}, *now.day, now.signed_fen);
}

std::int64_t HoldingsBook::amount_on(std::int64_t client_id, std::int64_t product_id,
                                     date::sys_days day) const {
  const auto it = positions_.find({client_id, product_id});
  if (it == positions_.end()) return 0;
  return steps(it->second, day, day + date::days(1)).front().second;
}

void HoldingsBook::for_each_stretch(const std::function<void(const HoldingsChange&)>& visit) const {
  for (const auto& [key, position] : positions_) {
    if (position.balances.empty() && position.flows.empty()) continue;
    const auto first =
        std::min(position.balances.empty() ? kForever : position.balances.begin()->first,
                 position.flows.empty() ? kForever : position.flows.begin()->first);
    const auto s = steps(position, first, kForever);
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i].second == 0) continue;
      const auto end = i + 1 < s.size() ? s[i + 1].first : kForever;
      visit(HoldingsChange{key.first, key.second, s[i].first, end, s[i].second});
    }
  }
}

}  // namespace laurel::engine
