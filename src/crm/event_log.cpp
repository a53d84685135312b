#include "crm/event_log.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "core/timestamp.hpp"

namespace laurel::crm {

std::string event_payload(const CrmEvent& event) {
  boost::json::object payload{
      {"before", event.before ? *event.before : boost::json::value(nullptr)},
      {"after", event.after ? *event.after : boost::json::value(nullptr)}};
  return boost::json::serialize(payload);
}

core::Result<std::int64_t> EventLog::append(store::Connection& db, const auth::Actor& actor,
                                            const CrmEvent& event) const {
  const auto now = clock_.now();
  store::EventRecord record;
  record.type = event.type;
  record.recorded_at = core::to_micros(now);
  record.occurred_at = core::to_micros(event.occurred_at.value_or(now));
  record.actor_user_id = actor.user_id;
  record.actor = actor.name;
  record.entity_type = event.entity_type;
  record.entity_id = event.entity_id;
  record.payload = event_payload(event);
  return store::EventRepository(db).append(record);
}

}  // namespace laurel::crm
