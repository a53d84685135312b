#pragma once
// Transactions and their credits as stored (migration 0008). Validation, idempotency and
// crediting live in crm::TransactionService.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"
#include "store/record_scope.hpp"

namespace laurel::store {

struct TransactionCredit {
  std::int64_t staff_id = 0;
  std::optional<std::int64_t> department_id;  // the staff member's on the trade date
  std::string role;                           // "primary" | "secondary"
  int share_percent = 0;
  std::int64_t amount_fen = 0;
};

struct TransactionRecord {
  std::int64_t id = 0;
  std::string external_id;
  std::int64_t client_id = 0;
  std::int64_t product_id = 0;
  std::string kind;
  std::int64_t amount_fen = 0;
  std::int64_t trade_time = 0;  // UTC microseconds
  std::string trade_date;       // company-local "YYYY-MM-DD"
  std::optional<std::string> confirm_date;
  std::string status;
  std::string content_hash;
  std::int64_t recorded_at = 0;
  std::int64_t updated_at = 0;
  std::vector<TransactionCredit> credits;  // primary first
};

struct TransactionFilter {
  std::optional<std::int64_t> client_id;
  std::optional<std::int64_t> product_id;
  std::optional<std::int64_t> staff_id;  // credited to
  std::optional<std::string> kind;
  std::optional<std::string> status;
  std::optional<std::string> external_id;
  std::optional<std::int64_t> from;  // trade_time >= from
  std::optional<std::int64_t> to;    // trade_time < to
  // The cursor: ids after it in id order, or, newest_first, ids before it (0: from the newest).
  std::int64_t after_id = 0;
  bool newest_first = false;  // a client's trades as people read them: latest on top
  int limit = 50;
};

class TransactionRepository {
 public:
  explicit TransactionRepository(Connection& connection) : db_(connection) {}

  // Inserts the transaction and its credits; returns the id. A taken external_id is
  // Errc::conflict on field "external_id".
  core::Result<std::int64_t> insert(const TransactionRecord& transaction);
  core::Status update_status(std::int64_t id, const std::string& status,
                             const std::optional<std::string>& confirm_date, std::int64_t now);
  core::Result<std::optional<TransactionRecord>> find(std::int64_t id);
  // The id and content hash of the transaction with this external id, if any.
  core::Result<std::optional<std::pair<std::int64_t, std::string>>> find_external(
      std::string_view external_id);
  // Whether the scope covers the transaction.
  // The first and last trade days of the client's subscriptions (认购 and 申购 that did not fail
  // and were not cancelled) up to `to_date`; none if it never subscribed.
  core::Result<std::optional<std::pair<std::string, std::string>>> subscription_span(
      std::int64_t client_id, std::string_view to_date);
  core::Result<bool> visible(std::int64_t id, const RecordScope& scope);
  // Ordered by id; up to limit + 1 rows.
  core::Result<std::vector<TransactionRecord>> list(const TransactionFilter& filter,
                                                    const RecordScope& scope);

 private:
  core::Status load_credits(TransactionRecord& transaction);

  Connection& db_;
};

}  // namespace laurel::store
