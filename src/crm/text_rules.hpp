#pragma once
// The rule every free-text field of CRM records follows: a length in characters (not bytes),
// not blank, and no control characters (which break CSV exports and group-chat messages).

#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace laurel::crm {

core::Status check_text(std::string_view field, std::string_view value, std::size_t max);

// As check_text, for long free text (visit notes) where line breaks and tabs are expected.
core::Status check_long_text(std::string_view field, std::string_view value, std::size_t max);

}  // namespace laurel::crm
