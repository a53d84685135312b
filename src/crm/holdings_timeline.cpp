#include "crm/holdings_timeline.hpp"

#include <algorithm>

#include "crm/transaction_kinds.hpp"

namespace laurel::crm {
namespace {

bool by_date(const auto& a, const auto& b) {
  return a.date < b.date;
}

}  // namespace

HoldingsTimeline::HoldingsTimeline(const std::vector<store::BalanceRecord>& balances,
                                   const std::vector<store::FlowRecord>& flows) {
  for (const auto& b : balances)
    positions_[{b.client_id, b.product_id}].balances.push_back({b.date, b.amount_fen});
  for (const auto& f : flows) {
    const auto* kind = find_transaction_kind(f.kind);
    const int sign = kind ? kind->flow_sign : 0;
    positions_[{f.client_id, f.product_id}].flows.push_back({f.confirm_date, sign * f.amount_fen});
  }
  for (auto& [key, position] : positions_) {
    std::stable_sort(position.balances.begin(), position.balances.end(), by_date<Dated, Dated>);
    std::stable_sort(position.flows.begin(), position.flows.end(), by_date<Dated, Dated>);
    std::int64_t running = 0;
    for (auto& flow : position.flows) {
      running += flow.amount_fen;
      flow.amount_fen = running;
    }
  }
}

std::int64_t HoldingsTimeline::amount_on(const Position& p, const std::string& day) {
  // Cumulative flows up to and including a date (0 before the first).
  const auto flows_through = [&p](const std::string& date) -> std::int64_t {
    auto it = std::upper_bound(p.flows.begin(), p.flows.end(), date,
                               [](const std::string& d, const Dated& f) { return d < f.date; });
    return it == p.flows.begin() ? 0 : std::prev(it)->amount_fen;
  };
  auto balance = std::upper_bound(p.balances.begin(), p.balances.end(), day,
                                  [](const std::string& d, const Dated& b) { return d < b.date; });
  if (balance == p.balances.begin()) return flows_through(day);
  const auto& base = *std::prev(balance);
  return base.amount_fen + flows_through(day) - flows_through(base.date);
}

std::vector<PositionAmount> HoldingsTimeline::on(const std::string& day) const {
  std::vector<PositionAmount> amounts;
  amounts.reserve(positions_.size());
  for (const auto& [key, position] : positions_)
    amounts.push_back({key.first, key.second, amount_on(position, day)});
  return amounts;
}

}  // namespace laurel::crm
