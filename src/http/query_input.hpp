#pragma once
// Validated reading of query parameters, in the same manner as JsonInput: each accepted
// parameter is asked for by name and type, and finish() refuses the rest, so that a typo such
// as ?rol=admin is an error rather than a silently unfiltered list.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/local_date.hpp"

namespace laurel::http {

class QueryInput {
 public:
  // Percent-decodes; a malformed query or a repeated parameter is an error.
  static core::Result<QueryInput> parse(std::string_view query);

  core::Result<std::optional<std::string>> optional_string(std::string_view name,
                                                           std::size_t max_length = 200);
  core::Result<std::optional<std::int64_t>> optional_integer(std::string_view name,
                                                             std::int64_t min, std::int64_t max);
  core::Result<std::optional<bool>> optional_bool(std::string_view name);
  core::Result<std::optional<core::Timestamp>> optional_time(std::string_view name);
  // A company-local calendar day, "YYYY-MM-DD".
  core::Result<std::optional<core::LocalDate>> optional_date(std::string_view name);
  // ?cursor=: the next_cursor a previous page gave (0, the default, starts at the beginning).
  core::Result<std::int64_t> cursor();
  // ?limit= with a default and an upper bound, for every paginated list.
  core::Result<int> limit(int default_limit = 50, int max_limit = 200);

  core::Status finish() const;

 private:
  std::map<std::string, std::string, std::less<>> params_;
  std::set<std::string, std::less<>> taken_;
};

}  // namespace laurel::http
