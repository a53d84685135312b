// Opportunities: the sales team's deals in the making, with their stage history (see
// crm/opportunity_service.hpp).

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

constexpr std::size_t kMaxProducts = crm::OpportunityService::kMaxProducts;

core::Result<Response> create(Services& services, const Request& request, RequestContext& context) {
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  crm::OpportunityInput input;
  auto client = in->required_integer("client_id", 1, INT64_MAX);
  if (!client) return client.error();
  input.client_id = *client;
  auto owner = in->optional_integer("owner_staff_id", 1, INT64_MAX);
  if (!owner) return owner.error();
  input.owner_staff_id = *owner;
  auto campaign = in->nullable_integer("campaign_id", 1, INT64_MAX);
  if (!campaign) return campaign.error();
  if (*campaign) input.campaign_id = **campaign;
  auto title = in->required_string("title", {1, 200});
  if (!title) return title.error();
  input.title = std::move(*title);
  auto expected = in->required_amount("expected_amount");
  if (!expected) return expected.error();
  input.expected = *expected;
  auto close = in->nullable_date("expected_close_date");
  if (!close) return close.error();
  if (*close) input.expected_close_date = **close;
  auto notes = in->nullable_string("notes", {0, 5000});
  if (!notes) return notes.error();
  if (*notes) input.notes = **notes;
  auto stage = in->optional_string("stage", {1, 20});
  if (!stage) return stage.error();
  if (*stage) input.stage = std::move(**stage);
  auto products = in->optional_integers("product_ids", 1, INT64_MAX, kMaxProducts);
  if (!products) return products.error();
  if (*products) input.product_ids = std::move(**products);
  if (auto s = in->finish(); !s) return s.error();
  auto created =
      services.opportunities.create(input, context.user(), context.actor(request.client_ip));
  if (!created) return created.error();
  Response response = json_response(201, crm::opportunity_to_json(*created));
  response.set_header("Location", "/api/v1/opportunities/" + std::to_string(created->id));
  return response;
}

core::Result<Response> update(Services& services, const Request& request, RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  crm::OpportunityChanges changes;
  auto owner = in->optional_integer("owner_staff_id", 1, INT64_MAX);
  if (!owner) return owner.error();
  changes.owner_staff_id = *owner;
  auto campaign = in->nullable_integer("campaign_id", 1, INT64_MAX);
  if (!campaign) return campaign.error();
  changes.campaign_id = *campaign;
  auto title = in->optional_string("title", {1, 200});
  if (!title) return title.error();
  changes.title = std::move(*title);
  auto expected = in->optional_amount("expected_amount");
  if (!expected) return expected.error();
  changes.expected = *expected;
  auto close = in->nullable_date("expected_close_date");
  if (!close) return close.error();
  changes.expected_close_date = *close;
  auto notes = in->nullable_string("notes", {0, 5000});
  if (!notes) return notes.error();
  changes.notes = std::move(*notes);
  auto products = in->optional_integers("product_ids", 1, INT64_MAX, kMaxProducts);
  if (!products) return products.error();
  changes.product_ids = std::move(*products);
  if (auto s = in->finish(); !s) return s.error();
  auto updated =
      services.opportunities.update(*id, changes, context.user(), context.actor(request.client_ip));
  if (!updated) return updated.error();
  return json_response(200, crm::opportunity_to_json(*updated));
}

core::Result<Response> move(Services& services, const Request& request, RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  crm::StageMove stage_move;
  auto stage = in->required_string("stage", {1, 20});
  if (!stage) return stage.error();
  stage_move.stage = std::move(*stage);
  auto at = in->optional_time("at");
  if (!at) return at.error();
  stage_move.at = *at;
  auto reason = in->optional_string("lost_reason", {1, 500});
  if (!reason) return reason.error();
  stage_move.lost_reason = std::move(*reason);
  if (auto s = in->finish(); !s) return s.error();
  auto moved = services.opportunities.move(*id, stage_move, context.user(),
                                           context.actor(request.client_ip));
  if (!moved) return moved.error();
  return json_response(200, crm::opportunity_to_json(*moved));
}

core::Result<Response> list(Services& services, const Request& request, RequestContext& context) {
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  store::OpportunityFilter filter;
  auto client = query->optional_integer("client_id", 1, INT64_MAX);
  if (!client) return client.error();
  filter.client_id = *client;
  auto owner = query->optional_integer("owner_staff_id", 1, INT64_MAX);
  if (!owner) return owner.error();
  filter.owner_staff_id = *owner;
  auto campaign = query->optional_integer("campaign_id", 1, INT64_MAX);
  if (!campaign) return campaign.error();
  filter.campaign_id = *campaign;
  auto stage = query->optional_string("stage", 20);
  if (!stage) return stage.error();
  if (*stage) {
    if (auto s = crm::check_one_of("stage", **stage, crm::opportunity_stages()); !s) {
      return s.error();
    }
  }
  filter.stage = *stage;
  auto open = query->optional_bool("open");
  if (!open) return open.error();
  filter.open = *open;
  if (auto s = read_page(*query, filter); !s) return s.error();
  if (auto s = query->finish(); !s) return s.error();
  auto page = services.opportunities.list(filter, context.user());
  if (!page) return page.error();
  return page_of(page->items, page->next_after_id,
                 [](const auto& record) { return crm::opportunity_to_json(record); });
}

}  // namespace

void add_opportunity_routes(http::Router& router, Services& services) {
  router.add({"GET", "/api/v1/opportunities", Access::authenticated, kSalesTeam, std::nullopt,
              with(services, list)});
  router.add({"POST", "/api/v1/opportunities", Access::authenticated, kSalesTeam, kMediumBody,
              with(services, create)});
  router.add({"GET", "/api/v1/opportunities/{id}", Access::authenticated, kSalesTeam, std::nullopt,
              get_by_id_for_caller(
                  [&services](std::int64_t id, const auth::Principal& caller) {
                    return services.opportunities.get(id, caller);
                  },
                  [](const auto& record) { return crm::opportunity_to_json(record); })});
  router.add({"PATCH", "/api/v1/opportunities/{id}", Access::authenticated, kSalesTeam, kMediumBody,
              with(services, update)});
  router.add({"POST", "/api/v1/opportunities/{id}/stage", Access::authenticated, kSalesTeam,
              kSmallBody, with(services, move)});
}

}  // namespace laurel::api
