#include "store/session_repository.hpp"

namespace laurel::store {
namespace {

constexpr std::string_view kUserColumns =
    "u.id, u.username, u.display_name, u.email, u.role, u.password_hash, u.active, "
    "u.created_at, u.updated_at, u.password_changed_at";
constexpr std::string_view kTokenColumns =
    "t.id, t.name, t.user_id, t.token_prefix, t.token_hash, t.created_by, t.created_at, "
    "t.expires_at, t.revoked_at, t.last_used_at";

UserRecord user_at(const Row& row, std::size_t c) {
  return UserRecord{row.integer(c),     row.text(c + 1),
                    row.text(c + 2),    row.optional_text(c + 3),
                    row.text(c + 4),    row.optional_text(c + 5),
                    row.boolean(c + 6), row.integer(c + 7),
                    row.integer(c + 8), row.optional_integer(c + 9)};
}

ApiTokenRecord token_of(const Row& row) {
  return ApiTokenRecord{row.integer(0),
                        row.text(1),
                        row.integer(2),
                        row.text(3),
                        row.text(4),
                        row.optional_integer(5),
                        row.integer(6),
                        row.optional_integer(7),
                        row.optional_integer(8),
                        row.optional_integer(9)};
}

core::Result<std::vector<std::int64_t>> ids_of(core::Result<Rows> rows) {
  if (!rows) return rows.error();
  std::vector<std::int64_t> ids;
  for (const auto& row : *rows)
    ids.push_back(row.integer(0));
  return ids;
}

}  // namespace

core::Result<std::int64_t> SessionRepository::insert(const SessionRecord& s) {
  auto rows = db_.query(
      "INSERT INTO sessions (token_hash, csrf_token, user_id, created_at, expires_at, "
      "last_seen_at, client_ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      {s.token_hash, s.csrf_token, s.user_id, s.created_at, s.expires_at, s.last_seen_at,
       nullable(s.client_ip), nullable(s.user_agent)});
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

core::Result<std::optional<SessionWithUser>> SessionRepository::find_by_token_hash(
    std::string_view token_hash) {
  auto rows = db_.query(
      "SELECT s.id, s.token_hash, s.csrf_token, s.user_id, s.created_at, s.expires_at, "
      "s.last_seen_at, s.revoked_at, s.client_ip, s.user_agent, " +
          std::string(kUserColumns) +
          " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1",
      {text(token_hash)});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<SessionWithUser>();
  const Row& r = rows->front();
  SessionRecord session{r.integer(0),       r.text(1),         r.text(2),    r.integer(3),
                        r.integer(4),       r.integer(5),      r.integer(6), r.optional_integer(7),
                        r.optional_text(8), r.optional_text(9)};
  return std::optional<SessionWithUser>(SessionWithUser{std::move(session), user_at(r, 10)});
}

core::Status SessionRepository::touch(std::int64_t session_id, std::int64_t seen_at) {
  auto rows = db_.query("UPDATE sessions SET last_seen_at = $2 WHERE id = $1 AND last_seen_at < $2",
                        {session_id, seen_at});
  if (!rows) return rows.error();
  return {};
}

core::Result<std::vector<std::int64_t>> SessionRepository::revoke(std::int64_t session_id,
                                                                  std::int64_t at) {
  return ids_of(db_.query(
      "UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id",
      {session_id, at}));
}

core::Result<std::vector<std::int64_t>> SessionRepository::revoke_all_of_user(
    std::int64_t user_id, std::int64_t at, std::optional<std::int64_t> keep) {
  return ids_of(
      db_.query("UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL "
                "AND ($3 IS NULL OR id <> $3) RETURNING id",
                {user_id, at, nullable(keep)}));
}

core::Result<std::int64_t> ApiTokenRepository::insert(const ApiTokenRecord& t) {
  auto rows = db_.query(
      "INSERT INTO api_tokens (name, user_id, token_prefix, token_hash, created_by, created_at, "
      "expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      {t.name, t.user_id, t.token_prefix, t.token_hash, nullable(t.created_by), t.created_at,
       nullable(t.expires_at)});
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

core::Result<std::optional<TokenWithUser>> ApiTokenRepository::find_by_token_hash(
    std::string_view token_hash) {
  auto rows = db_.query("SELECT " + std::string(kTokenColumns) + ", " + std::string(kUserColumns) +
                            " FROM api_tokens t JOIN users u ON u.id = t.user_id"
                            " WHERE t.token_hash = $1",
                        {text(token_hash)});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<TokenWithUser>();
  const Row& r = rows->front();
  return std::optional<TokenWithUser>(TokenWithUser{token_of(r), user_at(r, 10)});
}

core::Result<std::optional<ApiTokenRecord>> ApiTokenRepository::find_by_id(std::int64_t id) {
  auto rows =
      db_.query("SELECT " + std::string(kTokenColumns) + " FROM api_tokens t WHERE id = $1", {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<ApiTokenRecord>();
  return std::optional<ApiTokenRecord>(token_of(rows->front()));
}

core::Result<std::vector<ApiTokenRecord>> ApiTokenRepository::list(
    std::optional<std::int64_t> user_id, std::int64_t after_id, int limit) {
  auto rows = db_.query("SELECT " + std::string(kTokenColumns) +
                            " FROM api_tokens t WHERE t.id > $1 AND ($2 IS NULL OR t.user_id = $2)"
                            " ORDER BY t.id LIMIT $3",
                        {after_id, nullable(user_id), std::int64_t{limit + 1}});
  if (!rows) return rows.error();
  std::vector<ApiTokenRecord> tokens;
  for (const auto& row : *rows)
    tokens.push_back(token_of(row));
  return tokens;
}

core::Status ApiTokenRepository::revoke(std::int64_t id, std::int64_t at) {
  auto rows = db_.query(
      "UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL", {id, at});
  if (!rows) return rows.error();
  return {};
}

core::Result<std::vector<std::int64_t>> ApiTokenRepository::revoke_all_of_user(std::int64_t user_id,
                                                                               std::int64_t at) {
  return ids_of(
      db_.query("UPDATE api_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL "
                "RETURNING id",
                {user_id, at}));
}

core::Status ApiTokenRepository::touch(std::int64_t id, std::int64_t used_at) {
  auto rows = db_.query(
      "UPDATE api_tokens SET last_used_at = $2 WHERE id = $1 AND "
      "(last_used_at IS NULL OR last_used_at < $2)",
      {id, used_at});
  if (!rows) return rows.error();
  return {};
}

}  // namespace laurel::store
