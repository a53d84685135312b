#pragma once
// Appends CRM events to the event log, inside the caller's transaction: a write and its event
// commit together or not at all. The event log is also the audit trail of CRM writes, so every
// event names its record (entity) and carries the record before and after the change.
//
// Event types are "<entity>.<what happened>": department.created, department.updated, ...

#include <boost/json/value.hpp>
#include <optional>
#include <string>

#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "store/connection.hpp"
#include "store/event_repository.hpp"

namespace laurel::crm {

struct CrmEvent {
  std::string type;
  std::string entity_type;
  std::string entity_id;
  std::optional<boost::json::value> before;    // absent for creations
  std::optional<boost::json::value> after;     // absent for deletions
  std::optional<core::Timestamp> occurred_at;  // default: when it is recorded
};

class EventLog {
 public:
  explicit EventLog(const core::Clock& clock) : clock_(clock) {}

  // Returns the event's sequence number.
  core::Result<std::int64_t> append(store::Connection& db, const auth::Actor& actor,
                                    const CrmEvent& event) const;

 private:
  const core::Clock& clock_;
};

// The JSON payload of an event: {"before": ..., "after": ...}.
std::string event_payload(const CrmEvent& event);

}  // namespace laurel::crm
