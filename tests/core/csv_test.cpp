#include "core/csv.hpp"

#include <gtest/gtest.h>

namespace laurel::core {
namespace {

std::vector<std::vector<std::string>> fields(std::string_view text) {
  std::vector<std::vector<std::string>> out;
  for (auto& record : parse_csv(text).value())
    out.push_back(record.fields);
  return out;
}

TEST(Csv, ReadsQuotedFieldsDoubledQuotesAndLineBreaksInsideQuotes) {
  EXPECT_EQ(fields("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n"),
            (std::vector<std::vector<std::string>>{{"a", "b", "c"}, {"1", "x, y", "say \"hi\""}}));
  auto records = parse_csv("h\r\n\"two\nlines\"\r\nlast").value();
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].fields[0], "two\nlines");
  EXPECT_EQ(records[2].line, 4u) << "the quoted line break counts";
}

TEST(Csv, KeepsEmptyFieldsAndSkipsBlankLines) {
  EXPECT_EQ(fields("a,,c\n\n,\n\r\n"),
            (std::vector<std::vector<std::string>>{{"a", "", "c"}, {"", ""}}));
}

TEST(Csv, AnUnclosedQuoteNamesItsLine) {
  auto bad = parse_csv("a\nb\n\"open,c\n");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("line 3"), std::string::npos) << bad.error().message;
}

TEST(TextDecoding, Utf8WithOrWithoutABomIsTakenAsIs) {
  auto plain = decode_text("名称,金额\n").value();
  EXPECT_EQ(plain.utf8, "名称,金额\n");
  EXPECT_EQ(plain.source, TextEncoding::utf8);
  EXPECT_EQ(decode_text("\xEF\xBB\xBF名称").value().utf8, "名称");
}

TEST(TextDecoding, Gb18030FromChineseExcelIsConverted) {
  // "招商银行,申购" in GB18030 (GBK-compatible two-byte characters).
  const std::string gb = "\xD5\xD0\xC9\xCC\xD2\xF8\xD0\xD0,\xC9\xEA\xB9\xBA";
  auto decoded = decode_text(gb).value();
  EXPECT_EQ(decoded.source, TextEncoding::gb18030);
  EXPECT_EQ(decoded.utf8, "招商银行,申购");
}

TEST(TextDecoding, RefusesBytesThatAreNeitherAndChecksUtf8Strictly) {
  EXPECT_FALSE(decode_text(std::string("ok\x81\x20", 4)));
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));         // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));     // a surrogate
  EXPECT_FALSE(is_valid_utf8("\xE6\x8B"));         // truncated
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x8E\x89"));  // an emoji
}

}  // namespace
}  // namespace laurel::core
