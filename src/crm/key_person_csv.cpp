#include "crm/key_person_csv.hpp"

#include <array>
#include <utility>

namespace laurel::crm {
namespace {

constexpr std::array<core::CsvColumn, 11> kColumns = {{
    {"client_id", "客户编号", false},
    {"client_registration_code", "统一社会信用代码", false},
    {"name", "姓名", true},
    {"title", "职务", false},
    {"org_unit", "部门", false},
    {"decision_role", "决策角色", false},
    {"influence", "影响力", false},
    {"phone", "手机", false},
    {"email", "邮箱", false},
    {"wechat", "微信", false},
    {"touch_frequency_days", "拜访频率（天）", false},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kChineseValues = {{
    {"投资决策", "investment_decision"},
    {"交易", "trading"},
    {"运营", "operations"},
    {"风控", "risk_control"},
    {"风险控制", "risk_control"},
    {"其他", "other"},
    {"决策者", "decision_maker"},
    {"影响者", "influencer"},
    {"把关者", "gatekeeper"},
}};

std::string code_of(std::string_view value) {
  for (const auto& [chinese, code] : kChineseValues) {
    if (value == chinese) return std::string(code);
  }
  return std::string(value);
}

}  // namespace

core::Result<KeyPersonCsv> KeyPersonCsv::from_header(const core::CsvRecord& header) {
  auto columns = core::CsvColumns::from_header(header, kColumns);
  if (!columns) return columns.error();
  return KeyPersonCsv(std::move(*columns));
}

core::Result<KeyPersonImportRow> KeyPersonCsv::read(const core::CsvRecord& record) const {
  if (auto s = columns_.check_width(record); !s) return s.error();
  KeyPersonImportRow row;
  if (auto v = columns_.cell(record, "client_id")) {
    auto id = core::csv_whole_number(*v, "client_id", 1, INT64_MAX);
    if (!id) return id.error();
    row.client_id = *id;
  }
  if (auto v = columns_.cell(record, "client_registration_code")) {
    row.client_registration_code = std::string(*v);
  }
  auto name = columns_.cell(record, "name");
  if (!name) return core::Error::invalid("name", "is required");
  row.cells.name = std::string(*name);
  const auto text = [&](std::string_view column) -> std::optional<std::optional<std::string>> {
    if (auto v = columns_.cell(record, column)) return std::optional<std::string>(std::string(*v));
    return std::nullopt;
  };
  row.cells.title = text("title");
  row.cells.phone = text("phone");
  row.cells.email = text("email");
  row.cells.wechat = text("wechat");
  if (auto v = columns_.cell(record, "org_unit")) row.org_unit = std::string(*v);
  if (auto v = columns_.cell(record, "decision_role")) row.cells.decision_role = code_of(*v);
  if (auto v = columns_.cell(record, "influence")) row.cells.influence = code_of(*v);
  if (auto v = columns_.cell(record, "touch_frequency_days")) {
    auto days = core::csv_whole_number(*v, "touch_frequency_days", 1, 3650);
    if (!days) return days.error();
    row.cells.touch_frequency_days = std::optional<std::int64_t>(*days);
  }
  return row;
}

}  // namespace laurel::crm
