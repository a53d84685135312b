#pragma once
// Numbered SQL migrations, compiled into the binary from src/store/migrations/.
//
// File names are NNNN_what.sql. A file of the same name under migrations/<dialect>/ replaces
// the common one for that backend (only where the dialects differ). Each migration runs in its
// own transaction together with its row in schema_migrations, so a failed migration leaves the
// database exactly as it was. A database whose schema is newer than this binary knows is refused:
// an older Laurel must not write into a schema it does not understand.

#include <string>
#include <vector>

#include "store/connection.hpp"

namespace laurel::store {

struct Migration {
  int version = 0;
  std::string name;  // "0001_platform"
  std::string sql;
};

struct MigrationReport {
  int from_version = 0;
  int to_version = 0;
  std::vector<std::string> applied;  // names, in order
};

// The migrations for a dialect, in version order; fails if two files share a number.
core::Result<std::vector<Migration>> migrations_for(std::string_view dialect);

// The highest version recorded in the database (0 for a new database).
core::Result<int> schema_version(Connection& connection);

core::Result<MigrationReport> migrate(Connection& connection);

// Fails unless the database is at exactly the binary's version (for `serve` without migrating).
core::Status check_schema_current(Connection& connection);

}  // namespace laurel::store
