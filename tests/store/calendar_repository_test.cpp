#include "store/calendar_repository.hpp"

#include <gtest/gtest.h>

#include "store/test_database.hpp"

namespace laurel::store {
namespace {

class CalendarRepositoryConformance : public ::testing::TestWithParam<std::string> {
 protected:
  testing::TestDatabase db_{GetParam()};
  PooledConnection c_ = db_.migrated();
  CalendarRepository days_{*c_};
};

TEST_P(CalendarRepositoryConformance, PutCreatesThenReplacesTheDay) {
  ASSERT_TRUE(days_.put({"2026-10-01", "holiday", "国庆", std::nullopt, 1}));
  ASSERT_TRUE(days_.put({"2026-10-01", "holiday", "国庆节", std::nullopt, 2}));
  auto found = days_.find("2026-10-01").value();
  ASSERT_TRUE(found);
  EXPECT_EQ(found->name, "国庆节");
  EXPECT_EQ(found->updated_at, 2);
  EXPECT_FALSE(found->updated_by);
  EXPECT_FALSE(days_.find("2026-10-02").value());
}

TEST_P(CalendarRepositoryConformance, ListsARangeAscendingAndRemoves) {
  for (const char* day : {"2026-10-07", "2025-12-31", "2026-01-01", "2026-10-10", "2027-01-01"})
    ASSERT_TRUE(days_.put({day, "holiday", "假", std::nullopt, 1}));
  auto listed = days_.list("2026-01-01", "2026-12-31").value();
  ASSERT_EQ(listed.size(), 3u);
  EXPECT_EQ(listed[0].day, "2026-01-01");
  EXPECT_EQ(listed[2].day, "2026-10-10");
  EXPECT_TRUE(days_.remove("2026-10-07").value());
  EXPECT_FALSE(days_.remove("2026-10-07").value()) << "already gone";
  EXPECT_EQ(days_.list("2026-01-01", "2026-12-31").value().size(), 2u);
}

TEST_P(CalendarRepositoryConformance, TheTableRefusesWhatTheServiceWouldNot) {
  EXPECT_FALSE(days_.put({"2026-10-01", "vacation", "假", std::nullopt, 1}));
  EXPECT_FALSE(days_.put({"2026-10-01", "holiday", "", std::nullopt, 1}));
  std::string fifty;
  for (int i = 0; i < 50; ++i)
    fifty += "节";
  EXPECT_TRUE(days_.put({"2026-10-01", "holiday", fifty, std::nullopt, 1}))
      << "50 characters of three bytes each";
  EXPECT_FALSE(days_.put({"2026-10-01", "holiday", fifty + "日", std::nullopt, 1}));
}

INSTANTIATE_TEST_SUITE_P(Backends, CalendarRepositoryConformance,
                         ::testing::ValuesIn(testing::backends()));

}  // namespace
}  // namespace laurel::store
