#pragma once
// Pinyin keys for searching Chinese names the way salespeople type them on a phone: by initials
// ("zsyh" finds 招商银行) or in full ("zhaoshang"). Characters with several readings (行: xíng,
// háng) give every combination, so "zsyh" and "zsyx" both find 招商银行 — a search key, not a
// transcription. Letters and digits are kept (lower case); other characters are dropped.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace laurel::core {

// The initials of `text`, one string per combination of readings, most likely first; at most
// `max_variants` (past that, the remaining characters take their most likely reading only).
std::vector<std::string> pinyin_initials(std::string_view text, std::size_t max_variants = 16);

// The most likely reading of every character, run together: 招商银行 -> "zhaoshangyinxing".
std::string pinyin_full(std::string_view text);

// Decodes UTF-8 (invalid bytes are skipped).
std::vector<char32_t> utf8_code_points(std::string_view text);

}  // namespace laurel::core
