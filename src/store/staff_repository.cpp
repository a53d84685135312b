#include "store/staff_repository.hpp"

namespace laurel::store {
namespace {

constexpr std::string_view kColumns =
    "s.id, s.user_id, s.name, s.title, s.active, s.created_at, "
    "s.updated_at, s.hide_from_boards, s.celebrate_publicly";

StaffRecord staff_of(const Row& r) {
  return StaffRecord{r.integer(0),       r.optional_integer(1), r.text(2),
                     r.optional_text(3), r.boolean(4),          r.integer(5),
                     r.integer(6),       r.boolean(7),          r.boolean(8)};
}

core::Error translated(const core::Error& error) {
  if (is_unique_violation(error)) {
    return core::Error::conflict("that user is already a staff member", "user_id");
  }
  return error;
}

}  // namespace

core::Result<std::int64_t> StaffRepository::insert(const StaffRecord& s) {
  auto rows = db_.query(
      "INSERT INTO staff (user_id, name, title, active, created_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      {nullable(s.user_id), s.name, nullable(s.title), boolean(s.active), s.created_at,
       s.updated_at});
  if (!rows) return translated(rows.error());
  return rows->front().integer(0);
}

core::Status StaffRepository::update(const StaffRecord& s) {
  auto rows = db_.query(
      "UPDATE staff SET user_id = $2, name = $3, title = $4, active = $5, updated_at = $6, "
      "hide_from_boards = $7, celebrate_publicly = $8 WHERE id = $1",
      {s.id, nullable(s.user_id), s.name, nullable(s.title), boolean(s.active), s.updated_at,
       boolean(s.hide_from_boards), boolean(s.celebrate_publicly)});
  if (!rows) return translated(rows.error());
  if (rows->changes == 0) return core::Error::not_found("no staff member " + std::to_string(s.id));
  return {};
}

core::Result<std::optional<StaffRecord>> StaffRepository::find(std::int64_t id) {
  auto rows = db_.query("SELECT " + std::string(kColumns) + " FROM staff s WHERE s.id = $1", {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<StaffRecord>();
  return std::optional<StaffRecord>(staff_of(rows->front()));
}

core::Result<std::optional<StaffRecord>> StaffRepository::find_by_user(std::int64_t user_id) {
  auto rows = db_.query("SELECT " + std::string(kColumns) + " FROM staff s WHERE s.user_id = $1",
                        {user_id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<StaffRecord>();
  return std::optional<StaffRecord>(staff_of(rows->front()));
}

core::Result<std::vector<StaffRecord>> StaffRepository::list(const StaffFilter& f) {
  // The department filter compares each person's assignment in force on `as_of`: the latest
  // effective_from on or before it.
  auto rows =
      db_.query("SELECT " + std::string(kColumns) +
                    " FROM staff s WHERE s.id > $1"
                    " AND ($2 IS NULL OR s.active = $2)"
                    " AND ($3 IS NULL OR instr(lower(s.name), lower($3)) > 0)"
                    " AND ($4 IS NULL OR $4 = (SELECT a.department_id FROM staff_assignments a"
                    "      WHERE a.staff_id = s.id AND a.effective_from <= $5"
                    "      ORDER BY a.effective_from DESC LIMIT 1))"
                    " ORDER BY s.id LIMIT $6",
                {f.after_id, f.active ? boolean(*f.active) : Value(), nullable(f.search),
                 nullable(f.department_id), f.as_of, std::int64_t{f.limit + 1}});
  if (!rows) return rows.error();
  std::vector<StaffRecord> staff;
  staff.reserve(rows->size());
  for (const auto& row : *rows)
    staff.push_back(staff_of(row));
  return staff;
}

core::Status StaffRepository::assign(std::int64_t staff_id, const Assignment& a) {
  auto rows = db_.query(
      "INSERT INTO staff_assignments (staff_id, department_id, effective_from) VALUES ($1, $2, $3) "
      "ON CONFLICT (staff_id, effective_from) DO UPDATE SET department_id = excluded.department_id",
      {staff_id, a.department_id, a.effective_from});
  if (!rows) return rows.error();
  return {};
}

core::Result<std::vector<Assignment>> StaffRepository::assignments(std::int64_t staff_id) {
  auto rows = db_.query(
      "SELECT department_id, effective_from FROM staff_assignments WHERE staff_id = $1 "
      "ORDER BY effective_from",
      {staff_id});
  if (!rows) return rows.error();
  std::vector<Assignment> out;
  for (const auto& row : *rows)
    out.push_back({row.integer(0), row.text(1)});
  return out;
}

core::Result<std::optional<std::int64_t>> StaffRepository::department_on(std::int64_t staff_id,
                                                                         std::string_view day) {
  auto rows = db_.query(
      "SELECT department_id FROM staff_assignments WHERE staff_id = $1 AND effective_from <= $2 "
      "ORDER BY effective_from DESC LIMIT 1",
      {staff_id, text(day)});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(rows->front().integer(0));
}

}  // namespace laurel::store
