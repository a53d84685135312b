#include "store/sqlite/sqlite_store.hpp"

#include <sqlite3.h>

#include "store/sqlite/sqlite_connection.hpp"

namespace laurel::store {

core::Result<std::unique_ptr<SqliteStore>> SqliteStore::open(SqliteOptions options) {
  if (options.path.empty() || options.path == ":memory:") {
    return core::Error::invalid("database.path", "needs a file path");
  }
  std::unique_ptr<SqliteStore> store(new SqliteStore(std::move(options)));
  // Open one connection now so that a bad path or a corrupt file is reported at start-up.
  auto first = store->acquire();
  if (!first) return first.error();
  return store;
}

core::Result<std::unique_ptr<Connection>> SqliteStore::open_connection() {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(options_.path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message =
        "cannot open " + options_.path + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close_v2(db);
    return core::Error::internal(std::move(message));
  }
  sqlite3_busy_timeout(db, static_cast<int>(options_.busy_timeout.count()));
  sqlite3_extended_result_codes(db, 1);
  auto connection = std::make_unique<SqliteConnection>(db, &query_observer());
  // journal_mode=WAL is persistent in the file; the others are per connection.
  const auto setup = connection->execute_script(
      options_.bulk_load
          ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA foreign_keys=ON;"
            " PRAGMA cache_size=-262144;"
          : "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
            " PRAGMA cache_size=-65536;");
  if (!setup) {
    return core::Error::internal("cannot set up " + options_.path + ": " + setup.error().message);
  }
  return std::unique_ptr<Connection>(std::move(connection));
}

}  // namespace laurel::store
