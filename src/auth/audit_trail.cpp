#include "auth/audit_trail.hpp"

#include <boost/json/serialize.hpp>

#include "core/timestamp.hpp"

namespace laurel::auth {

core::Status AuditTrail::record(store::Connection& connection, const Actor& actor,
                                const AuditEvent& event) {
  store::AuditRecord record;
  record.at = core::to_micros(clock_.now());
  record.actor_user_id = actor.user_id;
  record.actor = actor.name;
  record.action = event.action;
  record.target_type = event.target_type;
  record.target_id = event.target_id;
  if (event.before) record.before_json = boost::json::serialize(*event.before);
  if (event.after) record.after_json = boost::json::serialize(*event.after);
  record.client_ip = actor.client_ip;
  record.request_id = actor.request_id;
  auto id = store::AuditRepository(connection).append(record);
  if (!id) return id.error();
  return {};
}

core::Status AuditTrail::record(const Actor& actor, const AuditEvent& event) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto tx = store::Transaction::begin(**connection);
  if (!tx) return tx.error();
  if (auto s = record(**connection, actor, event); !s) return s;
  return tx->commit();
}

core::Result<std::vector<store::AuditRecord>> AuditTrail::list(const store::AuditFilter& filter) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  return store::AuditRepository(**connection).list(filter);
}

}  // namespace laurel::auth
