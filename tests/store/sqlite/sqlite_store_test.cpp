#include "store/sqlite/sqlite_store.hpp"

#include <gtest/gtest.h>

#include "store/test_database.hpp"

namespace laurel::store {
namespace {

TEST(SqliteStoreTest, EveryConnectionIsDurableWalWithForeignKeys) {
  testing::TestDatabase db("sqlite");
  auto a = db.store().acquire().value();
  auto b = db.store().acquire().value();
  for (Connection* c : {&*a, &*b}) {
    EXPECT_EQ(c->query("PRAGMA journal_mode").value().front().text(0), "wal");
    EXPECT_EQ(c->query("PRAGMA synchronous").value().front().integer(0), 2) << "2 is FULL";
    EXPECT_EQ(c->query("PRAGMA foreign_keys").value().front().integer(0), 1);
  }
}

TEST(SqliteStoreTest, RefusesInMemoryAndUnopenablePaths) {
  auto memory = SqliteStore::open({":memory:"});
  ASSERT_FALSE(memory);
  EXPECT_EQ(memory.error().field, "database.path");
  auto missing_dir = SqliteStore::open({"/nonexistent-dir/laurel.db"});
  ASSERT_FALSE(missing_dir);
  EXPECT_NE(missing_dir.error().message.find("/nonexistent-dir/laurel.db"), std::string::npos);
}

TEST(SqliteStoreTest, CommittedDataSurvivesReopening) {
  testing::TestDatabase db("sqlite");
  const auto path = (db.directory() / "reopen.db").string();
  {
    auto store = SqliteStore::open({path}).value();
    auto c = store->acquire().value();
    ASSERT_TRUE(c->execute_script("CREATE TABLE t (v INTEGER)"));
    auto tx = Transaction::begin(*c).value();
    ASSERT_TRUE(c->query("INSERT INTO t (v) VALUES (7)"));
    ASSERT_TRUE(tx.commit());
  }
  auto store = SqliteStore::open({path}).value();
  auto c = store->acquire().value();
  EXPECT_EQ(c->query("SELECT v FROM t").value().front().integer(0), 7);
}

TEST(SqliteStoreTest, WriterWaitingPastBusyTimeoutGetsUnavailable) {
  testing::TestDatabase db("sqlite");
  const auto path = (db.directory() / "busy.db").string();
  auto store = SqliteStore::open({path, std::chrono::milliseconds(50)}).value();
  auto holder = store->acquire().value();
  ASSERT_TRUE(holder->execute_script("CREATE TABLE t (v INTEGER)"));
  ASSERT_TRUE(holder->begin());
  auto waiter = store->acquire().value();
  auto blocked = waiter->begin();
  ASSERT_FALSE(blocked);
  EXPECT_EQ(blocked.error().code, core::Errc::unavailable);
  ASSERT_TRUE(holder->rollback());
  EXPECT_TRUE(waiter->begin());
}

}  // namespace
}  // namespace laurel::store
