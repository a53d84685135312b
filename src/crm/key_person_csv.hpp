#pragma once
// Key people from a CSV or XLSX file (`laurel import key-people FILE`,
// POST /api/v1/key-people/import); the header row names the columns in English or Chinese:
//
// | column                   | 中文               | notes                                       |
// |--------------------------|--------------------|---------------------------------------------|
// | client_id                | 客户编号           | or client_registration_code                 |
// | client_registration_code | 统一社会信用代码   |                                             |
// | name                     | 姓名               | required                                    |
// | title                    | 职务               |                                             |
// | org_unit                 | 部门               | a unit's name at that client; made if new   |
// | decision_role            | 决策角色           | required for a new person: a code or 投资决策,
// | |                          |                    | 交易, 运营, 风控, 其他 | | influence | 影响力
// | required for a new person: a code or 决策者,  | |                          | | 影响者, 把关者 |
// | phone                    | 手机               |                                             |
// | email                    | 邮箱               |                                             |
// | wechat                   | 微信               |                                             |
// | touch_frequency_days     | 拜访频率（天）     | 1 to 3650                                   |
//
// Empty cells count as absent: an import never clears a field. Errors name the column.

#include <optional>
#include <string>

#include "core/csv.hpp"
#include "core/csv_columns.hpp"
#include "crm/key_people_service.hpp"

namespace laurel::crm {

class KeyPersonCsv {
 public:
  static core::Result<KeyPersonCsv> from_header(const core::CsvRecord& header);
  core::Result<KeyPersonImportRow> read(const core::CsvRecord& record) const;

 private:
  explicit KeyPersonCsv(core::CsvColumns columns) : columns_(std::move(columns)) {}
  core::CsvColumns columns_;
};

}  // namespace laurel::crm
