#include "store/sqlite/sqlite_connection.hpp"

#include <charconv>
#include <chrono>

namespace laurel::store {
namespace {

using core::Errc;
using core::Error;

class StopWatch {
 public:
  explicit StopWatch(const QueryObserver* observer)
      : observer_(observer && *observer ? observer : nullptr),
        start_(observer_ ? std::chrono::steady_clock::now()
                         : std::chrono::steady_clock::time_point{}) {}
  ~StopWatch() {
    if (observer_) (*observer_)(std::chrono::steady_clock::now() - start_);
  }

 private:
  const QueryObserver* observer_;
  std::chrono::steady_clock::time_point start_;
};

// Resets a statement after use so it holds no read lock and can be reused.
struct ResetOnExit {
  sqlite3_stmt* statement;
  ~ResetOnExit() {
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
  }
};

}  // namespace

SqliteConnection::SqliteConnection(sqlite3* db, const QueryObserver* observer)
    : db_(db), observer_(observer) {}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, prepared] : cache_)
    sqlite3_finalize(prepared.statement);
  sqlite3_close_v2(db_);
}

Error SqliteConnection::error_of(int code, std::string_view context) const {
  const std::string message = std::string(context) + ": " + sqlite3_errmsg(db_);
  switch (code & 0xff) {
    case SQLITE_CONSTRAINT:
      if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY ||
          code == SQLITE_CONSTRAINT_FOREIGNKEY) {
        return {Errc::conflict, message, {}};
      }
      return {Errc::invalid_input, message, {}};
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return {Errc::unavailable, message, {}};
    default:
      return {Errc::internal, message, {}};
  }
}

core::Result<SqliteConnection::Prepared*> SqliteConnection::prepare(std::string_view sql) {
  const std::string key(sql);
  if (auto it = cache_.find(key); it != cache_.end()) return &it->second;

  Prepared prepared;
  const char* tail = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &prepared.statement, &tail);
  if (rc != SQLITE_OK) return error_of(rc, "prepare");
  if (tail && std::string_view(tail).find_first_not_of(" \t\r\n;") != std::string_view::npos) {
    sqlite3_finalize(prepared.statement);
    return Error::internal("query() takes one statement; use execute_script() for several");
  }
  const int count = sqlite3_bind_parameter_count(prepared.statement);
  for (int index = 1; index <= count; ++index) {
    const char* name = sqlite3_bind_parameter_name(prepared.statement, index);
    int number = 0;
    const std::string_view n = name ? std::string_view(name) : std::string_view();
    if (n.size() < 2 || n[0] != '$' ||
        std::from_chars(n.data() + 1, n.data() + n.size(), number).ec != std::errc() ||
        number < 1) {
      // The name belongs to the statement: build the message before finalising it.
      Error error = Error::internal("placeholders must be $1..$n, found " + std::string(n));
      sqlite3_finalize(prepared.statement);
      return error;
    }
    if (prepared.slots.size() < static_cast<std::size_t>(number)) {
      prepared.slots.resize(number, 0);
    }
    prepared.slots[number - 1] = index;
  }
  return &cache_.emplace(key, std::move(prepared)).first->second;
}

core::Result<Rows> SqliteConnection::query(std::string_view sql, std::span<const Value> params) {
  StopWatch timing(observer_);
  auto prepared = prepare(sql);
  if (!prepared) return prepared.error();
  sqlite3_stmt* statement = (*prepared)->statement;
  const auto& slots = (*prepared)->slots;
  if (params.size() != slots.size()) {
    return Error::internal("statement expects " + std::to_string(slots.size()) +
                           " parameters, got " + std::to_string(params.size()));
  }
  ResetOnExit reset{statement};
  for (std::size_t i = 0; i < params.size(); ++i) {
    const int slot = slots[i];
    if (slot == 0) continue;  // $n not used by the statement
    const Value& value = params[i];
    int rc = SQLITE_OK;
    if (std::holds_alternative<Null>(value)) {
      rc = sqlite3_bind_null(statement, slot);
    } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
      rc = sqlite3_bind_int64(statement, slot, *integer);
    } else if (const auto* real = std::get_if<double>(&value)) {
      rc = sqlite3_bind_double(statement, slot, *real);
    } else {
      const auto& s = std::get<std::string>(value);
      rc = sqlite3_bind_text64(statement, slot, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    }
    if (rc != SQLITE_OK) return error_of(rc, "bind");
  }

  Rows result;
  const int columns = sqlite3_column_count(statement);
  result.columns.reserve(columns);
  for (int c = 0; c < columns; ++c)
    result.columns.emplace_back(sqlite3_column_name(statement, c));
  for (;;) {
    const int rc = sqlite3_step(statement);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) return error_of(sqlite3_extended_errcode(db_), "step");
    std::vector<Value> values;
    values.reserve(columns);
    for (int c = 0; c < columns; ++c) {
      switch (sqlite3_column_type(statement, c)) {
        case SQLITE_INTEGER:
          values.emplace_back(std::int64_t{sqlite3_column_int64(statement, c)});
          break;
        case SQLITE_FLOAT:
          values.emplace_back(sqlite3_column_double(statement, c));
          break;
        case SQLITE_NULL:
          values.emplace_back(Null{});
          break;
        default: {
          const auto* data = sqlite3_column_blob(statement, c);
          const int size = sqlite3_column_bytes(statement, c);
          values.emplace_back(std::string(static_cast<const char*>(data), size));
        }
      }
    }
    result.rows.emplace_back(std::move(values));
  }
  result.changes = sqlite3_changes64(db_);
  return result;
}

core::Status SqliteConnection::execute_script(std::string_view sql) {
  StopWatch timing(observer_);
  const std::string script(sql);
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, script.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    Error error = error_of(sqlite3_extended_errcode(db_), "script");
    if (message) error.message = std::string("script: ") + message;
    sqlite3_free(message);
    return error;
  }
  return {};
}

core::Status SqliteConnection::begin() {
  if (auto r = query("BEGIN IMMEDIATE"); !r) return r.error();
  return {};
}

core::Status SqliteConnection::commit() {
  if (auto r = query("COMMIT"); !r) return r.error();
  return {};
}

core::Status SqliteConnection::rollback() {
  if (!in_transaction()) return {};
  if (auto r = query("ROLLBACK"); !r) return r.error();
  return {};
}

}  // namespace laurel::store
