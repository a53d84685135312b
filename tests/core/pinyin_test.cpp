#include "core/pinyin.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace laurel::core {
namespace {

bool has(const std::vector<std::string>& variants, const std::string& key) {
  return std::find(variants.begin(), variants.end(), key) != variants.end();
}

TEST(Pinyin, InitialsCoverEveryLikelyReadingMostLikelyFirst) {
  const auto bank = pinyin_initials("招商银行");
  ASSERT_EQ(bank.size(), 2u) << "行 is xíng or háng";
  EXPECT_EQ(bank[0], "zsyx");
  EXPECT_TRUE(has(bank, "zsyh"));
  EXPECT_EQ(pinyin_initials("中国平安保险"), std::vector<std::string>{"zgpabx"});
  EXPECT_TRUE(has(pinyin_initials("重庆农商行"), "cqnsh"));
}

TEST(Pinyin, SimplifiedCharactersReadAsTheirTraditionalForms) {
  // Alone, 广 宁 业 团 are rare traditional characters (yǎn, zhù...); in simplified text they
  // are 廣 寧 業 團.
  EXPECT_TRUE(has(pinyin_initials("广州银行"), "gzyh"));
  EXPECT_TRUE(has(pinyin_initials("宁波银行"), "nbyh"));
  EXPECT_TRUE(has(pinyin_initials("农村商业银行"), "ncsyyh"));
  EXPECT_EQ(pinyin_full("集团"), "jituan");
  EXPECT_EQ(pinyin_full("广州"), "guangzhou");
}

TEST(Pinyin, LettersAndDigitsStayOtherCharactersGo) {
  EXPECT_EQ(pinyin_initials("ABC 资管 No.1")[0], "abczgno1");
  EXPECT_EQ(pinyin_initials("（深圳）")[0], "sz");
  EXPECT_EQ(pinyin_initials("ＡＢ银")[0], "aby") << "full-width letters as typed by some IMEs";
  EXPECT_EQ(pinyin_initials("")[0], "");
}

TEST(Pinyin, VariantsAreCapped) {
  // 行 has two readings: ten of them would make 1,024 keys.
  const auto many = pinyin_initials("行行行行行行行行行行", 16);
  EXPECT_EQ(many.size(), 16u);
  for (const auto& key : many)
    EXPECT_EQ(key.size(), 10u);
}

TEST(Pinyin, FullPinyinTakesTheMostLikelyReading) {
  EXPECT_EQ(pinyin_full("招商银行"), "zhaoshangyinxing");
  EXPECT_EQ(pinyin_full("Laurel 基金"), "laureljijin");
}

TEST(Pinyin, InvalidUtf8IsSkipped) {
  EXPECT_EQ(utf8_code_points("a\xff"
                             "b\xe6\x8b"),
            (std::vector<char32_t>{U'a', U'b'}));
}

}  // namespace
}  // namespace laurel::core
