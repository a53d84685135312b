#include "store/org_unit_repository.hpp"

namespace laurel::store {
namespace {

constexpr std::string_view kColumns = "id, client_id, parent_id, name, created_at, updated_at";

OrgUnitRecord unit_of(const Row& r) {
  return OrgUnitRecord{r.integer(0), r.integer(1), r.optional_integer(2),
                       r.text(3),    r.integer(4), r.integer(5)};
}

}  // namespace

core::Result<std::int64_t> OrgUnitRepository::insert(const OrgUnitRecord& u) {
  auto rows = db_.query(
      "INSERT INTO org_units (client_id, parent_id, name, created_at, updated_at)"
      " VALUES ($1, $2, $3, $4, $5) RETURNING id",
      {u.client_id, nullable(u.parent_id), u.name, u.created_at, u.updated_at});
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

core::Status OrgUnitRepository::update(const OrgUnitRecord& u) {
  auto rows =
      db_.query("UPDATE org_units SET parent_id = $2, name = $3, updated_at = $4 WHERE id = $1",
                {u.id, nullable(u.parent_id), u.name, u.updated_at});
  if (!rows) return rows.error();
  if (rows->changes == 0) return core::Error::not_found("no org unit " + std::to_string(u.id));
  return {};
}

core::Status OrgUnitRepository::remove(std::int64_t id) {
  auto rows = db_.query("DELETE FROM org_units WHERE id = $1", {id});
  if (!rows) return rows.error();
  return {};
}

core::Result<std::optional<OrgUnitRecord>> OrgUnitRepository::find(std::int64_t id) {
  auto rows = db_.query("SELECT " + std::string(kColumns) + " FROM org_units WHERE id = $1", {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<OrgUnitRecord>();
  return std::optional<OrgUnitRecord>(unit_of(rows->front()));
}

core::Result<std::vector<OrgUnitRecord>> OrgUnitRepository::of_client(std::int64_t client_id) {
  auto rows = db_.query(
      "SELECT " + std::string(kColumns) + " FROM org_units WHERE client_id = $1 ORDER BY id",
      {client_id});
  if (!rows) return rows.error();
  std::vector<OrgUnitRecord> units;
  units.reserve(rows->size());
  for (const auto& row : *rows)
    units.push_back(unit_of(row));
  return units;
}

core::Result<std::int64_t> OrgUnitRepository::children(std::int64_t id) {
  auto rows = db_.query(
      "SELECT (SELECT count(*) FROM org_units WHERE parent_id = $1)"
      " + (SELECT count(*) FROM key_people WHERE org_unit_id = $1)",
      {id});
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

core::Status OrgUnitRepository::move_client(std::int64_t from_client, std::int64_t to_client,
                                            std::int64_t now) {
  auto rows = db_.query("UPDATE org_units SET client_id = $2, updated_at = $3 WHERE client_id = $1",
                        {from_client, to_client, now});
  if (!rows) return rows.error();
  return {};
}

}  // namespace laurel::store
