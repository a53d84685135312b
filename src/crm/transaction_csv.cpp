#include "crm/transaction_csv.hpp"

#include <array>

#include "core/timestamp.hpp"
#include "crm/record_refs_csv.hpp"

namespace laurel::crm {
namespace {

using core::Error;

constexpr std::array<core::CsvColumn, 11> kColumns = {{
    {"external_id", "外部编号", true},
    {"client_id", "客户编号"},
    {"client_registration_code", "统一社会信用代码"},
    {"product_id", "产品编号"},
    {"product_code", "产品代码"},
    {"kind", "交易类型", true},
    {"amount", "金额", true},
    {"trade_time", "交易时间", true},
    {"confirm_date", "确认日期"},
    {"status", "状态"},
    {"credits", "业绩分配"},
}};

core::Result<std::int64_t> id_of(std::string_view text, std::string_view column) {
  return core::csv_whole_number(text, column, 1, INT64_MAX);
}

// "12:primary:60;15:secondary:40"
core::Result<std::vector<store::CoverageMember>> credits_of(std::string_view text) {
  std::vector<store::CoverageMember> members;
  while (!text.empty()) {
    const auto end = text.find(';');
    const auto part = core::csv_trim(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (part.empty()) continue;
    const auto first = part.find(':');
    const auto second = part.find(':', first == std::string_view::npos ? first : first + 1);
    if (first == std::string_view::npos || second == std::string_view::npos) {
      return Error::invalid("credits", "write each credit as staff_id:role:percent");
    }
    auto staff = id_of(part.substr(0, first), "credits");
    if (!staff) return staff.error();
    auto percent = core::csv_whole_number(part.substr(second + 1), "credits", 0, 100);
    if (!percent) return percent.error();
    members.push_back({*staff, std::string(part.substr(first + 1, second - first - 1)),
                       static_cast<int>(*percent)});
  }
  return members;
}

}  // namespace

core::Result<TransactionCsv> TransactionCsv::from_header(const core::CsvRecord& header,
                                                         core::CompanyZone zone) {
  auto columns = core::CsvColumns::from_header(header, kColumns);
  if (!columns) return columns.error();
  return TransactionCsv(std::move(*columns), zone);
}

core::Result<TransactionInput> TransactionCsv::read(const core::CsvRecord& record) const {
  if (auto s = columns_.check_width(record); !s) return s.error();
  TransactionInput t;
  t.external_id = std::string(cell(record, "external_id").value_or(""));
  if (auto st = read_client_and_product(columns_, record, t); !st) return st.error();
  t.kind = std::string(cell(record, "kind").value_or(""));
  auto amount = core::parse_amount(cell(record, "amount").value_or(""), "amount");
  if (!amount) return amount.error();
  t.amount = *amount;
  const auto time = cell(record, "trade_time").value_or("");
  auto instant = core::parse_rfc3339(time);
  if (!instant) instant = zone_.parse_local_time(time);
  if (!instant) {
    return Error::invalid(
        "trade_time", "must be like 2026-03-02 10:30 (company time) or 2026-03-02T10:30:00+08:00");
  }
  t.trade_time = *instant;
  if (auto v = cell(record, "confirm_date")) {
    auto day = core::parse_date(*v);
    if (!day) return Error::invalid("confirm_date", "must be a date such as 2026-03-04");
    t.confirm_date = *day;
  }
  if (auto v = cell(record, "status")) t.status = std::string(*v);
  if (auto v = cell(record, "credits")) {
    auto credits = credits_of(*v);
    if (!credits) return credits.error();
    t.credits = std::move(*credits);
  }
  return t;
}

}  // namespace laurel::crm
