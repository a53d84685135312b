#include "store/sqlite/sqlite_connection.hpp"

#include <gtest/gtest.h>

#include "store/test_database.hpp"

namespace laurel::store {
namespace {

TEST(SqliteConnectionTest, RefusesPlaceholdersOtherThanDollarNumbers) {
  testing::TestDatabase db("sqlite");
  auto c = db.store().acquire().value();
  auto question = c->query("SELECT ?", {std::int64_t{1}});
  ASSERT_FALSE(question);
  EXPECT_NE(question.error().message.find("$1..$n"), std::string::npos);
  EXPECT_FALSE(c->query("SELECT :name", {std::int64_t{1}}));
  EXPECT_FALSE(c->query("SELECT $0", {std::int64_t{1}}));
}

TEST(SqliteConnectionTest, ARepeatedPlaceholderBindsOnce) {
  testing::TestDatabase db("sqlite");
  auto c = db.store().acquire().value();
  auto r = c->query("SELECT $1 + $1", {std::int64_t{21}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->front().integer(0), 42);
}

TEST(SqliteConnectionTest, CachedStatementsAreResetBetweenRuns) {
  testing::TestDatabase db("sqlite");
  auto c = db.store().acquire().value();
  ASSERT_TRUE(c->execute_script("CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (1), (2), (3);"));
  for (int round = 0; round < 3; ++round) {
    auto r = c->query("SELECT v FROM t WHERE v >= $1 ORDER BY v", {std::int64_t{2}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->size(), 2u) << "round " << round;
  }
  // A statement left mid-iteration would hold a read lock and block this write.
  EXPECT_TRUE(c->query("INSERT INTO t VALUES (4)"));
}

TEST(SqliteConnectionTest, BlobsComeBackAsBytes) {
  testing::TestDatabase db("sqlite");
  auto c = db.store().acquire().value();
  auto r = c->query("SELECT x'00ff41'");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->front().text(0), std::string("\x00\xff"
                                            "A",
                                            3));
}

}  // namespace
}  // namespace laurel::store
