#pragma once
// Money is exact: integer fen (1/100 yuan) in an int64, never floating point. At the edges (the
// HTTP API, CSV imports, exports) amounts travel as decimal strings such as "1250000.00", so no
// client ever rounds them through a double.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace laurel::core {

using Fen = std::int64_t;

// Parses a non-negative decimal amount in yuan: digits, optionally a point and one or two
// decimals ("12", "12.5", "12.50"). Refused, naming `field`: a sign, an exponent, spaces,
// separators, more than two decimals, and anything over the int64 range of fen.
Result<Fen> parse_amount(std::string_view text, std::string_view field);

// "1250000.00"; negative amounts (net flows) get a leading '-'.
std::string format_amount(Fen amount);

}  // namespace laurel::core
