#pragma once
// Conversions of Timestamp to and from the forms it takes at Laurel's edges: RFC 3339 text in
// JSON and logs, integer microseconds in the database.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace laurel::core {

// "2026-11-23T08:00:00.123456Z": always UTC, always microseconds, so text sorts like time.
std::string format_rfc3339(Timestamp t);

// Accepts RFC 3339 with a "Z" or a numeric offset, with or without fractional seconds.
std::optional<Timestamp> parse_rfc3339(std::string_view text);

inline std::int64_t to_micros(Timestamp t) {
  return t.time_since_epoch().count();
}
inline Timestamp from_micros(std::int64_t micros) {
  return Timestamp(std::chrono::microseconds(micros));
}

}  // namespace laurel::core
