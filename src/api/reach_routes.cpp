// Key-person statistics per client and a salesperson's "my day". The statistics are counts and
// dates, not visit notes, so every salesperson, manager and admin reads them for any client: the
// team coordinates who reaches whom. Service staff and integrations do not.

#include "api/access.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "http/query_input.hpp"

namespace laurel::api {
namespace {

using http::Access;
using http::QueryInput;
using http::Request;
using http::RequestContext;
using http::Response;

core::Result<Response> client_stats(Services& services, const Request& request,
                                    RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  auto as_of = query->optional_date("as_of");
  if (!as_of) return as_of.error();
  if (auto s = query->finish(); !s) return s.error();
  auto reach = services.reach.for_client(*id, *as_of);
  if (!reach) return reach.error();
  return json_response(200, crm::client_reach_to_json(*reach));
}

}  // namespace

void add_reach_routes(http::Router& router, Services& services) {
  router.add({"GET", "/api/v1/clients/{id}/key-person-stats", Access::authenticated, kClientEditors,
              std::nullopt, with(services, client_stats)});
  router.add({"GET", "/api/v1/me/day", Access::authenticated, kClientEditors, std::nullopt,
              [&services](const Request&, RequestContext& context) -> core::Result<Response> {
                auto day = services.reach.my_day(context.user());
                if (!day) return day.error();
                auto targets = services.targets.of_staff_on(day->staff_id, day->today);
                if (!targets) return targets.error();
                auto json = crm::my_day_to_json(*day);
                boost::json::array progress;
                for (const auto& target : *targets)
                  progress.push_back(crm::target_progress_to_json(target));
                json["targets"] = std::move(progress);
                return json_response(200, json);
              }});
}

}  // namespace laurel::api
