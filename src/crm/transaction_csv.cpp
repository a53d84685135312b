#include "crm/transaction_csv.hpp"

#include <array>
#include <charconv>

#include "core/timestamp.hpp"

namespace laurel::crm {
namespace {

using core::Error;

struct Column {
  std::string_view name;
  std::string_view chinese;
};

constexpr std::array<Column, 11> kColumns = {{
    {"external_id", "外部编号"},
    {"client_id", "客户编号"},
    {"client_registration_code", "统一社会信用代码"},
    {"product_id", "产品编号"},
    {"product_code", "产品代码"},
    {"kind", "交易类型"},
    {"amount", "金额"},
    {"trade_time", "交易时间"},
    {"confirm_date", "确认日期"},
    {"status", "状态"},
    {"credits", "业绩分配"},
}};

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

core::Result<std::int64_t> whole_number(std::string_view text, std::string_view column,
                                        std::int64_t min, std::int64_t max) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    return Error::invalid(
        std::string(column),
        "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
  }
  return value;
}

core::Result<std::int64_t> id_of(std::string_view text, std::string_view column) {
  return whole_number(text, column, 1, INT64_MAX);
}

// "12:primary:60;15:secondary:40"
core::Result<std::vector<store::CoverageMember>> credits_of(std::string_view text) {
  std::vector<store::CoverageMember> members;
  while (!text.empty()) {
    const auto end = text.find(';');
    const auto part = trimmed(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (part.empty()) continue;
    const auto first = part.find(':');
    const auto second = part.find(':', first == std::string_view::npos ? first : first + 1);
    if (first == std::string_view::npos || second == std::string_view::npos) {
      return Error::invalid("credits", "write each credit as staff_id:role:percent");
    }
    auto staff = id_of(part.substr(0, first), "credits");
    if (!staff) return staff.error();
    auto percent = whole_number(part.substr(second + 1), "credits", 0, 100);
    if (!percent) return percent.error();
    members.push_back({*staff, std::string(part.substr(first + 1, second - first - 1)),
                       static_cast<int>(*percent)});
  }
  return members;
}

}  // namespace

core::Result<TransactionCsv> TransactionCsv::from_header(const core::CsvRecord& header,
                                                         core::CompanyZone zone) {
  std::map<std::string, std::size_t, std::less<>> columns;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const auto name = trimmed(header.fields[i]);
    const Column* known = nullptr;
    for (const auto& column : kColumns) {
      if (column.name == name || column.chinese == name) known = &column;
    }
    if (!known) return Error::invalid(std::string(name), "is not a transaction column");
    if (!columns.emplace(std::string(known->name), i).second) {
      return Error::invalid(std::string(known->name), "appears twice in the header");
    }
  }
  for (std::string_view required : {"external_id", "kind", "amount", "trade_time"}) {
    if (!columns.contains(required)) {
      return Error::invalid(std::string(required), "column is missing from the header");
    }
  }
  return TransactionCsv(std::move(columns), zone);
}

std::optional<std::string_view> TransactionCsv::cell(const core::CsvRecord& record,
                                                     std::string_view name) const {
  const auto it = columns_.find(name);
  if (it == columns_.end() || it->second >= record.fields.size()) return std::nullopt;
  const auto value = trimmed(record.fields[it->second]);
  if (value.empty()) return std::nullopt;
  return value;
}

core::Result<TransactionInput> TransactionCsv::read(const core::CsvRecord& record) const {
  if (record.fields.size() > columns_.size()) {
    return Error::invalid("row", "has more cells than the header has columns");
  }
  TransactionInput t;
  t.external_id = std::string(cell(record, "external_id").value_or(""));
  if (auto v = cell(record, "client_id")) {
    auto id = id_of(*v, "client_id");
    if (!id) return id.error();
    t.client_id = *id;
  }
  if (auto v = cell(record, "client_registration_code"))
    t.client_registration_code = std::string(*v);
  if (auto v = cell(record, "product_id")) {
    auto id = id_of(*v, "product_id");
    if (!id) return id.error();
    t.product_id = *id;
  }
  if (auto v = cell(record, "product_code")) t.product_code = std::string(*v);
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
