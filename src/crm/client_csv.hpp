#pragma once
// Clients from a CSV or XLSX file (`laurel import clients FILE`, POST /api/v1/clients/import):
// the header row names the columns, in English as in the API or in Chinese:
//
// | column            | 中文             | notes                                                |
// |-------------------|------------------|------------------------------------------------------|
// | name              | 名称             | required                                             |
// | short_name        | 简称             |                                                      |
// | registration_code | 统一社会信用代码 | required; the key rows are de-duplicated by          |
// | type              | 类型             | required: a code (bank...) or 银行, 保险, 证券, 基金, |
// |                   |                  | 养老金 (or 年金), 信托, 企业, 其他                     |
// | region            | 地区             |                                                      |
//
// Empty cells count as absent: an import never clears a field. Errors name the column.

#include "core/csv.hpp"
#include "core/csv_columns.hpp"
#include "crm/client_service.hpp"

namespace laurel::crm {

class ClientCsv {
 public:
  static core::Result<ClientCsv> from_header(const core::CsvRecord& header);
  core::Result<NewClient> read(const core::CsvRecord& record) const;

 private:
  explicit ClientCsv(core::CsvColumns columns) : columns_(std::move(columns)) {}
  core::CsvColumns columns_;
};

}  // namespace laurel::crm
