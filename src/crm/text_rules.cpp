#include "crm/text_rules.hpp"

#include <algorithm>

#include "auth/user_validation.hpp"

namespace laurel::crm {
namespace {

core::Status check(std::string_view field, std::string_view value, std::size_t max,
                   bool allow_line_breaks) {
  const auto length = auth::utf8_length(value);
  if (length < 1 || length > max) {
    return core::Error::invalid(std::string(field),
                                "must be 1 to " + std::to_string(max) + " characters");
  }
  if (value.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return core::Error::invalid(std::string(field), "must not be blank");
  }
  const bool control = std::any_of(value.begin(), value.end(), [&](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    if (allow_line_breaks && (c == '\n' || c == '\r' || c == '\t')) return false;
    return c < 0x20 || c == 0x7f;
  });
  if (control) {
    return core::Error::invalid(std::string(field), "must not contain control characters");
  }
  return {};
}

}  // namespace

core::Status check_text(std::string_view field, std::string_view value, std::size_t max) {
  return check(field, value, max, false);
}

core::Status check_long_text(std::string_view field, std::string_view value, std::size_t max) {
  return check(field, value, max, true);
}

}  // namespace laurel::crm
