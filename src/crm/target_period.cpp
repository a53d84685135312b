#include "crm/target_period.hpp"

#include <charconv>

namespace laurel::crm {
namespace {

std::optional<int> digits(std::string_view text) {
  int value = 0;
  if (text.empty()) return std::nullopt;
  for (char ch : text) {
    if (ch < '0' || ch > '9') return std::nullopt;
  }
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

TargetPeriod months(std::string key, int year, unsigned first_month, unsigned count) {
  const date::year_month first{date::year{year}, date::month{first_month}};
  const auto last = first + date::months{count - 1};
  return {std::move(key), first / date::day{1}, date::year_month_day{last / date::last}};
}

std::string two_digits(unsigned n) {
  return (n < 10 ? "0" : "") + std::to_string(n);
}

}  // namespace

std::optional<TargetPeriod> parse_target_period(std::string_view text) {
  if (text.size() < 4) return std::nullopt;
  const auto year = digits(text.substr(0, 4));
  if (!year || *year < 2000 || *year > 2099) return std::nullopt;
  const std::string key(text);
  if (text.size() == 4) return months(key, *year, 1, 12);
  if (text[4] != '-') return std::nullopt;
  if (text.size() == 7 && text[5] == 'Q') {
    const auto quarter = digits(text.substr(6));
    if (!quarter || *quarter < 1 || *quarter > 4) return std::nullopt;
    return months(key, *year, static_cast<unsigned>(*quarter - 1) * 3 + 1, 3);
  }
  if (text.size() == 7) {
    const auto month = digits(text.substr(5));
    if (!month || *month < 1 || *month > 12) return std::nullopt;
    return months(key, *year, static_cast<unsigned>(*month), 1);
  }
  return std::nullopt;
}

std::vector<TargetPeriod> periods_containing(core::LocalDate day) {
  const int year = static_cast<int>(day.year());
  const unsigned month = static_cast<unsigned>(day.month());
  const unsigned quarter = (month - 1) / 3 + 1;
  const auto y = std::to_string(year);
  return {months(y + "-" + two_digits(month), year, month, 1),
          months(y + "-Q" + std::to_string(quarter), year, (quarter - 1) * 3 + 1, 3),
          months(y, year, 1, 12)};
}

}  // namespace laurel::crm
