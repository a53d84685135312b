// Holdings: daily balances pushed by the data warehouse (integration tokens) or an admin;
// positions, totals and history read within the caller's data scope.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/access.hpp"
#include "api/batch_input.hpp"
#include "api/json_response.hpp"
#include "api/record_input.hpp"
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

std::string_view outcome_name(crm::BalanceOutcome outcome) {
  switch (outcome) {
    case crm::BalanceOutcome::applied:
      return "applied";
    case crm::BalanceOutcome::corrected:
      return "corrected";
    case crm::BalanceOutcome::duplicate:
      break;
  }
  return "duplicate";
}

boost::json::object amounts_json(const crm::Amounts& a) {
  return {{"amount", core::format_amount(a.all)},
          {"amount_excluding_money_market", core::format_amount(a.excluding_money_market)}};
}

core::Result<Response> import(Services& services, const Request& request, RequestContext& context) {
  auto batch = read_batch<crm::BalanceRow>(request, "balances", crm::HoldingsService::kMaxBatch,
                                           read_balance);
  if (!batch) return batch.error();
  const bool keep_good_rows = batch->partial;
  auto report =
      services.holdings.import(batch->rows, keep_good_rows, context.actor(request.client_ip));
  if (!report) return report.error();
  if (!keep_good_rows && report->failed > 0) {
    return in_batch_row(*report->rows.front().error, "balances", report->rows.front().row);
  }
  boost::json::array results;
  for (const auto& row : report->rows) {
    boost::json::object item{{"row", row.row}};
    if (row.outcome) {
      item["outcome"] = outcome_name(*row.outcome);
    } else {
      const auto error = in_batch_row(*row.error, "balances", row.row);
      item["outcome"] = "failed";
      item["error"] =
          boost::json::object{{"status", 400}, {"field", error.field}, {"detail", error.message}};
    }
    results.push_back(std::move(item));
  }
  return json_response(200, boost::json::object{{"applied", report->applied},
                                                {"corrected", report->corrected},
                                                {"duplicates", report->duplicates},
                                                {"failed", report->failed},
                                                {"results", std::move(results)}});
}

core::Result<Response> positions(Services& services, const Request& request,
                                 RequestContext& context) {
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  auto as_of = query->optional_date("as_of");
  if (!as_of) return as_of.error();
  auto client = query->optional_integer("client_id", 1, INT64_MAX);
  if (!client) return client.error();
  auto product = query->optional_integer("product_id", 1, INT64_MAX);
  if (!product) return product.error();
  if (auto s = query->finish(); !s) return s.error();
  auto scope = services.scopes.of(context.user());
  if (!scope) return scope.error();
  auto found = services.holdings.positions(*as_of, *client, *product, *scope);
  if (!found) return found.error();
  boost::json::array items;
  for (const auto& p : *found) {
    items.push_back(boost::json::object{{"client_id", p.client_id},
                                        {"product_id", p.product_id},
                                        {"amount", core::format_amount(p.amount)},
                                        {"money_market", p.money_market}});
  }
  return json_response(
      200,
      boost::json::object{{"as_of", core::format_date(as_of->value_or(services.holdings.today()))},
                          {"items", std::move(items)}});
}

core::Result<Response> totals(Services& services, const Request& request, RequestContext& context) {
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  auto as_of = query->optional_date("as_of");
  if (!as_of) return as_of.error();
  if (auto s = query->finish(); !s) return s.error();
  auto scope = services.scopes.of(context.user());
  if (!scope) return scope.error();
  auto totals = services.holdings.totals(*as_of, *scope);
  if (!totals) return totals.error();
  boost::json::array departments, staff;
  for (const auto& [id, amounts] : totals->departments) {
    auto row = amounts_json(amounts);
    row["department_id"] = id;
    departments.push_back(std::move(row));
  }
  for (const auto& [id, amounts] : totals->staff) {
    auto row = amounts_json(amounts);
    row["staff_id"] = id;
    staff.push_back(std::move(row));
  }
  return json_response(200, boost::json::object{{"as_of", totals->as_of},
                                                {"company", amounts_json(totals->company)},
                                                {"departments", std::move(departments)},
                                                {"staff", std::move(staff)}});
}

core::Result<Response> history(Services& services, const Request& request,
                               RequestContext& context) {
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  auto from = query->optional_date("from");
  if (!from) return from.error();
  if (!*from) return core::Error::invalid("from", "is required");
  auto to = query->optional_date("to");
  if (!to) return to.error();
  if (!*to) return core::Error::invalid("to", "is required");
  auto client = query->optional_integer("client_id", 1, INT64_MAX);
  if (!client) return client.error();
  auto product = query->optional_integer("product_id", 1, INT64_MAX);
  if (!product) return product.error();
  if (auto s = query->finish(); !s) return s.error();
  auto scope = services.scopes.of(context.user());
  if (!scope) return scope.error();
  auto series = services.holdings.history(**from, **to, *client, *product, *scope);
  if (!series) return series.error();
  boost::json::array items;
  for (const auto& day : *series) {
    auto row = amounts_json(day.amounts);
    row["date"] = day.date;
    items.push_back(std::move(row));
  }
  return json_response(200, boost::json::object{{"from", core::format_date(**from)},
                                                {"to", core::format_date(**to)},
                                                {"items", std::move(items)}});
}

}  // namespace

void add_holding_routes(http::Router& router, Services& services) {
  router.add({"POST", "/api/v1/holdings/balances", Access::authenticated, kTradeWriters, kBatchBody,
              with(services, import)});
  router.add({"GET", "/api/v1/holdings", Access::authenticated, kAmountReaders, std::nullopt,
              with(services, positions)});
  router.add({"GET", "/api/v1/holdings/totals", Access::authenticated, kAmountReaders, std::nullopt,
              with(services, totals)});
  router.add({"GET", "/api/v1/holdings/history", Access::authenticated, kAmountReaders,
              std::nullopt, with(services, history)});
}

}  // namespace laurel::api
