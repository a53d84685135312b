// Health, metrics, the API document and the list of roles.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/json_response.hpp"
#include "api/openapi_document.hpp"
#include "api/routes.hpp"
#include "core/version.hpp"

namespace laurel::api {

using http::Access;
using http::Request;
using http::RequestContext;
using http::Response;

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
              [&metrics](const Request&, RequestContext&) -> core::Result<Response> {
                return Response::text(200, metrics.metrics ? metrics.metrics->render() : "",
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
