#pragma once
// A database connection: the seam between Laurel and a database backend.
//
// Contract:
// - SQL uses $1..$n placeholders on every backend; a statement is prepared once per connection
//   (cached by its text) and run many times.
// - A Connection is used by one thread at a time; the pool hands it out exclusively.
// - Errors are values: a unique or foreign-key violation is Errc::conflict (the message names
//   the constraint), a lock wait past the busy timeout is Errc::unavailable, anything else is
//   Errc::internal. The connection stays usable after an error.
// - begin() starts a write transaction that holds the database's write lock from the start, so
//   two writers never deadlock upgrading a read lock. Prefer the Transaction guard below.

#include <initializer_list>
#include <span>
#include <string_view>

#include "core/error.hpp"
#include "store/value.hpp"

namespace laurel::store {

class Connection {
 public:
  virtual ~Connection() = default;

  virtual core::Result<Rows> query(std::string_view sql, std::span<const Value> params) = 0;
  core::Result<Rows> query(std::string_view sql, std::initializer_list<Value> params = {}) {
    return query(sql, std::span<const Value>(params.begin(), params.size()));
  }

  // Runs several ;-separated statements without parameters (migrations).
  virtual core::Status execute_script(std::string_view sql) = 0;

  virtual core::Status begin() = 0;
  virtual core::Status commit() = 0;
  virtual core::Status rollback() = 0;
  virtual bool in_transaction() const = 0;

  // "sqlite" or "postgres": which migration overrides apply.
  virtual std::string_view dialect() const = 0;
};

// Whether a conflict error is a unique-constraint violation (rather than a foreign key), on
// either backend: SQLite says "UNIQUE constraint failed", PostgreSQL "violates unique
// constraint".
bool is_unique_violation(const core::Error& error);

// Commits when told to; rolls back if it goes out of scope first (an error return, an exception).
class Transaction {
 public:
  static core::Result<Transaction> begin(Connection& connection);
  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();

  core::Status commit();

 private:
  explicit Transaction(Connection& connection) : connection_(&connection) {}
  Connection* connection_;
};

}  // namespace laurel::store
