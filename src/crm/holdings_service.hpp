#pragma once
// Holdings: daily closing balances per client and product imported from the data warehouse
// (over HTTP or the CLI), and what follows from them with the confirmed flows (see
// HoldingsTimeline): positions on a day, totals for the company, each department and each
// person, with and without money-market funds, and the daily closing history for trends.
//
// Importing is idempotent per client, product and date: the same amount again is a duplicate;
// another amount corrects that day's balance (holding.balance_corrected, with before and after).
// The events are dated at the close of the balance's day (company time).
//
// Totals per person follow the credit split of each client's coverage on the day (fen by
// largest remainder); a department's are its people's on that day, with its sub-departments'.
// Clients nobody covers count for the company only.

#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "core/local_date.hpp"
#include "core/money.hpp"
#include "crm/data_scope.hpp"
#include "crm/event_log.hpp"
#include "crm/holdings_timeline.hpp"
#include "store/store.hpp"

namespace laurel::crm {

struct BalanceInput {
  std::optional<std::int64_t> client_id;
  std::optional<std::string> client_registration_code;
  std::optional<std::int64_t> product_id;
  std::optional<std::string> product_code;
  core::LocalDate date{};
  core::Fen amount = 0;
};

using BalanceRow = core::Result<BalanceInput>;

enum class BalanceOutcome { applied, corrected, duplicate };

struct RecordedBalance {
  BalanceOutcome outcome = BalanceOutcome::applied;
  std::int64_t client_id = 0;
  std::int64_t product_id = 0;
};

struct BalanceRowResult {
  std::size_t row = 0;
  std::optional<BalanceOutcome> outcome;  // none: failed
  std::optional<core::Error> error;
};

struct BalanceReport {
  std::size_t applied = 0, corrected = 0, duplicates = 0, failed = 0;
  std::vector<BalanceRowResult> rows;
};

struct Amounts {
  core::Fen all = 0;
  core::Fen excluding_money_market = 0;
};

struct HoldingTotals {
  std::string as_of;
  Amounts company;
  std::vector<std::pair<std::int64_t, Amounts>> departments;  // by id
  std::vector<std::pair<std::int64_t, Amounts>> staff;        // by id
};

struct Position {
  std::int64_t client_id = 0;
  std::int64_t product_id = 0;
  core::Fen amount = 0;
  bool money_market = false;
};

struct DailyTotal {
  std::string date;
  Amounts amounts;
};

class HoldingsService {
 public:
  static constexpr std::size_t kMaxBatch = 10'000;
  static constexpr int kMaxHistoryDays = 731;

  HoldingsService(store::Store& store, const core::Clock& clock, core::CompanyZone zone,
                  const EventLog& events)
      : store_(store), clock_(clock), zone_(zone), events_(events) {}

  // One balance, in the caller's write transaction (a batch of events of several kinds).
  core::Result<RecordedBalance> record_in(store::Connection& db, const BalanceInput& input,
                                          const auth::Actor& actor);
  // All or nothing unless `partial` (as TransactionService::import).
  core::Result<BalanceReport> import(const std::vector<BalanceRow>& rows, bool partial,
                                     const auth::Actor& actor);
  // Non-zero positions on a day within the scope, by client then product.
  core::Result<std::vector<Position>> positions(std::optional<core::LocalDate> as_of,
                                                std::optional<std::int64_t> client_id,
                                                std::optional<std::int64_t> product_id,
                                                const DataScope& scope);
  // The company's totals, and the departments' and people's the scope may see.
  core::Result<HoldingTotals> totals(std::optional<core::LocalDate> as_of, const DataScope& scope);
  // Daily closing totals over the scope's clients (optionally one client or product).
  core::Result<std::vector<DailyTotal>> history(core::LocalDate from, core::LocalDate to,
                                                std::optional<std::int64_t> client_id,
                                                std::optional<std::int64_t> product_id,
                                                const DataScope& scope);

  core::LocalDate today() const { return zone_.date_of(clock_.now()); }

 private:
  store::Store& store_;
  const core::Clock& clock_;
  core::CompanyZone zone_;
  const EventLog& events_;
};

}  // namespace laurel::crm
