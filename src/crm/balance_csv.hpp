#pragma once
// Daily holdings balances from a CSV file (`laurel import balances FILE.csv`), columns:
//
// | column                   | 中文             | notes                              |
// |--------------------------|------------------|------------------------------------|
// | client_id                | 客户编号         | or client_registration_code        |
// | client_registration_code | 统一社会信用代码 |                                    |
// | product_id               | 产品编号         | or product_code                    |
// | product_code             | 产品代码         |                                    |
// | date                     | 日期             | required, YYYY-MM-DD               |
// | amount                   | 金额             | required, yuan, at most 2 decimals |

#include "core/csv_columns.hpp"
#include "crm/holdings_service.hpp"

namespace laurel::crm {

class BalanceCsv {
 public:
  static core::Result<BalanceCsv> from_header(const core::CsvRecord& header);
  core::Result<BalanceInput> read(const core::CsvRecord& record) const;

 private:
  explicit BalanceCsv(core::CsvColumns columns) : columns_(std::move(columns)) {}
  core::CsvColumns columns_;
};

}  // namespace laurel::crm
