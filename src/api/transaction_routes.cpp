// Transactions: pushed by the trading/TA system (integration tokens) one by one or in batches,
// corrected by status changes; read by managers and salespeople within their data scope.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/access.hpp"
#include "api/batch_input.hpp"
#include "api/json_response.hpp"
#include "api/record_input.hpp"
#include "api/routes.hpp"
#include "core/timestamp.hpp"
#include "crm/transaction_kinds.hpp"
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

std::string_view outcome_name(crm::RecordOutcome outcome) {
  return outcome == crm::RecordOutcome::applied ? "applied" : "duplicate";
}

core::Result<Response> list(Services& services, const Request& request, RequestContext& context) {
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  store::TransactionFilter filter;
  auto client = query->optional_integer("client_id", 1, INT64_MAX);
  if (!client) return client.error();
  filter.client_id = *client;
  auto product = query->optional_integer("product_id", 1, INT64_MAX);
  if (!product) return product.error();
  filter.product_id = *product;
  auto staff = query->optional_integer("staff_id", 1, INT64_MAX);
  if (!staff) return staff.error();
  filter.staff_id = *staff;
  auto kind = query->optional_string("kind", 20);
  if (!kind) return kind.error();
  if (*kind) {
    const auto* known = crm::find_transaction_kind(**kind);
    if (!known) return core::Error::invalid("kind", "is not a transaction kind");
    filter.kind = std::string(known->code);
  }
  auto status = query->optional_string("status", 20);
  if (!status) return status.error();
  if (*status) {
    if (auto s = crm::check_one_of("status", **status, crm::transaction_statuses()); !s) {
      return s.error();
    }
  }
  filter.status = *status;
  auto external_id = query->optional_string("external_id", 64);
  if (!external_id) return external_id.error();
  filter.external_id = *external_id;
  auto from = query->optional_time("from");
  if (!from) return from.error();
  if (*from) filter.from = core::to_micros(**from);
  auto to = query->optional_time("to");
  if (!to) return to.error();
  if (*to) filter.to = core::to_micros(**to);
  auto order = query->optional_string("order", 10);
  if (!order) return order.error();
  if (*order && **order != "oldest" && **order != "newest") {
    return core::Error::invalid("order", "must be oldest or newest");
  }
  filter.newest_first = *order && **order == "newest";
  if (auto s = read_page(*query, filter); !s) return s.error();
  if (auto s = query->finish(); !s) return s.error();
  auto scope = services.scopes.of(context.user());
  if (!scope) return scope.error();
  auto page = services.transactions.list(filter, *scope);
  if (!page) return page.error();
  return page_of(page->transactions, page->next_after_id,
                 [](const auto& record) { return crm::transaction_to_json(record); });
}

core::Result<Response> get(Services& services, RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto scope = services.scopes.of(context.user());
  if (!scope) return scope.error();
  auto found = services.transactions.get(*id, *scope);
  if (!found) return found.error();
  return json_response(200, crm::transaction_to_json(*found));
}

core::Result<Response> create(Services& services, const Request& request, RequestContext& context) {
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  auto input = read_transaction(*in);
  if (!input) return input.error();
  auto recorded = services.transactions.record(*input, context.actor(request.client_ip));
  if (!recorded) return recorded.error();
  auto body = crm::transaction_to_json(recorded->transaction);
  const bool applied = recorded->outcome == crm::RecordOutcome::applied;
  Response response = json_response(applied ? 201 : 200, body);
  response.set_header("Location",
                      "/api/v1/transactions/" + std::to_string(body.at("id").as_int64()));
  response.set_header("Laurel-Outcome", std::string(outcome_name(recorded->outcome)));
  return response;
}

core::Result<Response> import(Services& services, const Request& request, RequestContext& context) {
  auto batch = read_batch<crm::BatchRow>(request, "transactions",
                                         crm::TransactionService::kMaxBatch, read_transaction);
  if (!batch) return batch.error();
  const bool keep_good_rows = batch->partial;
  auto report =
      services.transactions.import(batch->rows, keep_good_rows, context.actor(request.client_ip));
  if (!report) return report.error();
  if (!keep_good_rows && report->failed > 0) {
    const auto& bad = report->rows.front();
    return in_batch_row(*bad.error, "transactions", bad.row);
  }
  boost::json::array results;
  results.reserve(report->rows.size());
  for (const auto& row : report->rows) {
    boost::json::object item{{"row", row.row}, {"external_id", row.external_id}};
    if (row.outcome) {
      item["outcome"] = outcome_name(*row.outcome);
      item["id"] = *row.id;
    } else {
      const auto error = in_batch_row(*row.error, "transactions", row.row);
      item["outcome"] = "failed";
      item["error"] = row_error_json(error);
    }
    results.push_back(std::move(item));
  }
  return json_response(200, boost::json::object{{"applied", report->applied},
                                                {"duplicates", report->duplicates},
                                                {"failed", report->failed},
                                                {"results", std::move(results)}});
}

core::Result<Response> change_status(Services& services, const Request& request,
                                     RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  crm::StatusChange change;
  auto status = in->required_string("status", {1, 20});
  if (!status) return status.error();
  change.status = std::move(*status);
  auto confirm_date = in->optional_date("confirm_date");
  if (!confirm_date) return confirm_date.error();
  change.confirm_date = *confirm_date;
  if (auto s = in->finish(); !s) return s.error();
  auto changed = services.transactions.change_status(*id, change, context.actor(request.client_ip));
  if (!changed) return changed.error();
  return json_response(200, crm::transaction_to_json(*changed));
}

}  // namespace

void add_transaction_routes(http::Router& router, Services& services) {
  router.add({"GET", "/api/v1/transactions", Access::authenticated, kAmountReaders, std::nullopt,
              with(services, list)});
  router.add({"POST", "/api/v1/transactions", Access::authenticated, kTradeWriters, kSmallBody,
              with(services, create)});
  router.add({"POST", "/api/v1/transactions/batch", Access::authenticated, kTradeWriters,
              kBatchBody, with(services, import)});
  router.add(
      {"GET", "/api/v1/transactions/{id}", Access::authenticated, kAmountReaders, std::nullopt,
       [&services](const Request&, RequestContext& context) { return get(services, context); }});
  router.add({"PATCH", "/api/v1/transactions/{id}", Access::authenticated, kTradeWriters,
              kSmallBody, with(services, change_status)});
}

}  // namespace laurel::api
