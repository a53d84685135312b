#include "core/timestamp.hpp"

// date's parser trips g++ 12's -Wmaybe-uninitialized at -O3 in its own templates.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <date/date.h>

#include <cstdio>

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

namespace {

// `n` decimal digits at `at`, or -1.
int digits(std::string_view text, std::size_t at, std::size_t n) {
  if (at + n > text.size()) return -1;
  int value = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

// By hand rather than date::parse, which goes through an istream: the engine parses a trade
// time for every trade in the log at startup, and the stream cost a tenth of the replay.
// YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM); a fraction of more than six digits is cut to
// microseconds (some systems send nanoseconds).
std::optional<Timestamp> parse_rfc3339(std::string_view text) {
  const int year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
  const int hour = digits(text, 11, 2), minute = digits(text, 14, 2), second = digits(text, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return {};
  if (text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':') {
    return {};
  }
  const date::year_month_day ymd{date::year(year), date::month(static_cast<unsigned>(month)),
                                 date::day(static_cast<unsigned>(day))};
  if (!ymd.ok() || hour > 23 || minute > 59 || second > 59) return {};
  std::size_t at = 19;
  std::int64_t micros = 0;
  if (at < text.size() && text[at] == '.') {
    std::size_t n = 0;
    for (++at; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at, ++n) {
      if (n < 6) micros = micros * 10 + (text[at] - '0');
    }
    if (n == 0 || n > 9) return {};
    for (; n < 6; ++n)
      micros *= 10;
  }
  std::int64_t offset_minutes = 0;
  if (at < text.size() && text[at] == 'Z') {
    ++at;
  } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
    const int oh = digits(text, at + 1, 2), om = digits(text, at + 4, 2);
    if (oh < 0 || om < 0 || text[at + 3] != ':' || oh > 23 || om > 59) return {};
    offset_minutes = (text[at] == '-' ? -1 : 1) * (oh * 60 + om);
    at += 6;
  } else {
    return {};
  }
  if (at != text.size()) return {};
  using std::chrono::microseconds;
  using std::chrono::minutes;
  using std::chrono::seconds;
  return Timestamp(date::sys_days(ymd).time_since_epoch()) +
         seconds(hour * 3600 + minute * 60 + second) + microseconds(micros) -
         minutes(offset_minutes);
}
#pragma GCC diagnostic pop

}  // namespace laurel::core
