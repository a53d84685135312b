// Visits: salespeople log them on a phone right after a meeting (one at a time, safely retried
// with an external id) or backfill many on a PC (batches); they, their managers and admins read
// them within the data scope, correct them within the edit window, and mark follow-ups done.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/access.hpp"
#include "api/batch_input.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "core/timestamp.hpp"
#include "crm/product_service.hpp"
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

constexpr std::int64_t kMaxId = INT64_MAX;

core::Result<std::optional<std::vector<std::int64_t>>> read_ids(JsonInput& in,
                                                                std::string_view name,
                                                                std::size_t max) {
  return in.optional_integers(name, 1, kMaxId, max);
}

core::Result<crm::VisitInput> read_visit(JsonInput& in) {
  crm::VisitInput v;
  auto external_id = in.optional_string("external_id", {1, 64});
  if (!external_id) return external_id.error();
  v.external_id = std::move(*external_id);
  auto client = in.required_integer("client_id", 1, kMaxId);
  if (!client) return client.error();
  v.client_id = *client;
  auto kind = in.required_string("kind", {1, 20});
  if (!kind) return kind.error();
  v.kind = std::move(*kind);
  auto occurred_at = in.required_time("occurred_at");
  if (!occurred_at) return occurred_at.error();
  v.occurred_at = *occurred_at;
  auto notes = in.required_string("notes", {1, 10'000});
  if (!notes) return notes.error();
  v.notes = std::move(*notes);
  auto attendees = read_ids(in, "attendee_ids", 50);
  if (!attendees) return attendees.error();
  v.attendee_ids = attendees->value_or(std::vector<std::int64_t>{});
  auto staff = read_ids(in, "staff_ids", 20);
  if (!staff) return staff.error();
  v.staff_ids = std::move(*staff);
  auto products = read_ids(in, "product_ids", 20);
  if (!products) return products.error();
  v.product_ids = products->value_or(std::vector<std::int64_t>{});
  auto next_step = in.nullable_string("next_step", {1, 1'000});
  if (!next_step) return next_step.error();
  v.next_step = next_step->value_or(std::nullopt);
  auto follow_up = in.optional_date("follow_up_date");
  if (!follow_up) return follow_up.error();
  v.follow_up_date = *follow_up;
  if (auto s = in.finish(); !s) return s.error();
  return v;
}

core::Result<crm::VisitChanges> read_changes(JsonInput& in) {
  crm::VisitChanges c;
  auto kind = in.optional_string("kind", {1, 20});
  if (!kind) return kind.error();
  c.kind = std::move(*kind);
  auto occurred_at = in.optional_time("occurred_at");
  if (!occurred_at) return occurred_at.error();
  c.occurred_at = *occurred_at;
  auto notes = in.optional_string("notes", {1, 10'000});
  if (!notes) return notes.error();
  c.notes = std::move(*notes);
  auto attendees = read_ids(in, "attendee_ids", 50);
  if (!attendees) return attendees.error();
  c.attendee_ids = std::move(*attendees);
  auto staff = read_ids(in, "staff_ids", 20);
  if (!staff) return staff.error();
  c.staff_ids = std::move(*staff);
  auto products = read_ids(in, "product_ids", 20);
  if (!products) return products.error();
  c.product_ids = std::move(*products);
  auto next_step = in.nullable_string("next_step", {1, 1'000});
  if (!next_step) return next_step.error();
  c.next_step = std::move(*next_step);
  auto follow_up = in.nullable_date("follow_up_date");
  if (!follow_up) return follow_up.error();
  c.follow_up_date = *follow_up;
  if (auto s = in.finish(); !s) return s.error();
  return c;
}

std::string_view outcome_name(crm::VisitOutcome outcome) {
  return outcome == crm::VisitOutcome::applied ? "applied" : "duplicate";
}

core::Result<Response> create(Services& services, const Request& request, RequestContext& context) {
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  auto input = read_visit(*in);
  if (!input) return input.error();
  auto recorded = services.visits.record(*input, context.user(), context.actor(request.client_ip));
  if (!recorded) return recorded.error();
  const bool applied = recorded->outcome == crm::VisitOutcome::applied;
  Response response = json_response(applied ? 201 : 200, crm::visit_to_json(recorded->visit));
  response.set_header("Location", "/api/v1/visits/" + std::to_string(recorded->visit.id));
  response.set_header("Laurel-Outcome", std::string(outcome_name(recorded->outcome)));
  return response;
}

core::Result<Response> backfill(Services& services, const Request& request,
                                RequestContext& context) {
  auto batch =
      read_batch<crm::VisitRow>(request, "visits", crm::VisitService::kMaxBatch, read_visit);
  if (!batch) return batch.error();
  auto report = services.visits.record_batch(batch->rows, batch->partial, context.user(),
                                             context.actor(request.client_ip));
  if (!report) return report.error();
  if (!batch->partial && report->failed > 0) {
    return in_batch_row(*report->rows.front().error, "visits", report->rows.front().row);
  }
  return json_response(
      200, boost::json::object{{"applied", report->count(crm::VisitOutcome::applied)},
                               {"duplicates", report->count(crm::VisitOutcome::duplicate)},
                               {"failed", report->failed},
                               {"results", row_results(*report, "visits", outcome_name)}});
}

core::Result<Response> update(Services& services, const Request& request, RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  auto changes = read_changes(*in);
  if (!changes) return changes.error();
  auto updated =
      services.visits.update(*id, *changes, context.user(), context.actor(request.client_ip));
  if (!updated) return updated.error();
  return json_response(200, crm::visit_to_json(*updated));
}

core::Result<Response> list(Services& services, const Request& request, RequestContext& context) {
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  store::VisitFilter filter;
  auto client = query->optional_integer("client_id", 1, kMaxId);
  if (!client) return client.error();
  filter.client_id = *client;
  auto staff = query->optional_integer("staff_id", 1, kMaxId);
  if (!staff) return staff.error();
  filter.staff_id = *staff;
  auto person = query->optional_integer("key_person_id", 1, kMaxId);
  if (!person) return person.error();
  filter.key_person_id = *person;
  auto kind = query->optional_string("kind", 20);
  if (!kind) return kind.error();
  if (*kind) {
    if (auto s = crm::check_one_of("kind", **kind, crm::visit_kinds()); !s) return s.error();
  }
  filter.kind = *kind;
  auto from = query->optional_time("from");
  if (!from) return from.error();
  if (*from) filter.from = core::to_micros(**from);
  auto to = query->optional_time("to");
  if (!to) return to.error();
  if (*to) filter.to = core::to_micros(**to);
  auto due = query->optional_date("follow_up_due_by");
  if (!due) return due.error();
  if (*due) filter.follow_up_due_by = core::format_date(**due);
  auto search = query->optional_string("q", 100);
  if (!search) return search.error();
  filter.search = *search;
  if (auto s = read_page(*query, filter); !s) return s.error();
  if (auto s = query->finish(); !s) return s.error();
  auto page = services.visits.list(filter, context.user());
  if (!page) return page.error();
  return page_of(page->visits, page->next_after_id,
                 [](const auto& visit) { return crm::visit_to_json(visit); });
}

}  // namespace

void add_visit_routes(http::Router& router, Services& services) {
  router.add({"GET", "/api/v1/visits", Access::authenticated, kCompanyStaff, std::nullopt,
              with(services, list)});
  router.add({"POST", "/api/v1/visits", Access::authenticated, kClientEditors, kMediumBody,
              with(services, create)});
  router.add({"POST", "/api/v1/visits/batch", Access::authenticated, kClientEditors, kBatchBody,
              with(services, backfill)});
  router.add({"GET", "/api/v1/visits/{id}", Access::authenticated, kCompanyStaff, std::nullopt,
              get_by_id_for_caller(
                  [&services](std::int64_t id, const auth::Principal& caller) {
                    return services.visits.get(id, caller);
                  },
                  [](const auto& r) { return crm::visit_to_json(r); })});
  router.add({"PATCH", "/api/v1/visits/{id}", Access::authenticated, kClientEditors, kMediumBody,
              with(services, update)});
  router.add(
      {"DELETE", "/api/v1/visits/{id}", Access::authenticated, kClientEditors, std::nullopt,
       [&services](const Request& request, RequestContext& context) -> core::Result<Response> {
         auto id = context.id_param("id");
         if (!id) return id.error();
         if (auto s = services.visits.remove(*id, context.user(), context.actor(request.client_ip));
             !s) {
           return s.error();
         }
         return Response::no_content();
       }});
  router.add(
      {"POST", "/api/v1/visits/{id}/follow-up-done", Access::authenticated, kClientEditors,
       kSmallBody,
       [&services](const Request& request, RequestContext& context) -> core::Result<Response> {
         auto id = context.id_param("id");
         if (!id) return id.error();
         auto done = services.visits.complete_follow_up(*id, context.user(),
                                                        context.actor(request.client_ip));
         if (!done) return done.error();
         return json_response(200, crm::visit_to_json(*done));
       }});
}

}  // namespace laurel::api
