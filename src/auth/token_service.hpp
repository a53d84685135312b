#pragma once
// API tokens for integrations (the data warehouse, the trading system). A token belongs to an
// active user with the integration role, is shown once when created, and is stored only as a
// hash. Creating and revoking are audited.

#include <optional>
#include <string>
#include <vector>

#include "auth/audit_trail.hpp"
#include "auth/auth_service.hpp"
#include "store/session_repository.hpp"

namespace laurel::auth {

struct NewApiToken {
  std::string name;
  std::int64_t user_id = 0;
  std::optional<core::Timestamp> expires_at;
};

struct CreatedApiToken {
  store::ApiTokenRecord record;
  std::string token;  // the secret, returned this once
};

struct ApiTokenPage {
  std::vector<store::ApiTokenRecord> tokens;
  std::optional<std::int64_t> next_after_id;
};

class TokenService {
 public:
  TokenService(store::Store& store, const core::Clock& clock, AuditTrail& audit, AuthService& auth)
      : store_(store), clock_(clock), audit_(audit), auth_(auth) {}

  core::Result<CreatedApiToken> create(const NewApiToken& input, const Actor& actor);
  core::Result<store::ApiTokenRecord> revoke(std::int64_t id, const Actor& actor);
  core::Result<ApiTokenPage> list(std::optional<std::int64_t> user_id, std::int64_t after_id,
                                  int limit);

 private:
  store::Store& store_;
  const core::Clock& clock_;
  AuditTrail& audit_;
  AuthService& auth_;
};

}  // namespace laurel::auth
