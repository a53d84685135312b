// The audit log of admin actions, newest first, filterable; admins only.

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

#include "api/access.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "core/timestamp.hpp"
#include "http/query_input.hpp"

namespace laurel::api {
namespace {

using http::Access;
using http::QueryInput;
using http::Request;
using http::RequestContext;
using http::Response;

boost::json::value json_or_null(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  boost::system::error_code ec;
  auto value = boost::json::parse(*text, ec);
  return ec ? boost::json::value(nullptr) : value;
}

boost::json::value text_or_null(const std::optional<std::string>& text) {
  return text ? boost::json::value(*text) : boost::json::value(nullptr);
}

core::Result<Response> list_audit(Services& services, const Request& request) {
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  store::AuditFilter filter;
  auto actor = query->optional_integer("actor_user_id", 1, INT64_MAX);
  if (!actor) return actor.error();
  filter.actor_user_id = *actor;
  auto action = query->optional_string("action", 64);
  if (!action) return action.error();
  filter.action = *action;
  auto target_type = query->optional_string("target_type", 64);
  if (!target_type) return target_type.error();
  filter.target_type = *target_type;
  auto target_id = query->optional_string("target_id", 64);
  if (!target_id) return target_id.error();
  filter.target_id = *target_id;
  auto since = query->optional_time("since");
  if (!since) return since.error();
  if (*since) filter.since = core::to_micros(**since);
  auto until = query->optional_time("until");
  if (!until) return until.error();
  if (*until) filter.until = core::to_micros(**until);
  auto cursor = query->optional_integer("cursor", 1, INT64_MAX);
  if (!cursor) return cursor.error();
  filter.before_id = *cursor;
  auto limit = query->limit();
  if (!limit) return limit.error();
  filter.limit = *limit;
  if (auto s = query->finish(); !s) return s.error();

  auto records = services.audit.list(filter);
  if (!records) return records.error();
  std::optional<std::int64_t> next;
  if (records->size() > static_cast<std::size_t>(filter.limit)) {
    records->pop_back();
    next = records->back().id;
  }
  boost::json::array items;
  for (const auto& r : *records) {
    items.push_back(
        boost::json::object{{"id", r.id},
                            {"at", core::format_rfc3339(core::from_micros(r.at))},
                            {"actor_user_id", r.actor_user_id ? boost::json::value(*r.actor_user_id)
                                                              : boost::json::value(nullptr)},
                            {"actor", r.actor},
                            {"action", r.action},
                            {"target_type", r.target_type},
                            {"target_id", text_or_null(r.target_id)},
                            {"before", json_or_null(r.before_json)},
                            {"after", json_or_null(r.after_json)},
                            {"client_ip", text_or_null(r.client_ip)},
                            {"request_id", text_or_null(r.request_id)}});
  }
  return page_response(std::move(items), next);
}

}  // namespace

void add_audit_routes(http::Router& router, Services& services) {
  router.add({"GET", "/api/v1/audit", Access::authenticated, kAdminOnly, std::nullopt,
              [&services](const Request& request, RequestContext&) {
                return list_audit(services, request);
              }});
}

}  // namespace laurel::api
