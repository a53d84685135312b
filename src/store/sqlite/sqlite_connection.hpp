#pragma once
// One libsqlite3 connection with its cache of prepared statements. Not thread-safe: the pool
// gives it to one thread at a time.

#include <sqlite3.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "store/store.hpp"

namespace laurel::store {

class SqliteConnection final : public Connection {
 public:
  // Takes ownership of `db`.
  SqliteConnection(sqlite3* db, const QueryObserver* observer);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  using Connection::query;
  core::Result<Rows> query(std::string_view sql, std::span<const Value> params) override;
  core::Status execute_script(std::string_view sql) override;
  core::Status begin() override;
  core::Status commit() override;
  core::Status rollback() override;
  bool in_transaction() const override { return sqlite3_get_autocommit(db_) == 0; }
  std::string_view dialect() const override { return "sqlite"; }

 private:
  struct Prepared {
    sqlite3_stmt* statement = nullptr;
    // slots[n-1] = the bind index of placeholder $n. SQLite numbers named parameters by first
    // appearance, so "$2 ... $1" would otherwise bind the wrong way round.
    std::vector<int> slots;
  };

  core::Result<Prepared*> prepare(std::string_view sql);
  core::Error error_of(int code, std::string_view context) const;

  sqlite3* db_;
  const QueryObserver* observer_;
  std::unordered_map<std::string, Prepared> cache_;
};

}  // namespace laurel::store
