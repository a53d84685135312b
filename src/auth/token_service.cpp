#include "auth/token_service.hpp"

#include "auth/secret_token.hpp"
#include "auth/user_json.hpp"
#include "auth/user_validation.hpp"
#include "core/timestamp.hpp"

namespace laurel::auth {

using core::Error;

core::Result<CreatedApiToken> TokenService::create(const NewApiToken& input, const Actor& actor) {
  const auto name_length = utf8_length(input.name);
  if (name_length < 1 || name_length > 100) {
    return Error::invalid("name", "must be 1 to 100 characters long");
  }
  const auto now = clock_.now();
  if (input.expires_at && *input.expires_at <= now) {
    return Error::invalid("expires_at", "must be in the future");
  }

  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto user = store::UserRepository(db).find_by_id(input.user_id);
  if (!user) return user.error();
  if (!*user) return Error::invalid("user_id", "no user " + std::to_string(input.user_id));
  if ((*user)->role != to_string(Role::integration)) {
    return Error::invalid("user_id", "API tokens are for users with the integration role");
  }
  if (!(*user)->active) return Error::invalid("user_id", "the user is disabled");

  CreatedApiToken created;
  created.token = generate_token(kApiTokenPrefix);
  auto& record = created.record;
  record.name = input.name;
  record.user_id = input.user_id;
  record.token_prefix = created.token.substr(0, kApiTokenPrefix.size() + 6);
  record.token_hash = hash_token(created.token);
  record.created_by = actor.user_id;
  record.created_at = core::to_micros(now);
  if (input.expires_at) record.expires_at = core::to_micros(*input.expires_at);
  auto id = store::ApiTokenRepository(db).insert(record);
  if (!id) return id.error();
  record.id = *id;
  if (auto s = audit_.record(db, actor,
                             {"token.create", "api_token", std::to_string(record.id), std::nullopt,
                              token_to_json(record)});
      !s) {
    return s.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return created;
}

core::Result<store::ApiTokenRecord> TokenService::revoke(std::int64_t id, const Actor& actor) {
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  store::ApiTokenRepository tokens(db);
  auto found = tokens.find_by_id(id);
  if (!found) return found.error();
  if (!*found) return Error::not_found("no API token " + std::to_string(id));
  const auto before = **found;
  if (before.revoked_at) return before;  // revoking twice is harmless and changes nothing
  auto after = before;
  after.revoked_at = core::to_micros(clock_.now());
  if (auto s = tokens.revoke(id, *after.revoked_at); !s) return s.error();
  if (auto s = audit_.record(db, actor,
                             {"token.revoke", "api_token", std::to_string(id),
                              token_to_json(before), token_to_json(after)});
      !s) {
    return s.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  auth_.forget_credential(Principal::Via::api_token, id);
  return after;
}

core::Result<ApiTokenPage> TokenService::list(std::optional<std::int64_t> user_id,
                                              std::int64_t after_id, int limit) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto tokens = store::ApiTokenRepository(**connection).list(user_id, after_id, limit);
  if (!tokens) return tokens.error();
  ApiTokenPage page;
  if (tokens->size() > static_cast<std::size_t>(limit)) {
    tokens->pop_back();
    page.next_after_id = tokens->back().id;
  }
  page.tokens = std::move(*tokens);
  return page;
}

}  // namespace laurel::auth
