#include "store/metric_value_repository.hpp"

namespace laurel::store {

core::Result<std::optional<MetricValueRecord>> MetricValueRepository::find(
    std::int64_t metric_id, std::int64_t subject_id, const std::string& date) {
  auto rows = db_.query(
      "SELECT id, metric_id, subject_id, date, value FROM metric_values "
      "WHERE metric_id = $1 AND subject_id = $2 AND date = $3",
      {metric_id, subject_id, date});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<MetricValueRecord>();
  const auto& r = rows->front();
  return std::optional<MetricValueRecord>(
      MetricValueRecord{r.integer(0), r.integer(1), r.integer(2), r.text(3), r.integer(4)});
}

core::Result<std::int64_t> MetricValueRepository::put(const MetricValueRecord& v,
                                                      std::int64_t now) {
  auto rows = db_.query(
      "INSERT INTO metric_values (metric_id, subject_id, date, value, created_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $5) "
      "ON CONFLICT (metric_id, subject_id, date) DO UPDATE SET value = excluded.value, "
      "updated_at = excluded.updated_at RETURNING id",
      {v.metric_id, v.subject_id, v.date, v.value, now});
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

}  // namespace laurel::store
