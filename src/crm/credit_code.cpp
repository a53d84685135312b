#include "crm/credit_code.hpp"

#include <array>

namespace laurel::crm {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kWeights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                          29, 25, 13, 8,  24, 10, 30, 28};

}  // namespace

char credit_code_check_character(std::string_view first17) {
  int sum = 0;
  for (std::size_t i = 0; i < 17 && i < first17.size(); ++i) {
    sum += static_cast<int>(kAlphabet.find(first17[i])) * kWeights[i];
  }
  return kAlphabet[static_cast<std::size_t>((31 - sum % 31) % 31)];
}

core::Result<std::string> normalise_credit_code(std::string_view text) {
  while (!text.empty() && text.front() == ' ')
    text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ')
    text.remove_suffix(1);
  std::string code;
  for (char ch : text)
    code += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (code.size() != 18) {
    return core::Error::invalid("registration_code",
                                "must be the 18-character unified social credit code");
  }
  for (char ch : code) {
    if (kAlphabet.find(ch) == std::string_view::npos) {
      return core::Error::invalid(
          "registration_code",
          std::string("contains '") + ch + "', which no unified social credit code uses");
    }
  }
  const char expected = credit_code_check_character(code);
  if (code[17] != expected) {
    return core::Error::invalid(
        "registration_code",
        std::string("check character is wrong (expected ") + expected + "): a typing mistake?");
  }
  return code;
}

}  // namespace laurel::crm
