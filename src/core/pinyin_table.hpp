#pragma once
// The generated pinyin table (scripts/gen_pinyin_table.py): one entry per Han character, sorted
// by code point. Only core/pinyin.cpp reads it.

#include <cstddef>

namespace laurel::core {

struct PinyinEntry {
  char32_t code_point;
  const char* initials;  // distinct first letters of its readings, most likely first
  const char* pinyin;    // its most likely reading, without tone
};

extern const PinyinEntry kPinyinTable[];
extern const std::size_t kPinyinTableSize;

}  // namespace laurel::core
