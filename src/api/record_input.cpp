#include "api/record_input.hpp"

#include "api/batch_input.hpp"
#include "api/member_input.hpp"

namespace laurel::api {

using http::JsonInput;

core::Result<crm::TransactionInput> read_transaction(JsonInput& in) {
  crm::TransactionInput t;
  auto external_id = in.required_string("external_id", {1, 64});
  if (!external_id) return external_id.error();
  t.external_id = std::move(*external_id);
  if (auto s = read_client_and_product(in, t); !s) return s.error();
  auto kind = in.required_string("kind", {1, 20});
  if (!kind) return kind.error();
  t.kind = std::move(*kind);
  auto amount = in.required_amount("amount");
  if (!amount) return amount.error();
  t.amount = *amount;
  auto trade_time = in.required_time("trade_time");
  if (!trade_time) return trade_time.error();
  t.trade_time = *trade_time;
  auto confirm_date = in.optional_date("confirm_date");
  if (!confirm_date) return confirm_date.error();
  t.confirm_date = *confirm_date;
  auto status = in.optional_string("status", {1, 20});
  if (!status) return status.error();
  if (*status) t.status = std::move(**status);
  auto credits = in.optional_objects("credits", 20);
  if (!credits) return credits.error();
  if (*credits) {
    auto members = read_members(**credits);
    if (!members) return members.error();
    t.credits = std::move(*members);
  }
  if (auto s = in.finish(); !s) return s.error();
  return t;
}

core::Result<crm::BalanceInput> read_balance(JsonInput& in) {
  crm::BalanceInput b;
  if (auto s = read_client_and_product(in, b); !s) return s.error();
  auto date = in.required_date("date");
  if (!date) return date.error();
  b.date = *date;
  auto amount = in.required_amount("amount");
  if (!amount) return amount.error();
  b.amount = *amount;
  if (auto s = in.finish(); !s) return s.error();
  return b;
}

}  // namespace laurel::api
