#pragma once
// The WHERE conditions of a list query, built from the filters actually given.
//
// Why: SQLite prepares a statement once and plans it without looking at the values bound to
// it, so "($1 IS NULL OR client_id = $1)" can never use the index on client_id — on a table of
// 200,000 trades, one client's positions read them all. Building only the conditions that apply
// makes each combination of filters its own (cached) statement, planned with the index it needs.
//
//   std::vector<Value> params{limit};
//   SqlConditions where(params);
//   where.add_if(filter.client_id, "t.client_id = ?").add_if(filter.kind, "t.kind = ?");
//   db.query("SELECT ... FROM transactions t WHERE 1 = 1" + where.sql() + " LIMIT $1", params);

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/value.hpp"

namespace laurel::store {

class SqlConditions {
 public:
  explicit SqlConditions(std::vector<Value>& params) : params_(params) {}

  // A condition with one "?" standing for `value` (every "?" in it stands for the same value).
  SqlConditions& add(std::string_view condition, Value value);
  // A condition without a value.
  SqlConditions& add(std::string_view condition);

  template <class T>
  SqlConditions& add_if(const std::optional<T>& value, std::string_view condition) {
    if (value) add(condition, Value(*value));
    return *this;
  }

  // " AND c1 AND c2 ..." (empty when nothing was added).
  const std::string& sql() const { return sql_; }
  // The number the next parameter will get ("$n"), for SQL written around the conditions.
  std::size_t next_number() const { return params_.size() + 1; }

 private:
  std::vector<Value>& params_;
  std::string sql_;
};

}  // namespace laurel::store
