#include "store/value.hpp"

#include <gtest/gtest.h>

namespace laurel::store {
namespace {

TEST(ValueTest, RowAccessorsReadEachType) {
  Row row({Value(std::int64_t{42}), Value(2.5), Value(std::string("fen")), Value()});
  EXPECT_EQ(row.size(), 4u);
  EXPECT_EQ(row.integer(0), 42);
  EXPECT_TRUE(row.boolean(0));
  EXPECT_DOUBLE_EQ(row.real(1), 2.5);
  EXPECT_DOUBLE_EQ(row.real(0), 42.0);
  EXPECT_EQ(row.text(2), "fen");
  EXPECT_TRUE(row.is_null(3));
  EXPECT_EQ(row.optional_integer(3), std::nullopt);
  EXPECT_EQ(row.optional_text(2), "fen");
  EXPECT_THROW((void)row.text(0), std::bad_variant_access);
}

TEST(ValueTest, HelpersMapOptionalsAndBooleans) {
  EXPECT_TRUE(std::holds_alternative<Null>(nullable(std::optional<std::string>())));
  EXPECT_EQ(std::get<std::string>(nullable(std::optional<std::string>("x"))), "x");
  EXPECT_EQ(std::get<std::int64_t>(nullable(std::optional<std::int64_t>(7))), 7);
  EXPECT_EQ(std::get<std::int64_t>(boolean(true)), 1);
  EXPECT_EQ(std::get<std::int64_t>(boolean(false)), 0);
}

}  // namespace
}  // namespace laurel::store
