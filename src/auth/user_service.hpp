#pragma once
// Managing users: create, change, disable, reset passwords. Every change is validated, written
// with its audit entry in one transaction, and drops cached credentials it invalidates.
//
// Disabling a user or changing their role revokes all their sessions and API tokens.
//
// Guard rails: the last active admin cannot be disabled or given another role (Laurel would be
// left with nobody able to manage it); integration users have no password (they use API tokens).

#include <optional>
#include <string>
#include <vector>

#include "auth/audit_trail.hpp"
#include "auth/auth_service.hpp"
#include "auth/password_hasher.hpp"
#include "auth/principal.hpp"
#include "store/user_repository.hpp"

namespace laurel::auth {

struct NewUser {
  std::string username;
  std::string display_name;
  std::optional<std::string> email;
  Role role = Role::sales;
  std::optional<std::string> password;  // required unless the role is integration
};

struct UserChanges {
  std::optional<std::string> display_name;
  std::optional<std::optional<std::string>> email;  // set to nullopt-inside to clear
  std::optional<Role> role;
  std::optional<bool> active;
};

struct UserPage {
  std::vector<store::UserRecord> users;
  std::optional<std::int64_t> next_after_id;  // cursor for the next page, if any
};

class UserService {
 public:
  UserService(store::Store& store, const core::Clock& clock, const PasswordHasher& hasher,
              AuditTrail& audit, AuthService& auth)
      : store_(store), clock_(clock), hasher_(hasher), audit_(audit), auth_(auth) {}

  core::Result<store::UserRecord> create(const NewUser& user, const Actor& actor);
  core::Result<store::UserRecord> update(std::int64_t id, const UserChanges& changes,
                                         const Actor& actor);
  // Sets a password chosen by an admin (or at the command line); signs the user out everywhere.
  core::Result<store::UserRecord> set_password(std::int64_t id, std::string_view password,
                                               const Actor& actor);
  // A user changing their own password: needs the current one; keeps the current session.
  core::Status change_own_password(const Principal& principal, std::string_view current,
                                   std::string_view replacement, const Actor& actor);
  // Signs the user out of every session.
  core::Result<std::size_t> revoke_sessions(std::int64_t id, const Actor& actor);

  core::Result<store::UserRecord> get(std::int64_t id);
  core::Result<store::UserRecord> get_by_username(std::string_view username);
  core::Result<UserPage> list(const store::UserFilter& filter);

 private:
  store::Store& store_;
  const core::Clock& clock_;
  const PasswordHasher& hasher_;
  AuditTrail& audit_;
  AuthService& auth_;
};

}  // namespace laurel::auth
