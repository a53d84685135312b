#pragma once
// The kinds of fund transaction, with the Chinese names the trading systems use.
//
// | code              | 中文   | holdings flow | a subscription in figures |
// |-------------------|--------|---------------|---------------------------|
// | subscribe         | 认购   | +             | yes (offer period)        |
// | purchase          | 申购   | +             | yes (open fund)           |
// | redeem            | 赎回   | -             | no                        |
// | switch_in         | 转换入 | +             | no                        |
// | switch_out        | 转换出 | -             | no                        |
// | dividend_reinvest | 分红再投 | +           | no                        |
//
// Switches and reinvestment never count as an activation or a first order.

#include <optional>
#include <span>
#include <string_view>

namespace laurel::crm {

struct TransactionKind {
  std::string_view code;
  std::string_view chinese;
  int flow_sign;      // +1 adds to holdings once confirmed, -1 takes away
  bool subscription;  // 认购 or 申购
};

std::span<const TransactionKind> transaction_kinds();
// By code ("purchase") or Chinese name ("申购").
const TransactionKind* find_transaction_kind(std::string_view code_or_name);

std::span<const std::string_view> transaction_statuses();

}  // namespace laurel::crm
