#pragma once
// The values that cross the Store interface: SQL NULL, 64-bit integers, doubles and text.
// Money (fen) and time (microseconds since the epoch, UTC) travel as integers; booleans as 0/1;
// JSON documents as text. Keeping the set this small is what lets SQLite and PostgreSQL share
// one interface and one conformance suite.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace laurel::store {

using Null = std::monostate;
using Value = std::variant<Null, std::int64_t, double, std::string>;

// Helpers for binding optionals and booleans without ceremony at call sites.
inline Value nullable(const std::optional<std::string>& v) {
  return v ? Value(*v) : Value();
}
inline Value nullable(const std::optional<std::int64_t>& v) {
  return v ? Value(*v) : Value();
}
inline Value boolean(bool v) {
  return Value(std::int64_t{v ? 1 : 0});
}
inline Value text(std::string_view v) {
  return Value(std::string(v));
}

// One result row. Accessors assume the column's type is known from the query; asking for the
// wrong type is a programming error and throws std::bad_variant_access.
class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}

  std::size_t size() const { return values_.size(); }
  bool is_null(std::size_t i) const { return std::holds_alternative<Null>(values_.at(i)); }
  std::int64_t integer(std::size_t i) const { return std::get<std::int64_t>(values_.at(i)); }
  double real(std::size_t i) const;
  const std::string& text(std::size_t i) const { return std::get<std::string>(values_.at(i)); }
  bool boolean(std::size_t i) const { return integer(i) != 0; }
  std::optional<std::int64_t> optional_integer(std::size_t i) const;
  std::optional<std::string> optional_text(std::size_t i) const;
  const Value& at(std::size_t i) const { return values_.at(i); }

 private:
  std::vector<Value> values_;
};

struct Rows {
  std::vector<std::string> columns;
  std::vector<Row> rows;
  std::int64_t changes = 0;  // rows inserted, updated or deleted by the statement

  bool empty() const { return rows.empty(); }
  std::size_t size() const { return rows.size(); }
  const Row& front() const { return rows.front(); }
  auto begin() const { return rows.begin(); }
  auto end() const { return rows.end(); }
};

}  // namespace laurel::store
