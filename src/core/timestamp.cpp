#include "core/timestamp.hpp"

// date's parser trips g++ 12's -Wmaybe-uninitialized at -O3 in its own templates.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <date/date.h>

#include <sstream>

namespace laurel::core {

std::string format_rfc3339(Timestamp t) {
  return date::format("%FT%TZ", t);
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
