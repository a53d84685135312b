#include "auth/user_json.hpp"

#include "core/timestamp.hpp"

namespace laurel::auth {
namespace {

boost::json::value time_or_null(const std::optional<std::int64_t>& micros) {
  if (!micros) return nullptr;
  return boost::json::value(core::format_rfc3339(core::from_micros(*micros)));
}

}  // namespace

boost::json::object user_to_json(const store::UserRecord& user) {
  return {
      {"id", user.id},
      {"username", user.username},
      {"display_name", user.display_name},
      {"email", user.email ? boost::json::value(*user.email) : boost::json::value(nullptr)},
      {"role", user.role},
      {"active", user.active},
      {"has_password", user.password_hash.has_value()},
      {"created_at", core::format_rfc3339(core::from_micros(user.created_at))},
      {"updated_at", core::format_rfc3339(core::from_micros(user.updated_at))},
      {"password_changed_at", time_or_null(user.password_changed_at)},
  };
}

boost::json::object token_to_json(const store::ApiTokenRecord& token) {
  return {
      {"id", token.id},
      {"name", token.name},
      {"user_id", token.user_id},
      {"prefix", token.token_prefix},
      {"created_by",
       token.created_by ? boost::json::value(*token.created_by) : boost::json::value(nullptr)},
      {"created_at", core::format_rfc3339(core::from_micros(token.created_at))},
      {"expires_at", time_or_null(token.expires_at)},
      {"revoked_at", time_or_null(token.revoked_at)},
      {"last_used_at", time_or_null(token.last_used_at)},
  };
}

}  // namespace laurel::auth
