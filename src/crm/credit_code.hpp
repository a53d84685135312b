#pragma once
// The unified social credit code (统一社会信用代码, GB 32100-2015) that identifies an institution:
// 18 characters from 0-9 and the capitals without I, O, S, V and Z; the last is a check character
// over the first 17 (weights 3^i mod 31, check = (31 - sum mod 31) mod 31).

#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace laurel::crm {

// The code in its canonical form (upper case, surrounding spaces removed), or an error on
// field "registration_code" saying what is wrong.
core::Result<std::string> normalise_credit_code(std::string_view text);

// The check character the first 17 characters call for.
char credit_code_check_character(std::string_view first17);

}  // namespace laurel::crm
