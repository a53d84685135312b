#pragma once
// Imported metric values as stored (migration 0026): one per (metric, subject, day).

#include <cstdint>
#include <optional>
#include <string>

#include "store/connection.hpp"

namespace laurel::store {

struct MetricValueRecord {
  std::int64_t id = 0;
  std::int64_t metric_id = 0;
  std::int64_t subject_id = 0;
  std::string date;  // YYYY-MM-DD, company day
  std::int64_t value = 0;
};

class MetricValueRepository {
 public:
  explicit MetricValueRepository(Connection& connection) : db_(connection) {}

  // The stored value of (metric, subject, date), if any.
  core::Result<std::optional<MetricValueRecord>> find(std::int64_t metric_id,
                                                      std::int64_t subject_id,
                                                      const std::string& date);
  // Inserts the value, or replaces the stored one; the row's id either way.
  core::Result<std::int64_t> put(const MetricValueRecord& value, std::int64_t now);

 private:
  Connection& db_;
};

}  // namespace laurel::store
