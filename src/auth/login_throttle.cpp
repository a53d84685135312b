#include "auth/login_throttle.hpp"

namespace laurel::auth {

LoginThrottle::LoginThrottle(ThrottlePolicy policy, const core::Clock& clock)
    : policy_(policy), clock_(clock) {}

void LoginThrottle::prune(Failures& failures, core::Timestamp now) const {
  while (!failures.empty() && failures.front() + policy_.window <= now)
    failures.pop_front();
}

std::optional<std::chrono::seconds> LoginThrottle::check(
    std::unordered_map<std::string, Failures>& map, const std::string& key, unsigned limit,
    core::Timestamp now) {
  auto it = map.find(key);
  if (it == map.end()) return std::nullopt;
  prune(it->second, now);
  if (it->second.empty()) {
    map.erase(it);  // forget quiet keys so the maps do not grow without bound
    return std::nullopt;
  }
  if (it->second.size() < limit) return std::nullopt;
  // Allowed again when the oldest failure that keeps the count at the limit leaves the window.
  const auto free_at = it->second[it->second.size() - limit] + policy_.window;
  const auto wait = std::chrono::ceil<std::chrono::seconds>(free_at - now);
  return std::max(wait, std::chrono::seconds(1));
}

std::optional<std::chrono::seconds> LoginThrottle::retry_after(const std::string& username,
                                                               const std::string& ip) {
  std::lock_guard lock(mutex_);
  const auto now = clock_.now();
  auto user_wait = check(by_user_, username, policy_.max_failures_per_user, now);
  auto ip_wait = check(by_ip_, ip, policy_.max_failures_per_ip, now);
  if (user_wait && ip_wait) return std::max(*user_wait, *ip_wait);
  return user_wait ? user_wait : ip_wait;
}

void LoginThrottle::sweep(std::unordered_map<std::string, Failures>& map, core::Timestamp now) {
  for (auto it = map.begin(); it != map.end();) {
    prune(it->second, now);
    it = it->second.empty() ? map.erase(it) : std::next(it);
  }
}

void LoginThrottle::record_failure(const std::string& username, const std::string& ip) {
  std::lock_guard lock(mutex_);
  const auto now = clock_.now();
  // Someone guessing across many usernames or addresses must not grow the maps for ever:
  // past a bound, forget every key whose failures have all left the window.
  // The bound doubles with what survives a sweep, so sweeping stays amortised O(1) per failure.
  if (by_user_.size() > sweep_users_above_) {
    sweep(by_user_, now);
    sweep_users_above_ = std::max(kSweepAbove, 2 * by_user_.size());
  }
  if (by_ip_.size() > sweep_ips_above_) {
    sweep(by_ip_, now);
    sweep_ips_above_ = std::max(kSweepAbove, 2 * by_ip_.size());
  }
  for (auto* failures : {&by_user_[username], &by_ip_[ip]}) {
    prune(*failures, now);
    failures->push_back(now);
  }
}

void LoginThrottle::record_success(const std::string& username) {
  std::lock_guard lock(mutex_);
  by_user_.erase(username);
}

}  // namespace laurel::auth
