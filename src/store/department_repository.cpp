#include "store/department_repository.hpp"

namespace laurel::store {
namespace {

constexpr std::string_view kColumns = "id, name, parent_id, active, created_at, updated_at";

DepartmentRecord department_of(const Row& r) {
  return DepartmentRecord{r.integer(0), r.text(1),    r.optional_integer(2),
                          r.boolean(3), r.integer(4), r.integer(5)};
}

// A unique violation is the sibling-name index (the service checks the parent exists first, so
// a foreign-key failure here is a race with nothing to name).
core::Error translated(const core::Error& error, const DepartmentRecord& d) {
  if (error.code == core::Errc::conflict && is_unique_violation(error)) {
    return core::Error::conflict("a department named \"" + d.name + "\" already exists there",
                                 "name");
  }
  return error;
}

}  // namespace

core::Result<std::int64_t> DepartmentRepository::insert(const DepartmentRecord& d) {
  auto rows = db_.query(
      "INSERT INTO departments (name, parent_id, active, created_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5) RETURNING id",
      {d.name, nullable(d.parent_id), boolean(d.active), d.created_at, d.updated_at});
  if (!rows) return translated(rows.error(), d);
  return rows->front().integer(0);
}

core::Status DepartmentRepository::update(const DepartmentRecord& d) {
  auto rows = db_.query(
      "UPDATE departments SET name = $2, parent_id = $3, active = $4, updated_at = $5 "
      "WHERE id = $1",
      {d.id, d.name, nullable(d.parent_id), boolean(d.active), d.updated_at});
  if (!rows) return translated(rows.error(), d);
  if (rows->changes == 0) return core::Error::not_found("no department " + std::to_string(d.id));
  return {};
}

core::Result<std::optional<DepartmentRecord>> DepartmentRepository::find(std::int64_t id) {
  auto rows =
      db_.query("SELECT " + std::string(kColumns) + " FROM departments WHERE id = $1", {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<DepartmentRecord>();
  return std::optional<DepartmentRecord>(department_of(rows->front()));
}

core::Result<std::vector<DepartmentRecord>> DepartmentRepository::all() {
  auto rows = db_.query("SELECT " + std::string(kColumns) + " FROM departments ORDER BY id");
  if (!rows) return rows.error();
  std::vector<DepartmentRecord> departments;
  departments.reserve(rows->size());
  for (const auto& row : *rows)
    departments.push_back(department_of(row));
  return departments;
}

core::Result<std::int64_t> DepartmentRepository::count_active_children(std::int64_t id) {
  auto rows =
      db_.query("SELECT COUNT(*) FROM departments WHERE parent_id = $1 AND active = 1", {id});
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

}  // namespace laurel::store
