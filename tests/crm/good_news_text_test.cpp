#include "crm/good_news_text.hpp"

#include <gtest/gtest.h>

namespace laurel::crm {
namespace {

constexpr core::Fen yuan(std::int64_t n) {
  return n * 100;
}

TEST(GoodNewsText, AmountsAreWrittenAsPeopleSayThemAndNeverRoundedUp) {
  EXPECT_EQ(amount_words(yuan(50'000'000), Language::zh_cn), "5000万");
  EXPECT_EQ(amount_words(yuan(120'000'000), Language::zh_cn), "1.2亿");
  EXPECT_EQ(amount_words(yuan(10'000'000'000), Language::zh_cn), "100亿");
  EXPECT_EQ(amount_words(yuan(199'999'999), Language::zh_cn), "1.99亿");  // cut, not 2亿
  EXPECT_EQ(amount_words(yuan(12'500), Language::zh_cn), "1.25万");
  EXPECT_EQ(amount_words(yuan(8'000), Language::zh_cn), "8000元");
  EXPECT_EQ(amount_words(1250, Language::zh_cn), "12.5元");
  EXPECT_EQ(amount_words(yuan(50'000'000), Language::en), "¥50M");
  EXPECT_EQ(amount_words(yuan(1'200'000'000), Language::en), "¥1.2B");
  EXPECT_EQ(amount_words(yuan(2'000'000), Language::en), "¥2M");
  EXPECT_EQ(amount_words(yuan(8'000), Language::en), "¥8,000");
  EXPECT_EQ(amount_words(yuan(123'456) + 5, Language::en), "¥123,456.05");
  EXPECT_EQ(amount_words(-yuan(30'000), Language::zh_cn), "-3万");
}

TEST(GoodNewsText, PeriodsReadAsPeopleSayThem) {
  auto words = [](const char* p, Language l) { return period_words(*core::parse_period(p), l); };
  EXPECT_EQ(words("2026-12-01", Language::zh_cn), "2026年12月1日");
  EXPECT_EQ(words("2026-12-01", Language::en), "1 December 2026");
  EXPECT_EQ(words("2026-W49", Language::zh_cn), "2026年第49周");
  EXPECT_EQ(words("2026-W01", Language::en), "week 1 of 2026");
  // ISO week 1 of 2027 starts on Monday 4 January 2027; week 53 of 2026 ends on 3 January.
  EXPECT_EQ(words("2026-W53", Language::zh_cn), "2026年第53周");
  EXPECT_EQ(words("2026-12", Language::zh_cn), "2026年12月");
  EXPECT_EQ(words("2026-12", Language::en), "December 2026");
  EXPECT_EQ(words("2026-Q4", Language::zh_cn), "2026年第4季度");
  EXPECT_EQ(words("2026-Q4", Language::en), "Q4 2026");
  EXPECT_EQ(words("2026", Language::zh_cn), "2026年");
  EXPECT_EQ(words("all", Language::en), "all time");
}

TEST(GoodNewsText, TemplatesAreFilledAndUnknownNamesLeftEmpty) {
  EXPECT_EQ(fill_template("{person}破{amount}！{period}", {{"person", "李娜"}, {"amount", "1亿"}}),
            "李娜破1亿！");
  EXPECT_EQ(fill_template("no placeholders", {}), "no placeholders");
  EXPECT_EQ(fill_template("a lone { stays", {}), "a lone { stays");
}

}  // namespace
}  // namespace laurel::crm
