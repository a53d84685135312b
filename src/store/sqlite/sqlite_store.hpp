#pragma once
// The embedded default backend: one SQLite file in WAL mode.
//
// Durability: every connection runs with synchronous=FULL. In WAL mode that makes each COMMIT
// fsync the write-ahead log before it returns, so a transaction Laurel has acknowledged survives
// a crash of Laurel, of the operating system or of the power. (NORMAL would survive a crash of
// Laurel but could lose the last commits on power loss: not good enough for "nothing
// acknowledged is ever lost".) Foreign keys are enforced on every connection. Each connection
// keeps up to 64 MiB of pages in memory (SQLite's default is 2 MiB), so a batch of 10,000 trades
// does not spill its pages to the log before it commits: +20% on bench/batch_import.py.

#include <chrono>
#include <string>

#include "store/store.hpp"

namespace laurel::store {

struct SqliteOptions {
  std::string path;  // ":memory:" is refused: each pooled connection would see its own database
  std::chrono::milliseconds busy_timeout{5000};
  // synchronous=OFF and a 256 MiB page cache: commits do not wait for the disk. Only for filling a
  // new file that can be filled again if the machine fails meanwhile (`laurel demo` generating its
  // company); never for a database serving users.
  bool bulk_load = false;
};

class SqliteStore final : public Store {
 public:
  // Opens (creating if needed) the file and checks that it is usable.
  static core::Result<std::unique_ptr<SqliteStore>> open(SqliteOptions options);

 protected:
  core::Result<std::unique_ptr<Connection>> open_connection() override;

 private:
  explicit SqliteStore(SqliteOptions options) : options_(std::move(options)) {}
  SqliteOptions options_;
};

}  // namespace laurel::store
