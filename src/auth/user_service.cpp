#include "auth/user_service.hpp"

#include "auth/user_json.hpp"
#include "auth/user_validation.hpp"
#include "core/timestamp.hpp"
#include "store/session_repository.hpp"

namespace laurel::auth {
namespace {

using core::Error;

core::Result<store::UserRecord> load_user(store::Connection& db, std::int64_t id) {
  auto found = store::UserRepository(db).find_by_id(id);
  if (!found) return found.error();
  if (!*found) return Error::not_found("no user " + std::to_string(id));
  return std::move(**found);
}

}  // namespace

core::Result<store::UserRecord> UserService::create(const NewUser& input, const Actor& actor) {
  if (auto s = validate_username(input.username); !s) return s.error();
  if (auto s = validate_display_name(input.display_name); !s) return s.error();
  if (input.email) {
    if (auto s = validate_email(*input.email); !s) return s.error();
  }
  if (logs_in_interactively(input.role)) {
    if (!input.password) return Error::invalid("password", "is required for this role");
    if (auto s = validate_password(*input.password); !s) return s.error();
  } else if (input.password) {
    return Error::invalid("password", "integration users sign in with API tokens, not passwords");
  }

  store::UserRecord user;
  user.username = input.username;
  user.display_name = input.display_name;
  user.email = input.email;
  user.role = std::string(to_string(input.role));
  user.created_at = user.updated_at = core::to_micros(clock_.now());
  if (input.password) {
    auto hash = hasher_.hash(*input.password);  // slow: done before taking the write lock
    if (!hash) return hash.error();
    user.password_hash = *hash;
    user.password_changed_at = user.created_at;
  }

  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto id = store::UserRepository(db).insert(user);
  if (!id) return id.error();
  user.id = *id;
  if (auto s = audit_.record(
          db, actor,
          {"user.create", "user", std::to_string(user.id), std::nullopt, user_to_json(user)});
      !s) {
    return s.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return user;
}

core::Result<store::UserRecord> UserService::update(std::int64_t id, const UserChanges& changes,
                                                    const Actor& actor) {
  if (changes.display_name) {
    if (auto s = validate_display_name(*changes.display_name); !s) return s.error();
  }
  if (changes.email && *changes.email) {
    if (auto s = validate_email(**changes.email); !s) return s.error();
  }

  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  store::UserRepository users(db);
  auto found = load_user(db, id);
  if (!found) return found.error();
  const store::UserRecord before = std::move(*found);
  store::UserRecord after = before;
  if (changes.display_name) after.display_name = *changes.display_name;
  if (changes.email) after.email = *changes.email;
  if (changes.role) after.role = std::string(to_string(*changes.role));
  if (changes.active) after.active = *changes.active;

  if (changes.role && !logs_in_interactively(*changes.role) && after.password_hash) {
    // An integration user must not keep a password it could log in with.
    after.password_hash.reset();
  }
  const bool was_admin = before.role == "admin" && before.active;
  const bool is_admin = after.role == "admin" && after.active;
  if (was_admin && !is_admin) {
    auto admins = users.count_active_admins();
    if (!admins) return admins.error();
    if (*admins <= 1) {
      return Error::conflict("this is the last active admin; make someone else admin first",
                             changes.active ? "active" : "role");
    }
  }
  if (after.display_name == before.display_name && after.email == before.email &&
      after.role == before.role && after.active == before.active) {
    return before;  // nothing changes: nothing to write or audit
  }
  after.updated_at = core::to_micros(clock_.now());
  if (auto s = users.update(after); !s) return s.error();
  // Disabling a user, or changing what they may do, ends every credential they hold: the next
  // request must be made with a credential issued for the user as they now are. (A promoted
  // integration user must not keep API tokens that suddenly carry admin rights.)
  if ((before.active && !after.active) || before.role != after.role) {
    auto sessions = store::SessionRepository(db).revoke_all_of_user(id, after.updated_at);
    if (!sessions) return sessions.error();
    auto tokens = store::ApiTokenRepository(db).revoke_all_of_user(id, after.updated_at);
    if (!tokens) return tokens.error();
  }
  if (auto s = audit_.record(
          db, actor,
          {"user.update", "user", std::to_string(id), user_to_json(before), user_to_json(after)});
      !s) {
    return s.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  auth_.forget_user(id);
  return after;
}

core::Result<store::UserRecord> UserService::set_password(std::int64_t id,
                                                          std::string_view password,
                                                          const Actor& actor) {
  if (auto s = validate_password(password); !s) return s.error();
  auto hash = hasher_.hash(password);
  if (!hash) return hash.error();

  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  store::UserRepository users(db);
  auto found = load_user(db, id);
  if (!found) return found.error();
  store::UserRecord user = std::move(*found);
  const auto role = parse_role(user.role);
  if (role && !logs_in_interactively(*role)) {
    return Error::invalid("password", "integration users sign in with API tokens, not passwords");
  }
  user.password_hash = *hash;
  user.updated_at = user.password_changed_at.emplace(core::to_micros(clock_.now()));
  if (auto s = users.update(user); !s) return s.error();
  auto revoked = store::SessionRepository(db).revoke_all_of_user(id, user.updated_at);
  if (!revoked) return revoked.error();
  if (auto s = audit_.record(
          db, actor,
          {"user.password_reset", "user", std::to_string(id), std::nullopt, std::nullopt});
      !s) {
    return s.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  auth_.forget_user(id);
  return user;
}

core::Status UserService::change_own_password(const Principal& principal, std::string_view current,
                                              std::string_view replacement, const Actor& actor) {
  if (auto s = validate_password(replacement, "new_password"); !s) return s;
  auto user = get(principal.user_id);
  if (!user) return user.error();
  if (!user->password_hash || !hasher_.verify(*user->password_hash, current)) {
    return Error::invalid("current_password", "is not your current password");
  }
  if (current == replacement) {
    return Error::invalid("new_password", "must differ from the current password");
  }
  auto hash = hasher_.hash(replacement);
  if (!hash) return hash.error();

  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  store::UserRecord changed = *user;
  changed.password_hash = *hash;
  changed.updated_at = changed.password_changed_at.emplace(core::to_micros(clock_.now()));
  if (auto s = store::UserRepository(db).update(changed); !s) return s;
  // Other sessions (a lost phone, say) end; the one making the change goes on.
  const auto keep = principal.via == Principal::Via::session
                        ? std::optional(principal.credential_id)
                        : std::nullopt;
  auto revoked =
      store::SessionRepository(db).revoke_all_of_user(changed.id, changed.updated_at, keep);
  if (!revoked) return revoked.error();
  if (auto s = audit_.record(
          db, actor,
          {"user.password_change", "user", std::to_string(changed.id), std::nullopt, std::nullopt});
      !s) {
    return s;
  }
  if (auto s = write->commit(); !s) return s;
  auth_.forget_user(changed.id);
  return {};
}

core::Result<std::size_t> UserService::revoke_sessions(std::int64_t id, const Actor& actor) {
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  if (auto found = load_user(db, id); !found) return found.error();
  auto revoked = store::SessionRepository(db).revoke_all_of_user(id, core::to_micros(clock_.now()));
  if (!revoked) return revoked.error();
  if (auto s = audit_.record(db, actor,
                             {"user.sessions_revoke", "user", std::to_string(id), std::nullopt,
                              boost::json::object{{"revoked", revoked->size()}}});
      !s) {
    return s.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  auth_.forget_user(id);
  return revoked->size();
}

core::Result<store::UserRecord> UserService::get(std::int64_t id) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  return load_user(**connection, id);
}

core::Result<store::UserRecord> UserService::get_by_username(std::string_view username) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto found = store::UserRepository(**connection).find_by_username(username);
  if (!found) return found.error();
  if (!*found) return Error::not_found("no user named " + std::string(username));
  return std::move(**found);
}

core::Result<UserPage> UserService::list(const store::UserFilter& filter) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto users = store::UserRepository(**connection).list(filter);
  if (!users) return users.error();
  UserPage page;
  if (users->size() > static_cast<std::size_t>(filter.limit)) {
    users->pop_back();
    page.next_after_id = users->back().id;
  }
  page.users = std::move(*users);
  return page;
}

}  // namespace laurel::auth
