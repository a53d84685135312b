#pragma once
// Reading pushed records and their batch imports the same way for every kind of record:
// `?partial=true|false` and a body
// {"<array>": [row, ...]} whose rows are read one by one, a bad row becoming that row's error
// rather than failing the request (the service decides: all-or-nothing, or partial).

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "crm/batch_runner.hpp"
#include "http/json_input.hpp"
#include "http/message.hpp"
#include "http/query_input.hpp"

namespace laurel::api {

template <class Row>
struct BatchRequest {
  std::vector<Row> rows;
  bool partial = false;
};

// `read(JsonInput&)` gives a Row (a Result) for each item of the array.
template <class Row, class Read>
core::Result<BatchRequest<Row>> read_batch(const http::Request& request, std::string_view array,
                                           std::size_t max_rows, Read read) {
  auto query = http::QueryInput::parse(request.query);
  if (!query) return query.error();
  auto partial = query->optional_bool("partial");
  if (!partial) return partial.error();
  if (auto s = query->finish(); !s) return s.error();
  auto in = http::JsonInput::parse(request.body);
  if (!in) return in.error();
  auto items = in->required_objects(array, max_rows);
  if (!items) return items.error();
  if (auto s = in->finish(); !s) return s.error();
  BatchRequest<Row> batch;
  batch.partial = partial->value_or(false);
  batch.rows.reserve(items->size());
  for (auto& item : *items)
    batch.rows.push_back(read(item));
  return batch;
}

// The members by which a pushed record names its client and product (client_id or
// client_registration_code, product_id or product_code); crm::Resolver checks which are given.
template <class Input>
core::Status read_client_and_product(http::JsonInput& in, Input& out) {
  auto client = in.optional_integer("client_id", 1, INT64_MAX);
  if (!client) return client.error();
  out.client_id = *client;
  auto client_code = in.optional_string("client_registration_code", {1, 40});
  if (!client_code) return client_code.error();
  out.client_registration_code = std::move(*client_code);
  auto product = in.optional_integer("product_id", 1, INT64_MAX);
  if (!product) return product.error();
  out.product_id = *product;
  auto product_code = in.optional_string("product_code", {1, 20});
  if (!product_code) return product_code.error();
  out.product_code = std::move(*product_code);
  return {};
}

// A service names the fields of a row without its place in the batch ("amount"); errors from
// reading the row already have it ("transactions[3].amount"). Either way: the full path.
inline core::Error in_batch_row(core::Error error, std::string_view array, std::size_t row) {
  const std::string prefix = std::string(array) + "[" + std::to_string(row) + "]";
  if (!error.field.starts_with(prefix)) {
    error.field = prefix + (error.field.empty() ? "" : "." + error.field);
  }
  return error;
}

// A failed row's error: {"status": 400 or 409, "field", "detail"}.
inline boost::json::object row_error_json(const core::Error& error) {
  return {{"status", error.code == core::Errc::conflict ? 409 : 400},
          {"field", error.field},
          {"detail", error.message}};
}

// Each row of a batch as {"row", "outcome", "id"} or {"row", "outcome": "failed", "error":
// {"status", "field", "detail"}} with the field's full path in the batch.
template <class Outcome, class Name>
boost::json::array row_results(const crm::RowReport<Outcome>& report, std::string_view array,
                               Name outcome_name) {
  boost::json::array results;
  results.reserve(report.rows.size());
  for (const auto& row : report.rows) {
    boost::json::object item{{"row", row.row}};
    if (row.outcome) {
      item["outcome"] = outcome_name(*row.outcome);
      item["id"] = row.id ? boost::json::value(*row.id) : boost::json::value(nullptr);
    } else {
      const auto error = in_batch_row(*row.error, array, row.row);
      item["outcome"] = "failed";
      item["error"] = row_error_json(error);
    }
    results.push_back(std::move(item));
  }
  return results;
}

}  // namespace laurel::api
