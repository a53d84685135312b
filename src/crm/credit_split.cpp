#include "crm/credit_split.hpp"

#include <algorithm>
#include <numeric>

namespace laurel::crm {

std::vector<core::Fen> split_credit(core::Fen amount, std::span<const CreditShare> shares) {
  std::vector<core::Fen> parts(shares.size());
  std::vector<int> remainders(shares.size());
  // amount * percent / 100 without overflowing: (q * 100 + r) * p / 100 = q * p + r * p / 100.
  const core::Fen hundreds = amount / 100;
  const int rest = static_cast<int>(amount % 100);
  for (std::size_t i = 0; i < shares.size(); ++i) {
    parts[i] = hundreds * shares[i].percent + rest * shares[i].percent / 100;
    remainders[i] = rest * shares[i].percent % 100;
  }
  core::Fen leftover = amount - std::accumulate(parts.begin(), parts.end(), core::Fen{0});
  std::vector<std::size_t> order(shares.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (remainders[a] != remainders[b]) return remainders[a] > remainders[b];
    return shares[a].primary && !shares[b].primary;
  });
  for (std::size_t i = 0; leftover > 0 && !order.empty(); ++i, --leftover) {
    ++parts[order[i % order.size()]];
  }
  return parts;
}

}  // namespace laurel::crm
