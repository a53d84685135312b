#include "store/sql_conditions.hpp"

namespace laurel::store {

SqlConditions& SqlConditions::add(std::string_view condition, Value value) {
  params_.push_back(std::move(value));
  const auto placeholder = "$" + std::to_string(params_.size());
  sql_ += " AND ";
  for (char ch : condition) {
    if (ch == '?') {
      sql_ += placeholder;
    } else {
      sql_ += ch;
    }
  }
  return *this;
}

SqlConditions& SqlConditions::add(std::string_view condition) {
  sql_ += " AND ";
  sql_ += condition;
  return *this;
}

}  // namespace laurel::store
