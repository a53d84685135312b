#include "auth/user_validation.hpp"

#include <algorithm>

namespace laurel::auth {

using core::Error;

std::size_t utf8_length(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char ch) {
    return (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  }));
}

core::Status validate_username(std::string_view username) {
  if (username.size() < 3 || username.size() > 64) {
    return Error::invalid("username", "must be 3 to 64 characters long");
  }
  const auto allowed = [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' ||
           ch == '-';
  };
  if (!std::all_of(username.begin(), username.end(), allowed)) {
    return Error::invalid("username", "may contain only lower-case letters a-z, digits and . _ -");
  }
  if (!std::isalnum(static_cast<unsigned char>(username.front()))) {
    return Error::invalid("username", "must start with a letter or a digit");
  }
  return {};
}

core::Status validate_password(std::string_view password, std::string_view field) {
  if (utf8_length(password) < kMinPasswordLength) {
    return Error::invalid(
        std::string(field),
        "must be at least " + std::to_string(kMinPasswordLength) + " characters long");
  }
  if (password.size() > kMaxPasswordBytes) {
    return Error::invalid(std::string(field),
                          "must be at most " + std::to_string(kMaxPasswordBytes) + " bytes long");
  }
  if (std::all_of(password.begin(), password.end(),
                  [&](char ch) { return ch == password.front(); })) {
    return Error::invalid(std::string(field), "must not repeat one character");
  }
  return {};
}

core::Status validate_display_name(std::string_view name) {
  const auto length = utf8_length(name);
  if (length < 1 || length > 100) {
    return Error::invalid("display_name", "must be 1 to 100 characters long");
  }
  if (std::any_of(name.begin(), name.end(),
                  [](char ch) { return static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f; })) {
    return Error::invalid("display_name", "must not contain control characters");
  }
  if (name.find_first_not_of(' ') == std::string_view::npos) {
    return Error::invalid("display_name", "must not be blank");
  }
  return {};
}

core::Status validate_email(std::string_view email) {
  const auto at = email.find('@');
  const auto dot = email.rfind('.');
  if (email.size() > 254 || at == std::string_view::npos || at == 0 ||
      dot == std::string_view::npos || dot < at + 2 || dot + 1 >= email.size() ||
      email.find(' ') != std::string_view::npos ||
      email.find('@', at + 1) != std::string_view::npos) {
    return Error::invalid("email", "is not an e-mail address");
  }
  return {};
}

}  // namespace laurel::auth
