#include "crm/balance_csv.hpp"

#include <gtest/gtest.h>

namespace laurel::crm {
namespace {

TEST(BalanceCsv, ReadsChineseHeadersAndNamesBadCells) {
  auto csv = BalanceCsv::from_header({1, {"统一社会信用代码", "产品代码", "日期", "金额"}}).value();
  auto b = csv.read({2, {"91440300000000001H", "000001", "2026-11-01", "12.5"}});
  ASSERT_TRUE(b) << b.error().message;
  EXPECT_EQ(b->client_registration_code, "91440300000000001H");
  EXPECT_EQ(b->amount, 1250);
  EXPECT_EQ(core::format_date(b->date), "2026-11-01");
  EXPECT_EQ(csv.read({3, {"x", "y", "2026-11-31", "1"}}).error().field, "date");
  EXPECT_EQ(csv.read({4, {"x", "y", "2026-11-01", "-1"}}).error().field, "amount");
  EXPECT_EQ(BalanceCsv::from_header({1, {"日期", "产品代码"}}).error().field, "amount");
}

}  // namespace
}  // namespace laurel::crm
