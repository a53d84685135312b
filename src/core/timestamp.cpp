#include "core/timestamp.hpp"

// date's parser trips g++ 12's -Wmaybe-uninitialized at -O3 in its own templates.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <date/date.h>

#include <cstdio>
#include <sstream>

namespace laurel::core {

// By hand rather than date::format, which goes through an ostream: every record in every
// response and event payload carries two or three of these, and the stream cost a tenth of a
// batch import.
std::string format_rfc3339(Timestamp t) {
  const auto day = date::floor<date::days>(t);
  const date::year_month_day ymd{day};
  const std::int64_t of_day = (t - day).count();  // microseconds since midnight, UTC
  char text[64];  // room for what the compiler cannot rule out, not what is written
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02lld:%02lld:%02lld.%06lldZ",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<long long>(of_day / 3'600'000'000),
                static_cast<long long>(of_day / 60'000'000 % 60),
                static_cast<long long>(of_day / 1'000'000 % 60),
                static_cast<long long>(of_day % 1'000'000));
  return text;
}

std::optional<Timestamp> parse_rfc3339(std::string_view text) {
  // date::parse wants a stream; the two accepted shapes differ only in the zone designator.
  const std::string input(text);
  for (const char* pattern : {"%FT%TZ", "%FT%T%Ez"}) {
    std::istringstream in(input);
    Timestamp t;
    in >> date::parse(pattern, t);
    if (!in.fail() && in.peek() == std::char_traits<char>::eof()) return t;
  }
  return std::nullopt;
}
#pragma GCC diagnostic pop

}  // namespace laurel::core
