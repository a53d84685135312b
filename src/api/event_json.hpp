#pragma once
// An event of the log as a "why" shows it: what happened, when it occurred and was recorded, who
// recorded it, and the record it was about.

#include <boost/json/object.hpp>

#include "store/event_repository.hpp"

namespace laurel::api {

boost::json::object source_event_to_json(const store::EventRecord& event);

}  // namespace laurel::api
