#include "store/store.hpp"

#include <gtest/gtest.h>

#include <atomic>

#include "store/test_database.hpp"

namespace laurel::store {
namespace {

class StoreConformance : public ::testing::TestWithParam<std::string> {};

TEST_P(StoreConformance, ReusesReturnedConnections) {
  testing::TestDatabase db(GetParam());
  Connection* first = nullptr;
  {
    auto c = db.store().acquire();
    ASSERT_TRUE(c);
    first = &**c;
  }
  auto again = db.store().acquire();
  ASSERT_TRUE(again);
  EXPECT_EQ(&**again, first);
  auto second = db.store().acquire();
  ASSERT_TRUE(second);
  EXPECT_NE(&**second, first) << "a connection in use must not be handed out twice";
}

TEST_P(StoreConformance, ObserverIsToldOfEveryStatement) {
  testing::TestDatabase db(GetParam());
  std::atomic<int> calls{0};
  db.store().close_idle();  // connections opened from now on see the observer
  db.store().set_query_observer([&](std::chrono::nanoseconds elapsed) {
    EXPECT_GE(elapsed.count(), 0);
    ++calls;
  });
  auto c = db.store().acquire();
  ASSERT_TRUE(c);
  const int before = calls.load();
  ASSERT_TRUE((*c)->query("SELECT 1"));
  ASSERT_TRUE((*c)->query("SELECT 2"));
  EXPECT_EQ(calls.load() - before, 2);
}

TEST_P(StoreConformance, PingAnswersWhileTheDatabaseIsThere) {
  testing::TestDatabase db(GetParam());
  EXPECT_TRUE(db.store().ping());
}

TEST_P(StoreConformance, WriteTransactionCommitsOrRollsBack) {
  testing::TestDatabase db(GetParam());
  ASSERT_TRUE(db.store().acquire().value()->execute_script("CREATE TABLE t (v INTEGER)"));
  {
    auto write = WriteTransaction::begin(db.store());
    ASSERT_TRUE(write);
    ASSERT_TRUE(write->connection().query("INSERT INTO t VALUES (1)"));
  }  // abandoned
  {
    auto write = WriteTransaction::begin(db.store());
    ASSERT_TRUE(write);
    ASSERT_TRUE(write->connection().query("INSERT INTO t VALUES (2)"));
    ASSERT_TRUE(write->commit());
  }
  auto rows = db.store().acquire().value()->query("SELECT v FROM t").value();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows.front().integer(0), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreConformance, ::testing::ValuesIn(testing::backends()));

}  // namespace
}  // namespace laurel::store
