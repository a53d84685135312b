#include "store/value.hpp"

namespace laurel::store {

double Row::real(std::size_t i) const {
  // SQLite hands back whole-number REAL values as they were stored, but an integer column read
  // as a real is common enough (averages, ratios) to accept both.
  const Value& v = values_.at(i);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  return static_cast<double>(std::get<std::int64_t>(v));
}

std::optional<std::int64_t> Row::optional_integer(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return integer(i);
}

std::optional<std::string> Row::optional_text(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return text(i);
}

}  // namespace laurel::store
