#include "store/metric_repository.hpp"

namespace laurel::store {
namespace {

constexpr std::string_view kColumns = "id, code, name, definition, created_by, created_at";

MetricRecord metric_of(const Row& r) {
  return MetricRecord{r.integer(0),          r.text(1),   r.text(2), r.text(3),
                      r.optional_integer(4), r.integer(5)};
}

}  // namespace

core::Result<std::int64_t> MetricRepository::insert(const MetricRecord& m) {
  auto rows = db_.query(
      "INSERT INTO metrics (code, name, definition, created_by, created_at) "
      "VALUES ($1, $2, $3, $4, $5) RETURNING id",
      {m.code, m.name, m.definition, nullable(m.created_by), m.created_at});
  if (!rows) {
    if (is_unique_violation(rows.error())) {
      return core::Error::conflict("metric code " + m.code + " is already taken", "code");
    }
    return rows.error();
  }
  return rows->front().integer(0);
}

core::Result<std::optional<MetricRecord>> MetricRepository::find(std::int64_t id) {
  auto rows = db_.query("SELECT " + std::string(kColumns) + " FROM metrics WHERE id = $1", {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<MetricRecord>();
  return std::optional<MetricRecord>(metric_of(rows->front()));
}

core::Result<std::vector<MetricRecord>> MetricRepository::list(std::int64_t after_id, int limit) {
  auto rows = db_.query(
      "SELECT " + std::string(kColumns) + " FROM metrics WHERE id > $1 ORDER BY id LIMIT $2",
      {after_id, std::int64_t{limit + 1}});
  if (!rows) return rows.error();
  std::vector<MetricRecord> out;
  for (const auto& r : *rows)
    out.push_back(metric_of(r));
  return out;
}

}  // namespace laurel::store
