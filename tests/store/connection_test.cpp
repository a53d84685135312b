// The Store conformance suite: what every backend must do, written against the interface only.

#include "store/connection.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "store/test_database.hpp"

namespace laurel::store {
namespace {

using testing::TestDatabase;

class ConnectionConformance : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>(GetParam());
    ASSERT_TRUE(connection().execute_script(
        "CREATE TABLE items (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE,"
        " amount_fen BIGINT NOT NULL, ratio DOUBLE PRECISION, note TEXT);"
        "CREATE TABLE parts (id INTEGER PRIMARY KEY,"
        " item_id INTEGER NOT NULL REFERENCES items (id));"));
  }
  Connection& connection() {
    if (!connection_) connection_.emplace(db_->store().acquire().value());
    return **connection_;
  }
  std::int64_t count(std::string_view table) {
    return connection()
        .query("SELECT COUNT(*) FROM " + std::string(table))
        .value()
        .front()
        .integer(0);
  }

  std::unique_ptr<TestDatabase> db_;
  std::optional<PooledConnection> connection_;
};

TEST_P(ConnectionConformance, RoundTripsEveryValueType) {
  const std::int64_t big = 9'000'000'000'000'000'000;  // money near int64's limit stays exact
  auto inserted = connection().query(
      "INSERT INTO items (code, amount_fen, ratio, note) VALUES ($1, $2, $3, $4) RETURNING id",
      {std::string("招商银行"), big, 0.125, Value()});
  ASSERT_TRUE(inserted) << inserted.error().message;
  const auto id = inserted->front().integer(0);
  auto rows =
      connection().query("SELECT code, amount_fen, ratio, note FROM items WHERE id = $1", {id});
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 1u);
  const Row& row = rows->front();
  EXPECT_EQ(row.text(0), "招商银行");
  EXPECT_EQ(row.integer(1), big);
  EXPECT_DOUBLE_EQ(row.real(2), 0.125);
  EXPECT_TRUE(row.is_null(3));
  EXPECT_EQ(rows->columns, (std::vector<std::string>{"code", "amount_fen", "ratio", "note"}));
}

TEST_P(ConnectionConformance, PlaceholdersBindByNumberNotByPosition) {
  ASSERT_TRUE(connection().query("INSERT INTO items (code, amount_fen) VALUES ($2, $1)",
                                 {std::int64_t{5}, std::string("B")}));
  auto rows = connection().query(
      "SELECT amount_fen FROM items WHERE code = $1 AND amount_fen = $2"
      " OR code = $1 AND $2 = 0",
      {std::string("B"), std::int64_t{5}});
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->front().integer(0), 5);
}

TEST_P(ConnectionConformance, WrongParameterCountIsAnErrorNotACrash) {
  auto r = connection().query("SELECT $1 + $2", {std::int64_t{1}});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, core::Errc::internal);
}

TEST_P(ConnectionConformance, ReportsChangedRows) {
  for (const char* code : {"a", "b", "c"}) {
    ASSERT_TRUE(connection().query("INSERT INTO items (code, amount_fen) VALUES ($1, 1)",
                                   {std::string(code)}));
  }
  auto updated =
      connection().query("UPDATE items SET amount_fen = 2 WHERE code <> $1", {std::string("a")});
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->changes, 2);
}

TEST_P(ConnectionConformance, UniqueViolationIsAConflictAndTheConnectionStaysUsable) {
  ASSERT_TRUE(connection().query("INSERT INTO items (code, amount_fen) VALUES ('x', 1)"));
  auto again = connection().query("INSERT INTO items (code, amount_fen) VALUES ('x', 2)");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, core::Errc::conflict);
  EXPECT_EQ(count("items"), 1);
}

TEST_P(ConnectionConformance, ForeignKeysAreEnforced) {
  auto orphan = connection().query("INSERT INTO parts (item_id) VALUES (999)");
  ASSERT_FALSE(orphan);
  EXPECT_EQ(orphan.error().code, core::Errc::conflict);
}

TEST_P(ConnectionConformance, CommittedTransactionIsVisibleToOtherConnections) {
  {
    auto tx = Transaction::begin(connection());
    ASSERT_TRUE(tx);
    ASSERT_TRUE(connection().query("INSERT INTO items (code, amount_fen) VALUES ('t', 1)"));
    ASSERT_TRUE(tx->commit());
  }
  auto other = db_->store().acquire();
  ASSERT_TRUE(other);
  EXPECT_EQ((*other)->query("SELECT COUNT(*) FROM items").value().front().integer(0), 1);
}

TEST_P(ConnectionConformance, AbandonedTransactionRollsBackEverything) {
  {
    auto tx = Transaction::begin(connection());
    ASSERT_TRUE(tx);
    ASSERT_TRUE(connection().query("INSERT INTO items (code, amount_fen) VALUES ('t1', 1)"));
    ASSERT_TRUE(connection().query("INSERT INTO items (code, amount_fen) VALUES ('t2', 1)"));
    // no commit: an error path returns early
  }
  EXPECT_FALSE(connection().in_transaction());
  EXPECT_EQ(count("items"), 0);
}

TEST_P(ConnectionConformance, FailedStatementInsideTransactionCanBeRolledBack) {
  auto tx = Transaction::begin(connection());
  ASSERT_TRUE(tx);
  ASSERT_TRUE(connection().query("INSERT INTO items (code, amount_fen) VALUES ('ok', 1)"));
  ASSERT_FALSE(connection().query("INSERT INTO items (code, amount_fen) VALUES ('ok', 1)"));
  ASSERT_TRUE(connection().rollback());
  EXPECT_EQ(count("items"), 0);
}

TEST_P(ConnectionConformance, ConnectionReturnedMidTransactionIsRolledBack) {
  {
    auto borrowed = db_->store().acquire();
    ASSERT_TRUE(borrowed);
    ASSERT_TRUE((*borrowed)->begin());
    ASSERT_TRUE((*borrowed)->query("INSERT INTO items (code, amount_fen) VALUES ('leak', 1)"));
  }
  EXPECT_EQ(count("items"), 0);
  auto next = db_->store().acquire();
  ASSERT_TRUE(next);
  EXPECT_FALSE((*next)->in_transaction());
}

TEST_P(ConnectionConformance, ConcurrentWritersAllCommit) {
  // Writers on separate connections and threads: every acknowledged insert must be there.
  constexpr int kThreads = 4;
  constexpr int kEach = 50;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        auto c = db_->store().acquire();
        if (!c) {
          ++failures;
          continue;
        }
        auto tx = Transaction::begin(**c);
        if (!tx) {
          ++failures;
          continue;
        }
        if (!(*c)->query("INSERT INTO items (code, amount_fen) VALUES ($1, $2)",
                         {std::to_string(t) + "-" + std::to_string(i), std::int64_t{i}}) ||
            !tx->commit()) {
          ++failures;
        }
      }
    });
  }
  for (auto& thread : threads)
    thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(count("items"), kThreads * kEach);
}

TEST_P(ConnectionConformance, ScriptErrorsAreReported) {
  auto s = connection().execute_script("CREATE TABLE ok_table (id INTEGER); NOT SQL AT ALL;");
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("syntax"), std::string::npos) << s.error().message;
}

TEST_P(ConnectionConformance, QueryRefusesSeveralStatements) {
  EXPECT_FALSE(connection().query("SELECT 1; SELECT 2"));
}

INSTANTIATE_TEST_SUITE_P(Backends, ConnectionConformance, ::testing::ValuesIn(testing::backends()));

}  // namespace
}  // namespace laurel::store
