#pragma once
// The audit log of admin actions (users, roles, tokens, configuration). CRM writes are audited
// through the event log instead (a later migration), not by a second copy here.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace laurel::store {

struct AuditRecord {
  std::int64_t id = 0;
  std::int64_t at = 0;
  std::optional<std::int64_t> actor_user_id;
  std::string actor;
  std::string action;
  std::string target_type;
  std::optional<std::string> target_id;
  std::optional<std::string> before_json;
  std::optional<std::string> after_json;
  std::optional<std::string> client_ip;
  std::optional<std::string> request_id;
};

struct AuditFilter {
  std::optional<std::int64_t> actor_user_id;
  std::optional<std::string> action;
  std::optional<std::string> target_type;
  std::optional<std::string> target_id;
  std::optional<std::int64_t> since;      // at >= since
  std::optional<std::int64_t> until;      // at < until
  std::optional<std::int64_t> before_id;  // cursor: newest first, entries older than this id
  int limit = 50;
};

class AuditRepository {
 public:
  explicit AuditRepository(Connection& connection) : db_(connection) {}

  core::Result<std::int64_t> append(const AuditRecord& record);
  // Newest first; up to limit + 1 rows so the caller knows whether more follow.
  core::Result<std::vector<AuditRecord>> list(const AuditFilter& filter);

 private:
  Connection& db_;
};

}  // namespace laurel::store
