#include "api/event_json.hpp"

#include "core/timestamp.hpp"

namespace laurel::api {

boost::json::object source_event_to_json(const store::EventRecord& e) {
  return {{"seq", e.seq},
          {"type", e.type},
          {"occurred_at", core::format_rfc3339(core::from_micros(e.occurred_at))},
          {"recorded_at", core::format_rfc3339(core::from_micros(e.recorded_at))},
          {"actor", e.actor},
          {"entity_type", e.entity_type},
          {"entity_id", e.entity_id}};
}

}  // namespace laurel::api
