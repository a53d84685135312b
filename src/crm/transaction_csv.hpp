#pragma once
// Transactions from a CSV file (`laurel import transactions FILE.csv`): the header row names the
// columns, in English as in the API or in Chinese as trading systems export them:
//
// | column                   | 中文             | notes                                        |
// |--------------------------|------------------|----------------------------------------------|
// | external_id              | 外部编号         | required                                     |
// | client_id                | 客户编号         | or client_registration_code                  |
// | client_registration_code | 统一社会信用代码 |                                              |
// | product_id               | 产品编号         | or product_code                              |
// | product_code             | 产品代码         |                                              |
// | kind                     | 交易类型         | code or Chinese name (申购 ...)               |
// | amount                   | 金额             | yuan, at most 2 decimals                     |
// | trade_time               | 交易时间         | RFC 3339, or "YYYY-MM-DD HH:MM[:SS]" company time
// | | confirm_date             | 确认日期         | optional                                     |
// | status                   | 状态             | optional, default applied                    |
// | credits                  | 业绩分配         | optional: "staff_id:role:percent;..."        |
//
// Empty cells count as absent. Errors name the column; the caller adds the line.

#include <map>
#include <string>
#include <vector>

#include "core/csv.hpp"
#include "core/csv_columns.hpp"
#include "core/local_date.hpp"
#include "crm/transaction_service.hpp"

namespace laurel::crm {

class TransactionCsv {
 public:
  // Reads the header; unknown or repeated columns and missing required ones are errors.
  static core::Result<TransactionCsv> from_header(const core::CsvRecord& header,
                                                  core::CompanyZone zone);

  core::Result<TransactionInput> read(const core::CsvRecord& record) const;

 private:
  TransactionCsv(core::CsvColumns columns, core::CompanyZone zone)
      : columns_(std::move(columns)), zone_(zone) {}
  std::optional<std::string_view> cell(const core::CsvRecord& record, std::string_view name) const {
    return columns_.cell(record, name);
  }

  core::CsvColumns columns_;
  core::CompanyZone zone_;
};

}  // namespace laurel::crm
