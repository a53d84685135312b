#pragma once
// The rules for user fields, in one place for the API, the CLI and the services.

#include <string_view>

#include "core/error.hpp"

namespace laurel::auth {

inline constexpr std::size_t kMinPasswordLength = 10;
inline constexpr std::size_t kMaxPasswordBytes = 256;

// 3 to 64 of a-z 0-9 . _ -, starting with a letter or digit. Stored lower case.
core::Status validate_username(std::string_view username);
// Length in characters (not bytes), 10 to 256 bytes, not all one character.
core::Status validate_password(std::string_view password, std::string_view field = "password");
// 1 to 100 characters, no control characters.
core::Status validate_display_name(std::string_view name);
// A plausible address: something@something.tld, at most 254 bytes.
core::Status validate_email(std::string_view email);
// Counts UTF-8 code points; invalid UTF-8 never reaches here (the JSON parser refuses it).
std::size_t utf8_length(std::string_view text);

}  // namespace laurel::auth
