#pragma once
// The four cells by which an imported row names its client and product (client_id or
// client_registration_code, product_id or product_code), read the same way for every import.
// Which of each pair must be given is checked by crm::Resolver.

#include <string>

#include "core/csv_columns.hpp"

namespace laurel::crm {

// `Input` has optional client_id, client_registration_code, product_id and product_code.
template <class Input>
core::Status read_client_and_product(const core::CsvColumns& columns, const core::CsvRecord& record,
                                     Input& out) {
  if (auto v = columns.cell(record, "client_id")) {
    auto id = core::csv_whole_number(*v, "client_id", 1, INT64_MAX);
    if (!id) return id.error();
    out.client_id = *id;
  }
  if (auto v = columns.cell(record, "client_registration_code")) {
    out.client_registration_code = std::string(*v);
  }
  if (auto v = columns.cell(record, "product_id")) {
    auto id = core::csv_whole_number(*v, "product_id", 1, INT64_MAX);
    if (!id) return id.error();
    out.product_id = *id;
  }
  if (auto v = columns.cell(record, "product_code")) out.product_code = std::string(*v);
  return {};
}

}  // namespace laurel::crm
