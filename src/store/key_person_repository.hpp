#pragma once
// Key people of clients and the log of who viewed their contact details, as stored (migration
// 0010). Rules (same client, no reporting cycles, masking, erasure) live in crm::KeyPeopleService.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace laurel::store {

struct KeyPersonRecord {
  std::int64_t id = 0;
  std::int64_t client_id = 0;
  std::optional<std::int64_t> org_unit_id;
  std::optional<std::int64_t> reports_to_id;
  std::string name;
  std::optional<std::string> title;
  std::string decision_role;
  std::string influence;
  std::optional<std::string> phone;
  std::optional<std::string> email;
  std::optional<std::string> wechat;
  std::optional<std::int64_t> touch_frequency_days;
  bool active = true;
  std::optional<std::int64_t> erased_at;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

struct KeyPersonFilter {
  std::optional<std::int64_t> client_id;
  std::optional<std::int64_t> org_unit_id;
  std::optional<std::string> decision_role;
  std::optional<std::string> influence;
  std::optional<bool> active;
  std::optional<std::string> search;  // substring of name or title
  std::int64_t after_id = 0;
  int limit = 50;
};

struct ContactView {
  std::int64_t key_person_id = 0;
  std::int64_t user_id = 0;
  std::string via;  // "record" | "list" | "export"
  std::int64_t viewed_at = 0;
};

class KeyPersonRepository {
 public:
  explicit KeyPersonRepository(Connection& connection) : db_(connection) {}

  core::Result<std::int64_t> insert(const KeyPersonRecord& person);
  core::Status update(const KeyPersonRecord& person);
  core::Result<std::optional<KeyPersonRecord>> find(std::int64_t id);
  // Ordered by id; up to limit + 1 rows.
  core::Result<std::vector<KeyPersonRecord>> list(const KeyPersonFilter& filter);
  // Every key person of the client (active or not), by id.
  core::Result<std::vector<KeyPersonRecord>> of_client(std::int64_t client_id);
  // People who report to this one.
  core::Result<std::vector<std::int64_t>> reports_of(std::int64_t id);

  core::Status log_views(const std::vector<ContactView>& views);
  // Newest first; up to limit + 1 rows older than before_id (0: from the newest).
  core::Result<std::vector<std::pair<std::int64_t, ContactView>>> views_of(std::int64_t person_id,
                                                                           std::int64_t before_id,
                                                                           int limit);

 private:
  Connection& db_;
};

}  // namespace laurel::store
