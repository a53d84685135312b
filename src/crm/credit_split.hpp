#pragma once
// Splitting a transaction's amount between the staff credited with it.
//
// Each share is a whole percent; shares sum to 100. Every member first gets the floor of their
// exact part; the few fen left over (fewer than the number of members) go one each to the
// largest remainders (the largest remainder method), ties going to the primary first and then to
// the member listed first. The parts always sum to the amount exactly.

#include <cstdint>
#include <span>
#include <vector>

#include "core/money.hpp"

namespace laurel::crm {

struct CreditShare {
  std::int64_t staff_id = 0;
  int percent = 0;  // 0..100
  bool primary = false;
};

// Parts in the order of `shares`. Precondition: percents sum to 100 and `amount` >= 0.
std::vector<core::Fen> split_credit(core::Fen amount, std::span<const CreditShare> shares);

}  // namespace laurel::crm
