#pragma once
// Reading the records external systems push, one object each: the same reading for the one-kind
// batches (POST /api/v1/transactions/batch, /holdings/balances) and the events of several kinds
// (POST /api/v1/events). Errors name the member with the input's path.

#include "crm/holdings_service.hpp"
#include "crm/transaction_service.hpp"
#include "http/json_input.hpp"

namespace laurel::api {

core::Result<crm::TransactionInput> read_transaction(http::JsonInput& in);
core::Result<crm::BalanceInput> read_balance(http::JsonInput& in);

}  // namespace laurel::api
