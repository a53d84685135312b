#include "core/error.hpp"

#include <gtest/gtest.h>

namespace laurel::core {
namespace {

Result<int> parse_positive(int v) {
  if (v <= 0) return Error::invalid("amount", "must be positive");
  return v;
}

TEST(ErrorTest, ResultCarriesValueOrErrorWithField) {
  EXPECT_EQ(*parse_positive(3), 3);
  auto bad = parse_positive(-1);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, Errc::invalid_input);
  EXPECT_EQ(bad.error().field, "amount");
  EXPECT_EQ(bad.error().message, "must be positive");
}

TEST(ErrorTest, UnwrappingAnErrorThrowsItWhole) {
  try {
    (void)parse_positive(0).value();
    FAIL() << "value() of an error must throw";
  } catch (const ErrorException& e) {
    EXPECT_EQ(e.error().field, "amount");
    EXPECT_STREQ(e.what(), "must be positive");
  }
}

TEST(ErrorTest, EveryCodeHasAName) {
  EXPECT_EQ(to_string(Errc::conflict), "conflict");
  EXPECT_EQ(to_string(Errc::too_many_requests), "too_many_requests");
  EXPECT_EQ(Error::conflict("taken", "username").field, "username");
}

}  // namespace
}  // namespace laurel::core
