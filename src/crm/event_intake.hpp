#pragma once
// Events pushed by external systems — the trading/TA system, the data warehouse — in one batch
// of several kinds (POST /api/v1/events), each applied through the service that owns its record,
// in one write transaction:
//
//   transaction.recorded        a trade, as POST /api/v1/transactions takes it
//   transaction.status_changed  a trade confirmed, failed or cancelled (by its external_id)
//   holding.balance             a daily closing balance, as POST /api/v1/holdings/balances takes it
//
// Idempotent by the sender's event id (per sending user): the same id with the same data again is
// a duplicate, not applied again; the same id with other data is a conflict (409, field id). A
// batch is all or nothing unless `partial` (then the good events are applied and the bad ones
// reported), as every batch import in Laurel.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "auth/principal.hpp"
#include "crm/batch_runner.hpp"
#include "crm/holdings_service.hpp"
#include "crm/transaction_service.hpp"
#include "store/store.hpp"

namespace laurel::crm {

struct StatusChangeInput {
  std::string external_id;
  StatusChange change;
};

struct IntakeEvent {
  std::string id;           // the sender's, 1 to 100 characters
  std::string type;         // one of intake_event_types()
  std::string fingerprint;  // SHA-256 of the data as sent
  std::variant<TransactionInput, StatusChangeInput, BalanceInput> data;
};

using IntakeRow = core::Result<IntakeEvent>;

enum class IntakeOutcome { applied, duplicate };

struct IntakeResult {
  std::size_t index = 0;
  std::string id;
  std::optional<IntakeOutcome> outcome;  // none: failed
  std::string entity_type;               // the record written, as the event log names it
  std::string entity_id;
  std::optional<core::Error> error;  // fields name the event's data ("data.amount")
};

struct IntakeReport {
  std::size_t applied = 0, duplicates = 0, failed = 0;
  std::vector<IntakeResult> results;
};

const std::vector<std::string>& intake_event_types();

class EventIntake {
 public:
  static constexpr std::size_t kMaxBatch = 10'000;

  EventIntake(store::Store& store, const core::Clock& clock, TransactionService& transactions,
              HoldingsService& holdings)
      : store_(store), clock_(clock), transactions_(transactions), holdings_(holdings) {}

  core::Result<IntakeReport> post(const std::vector<IntakeRow>& events, bool partial,
                                  const auth::Actor& actor);

 private:
  store::Store& store_;
  const core::Clock& clock_;
  TransactionService& transactions_;
  HoldingsService& holdings_;
};

}  // namespace laurel::crm
