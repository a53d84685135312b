#include "crm/balance_csv.hpp"

#include <array>

#include "crm/record_refs_csv.hpp"

namespace laurel::crm {
namespace {

constexpr std::array<core::CsvColumn, 6> kColumns = {{
    {"client_id", "客户编号"},
    {"client_registration_code", "统一社会信用代码"},
    {"product_id", "产品编号"},
    {"product_code", "产品代码"},
    {"date", "日期", true},
    {"amount", "金额", true},
}};

}  // namespace

core::Result<BalanceCsv> BalanceCsv::from_header(const core::CsvRecord& header) {
  auto columns = core::CsvColumns::from_header(header, kColumns);
  if (!columns) return columns.error();
  return BalanceCsv(std::move(*columns));
}

core::Result<BalanceInput> BalanceCsv::read(const core::CsvRecord& record) const {
  if (auto s = columns_.check_width(record); !s) return s.error();
  BalanceInput b;
  if (auto st = read_client_and_product(columns_, record, b); !st) return st.error();
  auto day = core::parse_date(columns_.cell(record, "date").value_or(""));
  if (!day) return core::Error::invalid("date", "must be a date such as 2026-11-01");
  b.date = *day;
  auto amount = core::parse_amount(columns_.cell(record, "amount").value_or(""), "amount");
  if (!amount) return amount.error();
  b.amount = *amount;
  return b;
}

}  // namespace laurel::crm
