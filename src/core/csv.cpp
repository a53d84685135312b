#include "core/csv.hpp"

#include <iconv.h>

#include <cerrno>
#include <cstdint>
#include <memory>

namespace laurel::core {
namespace {

Result<std::string> from_gb18030(std::string_view bytes) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) return Error::internal("iconv has no GB18030");
  std::unique_ptr<void, int (*)(iconv_t)> close(cd, iconv_close);
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  while (in_left > 0) {
    if (iconv(cd, &in, &in_left, &out_ptr, &out_left) != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      const auto used = static_cast<std::size_t>(out_ptr - out.data());
      out.resize(out.size() * 2);
      out_ptr = out.data() + used;
      out_left = out.size() - used;
      continue;
    }
    const auto offset = bytes.size() - in_left;
    return Error::invalid(
        "file", "is neither UTF-8 nor GB18030 text (at byte " + std::to_string(offset) + ")");
  }
  out.resize(static_cast<std::size_t>(out_ptr - out.data()));
  return out;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t extra = 0;
    std::uint32_t min = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3, min = 0x10000;
    } else {
      return false;
    }
    if (i + extra >= s.size()) return false;  // truncated sequence
    std::uint32_t code = c & (0x3F >> extra);
    for (std::size_t k = 1; k <= extra; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0) != 0x80) return false;
      code = (code << 6) | (b & 0x3F);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
    i += extra + 1;
  }
  return true;
}

Result<DecodedText> decode_text(std::string_view bytes) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (bytes.starts_with(kBom)) bytes.remove_prefix(kBom.size());
  if (is_valid_utf8(bytes)) return DecodedText{std::string(bytes), TextEncoding::utf8};
  auto converted = from_gb18030(bytes);
  if (!converted) return converted.error();
  return DecodedText{std::move(*converted), TextEncoding::gb18030};
}

Result<std::vector<CsvRecord>> parse_csv(std::string_view text) {
  std::vector<CsvRecord> records;
  CsvRecord record;
  std::string field;
  std::size_t line = 1;
  std::size_t quote_line = 0;
  bool in_quotes = false;
  bool field_started = false;  // the record has content (so a blank line is not a record)
  const auto end_field = [&] {
    record.fields.push_back(std::move(field));
    field.clear();
  };
  const auto end_record = [&] {
    if (field_started || !record.fields.empty()) {
      end_field();
      records.push_back(std::move(record));
    }
    record = CsvRecord{};
    field_started = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (!field_started && record.fields.empty()) record.line = line;
    if (in_quotes) {
      if (ch == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (ch == '\n') ++line;
        field += ch;
      }
      continue;
    }
    switch (ch) {
      case '"':
        in_quotes = true;
        quote_line = line;
        field_started = true;
        break;
      case ',':
        field_started = true;
        end_field();
        break;
      case '\r':
        break;  // CRLF: the LF ends the record
      case '\n':
        end_record();
        ++line;
        break;
      default:
        field_started = true;
        field += ch;
    }
  }
  if (in_quotes) {
    return Error::invalid("file",
                          "line " + std::to_string(quote_line) + ": a quoted field is not closed");
  }
  end_record();
  return records;
}

}  // namespace laurel::core
