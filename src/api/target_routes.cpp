// Targets: managers set numbers for the staff and departments they manage; everyone in the sales
// team reads their own with progress (see crm/target_service.hpp).

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

core::Result<crm::TargetValue> read_value(JsonInput& in) {
  crm::TargetValue value;
  auto amount = in.optional_amount("target_amount");
  if (!amount) return amount.error();
  value.amount = *amount;
  auto count = in.optional_integer("target_count", 1, 1'000'000'000);
  if (!count) return count.error();
  value.count = *count;
  return value;
}

core::Result<Response> create(Services& services, const Request& request, RequestContext& context) {
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  crm::TargetInput input;
  auto kind = in->required_string("subject_kind", {1, 20});
  if (!kind) return kind.error();
  input.subject_kind = std::move(*kind);
  auto subject = in->required_integer("subject_id", 1, INT64_MAX);
  if (!subject) return subject.error();
  input.subject_id = *subject;
  auto client = in->optional_integer("client_id", 1, INT64_MAX);
  if (!client) return client.error();
  input.client_id = *client;
  auto campaign = in->optional_integer("campaign_id", 1, INT64_MAX);
  if (!campaign) return campaign.error();
  input.campaign_id = *campaign;
  auto metric = in->required_string("metric", {1, 30});
  if (!metric) return metric.error();
  input.metric = std::move(*metric);
  auto period = in->required_string("period", {1, 10});
  if (!period) return period.error();
  input.period = std::move(*period);
  auto value = read_value(*in);
  if (!value) return value.error();
  input.value = *value;
  if (auto s = in->finish(); !s) return s.error();
  auto created = services.targets.create(input, context.user(), context.actor(request.client_ip));
  if (!created) return created.error();
  Response response = json_response(201, crm::target_progress_to_json(*created));
  response.set_header("Location", "/api/v1/targets/" + std::to_string(created->target.id));
  return response;
}

core::Result<Response> update(Services& services, const Request& request, RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  auto value = read_value(*in);
  if (!value) return value.error();
  if (auto s = in->finish(); !s) return s.error();
  auto updated =
      services.targets.change_value(*id, *value, context.user(), context.actor(request.client_ip));
  if (!updated) return updated.error();
  return json_response(200, crm::target_progress_to_json(*updated));
}

core::Result<Response> list(Services& services, const Request& request, RequestContext& context) {
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  store::TargetFilter filter;
  auto kind = query->optional_string("subject_kind", 20);
  if (!kind) return kind.error();
  if (*kind && **kind != "staff" && **kind != "department") {
    return core::Error::invalid("subject_kind", "must be one of staff, department");
  }
  filter.subject_kind = *kind;
  auto subject = query->optional_integer("subject_id", 1, INT64_MAX);
  if (!subject) return subject.error();
  filter.subject_id = *subject;
  auto metric = query->optional_string("metric", 30);
  if (!metric) return metric.error();
  if (*metric) {
    if (auto s = crm::check_one_of("metric", **metric, crm::target_metrics()); !s) {
      return s.error();
    }
  }
  filter.metric = *metric;
  auto period = query->optional_string("period", 10);
  if (!period) return period.error();
  filter.period = *period;
  auto client = query->optional_integer("client_id", 1, INT64_MAX);
  if (!client) return client.error();
  filter.client_id = *client;
  auto campaign = query->optional_integer("campaign_id", 1, INT64_MAX);
  if (!campaign) return campaign.error();
  filter.campaign_id = *campaign;
  auto covering = query->optional_date("covering");
  if (!covering) return covering.error();
  if (*covering) filter.covering = core::format_date(**covering);
  if (auto s = read_page(*query, filter); !s) return s.error();
  if (auto s = query->finish(); !s) return s.error();
  auto page = services.targets.list(filter, context.user());
  if (!page) return page.error();
  return page_of(page->items, page->next_after_id,
                 [](const auto& progress) { return crm::target_progress_to_json(progress); });
}

}  // namespace

void add_target_routes(http::Router& router, Services& services) {
  router.add({"GET", "/api/v1/targets", Access::authenticated, kSalesTeam, std::nullopt,
              with(services, list)});
  router.add({"POST", "/api/v1/targets", Access::authenticated, kManagers, kSmallBody,
              with(services, create)});
  router.add({"GET", "/api/v1/targets/{id}", Access::authenticated, kSalesTeam, std::nullopt,
              get_by_id_for_caller(
                  [&services](std::int64_t id, const auth::Principal& caller) {
                    return services.targets.get(id, caller);
                  },
                  [](const auto& progress) { return crm::target_progress_to_json(progress); })});
  router.add({"PATCH", "/api/v1/targets/{id}", Access::authenticated, kManagers, kSmallBody,
              with(services, update)});
  router.add(
      {"DELETE", "/api/v1/targets/{id}", Access::authenticated, kManagers, std::nullopt,
       [&services](const Request& request, RequestContext& context) -> core::Result<Response> {
         auto id = context.id_param("id");
         if (!id) return id.error();
         if (auto s =
                 services.targets.remove(*id, context.user(), context.actor(request.client_ip));
             !s) {
           return s.error();
         }
         return Response::no_content();
       }});
}

}  // namespace laurel::api
