#pragma once
// Transactions: clients' orders on funds, pushed by the trading/TA system one at a time or in
// batches of up to 10,000, or typed in by an admin.
//
// Idempotency: a transaction is known by its sender's external id. The same id again with the
// same content (as first recorded) is a duplicate: reported, not applied again. The same id with
// other content is a conflict (409). A status change is a separate write (confirm, fail, cancel).
//
// Crediting: unless the sender names the credited staff and split, they come from the client's
// coverage on the trade date (company time); each credited person's department is theirs on that
// date. Fen are split by largest remainder (crm::split_credit). Credits are fixed at recording:
// a later coverage change or transfer never re-credits a past trade.
//
// Events: transaction.recorded (occurred_at = trade time), transaction.confirmed (the start of
// the confirm date: holdings change then), transaction.failed and transaction.cancelled (the
// trade time: they reverse the trade on its own timeline). Each carries the transaction before
// and after.

#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "core/local_date.hpp"
#include "core/money.hpp"
#include "crm/data_scope.hpp"
#include "crm/event_log.hpp"
#include "store/coverage_repository.hpp"
#include "store/store.hpp"
#include "store/transaction_repository.hpp"

namespace laurel::crm {

struct TransactionInput {
  std::string external_id;
  std::optional<std::int64_t> client_id;
  std::optional<std::string> client_registration_code;  // instead of client_id
  std::optional<std::int64_t> product_id;
  std::optional<std::string> product_code;  // instead of product_id
  std::string kind;                         // code or Chinese name
  core::Fen amount = 0;
  core::Timestamp trade_time{};
  std::optional<core::LocalDate> confirm_date;
  std::string status = "applied";
  std::optional<std::vector<store::CoverageMember>> credits;  // default: coverage on the day
};

enum class RecordOutcome { applied, duplicate };

struct Recorded {
  RecordOutcome outcome = RecordOutcome::applied;
  store::TransactionRecord transaction;
};

// One row of a batch: its input, or the error that reading it gave.
using BatchRow = core::Result<TransactionInput>;

struct BatchRowResult {
  std::size_t row = 0;
  std::string external_id;
  std::optional<RecordOutcome> outcome;  // none: failed
  std::optional<std::int64_t> id;
  std::optional<core::Error> error;
};

struct BatchReport {
  std::size_t applied = 0;
  std::size_t duplicates = 0;
  std::size_t failed = 0;
  std::vector<BatchRowResult> rows;
};

struct StatusChange {
  std::string status;
  std::optional<core::LocalDate> confirm_date;
};

struct TransactionPage {
  std::vector<store::TransactionRecord> transactions;
  std::optional<std::int64_t> next_after_id;
};

class TransactionService {
 public:
  // How far ahead of Laurel's clock a trade time may be (the sender's clock may run fast).
  static constexpr auto kClockSkew = std::chrono::minutes(5);
  static constexpr std::size_t kMaxBatch = 10'000;

  TransactionService(store::Store& store, const core::Clock& clock, core::CompanyZone zone,
                     const EventLog& events)
      : store_(store), clock_(clock), zone_(zone), events_(events) {}

  core::Result<Recorded> record(const TransactionInput& input, const auth::Actor& actor);
  // The same in the caller's write transaction (a batch of events of several kinds).
  core::Result<Recorded> record_in(store::Connection& db, const TransactionInput& input,
                                   const auth::Actor& actor);

  // All or nothing: the first bad row fails the batch, nothing is written, and the report has
  // that one failed row. With `partial`, the good rows are recorded and the bad ones reported.
  // Errors that are not about a row (the database) fail the whole batch either way.
  core::Result<BatchReport> import(const std::vector<BatchRow>& rows, bool partial,
                                   const auth::Actor& actor);

  core::Result<store::TransactionRecord> change_status(std::int64_t id, const StatusChange& change,
                                                       const auth::Actor& actor);
  core::Result<store::TransactionRecord> change_status_in(store::Connection& db, std::int64_t id,
                                                          const StatusChange& change,
                                                          const auth::Actor& actor);
  core::Result<store::TransactionRecord> get(std::int64_t id, const DataScope& scope);
  core::Result<TransactionPage> list(const store::TransactionFilter& filter,
                                     const DataScope& scope);

 private:
  store::Store& store_;
  const core::Clock& clock_;
  core::CompanyZone zone_;
  const EventLog& events_;
};

boost::json::object transaction_to_json(const store::TransactionRecord& transaction);

}  // namespace laurel::crm
