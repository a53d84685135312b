#include "crm/chat_quiet_hours.hpp"

#include <charconv>

namespace laurel::crm {
namespace {

constexpr int kDay = 24 * 60;

bool quiet_at(int minute, int from, int to) {
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

// The wall-clock time `minutes` after midnight of `day`, as an instant: through the zone's
// rules, so a quiet window ends at 08:00 on the clock also on a day the clocks change.
core::Timestamp wall_time(const core::CompanyZone& zone, core::LocalDate day, int minutes) {
  const auto text = core::format_date(day) + " " + format_clock_minutes(minutes);
  if (auto t = zone.parse_local_time(text)) return *t;
  // A wall time skipped by a clock change: the day's start plus the minutes is as good as any.
  return zone.start_of(day) + std::chrono::minutes(minutes);
}

// `t`, or the end of the quiet hours it falls in.
core::Timestamp after_quiet(const store::ChatTargetRecord& target, core::Timestamp t,
                            const core::CompanyZone& zone) {
  if (!target.quiet_from || !target.quiet_to) return t;
  const auto from = *target.quiet_from, to = *target.quiet_to;
  const auto day = zone.date_of(t);
  const auto local = zone.format_local_time(t);  // "YYYY-MM-DD HH:MM:SS"
  const int minute = std::stoi(local.substr(11, 2)) * 60 + std::stoi(local.substr(14, 2));
  if (!quiet_at(minute, from, to)) return t;
  // A window past midnight, entered this evening, ends tomorrow.
  const bool tomorrow = from > to && minute >= from;
  return wall_time(zone, tomorrow ? core::LocalDate(date::sys_days(day) + date::days(1)) : day, to);
}

}  // namespace

core::Timestamp chat_free_from(const store::ChatTargetRecord& target, core::Timestamp now,
                               std::int64_t sent_today, const core::CompanyZone& zone) {
  auto from = now;
  if (target.max_per_day && sent_today >= *target.max_per_day) {
    from = zone.start_of(core::LocalDate(date::sys_days(zone.date_of(now)) + date::days(1)));
  }
  return after_quiet(target, from, zone);
}

core::Result<int> read_clock_minutes(std::string_view text, const std::string& field) {
  int hours = -1, minutes = -1;
  const auto bad = core::Error::invalid(field, "must be a time of day as HH:MM, 00:00 to 23:59");
  if (text.size() != 5 || text[2] != ':') return bad;
  if (std::from_chars(text.data(), text.data() + 2, hours).ptr != text.data() + 2) return bad;
  if (std::from_chars(text.data() + 3, text.data() + 5, minutes).ptr != text.data() + 5) return bad;
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return bad;
  return hours * 60 + minutes;
}

std::string format_clock_minutes(int minutes) {
  minutes = ((minutes % kDay) + kDay) % kDay;
  std::string out = "00:00";
  out[0] = static_cast<char>('0' + minutes / 600);
  out[1] = static_cast<char>('0' + minutes / 60 % 10);
  out[3] = static_cast<char>('0' + minutes % 60 / 10);
  out[4] = static_cast<char>('0' + minutes % 10);
  return out;
}

}  // namespace laurel::crm
