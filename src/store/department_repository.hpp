#pragma once
// Departments of the sales organisation as stored (migration 0003). Tree rules (no cycles) and
// validation live in crm::DepartmentService; this is SQL only.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace laurel::store {

struct DepartmentRecord {
  std::int64_t id = 0;
  std::string name;
  std::optional<std::int64_t> parent_id;
  bool active = true;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

class DepartmentRepository {
 public:
  explicit DepartmentRepository(Connection& connection) : db_(connection) {}

  // Fails with Errc::conflict (field "name") when a sibling has the name.
  core::Result<std::int64_t> insert(const DepartmentRecord& department);
  core::Status update(const DepartmentRecord& department);
  core::Result<std::optional<DepartmentRecord>> find(std::int64_t id);
  // Every department, ordered by id (an organisation has tens to hundreds).
  core::Result<std::vector<DepartmentRecord>> all();
  core::Result<std::int64_t> count_active_children(std::int64_t id);

 private:
  Connection& db_;
};

}  // namespace laurel::store
