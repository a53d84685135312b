#pragma once
// The arithmetic of holdings, without a database: a position (client x product) holds, on a day,
// its latest imported balance on or before that day plus the net confirmed flows after that
// balance's date up to the day (subscriptions, switches in and reinvestment add; redemptions and
// switches out take away). Before any balance a position starts from zero. A position can go
// negative when flows outrun a stale balance; it is reported as it is, not clipped.

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "store/holding_repository.hpp"

namespace laurel::crm {

struct PositionAmount {
  std::int64_t client_id = 0;
  std::int64_t product_id = 0;
  std::int64_t amount_fen = 0;
};

class HoldingsTimeline {
 public:
  // Balances and flows in any order.
  HoldingsTimeline(const std::vector<store::BalanceRecord>& balances,
                   const std::vector<store::FlowRecord>& flows);

  // Every position known, with its amount on `day` (zero amounts included), by client, product.
  std::vector<PositionAmount> on(const std::string& day) const;

 private:
  struct Dated {
    std::string date;
    std::int64_t amount_fen;  // a balance; or, for flows, the running sum of signed flows
  };
  struct Position {
    std::vector<Dated> balances;  // by date
    std::vector<Dated> flows;     // by date, cumulative
  };
  static std::int64_t amount_on(const Position& position, const std::string& day);

  std::map<std::pair<std::int64_t, std::int64_t>, Position> positions_;
};

}  // namespace laurel::crm
