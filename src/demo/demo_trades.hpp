#pragma once
// The demo's trades: what the TA system sends each working day for the previous one, confirmed
// (a few failed or cancelled); redemptions never exceed what a client holds.

#include <map>
#include <utility>
#include <vector>

#include "crm/transaction_service.hpp"
#include "demo/demo_world.hpp"

namespace laurel::demo {

class TradeBook {
 public:
  explicit TradeBook(World& world);

  // The trades of `trade_day`, confirmed on `confirm_day` (none: still applied), as one batch.
  std::vector<crm::BatchRow> day(core::LocalDate trade_day,
                                 std::optional<core::LocalDate> confirm_day);

 private:
  void add(std::vector<crm::BatchRow>& rows, std::size_t client, std::size_t product,
           const char* kind, core::Fen amount, core::LocalDate day, int minute,
           std::optional<core::LocalDate> confirm_day, bool scripted = false);
  void scripted(std::vector<crm::BatchRow>& rows, core::LocalDate day,
                std::optional<core::LocalDate> confirm_day);

  World& w_;
  WeightedPicker clients_;
  std::map<std::pair<std::size_t, std::size_t>, core::Fen> balances_;  // confirmed holdings
  std::size_t serial_ = 0;
  core::LocalDate reactivation_buy_{}, reactivation_sell_{}, reactivation_return_{};
};

}  // namespace laurel::demo
