#include "crm/transaction_csv.hpp"

#include <gtest/gtest.h>

#include "core/timestamp.hpp"

namespace laurel::crm {
namespace {

class TransactionCsvTest : public ::testing::Test {
 protected:
  core::CsvRecord row(std::vector<std::string> fields) { return {2, std::move(fields)}; }
  core::CompanyZone zone_ = core::CompanyZone::locate("Asia/Shanghai").value();
};

TEST_F(TransactionCsvTest, ReadsChineseHeadersAndSpreadsheetTimesInCompanyTime) {
  auto csv = TransactionCsv::from_header(
      {1, {"外部编号", "统一社会信用代码", "产品代码", "交易类型", "金额", "交易时间", "业绩分配"}},
      zone_);
  ASSERT_TRUE(csv) << csv.error().message;
  auto t = csv->read(row({"TA-9", "91440300000000001H", "000001", "申购", " 1250000.5 ",
                          "2026-03-02 10:30", "7:primary:60; 9:secondary:40"}));
  ASSERT_TRUE(t) << t.error().field << ": " << t.error().message;
  EXPECT_EQ(t->external_id, "TA-9");
  EXPECT_EQ(t->client_registration_code, "91440300000000001H");
  EXPECT_EQ(t->product_code, "000001");
  EXPECT_EQ(t->amount, 125000050);
  EXPECT_EQ(t->trade_time, core::parse_rfc3339("2026-03-02T02:30:00Z").value());
  ASSERT_TRUE(t->credits);
  ASSERT_EQ(t->credits->size(), 2u);
  EXPECT_EQ((*t->credits)[1].staff_id, 9);
  EXPECT_EQ((*t->credits)[1].role, "secondary");
  EXPECT_EQ((*t->credits)[1].share_percent, 40);
  EXPECT_EQ(t->status, "applied") << "absent columns keep their defaults";
}

TEST_F(TransactionCsvTest, RefusesBadHeaders) {
  EXPECT_EQ(
      TransactionCsv::from_header({1, {"external_id", "kind", "amount"}}, zone_).error().field,
      "trade_time");
  EXPECT_EQ(TransactionCsv::from_header(
                {1, {"external_id", "kind", "amount", "trade_time", "memo"}}, zone_)
                .error()
                .field,
            "memo");
  EXPECT_EQ(TransactionCsv::from_header(
                {1, {"external_id", "kind", "amount", "trade_time", "金额"}}, zone_)
                .error()
                .field,
            "amount");
}

TEST_F(TransactionCsvTest, CellErrorsNameTheColumn) {
  auto csv = TransactionCsv::from_header({1,
                                          {"external_id", "client_id", "product_id", "kind",
                                           "amount", "trade_time", "confirm_date", "credits"}},
                                         zone_)
                 .value();
  const auto field = [&](std::vector<std::string> cells) {
    auto t = csv.read(row(std::move(cells)));
    return t ? std::string("(accepted)") : t.error().field;
  };
  EXPECT_EQ(field({"A", "x", "1", "申购", "1", "2026-03-02 10:30", "", ""}), "client_id");
  EXPECT_EQ(field({"A", "1", "1", "申购", "1.001", "2026-03-02 10:30", "", ""}), "amount");
  EXPECT_EQ(field({"A", "1", "1", "申购", "1", "yesterday", "", ""}), "trade_time");
  EXPECT_EQ(field({"A", "1", "1", "申购", "1", "2026-03-02 10:30", "3/4/2026", ""}),
            "confirm_date");
  EXPECT_EQ(field({"A", "1", "1", "申购", "1", "2026-03-02 10:30", "", "7:primary"}), "credits");
  EXPECT_EQ(field({"A", "1", "1", "申购", "1", "2026-03-02 10:30", "", "7:primary:101"}),
            "credits");
  EXPECT_EQ(field({"A", "1", "1", "申购", "1", "2026-03-02 10:30", "", "", "extra"}), "row");
  EXPECT_EQ(field({"A", "1", "1", "申购", "1", "2026-03-02T10:30:00+08:00", "2026-03-04", ""}),
            "(accepted)");
}

}  // namespace
}  // namespace laurel::crm
