#pragma once
// Holdings balances and the confirmed flows that move them, as stored (migration 0009 and the
// transactions of 0008). The arithmetic lives in crm::HoldingsService.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace laurel::store {

struct BalanceRecord {
  std::int64_t client_id = 0;
  std::int64_t product_id = 0;
  std::string date;  // "YYYY-MM-DD"
  std::int64_t amount_fen = 0;
};

struct FlowRecord {
  std::int64_t client_id = 0;
  std::int64_t product_id = 0;
  std::string confirm_date;
  std::string kind;
  std::int64_t amount_fen = 0;  // unsigned; the kind says which way
};

// Which positions: optionally one client or product; `clients_json` (a JSON array of ids)
// limits them to a data scope's clients when set.
struct PositionFilter {
  std::optional<std::int64_t> client_id;
  std::optional<std::int64_t> product_id;
  std::optional<std::string> clients_json;
};

class HoldingRepository {
 public:
  explicit HoldingRepository(Connection& connection) : db_(connection) {}

  // The stored amount for that client, product and date, if any.
  core::Result<std::optional<std::int64_t>> balance(std::int64_t client_id, std::int64_t product_id,
                                                    std::string_view date);
  core::Status put_balance(const BalanceRecord& balance, std::int64_t now);
  // Every balance dated on or before `to` and no earlier than each position's latest balance on
  // or before `from`: all that is needed to know the positions from `from` to `to`. By position,
  // then date.
  core::Result<std::vector<BalanceRecord>> balances_for(std::string_view from, std::string_view to,
                                                        const PositionFilter& filter);
  // Confirmed transactions with a confirm date on or before `to`, by position, then date.
  core::Result<std::vector<FlowRecord>> confirmed_flows(std::string_view to,
                                                        const PositionFilter& filter);

 private:
  Connection& db_;
};

}  // namespace laurel::store
