// Health, metrics, the API document and the list of roles.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/json_response.hpp"
#include "api/openapi_document.hpp"
#include "api/routes.hpp"
#include "core/version.hpp"
#include "store/chat_repository.hpp"

namespace laurel::api {

using http::Access;
using http::Request;
using http::RequestContext;
using http::Response;

namespace {

// What the services know, for monitoring: live clients, the recognition engine's progress and
// the group-chat outbox's backlog (a growing one means a bot is down or rate-limited).
std::string service_metrics(Services& services) {
  std::string out;
  const auto gauge = [&out](const char* name, const char* type, const char* help,
                            std::int64_t value, const std::string& labels = "") {
    out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n" +
           name + labels + " " + std::to_string(value) + "\n";
  };
  gauge("laurel_live_clients", "gauge", "Clients following /api/v1/stream now.",
        static_cast<std::int64_t>(services.live.clients()));
  gauge("laurel_live_dropped_clients_total", "counter",
        "Stream clients dropped for falling too far behind.",
        static_cast<std::int64_t>(services.live.dropped_clients()));
  gauge("laurel_engine_folded_seq", "gauge",
        "The last event-log position the recognition engine has folded.",
        services.engine.folded_up_to());
  gauge("laurel_engine_unreadable_events_total", "counter",
        "Events the recognition engine could not read (skipped).",
        services.engine.unreadable_events());
  if (auto connection = services.store->acquire()) {
    if (auto backlog = store::ChatRepository(**connection).backlog()) {
      out +=
          "# HELP laurel_chat_outbox_deliveries Group-chat deliveries waiting or dead.\n"
          "# TYPE laurel_chat_outbox_deliveries gauge\n";
      out += "laurel_chat_outbox_deliveries{status=\"pending\"} " + std::to_string(backlog->first) +
             "\n";
      out += "laurel_chat_outbox_deliveries{status=\"dead\"} " + std::to_string(backlog->second) +
             "\n";
    }
  }
  return out;
}

}  // namespace

void add_system_routes(http::Router& router, Services& services, MetricsHandle& metrics) {
  // Open: load balancers and monitoring ask without credentials. Answers 503 when the database
  // cannot be reached, so that a node without its database is taken out of rotation.
  router.add({"GET",
              "/api/v1/health",
              Access::open,
              {},
              std::nullopt,
              [&services](const Request&, RequestContext&) -> core::Result<Response> {
                const bool database_ok = bool(services.store->ping());
                boost::json::object body{{"status", database_ok ? "ok" : "degraded"},
                                         {"version", core::kVersion},
                                         {"database", database_ok ? "ok" : "unreachable"}};
                return json_response(database_ok ? 200 : 503, body);
              }});

  // Prometheus scrapes with an API token of an integration user (or an admin's session).
  router.add({"GET",
              "/metrics",
              Access::authenticated,
              {auth::Role::admin, auth::Role::integration},
              std::nullopt,
              [&metrics, &services](const Request&, RequestContext&) -> core::Result<Response> {
                return Response::text(
                    200,
                    (metrics.metrics ? metrics.metrics->render() : "") + service_metrics(services),
                    "text/plain; version=0.0.4; charset=utf-8");
              }});

  // The API document describes the API, not data: it is served without credentials, like the
  // static files of the docs page that reads it.
  router.add({"GET",
              "/api/v1/openapi.json",
              Access::open,
              {},
              std::nullopt,
              [](const Request&, RequestContext&) -> core::Result<Response> {
                Response r =
                    Response::text(200, std::string(openapi_document()), "application/json");
                r.set_header("Cache-Control", "no-cache");
                return r;
              }});

  router.add({"GET",
              "/api/v1/roles",
              Access::authenticated,
              {},
              std::nullopt,
              [](const Request&, RequestContext&) -> core::Result<Response> {
                boost::json::array roles;
                for (auth::Role role : auth::all_roles()) {
                  roles.push_back(boost::json::object{
                      {"name", auth::to_string(role)},
                      {"description", auth::describe(role)},
                      {"interactive_login", auth::logs_in_interactively(role)}});
                }
                return json_response(200, boost::json::object{{"items", std::move(roles)}});
              }});
}

}  // namespace laurel::api
