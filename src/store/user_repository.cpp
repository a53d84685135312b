#include "store/user_repository.hpp"

namespace laurel::store {
namespace {

constexpr std::string_view kColumns =
    "id, username, display_name, email, role, password_hash, active, created_at, updated_at, "
    "password_changed_at";

UserRecord user_of(const Row& row) {
  return UserRecord{row.integer(0),         row.text(1),    row.text(2),
                    row.optional_text(3),   row.text(4),    row.optional_text(5),
                    row.boolean(6),         row.integer(7), row.integer(8),
                    row.optional_integer(9)};
}

core::Result<std::optional<UserRecord>> first_user(core::Result<Rows> rows) {
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<UserRecord>();
  return std::optional<UserRecord>(user_of(rows->front()));
}

}  // namespace

core::Result<std::int64_t> UserRepository::insert(const UserRecord& user) {
  auto rows = db_.query(
      "INSERT INTO users (username, display_name, email, role, password_hash, active, "
      "created_at, updated_at, password_changed_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      {user.username, user.display_name, nullable(user.email), user.role,
       nullable(user.password_hash), boolean(user.active), user.created_at, user.updated_at,
       nullable(user.password_changed_at)});
  if (!rows) {
    auto error = rows.error();
    if (error.code == core::Errc::conflict) {
      return core::Error::conflict("username \"" + user.username + "\" is already taken",
                                   "username");
    }
    return error;
  }
  return rows->front().integer(0);
}

core::Status UserRepository::update(const UserRecord& user) {
  auto rows = db_.query(
      "UPDATE users SET display_name = $2, email = $3, role = $4, password_hash = $5, "
      "active = $6, updated_at = $7, password_changed_at = $8 WHERE id = $1",
      {user.id, user.display_name, nullable(user.email), user.role, nullable(user.password_hash),
       boolean(user.active), user.updated_at, nullable(user.password_changed_at)});
  if (!rows) return rows.error();
  if (rows->changes == 0) return core::Error::not_found("no user " + std::to_string(user.id));
  return {};
}

core::Result<std::optional<UserRecord>> UserRepository::find_by_id(std::int64_t id) {
  return first_user(
      db_.query("SELECT " + std::string(kColumns) + " FROM users WHERE id = $1", {id}));
}

core::Result<std::optional<UserRecord>> UserRepository::find_by_username(
    std::string_view username) {
  return first_user(db_.query("SELECT " + std::string(kColumns) + " FROM users WHERE username = $1",
                              {text(username)}));
}

core::Result<std::vector<UserRecord>> UserRepository::list(const UserFilter& filter) {
  // One statement text for every filter combination keeps the prepared-statement cache small;
  // NULL parameters switch a condition off.
  auto rows = db_.query(
      "SELECT " + std::string(kColumns) +
          " FROM users WHERE id > $1"
          " AND ($2 IS NULL OR role = $2)"
          " AND ($3 IS NULL OR active = $3)"
          " AND ($4 IS NULL OR instr(lower(username), lower($4)) > 0"
          "      OR instr(lower(display_name), lower($4)) > 0)"
          " ORDER BY id LIMIT $5",
      {filter.after_id, nullable(filter.role), filter.active ? boolean(*filter.active) : Value(),
       nullable(filter.search), std::int64_t{filter.limit + 1}});
  if (!rows) return rows.error();
  std::vector<UserRecord> users;
  users.reserve(rows->size());
  for (const auto& row : *rows)
    users.push_back(user_of(row));
  return users;
}

core::Result<std::int64_t> UserRepository::count_active_admins() {
  auto rows = db_.query("SELECT COUNT(*) FROM users WHERE role = 'admin' AND active = 1");
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

}  // namespace laurel::store
