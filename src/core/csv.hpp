#pragma once
// Reading CSV files as people produce them: RFC 4180 (quoted fields, doubled quotes, line breaks
// inside quotes, CRLF or LF), saved as UTF-8 (with or without a byte-order mark) or as GB18030,
// which Chinese Excel writes by default. The text is decoded to UTF-8 first: valid UTF-8 is
// taken as is, anything else is converted from GB18030 (iconv), and bytes that are neither are
// refused with the offset where decoding failed.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace laurel::core {

enum class TextEncoding { utf8, gb18030 };

struct DecodedText {
  std::string utf8;
  TextEncoding source = TextEncoding::utf8;
};

Result<DecodedText> decode_text(std::string_view bytes);

bool is_valid_utf8(std::string_view bytes);

struct CsvRecord {
  std::size_t line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

// Parses UTF-8 text. Blank lines are skipped; an unterminated quote is an error naming its line.
Result<std::vector<CsvRecord>> parse_csv(std::string_view text);

}  // namespace laurel::core
