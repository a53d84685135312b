#include "store/badge_repository.hpp"

namespace laurel::store {

core::Result<std::int64_t> BadgeRepository::insert_rule(const std::string& name, std::int64_t at) {
  auto rows = db_.query(
      "INSERT INTO badge_rules (name, definition, created_at, updated_at) VALUES ($1, '{}', $2, "
      "$2) "
      "RETURNING id",
      {name, at});
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

core::Status BadgeRepository::save_rule(std::int64_t id, const std::string& name,
                                        const std::string& definition, std::int64_t at) {
  auto rows =
      db_.query("UPDATE badge_rules SET name = $2, definition = $3, updated_at = $4 WHERE id = $1",
                {id, name, definition, at});
  if (!rows) return rows.error();
  return {};
}

core::Result<std::optional<BadgeRuleRow>> BadgeRepository::rule(std::int64_t id) {
  auto rows = db_.query("SELECT id, definition FROM badge_rules WHERE id = $1", {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<BadgeRuleRow>();
  return std::optional(BadgeRuleRow{rows->front().integer(0), rows->front().text(1)});
}

core::Result<std::vector<BadgeRuleRow>> BadgeRepository::rules(std::int64_t after_id, int limit) {
  auto rows = db_.query("SELECT id, definition FROM badge_rules WHERE id > $1 ORDER BY id LIMIT $2",
                        {after_id, std::int64_t{limit} + 1});
  if (!rows) return rows.error();
  std::vector<BadgeRuleRow> out;
  for (const auto& r : *rows)
    out.push_back({r.integer(0), r.text(1)});
  return out;
}

core::Status BadgeRepository::save_award(const BadgeAwardRecord& a) {
  // first_earned_at stays what it was once set; taken_back_at is the change's time when it no
  // longer holds.
  auto rows = db_.query(
      "INSERT INTO badge_awards (rule_id, staff_id, holds, visit_id, earned_at, first_earned_at, "
      "changed_seq, changed_at, taken_back_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
      "ON CONFLICT (rule_id, staff_id) DO UPDATE SET holds = excluded.holds, "
      "visit_id = excluded.visit_id, earned_at = excluded.earned_at, "
      "changed_seq = excluded.changed_seq, changed_at = excluded.changed_at, "
      "taken_back_at = excluded.taken_back_at WHERE excluded.changed_seq > "
      "badge_awards.changed_seq",
      {a.rule_id, a.staff_id, std::int64_t{a.holds ? 1 : 0}, a.visit_id, a.earned_at,
       a.first_earned_at, a.changed_seq, a.changed_at, nullable(a.taken_back_at)});
  if (!rows) return rows.error();
  return {};
}

core::Result<std::vector<BadgeAwardRecord>> BadgeRepository::awards(
    std::string_view where, std::initializer_list<Value> params) {
  auto rows = db_.query(
      "SELECT rule_id, staff_id, holds, visit_id, earned_at, first_earned_at, changed_seq, "
      "changed_at, taken_back_at FROM badge_awards " +
          std::string(where),
      params);
  if (!rows) return rows.error();
  std::vector<BadgeAwardRecord> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) {
    out.push_back({r.integer(0), r.integer(1), r.integer(2) != 0, r.integer(3), r.integer(4),
                   r.integer(5), r.integer(6), r.integer(7), r.optional_integer(8)});
  }
  return out;
}

core::Result<std::vector<BadgeAwardRecord>> BadgeRepository::awards_of(std::int64_t staff_id) {
  return awards("WHERE staff_id = $1 ORDER BY rule_id", {staff_id});
}

core::Result<std::vector<BadgeAwardRecord>> BadgeRepository::first_earned_between(std::int64_t from,
                                                                                  std::int64_t to) {
  return awards(
      "WHERE holds = 1 AND first_earned_at >= $1 AND first_earned_at < $2 "
      "ORDER BY first_earned_at, rule_id, staff_id",
      {from, to});
}

core::Result<std::vector<BadgeAwardRecord>> BadgeRepository::all_awards() {
  return awards("ORDER BY rule_id, staff_id", {});
}

}  // namespace laurel::store
