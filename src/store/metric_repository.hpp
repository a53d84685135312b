#pragma once
// Metric definitions as stored (migration 0018). Validation and the event log live in
// crm::MetricService; the definition's JSON in crm/metric_json.hpp.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace laurel::store {

struct MetricRecord {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  std::string definition;  // JSON
  std::optional<std::int64_t> created_by;
  std::int64_t created_at = 0;
};

class MetricRepository {
 public:
  explicit MetricRepository(Connection& connection) : db_(connection) {}

  // Fails with Errc::conflict (field "code") when the code is taken.
  core::Result<std::int64_t> insert(const MetricRecord& metric);
  core::Result<std::optional<MetricRecord>> find(std::int64_t id);
  // Ordered by id, after `after_id`; up to limit + 1 rows.
  core::Result<std::vector<MetricRecord>> list(std::int64_t after_id, int limit);

 private:
  Connection& db_;
};

}  // namespace laurel::store
