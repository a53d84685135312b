// Campaigns and their cost entries: the sales team reads campaigns and their progress; managers
// and admins run them (see crm/campaign_service.hpp for who manages which).

#include <boost/json/array.hpp>

#include "api/access.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "http/json_input.hpp"
#include "http/query_input.hpp"

namespace laurel::api {
namespace {

using http::Access;
using http::JsonInput;
using http::QueryInput;
using http::Request;
using http::RequestContext;
using http::Response;

constexpr std::size_t kMaxIds = crm::CampaignService::kMaxParticipants;

core::Result<Response> create(Services& services, const Request& request, RequestContext& context) {
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  crm::CampaignInput input;
  auto name = in->required_string("name", {1, 100});
  if (!name) return name.error();
  input.name = std::move(*name);
  auto description = in->nullable_string("description", {0, 2000});
  if (!description) return description.error();
  if (*description) input.description = **description;
  auto starts_on = in->required_date("starts_on");
  if (!starts_on) return starts_on.error();
  input.starts_on = *starts_on;
  auto ends_on = in->required_date("ends_on");
  if (!ends_on) return ends_on.error();
  input.ends_on = *ends_on;
  auto target = in->required_amount("target_amount");
  if (!target) return target.error();
  input.target = *target;
  auto products =
      in->optional_integers("product_ids", 1, INT64_MAX, crm::CampaignService::kMaxProducts);
  if (!products) return products.error();
  if (*products) input.product_ids = std::move(**products);
  auto departments = in->optional_integers("department_ids", 1, INT64_MAX, kMaxIds);
  if (!departments) return departments.error();
  if (*departments) input.department_ids = std::move(**departments);
  auto staff = in->optional_integers("staff_ids", 1, INT64_MAX, kMaxIds);
  if (!staff) return staff.error();
  if (*staff) input.staff_ids = std::move(**staff);
  if (auto s = in->finish(); !s) return s.error();
  auto created = services.campaigns.create(input, context.user(), context.actor(request.client_ip));
  if (!created) return created.error();
  Response response = json_response(201, crm::campaign_view_to_json(*created));
  response.set_header("Location", "/api/v1/campaigns/" + std::to_string(created->campaign.id));
  return response;
}

core::Result<Response> update(Services& services, const Request& request, RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  crm::CampaignChanges changes;
  auto name = in->optional_string("name", {1, 100});
  if (!name) return name.error();
  changes.name = std::move(*name);
  auto description = in->nullable_string("description", {0, 2000});
  if (!description) return description.error();
  changes.description = std::move(*description);
  auto starts_on = in->optional_date("starts_on");
  if (!starts_on) return starts_on.error();
  changes.starts_on = *starts_on;
  auto ends_on = in->optional_date("ends_on");
  if (!ends_on) return ends_on.error();
  changes.ends_on = *ends_on;
  auto target = in->optional_amount("target_amount");
  if (!target) return target.error();
  changes.target = *target;
  auto products =
      in->optional_integers("product_ids", 1, INT64_MAX, crm::CampaignService::kMaxProducts);
  if (!products) return products.error();
  changes.product_ids = std::move(*products);
  auto departments = in->optional_integers("department_ids", 1, INT64_MAX, kMaxIds);
  if (!departments) return departments.error();
  changes.department_ids = std::move(*departments);
  auto staff = in->optional_integers("staff_ids", 1, INT64_MAX, kMaxIds);
  if (!staff) return staff.error();
  changes.staff_ids = std::move(*staff);
  if (auto s = in->finish(); !s) return s.error();
  auto updated =
      services.campaigns.update(*id, changes, context.user(), context.actor(request.client_ip));
  if (!updated) return updated.error();
  return json_response(200, crm::campaign_view_to_json(*updated));
}

core::Result<Response> list(Services& services, const Request& request, RequestContext& context) {
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  store::CampaignFilter filter;
  auto active_on = query->optional_date("active_on");
  if (!active_on) return active_on.error();
  if (*active_on) filter.active_on = core::format_date(**active_on);
  auto product = query->optional_integer("product_id", 1, INT64_MAX);
  if (!product) return product.error();
  filter.product_id = *product;
  if (auto s = read_page(*query, filter); !s) return s.error();
  if (auto s = query->finish(); !s) return s.error();
  auto page = services.campaigns.list(filter, context.user());
  if (!page) return page.error();
  return page_of(page->items, page->next_after_id,
                 [](const auto& view) { return crm::campaign_view_to_json(view); });
}

core::Result<Response> add_cost(Services& services, const Request& request,
                                RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  crm::CostInput input;
  auto incurred_on = in->required_date("incurred_on");
  if (!incurred_on) return incurred_on.error();
  input.incurred_on = *incurred_on;
  auto category = in->required_string("category", {1, 30});
  if (!category) return category.error();
  input.category = std::move(*category);
  auto amount = in->required_amount("amount");
  if (!amount) return amount.error();
  input.amount = *amount;
  auto description = in->nullable_string("description", {0, 500});
  if (!description) return description.error();
  if (*description) input.description = **description;
  if (auto s = in->finish(); !s) return s.error();
  auto cost =
      services.campaigns.add_cost(*id, input, context.user(), context.actor(request.client_ip));
  if (!cost) return cost.error();
  return json_response(201, crm::campaign_cost_to_json(*cost));
}

}  // namespace

void add_campaign_routes(http::Router& router, Services& services) {
  router.add({"GET", "/api/v1/campaigns", Access::authenticated, kSalesTeam, std::nullopt,
              with(services, list)});
  router.add({"POST", "/api/v1/campaigns", Access::authenticated, kManagers, kMediumBody,
              with(services, create)});
  router.add({"GET", "/api/v1/campaigns/{id}", Access::authenticated, kSalesTeam, std::nullopt,
              get_by_id_for_caller(
                  [&services](std::int64_t id, const auth::Principal& caller) {
                    return services.campaigns.get(id, caller);
                  },
                  [](const auto& view) { return crm::campaign_view_to_json(view); })});
  router.add({"PATCH", "/api/v1/campaigns/{id}", Access::authenticated, kManagers, kMediumBody,
              with(services, update)});
  router.add({"GET", "/api/v1/campaigns/{id}/costs", Access::authenticated, kManagers, std::nullopt,
              get_by_id([&services](std::int64_t id) { return services.campaigns.costs(id); },
                        [](const auto& costs) {
                          boost::json::array items;
                          for (const auto& cost : costs)
                            items.push_back(crm::campaign_cost_to_json(cost));
                          return boost::json::object{{"items", std::move(items)}};
                        })});
  router.add({"POST", "/api/v1/campaigns/{id}/costs", Access::authenticated, kManagers, kSmallBody,
              with(services, add_cost)});
  router.add(
      {"DELETE", "/api/v1/campaigns/{id}/costs/{cost_id}", Access::authenticated, kManagers,
       std::nullopt,
       [&services](const Request& request, RequestContext& context) -> core::Result<Response> {
         auto id = context.id_param("id");
         if (!id) return id.error();
         auto cost = context.id_param("cost_id");
         if (!cost) return cost.error();
         if (auto s = services.campaigns.remove_cost(*id, *cost, context.user(),
                                                     context.actor(request.client_ip));
             !s) {
           return s.error();
         }
         return Response::no_content();
       }});
}

}  // namespace laurel::api
