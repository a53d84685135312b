#pragma once
// A client's org units as stored (migration 0010). Tree rules (same client, no cycles) live in
// crm::OrgChartService.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace laurel::store {

struct OrgUnitRecord {
  std::int64_t id = 0;
  std::int64_t client_id = 0;
  std::optional<std::int64_t> parent_id;
  std::string name;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

class OrgUnitRepository {
 public:
  explicit OrgUnitRepository(Connection& connection) : db_(connection) {}

  core::Result<std::int64_t> insert(const OrgUnitRecord& unit);
  core::Status update(const OrgUnitRecord& unit);
  core::Status remove(std::int64_t id);
  core::Result<std::optional<OrgUnitRecord>> find(std::int64_t id);
  // Every unit of the client, by id.
  core::Result<std::vector<OrgUnitRecord>> of_client(std::int64_t client_id);
  // How many units and key people sit directly under the unit.
  core::Result<std::int64_t> children(std::int64_t id);
  // Moves every unit of one client to another (a client merge).
  core::Status move_client(std::int64_t from_client, std::int64_t to_client, std::int64_t now);

 private:
  Connection& db_;
};

}  // namespace laurel::store
