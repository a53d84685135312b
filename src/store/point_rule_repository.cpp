#include "store/point_rule_repository.hpp"

namespace laurel::store {
namespace {

constexpr std::string_view kColumns =
    "v.rule_id, v.version, v.definition, v.created_by, v.created_at";

PointRuleVersionRecord version_of(const Row& r) {
  return {r.integer(0), static_cast<std::int32_t>(r.integer(1)), r.text(2), r.optional_integer(3),
          r.integer(4)};
}

std::vector<PointRuleVersionRecord> versions_of(const Rows& rows) {
  std::vector<PointRuleVersionRecord> out;
  out.reserve(rows.size());
  for (const auto& r : rows)
    out.push_back(version_of(r));
  return out;
}

}  // namespace

core::Result<std::int64_t> PointRuleRepository::insert_rule(const std::string& name,
                                                            std::optional<std::int64_t> created_by,
                                                            std::int64_t created_at) {
  auto rows = db_.query(
      "INSERT INTO point_rules (name, version, created_by, created_at, updated_at) "
      "VALUES ($1, 0, $2, $3, $3) RETURNING id",
      {name, nullable(created_by), created_at});
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

core::Status PointRuleRepository::add_version(const PointRuleVersionRecord& v,
                                              const std::string& name) {
  auto inserted = db_.query(
      "INSERT INTO point_rule_versions (rule_id, version, definition, created_by, created_at) "
      "VALUES ($1, $2, $3, $4, $5)",
      {v.rule_id, std::int64_t{v.version}, v.definition, nullable(v.created_by), v.created_at});
  if (!inserted) return inserted.error();
  auto updated =
      db_.query("UPDATE point_rules SET name = $1, version = $2, updated_at = $3 WHERE id = $4",
                {name, std::int64_t{v.version}, v.created_at, v.rule_id});
  if (!updated) return updated.error();
  return {};
}

core::Result<std::optional<PointRuleVersionRecord>> PointRuleRepository::latest(
    std::int64_t rule_id) {
  auto rows = db_.query(std::string("SELECT ") + std::string(kColumns) +
                            " FROM point_rules r JOIN point_rule_versions v "
                            "ON v.rule_id = r.id AND v.version = r.version WHERE r.id = $1",
                        {rule_id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<PointRuleVersionRecord>();
  return std::optional(version_of(rows->front()));
}

core::Result<std::vector<PointRuleVersionRecord>> PointRuleRepository::versions(
    std::int64_t rule_id) {
  auto rows = db_.query(std::string("SELECT ") + std::string(kColumns) +
                            " FROM point_rule_versions v WHERE v.rule_id = $1 ORDER BY v.version",
                        {rule_id});
  if (!rows) return rows.error();
  return versions_of(*rows);
}

core::Result<std::vector<PointRuleVersionRecord>> PointRuleRepository::list_latest(
    std::int64_t after_id, int limit) {
  auto rows = db_.query(std::string("SELECT ") + std::string(kColumns) +
                            " FROM point_rules r JOIN point_rule_versions v "
                            "ON v.rule_id = r.id AND v.version = r.version WHERE r.id > $1 "
                            "ORDER BY r.id LIMIT $2",
                        {after_id, std::int64_t{limit} + 1});
  if (!rows) return rows.error();
  return versions_of(*rows);
}

core::Result<std::vector<std::pair<std::string, std::int64_t>>> PointRuleRepository::levels() {
  auto rows = db_.query("SELECT name, from_points FROM point_levels ORDER BY position");
  if (!rows) return rows.error();
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const auto& r : *rows)
    out.emplace_back(r.text(0), r.integer(1));
  return out;
}

core::Status PointRuleRepository::replace_levels(
    const std::vector<std::pair<std::string, std::int64_t>>& levels) {
  if (auto s = db_.query("DELETE FROM point_levels"); !s) return s.error();
  for (std::size_t i = 0; i < levels.size(); ++i) {
    auto s = db_.query("INSERT INTO point_levels (position, name, from_points) VALUES ($1, $2, $3)",
                       {static_cast<std::int64_t>(i + 1), levels[i].first, levels[i].second});
    if (!s) return s.error();
  }
  return {};
}

}  // namespace laurel::store
