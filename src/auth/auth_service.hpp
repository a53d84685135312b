#pragma once
// Logging in and out, and turning a bearer secret into a Principal. Thread-safe.
//
// Sessions and API tokens are looked up in the database by the SHA-256 of their secret.
// Resolved credentials are cached in memory, by the secret itself, for a short time (kCacheTtl)
// so that an authenticated request costs a map lookup, not a hash and a database query. Revoking a
// session, disabling a user or changing a role through this process drops the cached entries at
// once; another Laurel node sharing the database notices within kCacheTtl.

#include <chrono>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "auth/audit_trail.hpp"
#include "auth/login_throttle.hpp"
#include "auth/password_hasher.hpp"
#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "store/store.hpp"

namespace laurel::auth {

struct SessionPolicy {
  std::chrono::minutes ttl{12 * 60};
  std::chrono::minutes idle{2 * 60};
};

struct ClientInfo {
  std::string ip;
  std::optional<std::string> user_agent;
  std::optional<std::string> request_id;
};

struct LoginResult {
  std::string token;  // the session secret: cookie value and bearer token
  core::Timestamp expires_at;
  Principal principal;
};

class AuthService {
 public:
  static constexpr std::chrono::seconds kCacheTtl{10};
  // last_seen_at is written at most this often per session, not on every request.
  static constexpr std::chrono::seconds kTouchInterval{60};

  AuthService(store::Store& store, const core::Clock& clock, const PasswordHasher& hasher,
              LoginThrottle& throttle, AuditTrail& audit, SessionPolicy policy);

  core::Result<LoginResult> login(std::string_view username, std::string_view password,
                                  const ClientInfo& client);
  core::Result<Principal> authenticate(std::string_view token);
  core::Status logout(const Principal& principal, const ClientInfo& client);

  // Forget cached credentials after a change made elsewhere in this process.
  void forget_user(std::int64_t user_id);
  void forget_credential(Principal::Via via, std::int64_t credential_id);

 private:
  struct Cached {
    Principal principal;
    core::Timestamp cached_until;
    core::Timestamp expires_at;    // the credential's own absolute expiry (max() if none)
    core::Timestamp last_touched;  // when last_seen_at / last_used_at was last written
  };

  core::Result<Cached> resolve(std::string_view token, const std::string& token_hash);
  void touch(const Principal& principal, core::Timestamp now);

  store::Store& store_;
  const core::Clock& clock_;
  const PasswordHasher& hasher_;
  LoginThrottle& throttle_;
  AuditTrail& audit_;
  SessionPolicy policy_;

  std::shared_mutex mutex_;
  struct TokenHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view token) const {
      return std::hash<std::string_view>()(token);
    }
  };
  std::unordered_map<std::string, Cached, TokenHash, std::equal_to<>> cache_;  // by secret
};

}  // namespace laurel::auth
