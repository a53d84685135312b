// The event log, read by admins: every CRM write with who, when and the record before and after;
// and events pushed by external systems, several kinds in one batch (crm::EventIntake).

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "api/access.hpp"
#include "api/batch_input.hpp"
#include "api/json_response.hpp"
#include "api/record_input.hpp"
#include "api/routes.hpp"
#include "core/timestamp.hpp"
#include "crm/digest.hpp"
#include "http/query_input.hpp"
#include "store/event_repository.hpp"

namespace laurel::api {
namespace {

using http::Access;
using http::JsonInput;
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

// One pushed event: its id, its type and its data read as that type's record.
crm::IntakeRow read_intake_event(JsonInput& in) {
  crm::IntakeEvent event;
  auto id = in.required_string("id", {1, 100});
  if (!id) return id.error();
  event.id = std::move(*id);
  auto type = in.required_string("type", {1, 64});
  if (!type) return type.error();
  const auto& types = crm::intake_event_types();
  if (std::find(types.begin(), types.end(), *type) == types.end()) {
    std::string known;
    for (const auto& t : types)
      known += (known.empty() ? "" : ", ") + t;
    return core::Error::invalid(in.field("type"), "must be one of " + known);
  }
  event.type = std::move(*type);
  auto data = in.required_object("data");
  if (!data) return data.error();
  if (auto s = in.finish(); !s) return s.error();  // the envelope's own members first
  event.fingerprint = crm::sha256_hex(boost::json::serialize(data->object()));
  if (event.type == "transaction.recorded") {
    auto t = read_transaction(*data);
    if (!t) return t.error();
    event.data = std::move(*t);
  } else if (event.type == "holding.balance") {
    auto b = read_balance(*data);
    if (!b) return b.error();
    event.data = std::move(*b);
  } else {
    crm::StatusChangeInput change;
    auto external_id = data->required_string("external_id", {1, 64});
    if (!external_id) return external_id.error();
    change.external_id = std::move(*external_id);
    auto status = data->required_string("status", {1, 20});
    if (!status) return status.error();
    change.change.status = std::move(*status);
    auto confirm_date = data->optional_date("confirm_date");
    if (!confirm_date) return confirm_date.error();
    change.change.confirm_date = *confirm_date;
    if (auto s = data->finish(); !s) return s.error();
    event.data = std::move(change);
  }
  return event;
}

core::Result<Response> post_events(Services& services, const Request& request,
                                   RequestContext& context) {
  auto batch =
      read_batch<crm::IntakeRow>(request, "events", crm::EventIntake::kMaxBatch, read_intake_event);
  if (!batch) return batch.error();
  auto report = services.intake.post(batch->rows, batch->partial, context.actor(request.client_ip));
  if (!report) return report.error();
  if (!batch->partial && report->failed > 0) {
    const auto& bad = report->results.front();
    return in_batch_row(*bad.error, "events", bad.index);
  }
  boost::json::array results;
  results.reserve(report->results.size());
  for (const auto& r : report->results) {
    boost::json::object item{{"row", r.index}, {"id", r.id}};
    if (r.outcome) {
      item["outcome"] = *r.outcome == crm::IntakeOutcome::applied ? "applied" : "duplicate";
      item["entity_type"] = r.entity_type;
      item["entity_id"] = r.entity_id;
    } else {
      item["outcome"] = "failed";
      item["error"] = row_error_json(in_batch_row(*r.error, "events", r.index));
    }
    results.push_back(std::move(item));
  }
  return json_response(200, boost::json::object{{"applied", report->applied},
                                                {"duplicates", report->duplicates},
                                                {"failed", report->failed},
                                                {"results", std::move(results)}});
}

}  // namespace

void add_event_routes(http::Router& router, Services& services) {
  router.add({"GET", "/api/v1/events", Access::authenticated, kAdminOnly, std::nullopt,
              [&services](const Request& request, RequestContext&) {
                return list_events(services, request);
              }});
  router.add({"POST", "/api/v1/events", Access::authenticated, kTradeWriters, kBatchBody,
              [&services](const Request& request, RequestContext& context) {
                return post_events(services, request, context);
              }});
}

}  // namespace laurel::api
