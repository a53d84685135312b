#include "store/service_record_repository.hpp"

namespace laurel::store {
namespace {

constexpr std::string_view kColumns =
    "r.id, r.client_id, r.department_id, r.staff_id, r.kind, r.text, r.occurred_at, "
    "r.author_user_id, r.created_at, r.updated_at";

ServiceRecord record_of(const Row& r) {
  return ServiceRecord{r.integer(0), r.integer(1), r.integer(2), r.optional_integer(3),
                       r.text(4),    r.text(5),    r.integer(6), r.integer(7),
                       r.integer(8), r.integer(9)};
}

// Parameters $s (everything), $s+1 (staff), $s+2 (departments JSON), $s+3 (today), $s+4 (user).
std::string scope_clause(int s) {
  const auto p = [s](int i) { return "$" + std::to_string(s + i); };
  return " AND (" + p(0) + " = 1 OR r.author_user_id = " + p(4) +
         " OR r.department_id IN (SELECT value FROM json_each(" + p(2) + ")) OR " +
         covered_today_sql("r.client_id", s + 1, s + 3) + ")";
}

void bind_scope(std::vector<Value>& params, std::int64_t user_id, const RecordScope& scope) {
  params.emplace_back(boolean(scope.everything));
  params.emplace_back(nullable(scope.staff_id));
  params.emplace_back(scope.department_ids_json);
  params.emplace_back(scope.today);
  params.emplace_back(user_id);
}

}  // namespace

core::Result<std::int64_t> ServiceRecordRepository::insert(const ServiceRecord& r) {
  auto rows = db_.query(
      "INSERT INTO service_records (client_id, department_id, staff_id, kind, text, occurred_at,"
      " author_user_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
      " RETURNING id",
      {r.client_id, r.department_id, nullable(r.staff_id), r.kind, r.text, r.occurred_at,
       r.author_user_id, r.created_at, r.updated_at});
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

core::Status ServiceRecordRepository::update(const ServiceRecord& r) {
  auto rows = db_.query(
      "UPDATE service_records SET client_id = $2, department_id = $3, staff_id = $4, kind = $5,"
      " text = $6, occurred_at = $7, updated_at = $8 WHERE id = $1",
      {r.id, r.client_id, r.department_id, nullable(r.staff_id), r.kind, r.text, r.occurred_at,
       r.updated_at});
  if (!rows) return rows.error();
  if (rows->changes == 0)
    return core::Error::not_found("no service record " + std::to_string(r.id));
  return {};
}

core::Status ServiceRecordRepository::remove(std::int64_t id) {
  auto rows = db_.query("DELETE FROM service_records WHERE id = $1", {id});
  if (!rows) return rows.error();
  return {};
}

core::Result<std::optional<ServiceRecord>> ServiceRecordRepository::find(std::int64_t id) {
  auto rows = db_.query(
      "SELECT " + std::string(kColumns) + " FROM service_records r WHERE r.id = $1", {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<ServiceRecord>();
  return std::optional<ServiceRecord>(record_of(rows->front()));
}

core::Result<bool> ServiceRecordRepository::visible(std::int64_t id, std::int64_t user_id,
                                                    const RecordScope& scope) {
  std::vector<Value> params{id};
  bind_scope(params, user_id, scope);
  auto rows =
      db_.query("SELECT 1 FROM service_records r WHERE r.id = $1" + scope_clause(2), params);
  if (!rows) return rows.error();
  return !rows->empty();
}

core::Result<std::vector<ServiceRecord>> ServiceRecordRepository::list(const ServiceRecordFilter& f,
                                                                       std::int64_t user_id,
                                                                       const RecordScope& scope) {
  std::vector<Value> params{f.after_id, nullable(f.client_id), nullable(f.department_id),
                            nullable(f.kind), std::int64_t{f.limit + 1}};
  bind_scope(params, user_id, scope);
  auto rows =
      db_.query("SELECT " + std::string(kColumns) +
                    " FROM service_records r WHERE ($1 = 0 OR (r.occurred_at, r.id) <"
                    "   (SELECT c.occurred_at, c.id FROM service_records c WHERE c.id = $1))"
                    " AND ($2 IS NULL OR r.client_id = $2)"
                    " AND ($3 IS NULL OR r.department_id = $3)"
                    " AND ($4 IS NULL OR r.kind = $4)" +
                    scope_clause(6) + " ORDER BY r.occurred_at DESC, r.id DESC LIMIT $5",
                params);
  if (!rows) return rows.error();
  std::vector<ServiceRecord> records;
  records.reserve(rows->size());
  for (const auto& row : *rows)
    records.push_back(record_of(row));
  return records;
}

core::Result<std::vector<std::int64_t>> ServiceRecordRepository::clients_served_by(
    std::int64_t user_id) {
  auto rows = db_.query(
      "SELECT DISTINCT client_id FROM service_records WHERE author_user_id = $1 ORDER BY client_id",
      {user_id});
  if (!rows) return rows.error();
  std::vector<std::int64_t> ids;
  for (const auto& r : *rows)
    ids.push_back(r.integer(0));
  return ids;
}

}  // namespace laurel::store
