#pragma once
// Points rules as stored (migration 0032): a rule's latest version on point_rules, every version's
// definition (JSON, crm/point_rule.hpp) on point_rule_versions; and the ladder of levels
// (migration 0033, crm/point_levels.hpp).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace laurel::store {

struct PointRuleVersionRecord {
  std::int64_t rule_id = 0;
  std::int32_t version = 0;
  std::string definition;  // JSON
  std::optional<std::int64_t> created_by;
  std::int64_t created_at = 0;
};

class PointRuleRepository {
 public:
  explicit PointRuleRepository(Connection& db) : db_(db) {}

  // A new rule at version 0: its first version is added next, once its id is known.
  core::Result<std::int64_t> insert_rule(const std::string& name,
                                         std::optional<std::int64_t> created_by,
                                         std::int64_t created_at);
  // The rule's next version; the rule's name and latest version follow it.
  core::Status add_version(const PointRuleVersionRecord& version, const std::string& name);
  // The latest version of a rule, or nullopt.
  core::Result<std::optional<PointRuleVersionRecord>> latest(std::int64_t rule_id);
  core::Result<std::vector<PointRuleVersionRecord>> versions(std::int64_t rule_id);
  // The latest version of each rule, by rule id, after `after_id`; limit + 1 rows read.
  core::Result<std::vector<PointRuleVersionRecord>> list_latest(std::int64_t after_id, int limit);

  // The levels, lowest first, as (name, from status points); empty when none were ever set.
  core::Result<std::vector<std::pair<std::string, std::int64_t>>> levels();
  core::Status replace_levels(const std::vector<std::pair<std::string, std::int64_t>>& levels);

 private:
  Connection& db_;
};

}  // namespace laurel::store
