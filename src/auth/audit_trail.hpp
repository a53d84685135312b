#pragma once
// Writes and reads the audit log of admin actions. record() joins the caller's transaction, so
// an action and its audit entry commit together or not at all.

#include <boost/json/value.hpp>
#include <optional>
#include <string>

#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "store/audit_repository.hpp"
#include "store/store.hpp"

namespace laurel::auth {

struct AuditEvent {
  std::string action;       // "user.create"
  std::string target_type;  // "user"
  std::optional<std::string> target_id;
  std::optional<boost::json::value> before;
  std::optional<boost::json::value> after;
};

class AuditTrail {
 public:
  AuditTrail(store::Store& store, const core::Clock& clock) : store_(store), clock_(clock) {}

  core::Status record(store::Connection& connection, const Actor& actor, const AuditEvent& event);
  // Records in a transaction of its own (for events with no other write, such as a login).
  core::Status record(const Actor& actor, const AuditEvent& event);
  core::Result<std::vector<store::AuditRecord>> list(const store::AuditFilter& filter);

 private:
  store::Store& store_;
  const core::Clock& clock_;
};

}  // namespace laurel::auth
