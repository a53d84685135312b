#include "core/money.hpp"

#include <limits>

namespace laurel::core {
namespace {

bool is_digit(char ch) {
  return ch >= '0' && ch <= '9';
}

}  // namespace

Result<Fen> parse_amount(std::string_view text, std::string_view field) {
  const auto refuse = [&](std::string why) {
    return Error::invalid(std::string(field),
                          why + " (an amount is a decimal string such as \"1250000.00\")");
  };
  if (text.empty()) return refuse("is empty");
  const auto point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view decimals =
      point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  if (whole.empty()) return refuse("needs a digit before the decimal point");
  for (char ch : whole) {
    if (ch == '-') return refuse("must not be negative");
    if (!is_digit(ch)) return refuse("may contain only digits and one decimal point");
  }
  if (point != std::string_view::npos && decimals.empty()) {
    return refuse("needs a digit after the decimal point");
  }
  for (char ch : decimals) {
    if (!is_digit(ch)) return refuse("may contain only digits and one decimal point");
  }
  if (decimals.size() > 2) return refuse("has more than 2 decimals");

  constexpr Fen kMax = std::numeric_limits<Fen>::max();
  Fen yuan = 0;
  for (char ch : whole) {
    const int digit = ch - '0';
    if (yuan > (kMax - digit) / 10) return refuse("is too large");
    yuan = yuan * 10 + digit;
  }
  Fen fen = 0;
  for (std::size_t i = 0; i < 2; ++i) {
    fen = fen * 10 + (i < decimals.size() ? decimals[i] - '0' : 0);
  }
  if (yuan > (kMax - fen) / 100) return refuse("is too large");
  return yuan * 100 + fen;
}

std::string format_amount(Fen amount) {
  // Work on the magnitude as unsigned so that the most negative value formats too.
  const bool negative = amount < 0;
  const auto magnitude =
      negative ? std::uint64_t(0) - static_cast<std::uint64_t>(amount) : std::uint64_t(amount);
  const auto cents = magnitude % 100;
  std::string text = std::to_string(magnitude / 100);
  text += '.';
  text += static_cast<char>('0' + cents / 10);
  text += static_cast<char>('0' + cents % 10);
  return negative ? "-" + text : text;
}

}  // namespace laurel::core
