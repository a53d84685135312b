#include "http/query_input.hpp"

#include <gtest/gtest.h>

namespace laurel::http {
namespace {

TEST(QueryInputTest, DecodesAndTypes) {
  auto q =
      QueryInput::parse("q=%E7%8E%8B+%E8%8A%B3&limit=10&active=true&since=2026-11-23T08:00:00Z");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->optional_string("q").value(), "王 芳");
  EXPECT_EQ(q->limit().value(), 10);
  EXPECT_EQ(q->optional_bool("active").value(), true);
  EXPECT_TRUE(q->optional_time("since").value().has_value());
  EXPECT_FALSE(q->optional_string("absent").value().has_value());
  EXPECT_TRUE(q->finish());
}

TEST(QueryInputTest, DefaultsAndBoundsTheLimit) {
  EXPECT_EQ(QueryInput::parse("").value().limit().value(), 50);
  EXPECT_EQ(QueryInput::parse("limit=0").value().limit().error().field, "limit");
  EXPECT_EQ(QueryInput::parse("limit=201").value().limit().error().field, "limit");
  EXPECT_EQ(QueryInput::parse("limit=ten").value().limit().error().field, "limit");
}

TEST(QueryInputTest, CursorsStartAtZero) {
  EXPECT_EQ(QueryInput::parse("").value().cursor().value(), 0);
  EXPECT_EQ(QueryInput::parse("cursor=42").value().cursor().value(), 42);
  EXPECT_EQ(QueryInput::parse("cursor=-1").value().cursor().error().field, "cursor");
}

TEST(QueryInputTest, RefusesUnknownRepeatedAndMalformedParameters) {
  auto typo = QueryInput::parse("rol=admin").value();
  EXPECT_EQ(typo.finish().error().field, "rol");
  EXPECT_EQ(QueryInput::parse("a=1&a=2").error().field, "a");
  EXPECT_EQ(QueryInput::parse("since=yesterday").value().optional_time("since").error().field,
            "since");
  EXPECT_EQ(QueryInput::parse("active=yes").value().optional_bool("active").error().field,
            "active");
  EXPECT_FALSE(QueryInput::parse("a=%zz"));
}

}  // namespace
}  // namespace laurel::http
