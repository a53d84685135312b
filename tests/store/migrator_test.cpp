#include "store/migrator.hpp"

#include <gtest/gtest.h>

#include "store/test_database.hpp"

namespace laurel::store {
namespace {

class MigratorConformance : public ::testing::TestWithParam<std::string> {};

TEST_P(MigratorConformance, MigrationsAreNumberedFromOneWithoutGaps) {
  auto migrations = migrations_for(GetParam());
  ASSERT_TRUE(migrations) << migrations.error().message;
  ASSERT_FALSE(migrations->empty());
  for (std::size_t i = 0; i < migrations->size(); ++i) {
    EXPECT_EQ((*migrations)[i].version, static_cast<int>(i + 1)) << (*migrations)[i].name;
    EXPECT_FALSE((*migrations)[i].sql.empty());
  }
}

TEST_P(MigratorConformance, MigratesANewDatabaseAndRecordsEachStep) {
  testing::TestDatabase db(GetParam());
  auto c = db.store().acquire().value();
  auto report = migrate(*c);
  ASSERT_TRUE(report) << report.error().message;
  const auto latest = migrations_for(GetParam()).value().back().version;
  EXPECT_EQ(report->from_version, 0);
  EXPECT_EQ(report->to_version, latest);
  EXPECT_EQ(report->applied.size(), static_cast<std::size_t>(latest));
  EXPECT_EQ(report->applied.front(), "0001_platform");
  auto recorded = c->query("SELECT version, name FROM schema_migrations ORDER BY version");
  ASSERT_TRUE(recorded);
  EXPECT_EQ(recorded->size(), static_cast<std::size_t>(latest));
  EXPECT_TRUE(check_schema_current(*c));
  // The platform tables exist.
  EXPECT_TRUE(c->query("SELECT COUNT(*) FROM users"));
  EXPECT_TRUE(c->query("SELECT COUNT(*) FROM audit_log"));
}

TEST_P(MigratorConformance, SecondRunAppliesNothing) {
  testing::TestDatabase db(GetParam());
  auto c = db.migrated();
  auto again = migrate(*c);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->applied.empty());
  EXPECT_EQ(again->from_version, again->to_version);
}

TEST_P(MigratorConformance, RefusesADatabaseNewerThanTheBinary) {
  testing::TestDatabase db(GetParam());
  auto c = db.migrated();
  ASSERT_TRUE(
      c->query("INSERT INTO schema_migrations (version, name, applied_at) "
               "VALUES (9999, '9999_from_the_future', 0)"));
  auto report = migrate(*c);
  ASSERT_FALSE(report);
  EXPECT_NE(report.error().message.find("newer"), std::string::npos);
  EXPECT_FALSE(check_schema_current(*c));
}

TEST_P(MigratorConformance, OutOfDateSchemaIsReportedBeforeServing) {
  testing::TestDatabase db(GetParam());
  auto c = db.store().acquire().value();
  auto s = check_schema_current(*c);
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("laurel migrate"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, MigratorConformance, ::testing::ValuesIn(testing::backends()));

}  // namespace
}  // namespace laurel::store
