#pragma once
// Login sessions and API tokens as stored: credentials are kept only as SHA-256 hashes.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"
#include "store/user_repository.hpp"

namespace laurel::store {

struct SessionRecord {
  std::int64_t id = 0;
  std::string token_hash;
  std::string csrf_token;
  std::int64_t user_id = 0;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
  std::int64_t last_seen_at = 0;
  std::optional<std::int64_t> revoked_at;
  std::optional<std::string> client_ip;
  std::optional<std::string> user_agent;
};

struct ApiTokenRecord {
  std::int64_t id = 0;
  std::string name;
  std::int64_t user_id = 0;
  std::string token_prefix;
  std::string token_hash;
  std::optional<std::int64_t> created_by;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> expires_at;
  std::optional<std::int64_t> revoked_at;
  std::optional<std::int64_t> last_used_at;
};

// A credential resolved to its user in one query (the hot path of every request).
struct SessionWithUser {
  SessionRecord session;
  UserRecord user;
};
struct TokenWithUser {
  ApiTokenRecord token;
  UserRecord user;
};

class SessionRepository {
 public:
  explicit SessionRepository(Connection& connection) : db_(connection) {}

  core::Result<std::int64_t> insert(const SessionRecord& session);
  core::Result<std::optional<SessionWithUser>> find_by_token_hash(std::string_view token_hash);
  core::Status touch(std::int64_t session_id, std::int64_t seen_at);
  // Returns the ids of the sessions it revoked.
  core::Result<std::vector<std::int64_t>> revoke(std::int64_t session_id, std::int64_t at);
  // Revokes every live session of the user but `keep` (the caller's own, when it changes its
  // own password).
  core::Result<std::vector<std::int64_t>> revoke_all_of_user(
      std::int64_t user_id, std::int64_t at, std::optional<std::int64_t> keep = std::nullopt);

 private:
  Connection& db_;
};

class ApiTokenRepository {
 public:
  explicit ApiTokenRepository(Connection& connection) : db_(connection) {}

  core::Result<std::int64_t> insert(const ApiTokenRecord& token);
  core::Result<std::optional<TokenWithUser>> find_by_token_hash(std::string_view token_hash);
  core::Result<std::optional<ApiTokenRecord>> find_by_id(std::int64_t id);
  core::Result<std::vector<ApiTokenRecord>> list(std::optional<std::int64_t> user_id,
                                                 std::int64_t after_id, int limit);
  core::Status revoke(std::int64_t id, std::int64_t at);
  // Returns the ids of the tokens it revoked.
  core::Result<std::vector<std::int64_t>> revoke_all_of_user(std::int64_t user_id, std::int64_t at);
  core::Status touch(std::int64_t id, std::int64_t used_at);

 private:
  Connection& db_;
};

}  // namespace laurel::store
