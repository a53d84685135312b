#include "store/migrator.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <span>

#include "core/clock.hpp"
#include "core/embedded_file.hpp"
#include "core/timestamp.hpp"
#include "store/client_repository.hpp"

namespace laurel::store {

// Generated from migrations/*.sql by cmake/EmbedFiles.cmake.
std::span<const EmbeddedFile> embedded_common_migrations();
std::span<const EmbeddedFile> embedded_sqlite_migrations();

namespace {

using core::Error;

core::Result<int> version_of(std::string_view file_name) {
  int version = 0;
  const auto [end, ec] =
      std::from_chars(file_name.data(), file_name.data() + file_name.size(), version);
  if (ec != std::errc() || end == file_name.data() || *end != '_' || version <= 0 ||
      !file_name.ends_with(".sql")) {
    return Error::internal("migration file name must be NNNN_name.sql: " + std::string(file_name));
  }
  return version;
}

core::Status ensure_table(Connection& connection) {
  auto r = connection.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
  if (!r) return r.error();
  return {};
}

}  // namespace

core::Result<std::vector<Migration>> migrations_for(std::string_view dialect) {
  std::map<int, Migration> by_version;
  auto add = [&](std::span<const EmbeddedFile> files, bool is_override) -> core::Status {
    for (const auto& file : files) {
      auto version = version_of(file.name);
      if (!version) return version.error();
      const std::string name(file.name.substr(0, file.name.size() - 4));
      auto [it, inserted] = by_version.try_emplace(*version);
      if (!inserted && !is_override) {
        return Error::internal("two migrations numbered " + std::to_string(*version));
      }
      if (!inserted && it->second.name != name) {
        return Error::internal("dialect migration " + name + " overrides a different name");
      }
      it->second = Migration{*version, name, std::string(file.content)};
    }
    return {};
  };
  if (auto s = add(embedded_common_migrations(), false); !s) return s.error();
  if (dialect == "sqlite") {
    if (auto s = add(embedded_sqlite_migrations(), true); !s) return s.error();
  }
  std::vector<Migration> ordered;
  for (auto& [version, migration] : by_version)
    ordered.push_back(std::move(migration));
  return ordered;
}

core::Result<int> schema_version(Connection& connection) {
  if (auto s = ensure_table(connection); !s) return s.error();
  auto rows = connection.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (!rows) return rows.error();
  return static_cast<int>(rows->front().integer(0));
}

namespace {

// Steps SQL cannot do, run in their migration's transaction right after its SQL: 0013 gives
// existing clients the pinyin keys they are searched by, 0016 gives them again from the
// corrected pinyin table.
core::Status after_sql(Connection& connection, std::string_view migration) {
  if (migration == "0013_search" || migration == "0016_pinyin_from_simplified") {
    auto filled = ClientRepository(connection).fill_search_keys();
    if (!filled) return filled.error();
  }
  return {};
}

}  // namespace

core::Result<MigrationReport> migrate(Connection& connection) {
  auto migrations = migrations_for(connection.dialect());
  if (!migrations) return migrations.error();
  const int latest = migrations->empty() ? 0 : migrations->back().version;

  MigrationReport report;
  auto initial = schema_version(connection);
  if (!initial) return initial.error();
  report.from_version = *initial;
  if (*initial > latest) {
    return Error{core::Errc::conflict,
                 "the database schema is at version " + std::to_string(*initial) +
                     ", newer than this laurel knows (" + std::to_string(latest) +
                     "); run a newer laurel",
                 {}};
  }
  for (const auto& migration : *migrations) {
    auto tx = Transaction::begin(connection);
    if (!tx) return tx.error();
    // Re-read inside the write lock: another process may have migrated meanwhile.
    auto current = connection.query("SELECT 1 FROM schema_migrations WHERE version = $1",
                                    {std::int64_t{migration.version}});
    if (!current) return current.error();
    if (!current->empty()) continue;
    if (auto s = connection.execute_script(migration.sql); !s) {
      return Error::internal("migration " + migration.name + " failed: " + s.error().message);
    }
    if (auto s = after_sql(connection, migration.name); !s) {
      return Error::internal("migration " + migration.name + " failed: " + s.error().message);
    }
    auto recorded = connection.query(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
        {std::int64_t{migration.version}, migration.name,
         core::to_micros(core::SystemClock::instance().now())});
    if (!recorded) return recorded.error();
    if (auto s = tx->commit(); !s) return s.error();
    report.applied.push_back(migration.name);
  }
  auto final_version = schema_version(connection);
  if (!final_version) return final_version.error();
  report.to_version = *final_version;
  return report;
}

core::Status check_schema_current(Connection& connection) {
  auto migrations = migrations_for(connection.dialect());
  if (!migrations) return migrations.error();
  const int latest = migrations->empty() ? 0 : migrations->back().version;
  auto version = schema_version(connection);
  if (!version) return version.error();
  if (*version > latest) {
    return Error{core::Errc::conflict,
                 "the database schema is at version " + std::to_string(*version) +
                     ", newer than this laurel knows (" + std::to_string(latest) + ")",
                 {}};
  }
  if (*version < latest) {
    return Error{core::Errc::conflict,
                 "the database schema is at version " + std::to_string(*version) +
                     "; run `laurel migrate` to bring it to " + std::to_string(latest),
                 {}};
  }
  return {};
}

}  // namespace laurel::store
