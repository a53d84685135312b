#include "crm/good_news_text.hpp"

#include <array>

namespace laurel::crm {
namespace {

// `hundredths` of a unit as "12", "12.5" or "12.05".
std::string decimal(std::int64_t hundredths) {
  std::string out = std::to_string(hundredths / 100);
  const auto cents = hundredths % 100;
  if (cents == 0) return out;
  out += '.';
  out += static_cast<char>('0' + cents / 10);
  if (cents % 10) out += static_cast<char>('0' + cents % 10);
  return out;
}

// "1,234,567"
std::string grouped(std::int64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

}  // namespace

std::string_view language_code(Language language) {
  return language == Language::en ? "en" : "zh-CN";
}

std::string amount_words(core::Fen fen, Language language) {
  const bool negative = fen < 0;
  const std::int64_t v = negative ? -fen : fen;
  std::string out;
  if (language == Language::zh_cn) {
    constexpr std::int64_t kYi = 100'000'000LL * 100, kWan = 10'000LL * 100;
    if (v >= kYi) {
      out = decimal(v / (kYi / 100)) + "亿";
    } else if (v >= kWan) {
      out = decimal(v / (kWan / 100)) + "万";
    } else {
      out = decimal(v) + "元";
    }
  } else {
    constexpr std::int64_t kBillion = 1'000'000'000LL * 100, kMillion = 1'000'000LL * 100;
    if (v >= kBillion) {
      out = "¥" + decimal(v / (kBillion / 100)) + "B";
    } else if (v >= kMillion) {
      out = "¥" + decimal(v / (kMillion / 100)) + "M";
    } else {
      out = "¥" + grouped(v / 100);
      if (v % 100) out += decimal(v % 100).substr(1);  // ".5" of "0.5"
    }
  }
  return negative ? "-" + out : out;
}

std::string period_words(core::Period period, Language language) {
  const bool zh = language == Language::zh_cn;
  const date::year_month_day first{core::first_day(period)};
  const auto year = std::to_string(static_cast<int>(first.year()));
  const auto month = static_cast<unsigned>(first.month());
  const std::string text = core::format_period(period);  // "2026-W49": the ISO week-year
  switch (period.kind) {
    case core::PeriodKind::day:
      return zh ? year + "年" + std::to_string(month) + "月" +
                      std::to_string(static_cast<unsigned>(first.day())) + "日"
                : std::to_string(static_cast<unsigned>(first.day())) + " " +
                      std::string(kMonths[month - 1]) + " " + year;
    case core::PeriodKind::week: {
      const auto week_year = text.substr(0, text.find('-'));
      const auto week = std::to_string(std::stoi(text.substr(text.find('W') + 1)));
      return zh ? week_year + "年第" + week + "周" : "week " + week + " of " + week_year;
    }
    case core::PeriodKind::month:
      return zh ? year + "年" + std::to_string(month) + "月"
                : std::string(kMonths[month - 1]) + " " + year;
    case core::PeriodKind::quarter: {
      const auto quarter = std::to_string((month - 1) / 3 + 1);
      return zh ? year + "年第" + quarter + "季度" : "Q" + quarter + " " + year;
    }
    case core::PeriodKind::year:
      return zh ? year + "年" : year;
    case core::PeriodKind::all_time:
      return zh ? "累计" : "all time";
  }
  return text;
}

std::string fill_template(std::string_view text, const std::map<std::string, std::string>& values) {
  std::string out;
  out.reserve(text.size() + 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto end = text[i] == '{' ? text.find('}', i) : std::string_view::npos;
    if (end == std::string_view::npos) {
      out += text[i];
      continue;
    }
    const auto it = values.find(std::string(text.substr(i + 1, end - i - 1)));
    if (it != values.end()) out += it->second;
    i = end;
  }
  return out;
}

}  // namespace laurel::crm
