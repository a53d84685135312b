#include "crm/transaction_kinds.hpp"

#include <array>

namespace laurel::crm {
namespace {

constexpr std::array<TransactionKind, 6> kKinds = {{
    {"subscribe", "认购", +1, true},
    {"purchase", "申购", +1, true},
    {"redeem", "赎回", -1, false},
    {"switch_in", "转换入", +1, false},
    {"switch_out", "转换出", -1, false},
    {"dividend_reinvest", "分红再投", +1, false},
}};

constexpr std::array<std::string_view, 4> kStatuses = {"applied", "confirmed", "failed",
                                                       "cancelled"};

}  // namespace

std::span<const TransactionKind> transaction_kinds() {
  return kKinds;
}

const TransactionKind* find_transaction_kind(std::string_view code_or_name) {
  for (const auto& kind : kKinds) {
    if (kind.code == code_or_name || kind.chinese == code_or_name) return &kind;
  }
  return nullptr;
}

std::span<const std::string_view> transaction_statuses() {
  return kStatuses;
}

}  // namespace laurel::crm
