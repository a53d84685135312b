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

std::int64_t HoldingsBook::level_on(const Position& p, date::sys_days day) {
  std::int64_t amount = 0;
  auto flow = p.flows.begin();
  if (auto b = p.balances.upper_bound(day); b != p.balances.begin()) {
    --b;
    amount = b->second;
    flow = p.flows.upper_bound(b->first);
  }
  for (; flow != p.flows.end() && flow->first <= day; ++flow)
    amount += flow->second;
  return amount;
}

void HoldingsBook::tell(const Key& key, date::sys_days from, date::sys_days to,
                        std::int64_t delta) {
  if (from >= to || delta == 0) return;
  const HoldingsChange c{key.first, key.second, from, to, delta};
  for (auto* l : listeners_)
    l->changed(c);
}

void HoldingsBook::set_balance(std::int64_t client_id, std::int64_t product_id, date::sys_days day,
                               std::int64_t amount_fen) {
  const Key key{client_id, product_id};
  auto& position = positions_[key];
  // The balance decides the amount from its day until the next balance. Up to then the flows
  // after it count the same before and after, so the whole stretch moves by what the close of
  // its day moves by.
  const auto before = level_on(position, day);
  position.balances[day] = amount_fen;
  const auto next = position.balances.upper_bound(day);
  tell(key, day, next == position.balances.end() ? kForever : next->first, amount_fen - before);
}

void HoldingsBook::move_flow(const Key& key, date::sys_days day, std::int64_t signed_fen) {
  auto& position = positions_[key];
  auto& net = position.flows[day];
  net += signed_fen;
  if (net == 0) position.flows.erase(day);
  // A flow counts from its day until a balance of that day or later includes it.
  const auto next = position.balances.lower_bound(day);
  tell(key, day, next == position.balances.end() ? kForever : next->first, signed_fen);
}

void HoldingsBook::apply(const TradeFact& trade) {
  // Only trades that move holdings are kept (nothing else has anything to take back).
  if (const auto it = trades_.find(trade.id); it != trades_.end()) {
    if (it->second.seq >= trade.seq) return;
    const auto was = it->second;
    trades_.erase(it);
    move_flow({was.client_id, was.product_id}, was.day, -was.signed_fen);
  }
  if (!trade.in_effect || !trade.confirmed_on) return;
  const Flow now{trade.seq, trade.client_id, trade.product_id, *trade.confirmed_on,
                 flow_sign(trade.kind) * trade.amount_fen};
  trades_.emplace(trade.id, now);
  move_flow({now.client_id, now.product_id}, now.day, now.signed_fen);
}

std::int64_t HoldingsBook::amount_on(std::int64_t client_id, std::int64_t product_id,
                                     date::sys_days day) const {
  const auto it = positions_.find({client_id, product_id});
  if (it == positions_.end()) return 0;
  return level_on(it->second, day);
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
