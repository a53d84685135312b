#include "crm/calendar_csv.hpp"

#include <gtest/gtest.h>

namespace laurel::crm {
namespace {

TEST(CalendarCsv, ReadsEnglishOrChineseHeadersAndKinds) {
  auto csv = CalendarCsv::from_header({1, {"日期", "类型", "名称"}}).value();
  auto day = csv.read({2, {"2026-02-14", "班", "春节调休"}}).value();
  EXPECT_EQ(day.date, "2026-02-14");
  EXPECT_EQ(day.kind, "working_day");
  EXPECT_EQ(csv.read({3, {"2026-02-15", "休", "春节"}})->kind, "holiday");
  EXPECT_EQ(csv.read({4, {"2026-02-15", "节假日", "春节"}})->kind, "holiday");
  auto english = CalendarCsv::from_header({1, {"name", "date", "kind"}}).value();
  EXPECT_EQ(english.read({2, {"国庆节", "2026-10-01", "holiday"}})->name, "国庆节");
}

TEST(CalendarCsv, TakesExcelSerialDaysFromXlsxDateCells) {
  auto csv = CalendarCsv::from_header({1, {"date", "kind", "name"}}).value();
  EXPECT_EQ(csv.read({2, {"46023", "holiday", "元旦"}})->date, "2026-01-01");
  EXPECT_EQ(csv.read({2, {"45658", "holiday", "元旦"}})->date, "2025-01-01");
}

TEST(CalendarCsv, NamesMissingCellsAndColumns) {
  auto csv = CalendarCsv::from_header({1, {"date", "kind", "name"}}).value();
  EXPECT_EQ(csv.read({2, {"", "holiday", "元旦"}}).error().field, "date");
  EXPECT_EQ(csv.read({2, {"2026-01-01", " ", "元旦"}}).error().field, "kind");
  EXPECT_EQ(csv.read({2, {"2026-01-01", "holiday"}}).error().field, "name");
  EXPECT_EQ(csv.read({2, {"2026-01-01", "holiday", "元旦", "x"}}).error().field, "row");
  EXPECT_EQ(CalendarCsv::from_header({1, {"date", "kind"}}).error().field, "name");
  EXPECT_EQ(CalendarCsv::from_header({1, {"date", "kind", "name", "colour"}}).error().field,
            "colour");
}

}  // namespace
}  // namespace laurel::crm
