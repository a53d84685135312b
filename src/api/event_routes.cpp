// The event log, read by admins: every CRM write with who, when and the record before and after.

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

#include "api/access.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "core/timestamp.hpp"
#include "http/query_input.hpp"
#include "store/event_repository.hpp"

namespace laurel::api {
namespace {

using http::Access;
using http::QueryInput;
using http::Request;
using http::RequestContext;
using http::Response;

core::Result<Response> list_events(Services& services, const Request& request) {
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  store::EventFilter filter;
  auto entity_type = query->optional_string("entity_type", 64);
  if (!entity_type) return entity_type.error();
  filter.entity_type = *entity_type;
  auto entity_id = query->optional_string("entity_id", 64);
  if (!entity_id) return entity_id.error();
  filter.entity_id = *entity_id;
  auto type = query->optional_string("type", 64);
  if (!type) return type.error();
  filter.type = *type;
  auto cursor = query->cursor();
  if (!cursor) return cursor.error();
  filter.after_seq = *cursor;
  auto order = query->optional_string("order", 10);
  if (!order) return order.error();
  if (*order && **order != "oldest" && **order != "newest") {
    return core::Error::invalid("order", "must be oldest or newest");
  }
  filter.newest_first = *order && **order == "newest";
  auto limit = query->limit(100, 1000);
  if (!limit) return limit.error();
  filter.limit = *limit;
  if (auto s = query->finish(); !s) return s.error();

  auto connection = services.store->acquire();
  if (!connection) return connection.error();
  auto events = store::EventRepository(**connection).list(filter);
  if (!events) return events.error();
  std::optional<std::int64_t> next;
  if (events->size() > static_cast<std::size_t>(filter.limit)) {
    events->pop_back();
    next = events->back().seq;
  }
  boost::json::array items;
  for (const auto& e : *events) {
    boost::system::error_code ec;
    auto payload = boost::json::parse(e.payload, ec);
    items.push_back(
        boost::json::object{{"seq", e.seq},
                            {"type", e.type},
                            {"occurred_at", core::format_rfc3339(core::from_micros(e.occurred_at))},
                            {"recorded_at", core::format_rfc3339(core::from_micros(e.recorded_at))},
                            {"actor_user_id", e.actor_user_id ? boost::json::value(*e.actor_user_id)
                                                              : boost::json::value(nullptr)},
                            {"actor", e.actor},
                            {"entity_type", e.entity_type},
                            {"entity_id", e.entity_id},
                            {"payload", ec ? boost::json::value(nullptr) : payload}});
  }
  return page_response(std::move(items), next);
}

}  // namespace

void add_event_routes(http::Router& router, Services& services) {
  router.add({"GET", "/api/v1/events", Access::authenticated, kAdminOnly, std::nullopt,
              [&services](const Request& request, RequestContext&) {
                return list_events(services, request);
              }});
}

}  // namespace laurel::api
