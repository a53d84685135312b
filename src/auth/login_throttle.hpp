#pragma once
// Counts failed logins per username and per client address over a sliding window and says
// when to refuse further attempts (HTTP 429 with Retry-After). Thread-safe.
//
// The counts live in this process's memory: a restart forgives, and with several Laurel nodes
// each throttles on its own. That is enough to make password guessing slow (argon2id already
// costs tens of milliseconds per guess) without a database write per failed login.

#include <chrono>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/clock.hpp"

namespace laurel::auth {

struct ThrottlePolicy {
  unsigned max_failures_per_user = 5;
  unsigned max_failures_per_ip = 30;
  std::chrono::seconds window{15 * 60};
};

class LoginThrottle {
 public:
  LoginThrottle(ThrottlePolicy policy, const core::Clock& clock);

  // How long to wait before trying again, or nullopt when an attempt is allowed now.
  std::optional<std::chrono::seconds> retry_after(const std::string& username,
                                                  const std::string& ip);
  void record_failure(const std::string& username, const std::string& ip);
  // A successful login clears the username's failures (not the address's).
  void record_success(const std::string& username);

 private:
  using Failures = std::deque<core::Timestamp>;
  std::optional<std::chrono::seconds> check(std::unordered_map<std::string, Failures>& map,
                                            const std::string& key, unsigned limit,
                                            core::Timestamp now);
  void prune(Failures& failures, core::Timestamp now) const;
  void sweep(std::unordered_map<std::string, Failures>& map, core::Timestamp now);

  static constexpr std::size_t kSweepAbove = 10'000;

  ThrottlePolicy policy_;
  const core::Clock& clock_;
  std::mutex mutex_;
  std::unordered_map<std::string, Failures> by_user_;
  std::unordered_map<std::string, Failures> by_ip_;
  std::size_t sweep_users_above_ = kSweepAbove;
  std::size_t sweep_ips_above_ = kSweepAbove;
};

}  // namespace laurel::auth
