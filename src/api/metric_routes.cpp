// Metrics as data: admins and managers define what the recognition engine counts, and read its
// figures per subject for a period, answered from the engine's memory after it has caught up
// with the event log.

#include <boost/json/array.hpp>

#include "api/access.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "core/money.hpp"
#include "http/json_input.hpp"
#include "http/query_input.hpp"

namespace laurel::api {
namespace {

using http::Access;
using http::QueryInput;
using http::Request;
using http::RequestContext;
using http::Response;

core::Result<Response> create(Services& services, const Request& request, RequestContext& context) {
  auto input = crm::read_metric_input(request.body);
  if (!input) return input.error();
  auto created = services.metrics.create(*input, context.actor(request.client_ip));
  if (!created) return created.error();
  Response response = json_response(201, crm::metric_to_json(*created));
  response.set_header("Location", "/api/v1/metrics/" + std::to_string(created->record.id));
  return response;
}

core::Result<Response> values(Services& services, const Request& request, RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  auto text = query->optional_string("period", 10);
  if (!text) return text.error();
  auto subject = query->optional_integer("subject_id", 0, INT64_MAX);
  if (!subject) return subject.error();
  if (auto s = query->finish(); !s) return s.error();
  auto metric = services.metrics.get(*id);  // 404 for a metric never defined
  if (!metric) return metric.error();
  if (!*text) return core::Error::invalid("period", "is required");
  const auto period = core::parse_period(**text);
  if (!period || period->kind != metric->definition.period) {
    return core::Error::invalid(
        "period", "must be a " + std::string(core::to_string(metric->definition.period)) +
                      ", the period this metric is counted by (e.g. 2026-12-01, 2026-W49, "
                      "2026-12, 2026-Q4, 2026 or all)");
  }
  // A holdings metric's running period is read up to today, company time.
  const auto today = date::sys_days(services.zone.date_of(services.clock.now()));
  auto figures = services.engine.figures(*id, *period, today);
  if (!figures) return figures.error();
  const bool money = metric->definition.amounts();
  boost::json::array items;
  for (const auto& cell : figures->cells) {
    if (*subject && cell.subject_id != **subject) continue;
    items.push_back(
        {{"subject_id", cell.subject_id},
         {"amount", money ? boost::json::value(core::format_amount(cell.value))
                          : boost::json::value(nullptr)},
         {"count", money ? boost::json::value(nullptr) : boost::json::value(cell.value)}});
  }
  return json_response(
      200, {{"metric_id", *id},
            {"period", core::format_period(*period)},
            {"subject", crm::metric_definition_to_json(metric->definition).at("subject")},
            {"folded_up_to", services.engine.folded_up_to()},
            {"items", std::move(items)}});
}

// The data warehouse's own figures for an imported metric: {"values": [{subject_id, date,
// value}]}, the value a string of yuan for a metric of amounts, an integer for one of counts.
core::Result<Response> import_values(Services& services, const Request& request,
                                     RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto metric = services.metrics.get(*id);
  if (!metric) return metric.error();
  auto in = http::JsonInput::parse(request.body);
  if (!in) return in.error();
  auto items = in->required_objects("values", crm::MetricService::kMaxValues);
  if (!items) return items.error();
  if (auto s = in->finish(); !s) return s.error();
  const bool amounts = metric->definition.amounts();
  std::vector<crm::MetricValueRow> rows;
  rows.reserve(items->size());
  for (auto& item : *items) {
    crm::MetricValueRow row;
    auto subject = item.required_integer("subject_id", 0, INT64_MAX);
    if (!subject) return subject.error();
    row.subject_id = *subject;
    auto date = item.required_date("date");
    if (!date) return date.error();
    row.date = *date;
    if (amounts) {
      auto value = item.required_amount("value");
      if (!value) return value.error();
      row.value = *value;
    } else {
      auto value = item.required_integer("value", 0, INT64_MAX);
      if (!value) return value.error();
      row.value = *value;
    }
    if (auto s = item.finish(); !s) return s.error();
    rows.push_back(std::move(row));
  }
  auto report = services.metrics.import_values(*id, rows, context.actor(request.client_ip));
  if (!report) return report.error();
  return json_response(200, {{"applied", report->applied},
                             {"corrected", report->corrected},
                             {"duplicates", report->duplicates}});
}

}  // namespace

void add_metric_routes(http::Router& router, Services& services) {
  router.add({"POST", "/api/v1/metrics", Access::authenticated, kManagers, kSmallBody,
              with(services, create)});
  router.add({"GET", "/api/v1/metrics", Access::authenticated, kManagers, std::nullopt,
              paged_by_id([&services](std::int64_t after_id,
                                      int limit) { return services.metrics.list(after_id, limit); },
                          &crm::MetricPage::metrics,
                          [](const auto& m) { return crm::metric_to_json(m); })});
  router.add({"GET", "/api/v1/metrics/{id}", Access::authenticated, kManagers, std::nullopt,
              get_by_id([&services](std::int64_t id) { return services.metrics.get(id); },
                        [](const auto& m) { return crm::metric_to_json(m); })});
  router.add({"GET", "/api/v1/metrics/{id}/values", Access::authenticated, kManagers, std::nullopt,
              with(services, values)});
  // The warehouse pushes (integration tokens); admins correct by hand.
  router.add({"POST", "/api/v1/metrics/{id}/values", Access::authenticated, kTradeWriters,
              kBatchBody, with(services, import_values)});
}

}  // namespace laurel::api
