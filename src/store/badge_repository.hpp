#pragma once
// Badges as stored (migration 0036): the rules, and where each person stands on each, as the
// recognition engine derives it (crm/badge_rule.hpp, engine/badge_book.hpp).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace laurel::store {

struct BadgeRuleRow {
  std::int64_t id = 0;
  std::string definition;  // JSON
};

struct BadgeAwardRecord {
  std::int64_t rule_id = 0;
  std::int64_t staff_id = 0;
  bool holds = false;
  std::int64_t visit_id = 0;
  std::int64_t earned_at = 0;        // micros: the visit's occurred_at
  std::int64_t first_earned_at = 0;  // micros: when first seen held
  std::int64_t changed_seq = 0;
  std::int64_t changed_at = 0;
  std::optional<std::int64_t> taken_back_at;
};

class BadgeRepository {
 public:
  explicit BadgeRepository(Connection& db) : db_(db) {}

  core::Result<std::int64_t> insert_rule(const std::string& name, std::int64_t at);
  core::Status save_rule(std::int64_t id, const std::string& name, const std::string& definition,
                         std::int64_t at);
  core::Result<std::optional<BadgeRuleRow>> rule(std::int64_t id);
  // Ordered by id, after `after_id`; limit + 1 rows.
  core::Result<std::vector<BadgeRuleRow>> rules(std::int64_t after_id, int limit);

  // The engine's change to where a person stands (ignored when one of a later event is there).
  core::Status save_award(const BadgeAwardRecord& award);
  core::Result<std::vector<BadgeAwardRecord>> awards_of(std::int64_t staff_id);
  // Badges held now that Laurel first saw held in [from, to) (micros), oldest first: a week's.
  core::Result<std::vector<BadgeAwardRecord>> first_earned_between(std::int64_t from,
                                                                   std::int64_t to);
  // Every row, by rule and person: what `laurel replay` compares with the log.
  core::Result<std::vector<BadgeAwardRecord>> all_awards();

 private:
  core::Result<std::vector<BadgeAwardRecord>> awards(std::string_view where,
                                                     std::initializer_list<Value> params);
  Connection& db_;
};

}  // namespace laurel::store
