#include "crm/client_csv.hpp"

#include <array>
#include <utility>

namespace laurel::crm {
namespace {

constexpr std::array<core::CsvColumn, 5> kColumns = {
    {{"name", "名称", true},
     {"short_name", "简称", false},
     {"registration_code", "统一社会信用代码", true},
     {"type", "类型", true},
     {"region", "地区", false}}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kChineseTypes = {{
    {"银行", "bank"},
    {"保险", "insurer"},
    {"证券", "broker"},
    {"基金", "fund"},
    {"养老金", "pension"},
    {"年金", "pension"},
    {"信托", "trust"},
    {"企业", "corporate"},
    {"其他", "other"},
}};

}  // namespace

core::Result<ClientCsv> ClientCsv::from_header(const core::CsvRecord& header) {
  auto columns = core::CsvColumns::from_header(header, kColumns);
  if (!columns) return columns.error();
  return ClientCsv(std::move(*columns));
}

core::Result<NewClient> ClientCsv::read(const core::CsvRecord& record) const {
  if (auto s = columns_.check_width(record); !s) return s.error();
  NewClient client;
  client.name = std::string(columns_.cell(record, "name").value_or(""));
  if (client.name.empty()) return core::Error::invalid("name", "is required");
  client.registration_code = std::string(columns_.cell(record, "registration_code").value_or(""));
  if (client.registration_code.empty()) {
    return core::Error::invalid("registration_code", "is required");
  }
  client.type = std::string(columns_.cell(record, "type").value_or(""));
  if (client.type.empty()) return core::Error::invalid("type", "is required");
  for (const auto& [chinese, code] : kChineseTypes) {
    if (client.type == chinese) client.type = std::string(code);
  }
  if (auto v = columns_.cell(record, "short_name")) client.short_name = std::string(*v);
  if (auto v = columns_.cell(record, "region")) client.region = std::string(*v);
  return client;
}

}  // namespace laurel::crm
