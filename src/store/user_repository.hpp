#pragma once
// Users as stored. Validation and auditing live in auth::UserService; this is SQL only.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace laurel::store {

struct UserRecord {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  std::optional<std::string> email;
  std::string role;
  std::optional<std::string> password_hash;
  bool active = true;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::optional<std::int64_t> password_changed_at;
};

struct UserFilter {
  std::optional<std::string> role;
  std::optional<bool> active;
  std::optional<std::string> search;  // substring of username or display name
  std::int64_t after_id = 0;          // cursor: users with a larger id
  int limit = 50;
};

class UserRepository {
 public:
  explicit UserRepository(Connection& connection) : db_(connection) {}

  // Fails with Errc::conflict (field "username") if the name is taken.
  core::Result<std::int64_t> insert(const UserRecord& user);
  core::Status update(const UserRecord& user);
  core::Result<std::optional<UserRecord>> find_by_id(std::int64_t id);
  core::Result<std::optional<UserRecord>> find_by_username(std::string_view username);
  // Ordered by id; returns up to limit + 1 rows so the caller knows whether more follow.
  core::Result<std::vector<UserRecord>> list(const UserFilter& filter);
  core::Result<std::int64_t> count_active_admins();

 private:
  Connection& db_;
};

}  // namespace laurel::store
