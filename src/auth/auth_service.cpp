#include "auth/auth_service.hpp"

#include <mutex>

#include "auth/secret_token.hpp"
#include "core/timestamp.hpp"
#include "store/session_repository.hpp"

namespace laurel::auth {
namespace {

using core::Error;
using core::Timestamp;

// One message for every way a credential can be wrong, so that answers reveal nothing.
Error bad_credentials() {
  return Error::unauthenticated("invalid or expired credentials");
}

Principal principal_of(const store::UserRecord& user, Principal::Via via, std::int64_t id,
                       std::string csrf) {
  return Principal{
      user.id, user.username,  user.display_name, parse_role(user.role).value_or(Role::sales), via,
      id,      std::move(csrf)};
}

std::string normalise_username(std::string_view username) {
  std::string out(username);
  for (char& ch : out)
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

}  // namespace

AuthService::AuthService(store::Store& store, const core::Clock& clock,
                         const PasswordHasher& hasher, LoginThrottle& throttle, AuditTrail& audit,
                         SessionPolicy policy)
    : store_(store),
      clock_(clock),
      hasher_(hasher),
      throttle_(throttle),
      audit_(audit),
      policy_(policy) {}

core::Result<LoginResult> AuthService::login(std::string_view raw_username,
                                             std::string_view password, const ClientInfo& client) {
  const std::string username = normalise_username(raw_username);
  if (auto wait = throttle_.retry_after(username, client.ip)) {
    Error error{
        core::Errc::too_many_requests,
        "too many failed logins; try again in " + std::to_string(wait->count()) + " seconds",
        "username"};
    error.retry_after_seconds = static_cast<int>(wait->count());
    return error;
  }

  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto found = store::UserRepository(**connection).find_by_username(username);
  if (!found) return found.error();

  const auto& user = *found;
  const bool ok =
      user && user->active && user->password_hash && hasher_.verify(*user->password_hash, password);
  if (!user || !user->password_hash) hasher_.verify_dummy(password);
  const Actor actor{user ? std::optional(user->id) : std::nullopt, username, client.ip,
                    client.request_id};
  if (!ok) {
    throttle_.record_failure(username, client.ip);
    (void)audit_.record(actor, {"auth.login_failed", "user",
                                user ? std::optional(std::to_string(user->id)) : std::nullopt,
                                std::nullopt, std::nullopt});
    return Error::unauthenticated("wrong username or password");
  }
  throttle_.record_success(username);

  const Timestamp now = clock_.now();
  store::SessionRecord session;
  const std::string token = generate_token(kSessionPrefix);
  session.token_hash = hash_token(token);
  session.csrf_token = generate_token("");
  session.user_id = user->id;
  session.created_at = core::to_micros(now);
  session.expires_at = core::to_micros(now + policy_.ttl);
  session.last_seen_at = session.created_at;
  session.client_ip = client.ip;
  session.user_agent = client.user_agent;

  auto tx = store::Transaction::begin(**connection);
  if (!tx) return tx.error();
  auto session_id = store::SessionRepository(**connection).insert(session);
  if (!session_id) return session_id.error();
  if (auto s = audit_.record(
          **connection, actor,
          {"auth.login", "session", std::to_string(*session_id), std::nullopt, std::nullopt});
      !s) {
    return s.error();
  }
  if (auto s = tx->commit(); !s) return s.error();

  // A hash made with an older, cheaper cost is upgraded now that the password is known.
  if (hasher_.needs_rehash(*user->password_hash)) {
    if (auto rehashed = hasher_.hash(password)) {
      auto upgraded = *user;
      upgraded.password_hash = *rehashed;
      (void)store::UserRepository(**connection).update(upgraded);
    }
  }
  return LoginResult{token, core::from_micros(session.expires_at),
                     principal_of(*user, Principal::Via::session, *session_id, session.csrf_token)};
}

core::Result<AuthService::Cached> AuthService::resolve(std::string_view token,
                                                       const std::string& token_hash) {
  const Timestamp now = clock_.now();
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  if (token.starts_with(kSessionPrefix)) {
    auto found = store::SessionRepository(**connection).find_by_token_hash(token_hash);
    if (!found) return found.error();
    if (!*found) return bad_credentials();
    const auto& [session, user] = **found;
    const auto last_seen = core::from_micros(session.last_seen_at);
    if (session.revoked_at || !user.active || core::from_micros(session.expires_at) <= now ||
        last_seen + policy_.idle <= now) {
      return bad_credentials();
    }
    return Cached{principal_of(user, Principal::Via::session, session.id, session.csrf_token),
                  now + kCacheTtl, core::from_micros(session.expires_at), last_seen};
  }
  if (token.starts_with(kApiTokenPrefix)) {
    auto found = store::ApiTokenRepository(**connection).find_by_token_hash(token_hash);
    if (!found) return found.error();
    if (!*found) return bad_credentials();
    const auto& [api_token, user] = **found;
    const auto expires =
        api_token.expires_at ? core::from_micros(*api_token.expires_at) : Timestamp::max();
    if (api_token.revoked_at || !user.active || expires <= now) return bad_credentials();
    const auto last_used = api_token.last_used_at ? core::from_micros(*api_token.last_used_at)
                                                  : Timestamp{};  // never used: the epoch
    return Cached{principal_of(user, Principal::Via::api_token, api_token.id, ""), now + kCacheTtl,
                  expires, last_used};
  }
  return bad_credentials();
}

core::Result<Principal> AuthService::authenticate(std::string_view token) {
  if (token.empty() || token.size() > 128) return bad_credentials();
  const Timestamp now = clock_.now();
  {
    std::shared_lock lock(mutex_);
    if (auto it = cache_.find(token); it != cache_.end()) {
      const Cached& cached = it->second;
      const bool idle_expired = cached.principal.via == Principal::Via::session &&
                                cached.last_touched + policy_.idle <= now;
      if (cached.cached_until > now && cached.expires_at > now && !idle_expired) {
        if (now - cached.last_touched < kTouchInterval) return cached.principal;
        // fall through: refresh last_seen below
      }
    }
  }
  auto resolved = resolve(token, hash_token(token));
  if (!resolved) {
    std::unique_lock lock(mutex_);
    if (auto it = cache_.find(token); it != cache_.end()) cache_.erase(it);
    return resolved.error();
  }
  if (now - resolved->last_touched >= kTouchInterval) {
    touch(resolved->principal, now);
    resolved->last_touched = now;
  }
  std::unique_lock lock(mutex_);
  // Bound the cache: entries are small, but a flood of distinct valid tokens must not grow it
  // without limit. Dropping everything is crude and rare; the next requests repopulate it.
  if (cache_.size() > 100'000) cache_.clear();
  auto& entry = cache_[std::string(token)];
  entry = std::move(*resolved);
  return entry.principal;
}

void AuthService::touch(const Principal& principal, Timestamp now) {
  auto connection = store_.acquire();
  if (!connection) return;
  // Best effort: a failed touch only shortens how long an idle session is believed alive.
  if (principal.via == Principal::Via::session) {
    (void)store::SessionRepository(**connection)
        .touch(principal.credential_id, core::to_micros(now));
  } else {
    (void)store::ApiTokenRepository(**connection)
        .touch(principal.credential_id, core::to_micros(now));
  }
}

core::Status AuthService::logout(const Principal& principal, const ClientInfo& client) {
  if (principal.via != Principal::Via::session) {
    return Error::invalid("Authorization", "API tokens are revoked by an admin, not logged out");
  }
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto revoked =
      store::SessionRepository(db).revoke(principal.credential_id, core::to_micros(clock_.now()));
  if (!revoked) return revoked.error();
  if (auto s = audit_.record(db, Actor::of(principal, client.ip, client.request_id),
                             {"auth.logout", "session", std::to_string(principal.credential_id),
                              std::nullopt, std::nullopt});
      !s) {
    return s;
  }
  if (auto s = write->commit(); !s) return s;
  forget_credential(Principal::Via::session, principal.credential_id);
  return {};
}

void AuthService::forget_user(std::int64_t user_id) {
  std::unique_lock lock(mutex_);
  std::erase_if(cache_,
                [&](const auto& entry) { return entry.second.principal.user_id == user_id; });
}

void AuthService::forget_credential(Principal::Via via, std::int64_t credential_id) {
  std::unique_lock lock(mutex_);
  std::erase_if(cache_, [&](const auto& entry) {
    return entry.second.principal.via == via &&
           entry.second.principal.credential_id == credential_id;
  });
}

}  // namespace laurel::auth
