#include "store/transaction_repository.hpp"

#include <limits>

#include "store/sql_conditions.hpp"

namespace laurel::store {
namespace {

constexpr std::string_view kColumns =
    "t.id, t.external_id, t.client_id, t.product_id, t.kind, t.amount_fen, t.trade_time, "
    "t.trade_date, t.confirm_date, t.status, t.content_hash, t.recorded_at, t.updated_at";

// Transactions credited to the scope's staff member or departments, or of the clients the staff
// member covers today. The data scope as SQL over `t`, with the scope's four parameters at
// $s..$s+3.
std::string scope_clause(int s) {
  const auto p = [s](int i) { return "$" + std::to_string(s + i); };
  return " AND (" + p(0) +
         " = 1"
         " OR EXISTS (SELECT 1 FROM transaction_credits tc WHERE tc.transaction_id = t.id"
         "   AND (tc.staff_id = " +
         p(1) + " OR tc.department_id IN (SELECT value FROM json_each(" + p(2) +
         "))))"
         " OR " +
         covered_today_sql("t.client_id", s + 1, s + 3) + ")";
}

TransactionRecord transaction_of(const Row& r) {
  TransactionRecord t;
  t.id = r.integer(0);
  t.external_id = r.text(1);
  t.client_id = r.integer(2);
  t.product_id = r.integer(3);
  t.kind = r.text(4);
  t.amount_fen = r.integer(5);
  t.trade_time = r.integer(6);
  t.trade_date = r.text(7);
  t.confirm_date = r.optional_text(8);
  t.status = r.text(9);
  t.content_hash = r.text(10);
  t.recorded_at = r.integer(11);
  t.updated_at = r.integer(12);
  return t;
}

}  // namespace

core::Result<std::int64_t> TransactionRepository::insert(const TransactionRecord& t) {
  auto rows = db_.query(
      "INSERT INTO transactions (external_id, client_id, product_id, kind, amount_fen, "
      "trade_time, trade_date, confirm_date, status, content_hash, recorded_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
      {t.external_id, t.client_id, t.product_id, t.kind, t.amount_fen, t.trade_time, t.trade_date,
       nullable(t.confirm_date), t.status, t.content_hash, t.recorded_at, t.updated_at});
  if (!rows) {
    if (is_unique_violation(rows.error())) {
      return core::Error::conflict("a transaction with this external id exists", "external_id");
    }
    return rows.error();
  }
  const auto id = rows->front().integer(0);
  for (const auto& c : t.credits) {
    auto inserted = db_.query(
        "INSERT INTO transaction_credits (transaction_id, staff_id, department_id, role, "
        "share_percent, amount_fen) VALUES ($1, $2, $3, $4, $5, $6)",
        {id, c.staff_id, nullable(c.department_id), c.role, std::int64_t{c.share_percent},
         c.amount_fen});
    if (!inserted) return inserted.error();
  }
  return id;
}

core::Status TransactionRepository::update_status(std::int64_t id, const std::string& status,
                                                  const std::optional<std::string>& confirm_date,
                                                  std::int64_t now) {
  auto rows = db_.query(
      "UPDATE transactions SET status = $2, confirm_date = $3, updated_at = $4 WHERE id = $1",
      {id, status, nullable(confirm_date), now});
  if (!rows) return rows.error();
  if (rows->changes == 0) return core::Error::not_found("no transaction " + std::to_string(id));
  return {};
}

core::Status TransactionRepository::load_credits(TransactionRecord& t) {
  auto rows = db_.query(
      "SELECT staff_id, department_id, role, share_percent, amount_fen FROM transaction_credits"
      " WHERE transaction_id = $1 ORDER BY role = 'primary' DESC, staff_id",
      {t.id});
  if (!rows) return rows.error();
  t.credits.clear();
  for (const auto& r : *rows) {
    t.credits.push_back({r.integer(0), r.optional_integer(1), r.text(2),
                         static_cast<int>(r.integer(3)), r.integer(4)});
  }
  return {};
}

core::Result<std::optional<TransactionRecord>> TransactionRepository::find(std::int64_t id) {
  auto rows =
      db_.query("SELECT " + std::string(kColumns) + " FROM transactions t WHERE t.id = $1", {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<TransactionRecord>();
  auto t = transaction_of(rows->front());
  if (auto s = load_credits(t); !s) return s.error();
  return std::optional<TransactionRecord>(std::move(t));
}

core::Result<std::optional<std::pair<std::int64_t, std::string>>>
TransactionRepository::find_external(std::string_view external_id) {
  using Out = std::optional<std::pair<std::int64_t, std::string>>;
  auto rows = db_.query("SELECT id, content_hash FROM transactions WHERE external_id = $1",
                        {text(external_id)});
  if (!rows) return rows.error();
  if (rows->empty()) return Out();
  return Out(std::pair(rows->front().integer(0), rows->front().text(1)));
}

core::Result<bool> TransactionRepository::visible(std::int64_t id, const RecordScope& s) {
  auto rows =
      db_.query("SELECT 1 FROM transactions t WHERE t.id = $1" + scope_clause(2),
                {id, boolean(s.everything), nullable(s.staff_id), s.department_ids_json, s.today});
  if (!rows) return rows.error();
  return !rows->empty();
}

core::Result<std::vector<TransactionRecord>> TransactionRepository::list(const TransactionFilter& f,
                                                                         const RecordScope& s) {
  // Newest first pages down from the cursor (from beyond the largest id on the first page).
  const std::int64_t bound =
      f.newest_first && f.after_id == 0 ? std::numeric_limits<std::int64_t>::max() : f.after_id;
  std::vector<Value> params{bound, std::int64_t{f.limit + 1}};
  std::string scope;
  if (!s.everything) {  // everything: no clause at all, rather than one true for every row
    params.insert(params.end(),
                  {boolean(false), nullable(s.staff_id), s.department_ids_json, s.today});
    scope = scope_clause(3);
  }
  SqlConditions where(params);
  where.add_if(f.client_id, "t.client_id = ?")
      .add_if(f.product_id, "t.product_id = ?")
      .add_if(f.staff_id,
              "t.id IN (SELECT c.transaction_id FROM transaction_credits c WHERE c.staff_id = ?)")
      .add_if(f.kind, "t.kind = ?")
      .add_if(f.status, "t.status = ?")
      .add_if(f.external_id, "t.external_id = ?")
      .add_if(f.from, "t.trade_time >= ?")
      .add_if(f.to, "t.trade_time < ?");
  auto rows = db_.query(
      "SELECT " + std::string(kColumns) + " FROM transactions t" +
          (f.newest_first ? " WHERE t.id < $1" : " WHERE t.id > $1") + scope + where.sql() +
          (f.newest_first ? " ORDER BY t.id DESC" : " ORDER BY t.id") + " LIMIT $2",
      params);
  if (!rows) return rows.error();
  std::vector<TransactionRecord> transactions;
  transactions.reserve(rows->size());
  for (const auto& row : *rows) {
    transactions.push_back(transaction_of(row));
    if (auto st = load_credits(transactions.back()); !st) return st.error();
  }
  return transactions;
}

core::Result<std::optional<std::pair<std::string, std::string>>>
TransactionRepository::subscription_span(std::int64_t client_id, std::string_view to_date) {
  using Span = std::optional<std::pair<std::string, std::string>>;
  auto rows = db_.query(
      "SELECT min(trade_date), max(trade_date) FROM transactions WHERE client_id = $1"
      " AND kind IN ('subscribe', 'purchase') AND status IN ('applied', 'confirmed')"
      " AND trade_date <= $2",
      {client_id, text(to_date)});
  if (!rows) return rows.error();
  const auto& row = rows->front();
  if (row.is_null(0)) return Span();
  return Span(std::pair{row.text(0), row.text(1)});
}

}  // namespace laurel::store
