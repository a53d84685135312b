#pragma once
// Staff and their effective-dated department assignments as stored (migration 0004).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace laurel::store {

struct StaffRecord {
  std::int64_t id = 0;
  std::optional<std::int64_t> user_id;
  std::string name;
  std::optional<std::string> title;
  bool active = true;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  bool hide_from_boards = false;   // the person's choice (migration 0029)
  bool celebrate_publicly = true;  // and this one (migration 0037)
};

struct Assignment {
  std::int64_t department_id = 0;
  std::string effective_from;  // "YYYY-MM-DD", company-local
};

struct StaffFilter {
  std::optional<std::int64_t> department_id;  // whose department on `as_of` is this one
  std::string as_of;                          // "YYYY-MM-DD"
  std::optional<bool> active;
  std::optional<std::string> search;  // substring of the name
  std::int64_t after_id = 0;
  int limit = 50;
};

class StaffRepository {
 public:
  explicit StaffRepository(Connection& connection) : db_(connection) {}

  // Fails with Errc::conflict (field "user_id") when the user is already a staff member.
  core::Result<std::int64_t> insert(const StaffRecord& staff);
  core::Status update(const StaffRecord& staff);
  core::Result<std::optional<StaffRecord>> find(std::int64_t id);
  // The staff record linked to a login, if any.
  core::Result<std::optional<StaffRecord>> find_by_user(std::int64_t user_id);
  // Ordered by id; up to limit + 1 rows.
  core::Result<std::vector<StaffRecord>> list(const StaffFilter& filter);

  // Adds an assignment, replacing one with the same effective date.
  core::Status assign(std::int64_t staff_id, const Assignment& assignment);
  // Oldest first.
  core::Result<std::vector<Assignment>> assignments(std::int64_t staff_id);
  core::Result<std::optional<std::int64_t>> department_on(std::int64_t staff_id,
                                                          std::string_view day);

 private:
  Connection& db_;
};

}  // namespace laurel::store
