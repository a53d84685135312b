#include "core/pinyin.hpp"

#include <algorithm>
#include <cctype>

#include "core/pinyin_table.hpp"

namespace laurel::core {
namespace {

const PinyinEntry* find(char32_t cp) {
  const auto* end = kPinyinTable + kPinyinTableSize;
  const auto* it = std::lower_bound(
      kPinyinTable, end, cp, [](const PinyinEntry& e, char32_t c) { return e.code_point < c; });
  return it != end && it->code_point == cp ? it : nullptr;
}

// Letters and digits as themselves (lower case); nothing for other non-Han characters.
std::string_view ascii_key(char32_t cp, char& buffer) {
  if (cp < 0x80 && std::isalnum(static_cast<int>(cp))) {
    buffer = static_cast<char>(std::tolower(static_cast<int>(cp)));
    return {&buffer, 1};
  }
  // Full-width letters and digits (Ａ, １), as some input methods type them.
  if (cp >= 0xFF10 && cp <= 0xFF5A && std::isalnum(static_cast<int>(cp - 0xFEE0))) {
    buffer = static_cast<char>(std::tolower(static_cast<int>(cp - 0xFEE0)));
    return {&buffer, 1};
  }
  return {};
}

}  // namespace

std::vector<char32_t> utf8_code_points(std::string_view text) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const int length = lead < 0x80           ? 1
                       : (lead >> 5) == 0x6  ? 2
                       : (lead >> 4) == 0xE  ? 3
                       : (lead >> 3) == 0x1E ? 4
                                             : 0;
    if (length == 0 || i + length > text.size()) {
      ++i;
      continue;
    }
    char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
    bool valid = true;
    for (int k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) valid = false;
      cp = (cp << 6) | (next & 0x3F);
    }
    i += valid ? length : 1;
    if (valid) out.push_back(cp);
  }
  return out;
}

std::vector<std::string> pinyin_initials(std::string_view text, std::size_t max_variants) {
  std::vector<std::string> variants{""};
  for (char32_t cp : utf8_code_points(text)) {
    char buffer = 0;
    if (auto key = ascii_key(cp, buffer); !key.empty()) {
      for (auto& v : variants)
        v += key;
      continue;
    }
    const auto* entry = find(cp);
    if (!entry) continue;
    const std::string_view initials = entry->initials;
    if (initials.size() == 1 || variants.size() * initials.size() > max_variants) {
      for (auto& v : variants)
        v += initials[0];
      continue;
    }
    std::vector<std::string> next;
    next.reserve(variants.size() * initials.size());
    for (char initial : initials) {
      for (const auto& v : variants)
        next.push_back(v + initial);
    }
    variants = std::move(next);
  }
  return variants;
}

std::string pinyin_full(std::string_view text) {
  std::string out;
  for (char32_t cp : utf8_code_points(text)) {
    char buffer = 0;
    if (auto key = ascii_key(cp, buffer); !key.empty()) {
      out += key;
    } else if (const auto* entry = find(cp)) {
      out += entry->pinyin;
    }
  }
  return out;
}

}  // namespace laurel::core
