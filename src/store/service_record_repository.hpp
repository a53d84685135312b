#pragma once
// Other departments' service records on clients, as stored (migration 0011). Rules live in
// crm::ServiceRecordService.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"
#include "store/record_scope.hpp"

namespace laurel::store {

struct ServiceRecord {
  std::int64_t id = 0;
  std::int64_t client_id = 0;
  std::int64_t department_id = 0;
  std::optional<std::int64_t> staff_id;
  std::string kind;
  std::string text;
  std::int64_t occurred_at = 0;  // UTC microseconds
  std::int64_t author_user_id = 0;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

struct ServiceRecordFilter {
  std::optional<std::int64_t> client_id;
  std::optional<std::int64_t> department_id;
  std::optional<std::string> kind;
  std::int64_t after_id = 0;  // cursor: the last record of the previous page
  int limit = 50;
};

class ServiceRecordRepository {
 public:
  explicit ServiceRecordRepository(Connection& connection) : db_(connection) {}

  core::Result<std::int64_t> insert(const ServiceRecord& record);
  core::Status update(const ServiceRecord& record);
  core::Status remove(std::int64_t id);
  core::Result<std::optional<ServiceRecord>> find(std::int64_t id);
  // Inside the scope: written by the user, of one of the scope's departments, or of a client
  // the scope's staff member covers today.
  core::Result<bool> visible(std::int64_t id, std::int64_t user_id, const RecordScope& scope);
  // Newest first (occurred_at, then id); up to limit + 1 rows.
  core::Result<std::vector<ServiceRecord>> list(const ServiceRecordFilter& filter,
                                                std::int64_t user_id, const RecordScope& scope);
  // The clients the user has served (written a service record on), by id.
  core::Result<std::vector<std::int64_t>> clients_served_by(std::int64_t user_id);

 private:
  Connection& db_;
};

}  // namespace laurel::store
