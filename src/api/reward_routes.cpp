// The rewards shop over the API: the catalogue (managers keep it, everyone shops from it) and the
// orders — placed with an idempotency key, approved or rejected by a manager, cancelled by the
// person while they wait (crm/reward_service.hpp says who may do what).

#include "api/access.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "http/query_input.hpp"

namespace laurel::api {
namespace {

namespace json = boost::json;
using http::Access;
using http::QueryInput;
using http::Request;
using http::RequestContext;
using http::Response;

json::object view_to_json(const crm::RewardView& view) {
  auto out = crm::reward_to_json(view.reward);
  out["ordered_by_me"] = view.ordered_by_me ? json::value(*view.ordered_by_me) : nullptr;
  return out;
}

json::object order_view_to_json(const crm::OrderView& view) {
  return crm::order_to_json(view.order, view.reward_name);
}

core::Result<Response> create_reward(Services& services, const Request& request,
                                     RequestContext& context) {
  auto input = crm::read_reward_input(request.body);
  if (!input) return input.error();
  auto created = services.rewards.create(std::move(*input), context.actor(request.client_ip));
  if (!created) return created.error();
  Response response = json_response(201, crm::reward_to_json(*created));
  response.set_header("Location", "/api/v1/rewards/" + std::to_string(created->id));
  return response;
}

core::Result<Response> change_reward(Services& services, const Request& request,
                                     RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto input = crm::read_reward_input(request.body);
  if (!input) return input.error();
  auto changed = services.rewards.change(*id, std::move(*input), context.actor(request.client_ip));
  if (!changed) return changed.error();
  return json_response(200, crm::reward_to_json(*changed));
}

core::Result<Response> place_order(Services& services, const Request& request,
                                   RequestContext& context) {
  auto input = crm::read_order_input(request.body);
  if (!input) return input.error();
  auto placed =
      services.rewards.place(context.user(), std::move(*input), context.actor(request.client_ip));
  if (!placed) return placed.error();
  if (!placed->replayed) services.live.recognition_changed({placed->view.order.staff_id});
  // 201 for a new order; 200 when the key named one placed before (nothing more was held).
  Response response = json_response(placed->replayed ? 200 : 201, order_view_to_json(placed->view));
  response.set_header("Location", "/api/v1/reward-orders/" + std::to_string(placed->view.order.id));
  return response;
}

core::Result<Response> list_orders(Services& services, const Request& request,
                                   RequestContext& context) {
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  crm::OrderQuery q;
  auto staff = query->optional_integer("staff_id", 1, INT64_MAX);
  if (!staff) return staff.error();
  q.staff_id = *staff;
  auto status = query->optional_string("status", 20);
  if (!status) return status.error();
  if (*status && **status != "pending" && **status != "approved" && **status != "rejected" &&
      **status != "cancelled") {
    return core::Error::invalid("status", "must be one of pending, approved, rejected, cancelled");
  }
  q.status = *status;
  if (auto s = read_newest_first_page(*query, q); !s) return s.error();
  if (auto s = query->finish(); !s) return s.error();
  auto found = services.rewards.orders(context.user(), q);
  if (!found) return found.error();
  return page_of(found->items, found->next_before_id, order_view_to_json);
}

// POST /reward-orders/{id}/approve, /reject, /cancel: one decision with an optional note.
template <auto Decide>
core::Result<Response> decide(Services& services, const Request& request, RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto note = crm::read_decision_note(request.body);
  if (!note) return note.error();
  auto decided = (services.rewards.*Decide)(context.user(), *id, std::move(*note),
                                            context.actor(request.client_ip));
  if (!decided) return decided.error();
  // The person's shop and journal, open on another device, read their orders and points again.
  services.live.recognition_changed({decided->order.staff_id});
  return json_response(200, order_view_to_json(*decided));
}

}  // namespace

void add_reward_routes(http::Router& router, Services& services) {
  router.add({"GET", "/api/v1/rewards", Access::authenticated, kCompanyStaff, std::nullopt,
              paged_by_id_for_caller(
                  [&services](std::int64_t after_id, int limit, const auth::Principal& caller) {
                    return services.rewards.catalogue(caller, after_id, limit);
                  },
                  &crm::RewardPage::items, view_to_json)});
  router.add({"POST", "/api/v1/rewards", Access::authenticated, kManagers, kSmallBody,
              with(services, create_reward)});
  router.add({"GET", "/api/v1/rewards/{id}", Access::authenticated, kCompanyStaff, std::nullopt,
              get_by_id_for_caller(
                  [&services](std::int64_t id, const auth::Principal& caller) {
                    return services.rewards.get(caller, id);
                  },
                  view_to_json)});
  router.add({"PUT", "/api/v1/rewards/{id}", Access::authenticated, kManagers, kSmallBody,
              with(services, change_reward)});
  router.add({"POST", "/api/v1/reward-orders", Access::authenticated, kCompanyStaff, kSmallBody,
              with(services, place_order)});
  router.add({"GET", "/api/v1/reward-orders", Access::authenticated, kCompanyStaff, std::nullopt,
              with(services, list_orders)});
  router.add({"GET", "/api/v1/reward-orders/{id}", Access::authenticated, kCompanyStaff,
              std::nullopt,
              get_by_id_for_caller(
                  [&services](std::int64_t id, const auth::Principal& caller) {
                    return services.rewards.order(caller, id);
                  },
                  order_view_to_json)});
  router.add({"POST", "/api/v1/reward-orders/{id}/approve", Access::authenticated, kManagers,
              kSmallBody, with(services, decide<&crm::RewardService::approve>)});
  router.add({"POST", "/api/v1/reward-orders/{id}/reject", Access::authenticated, kManagers,
              kSmallBody, with(services, decide<&crm::RewardService::reject>)});
  router.add({"POST", "/api/v1/reward-orders/{id}/cancel", Access::authenticated, kCompanyStaff,
              kSmallBody, with(services, decide<&crm::RewardService::cancel>)});
}

}  // namespace laurel::api
