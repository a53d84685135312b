#include "crm/credit_code.hpp"

#include <gtest/gtest.h>

namespace laurel::crm {
namespace {

TEST(CreditCodeTest, AcceptsRealCodesInAnyCaseAndTrimsSpaces) {
  EXPECT_EQ(normalise_credit_code("91350100M000100Y43").value(), "91350100M000100Y43");
  EXPECT_EQ(normalise_credit_code("  9144030071526726xg ").value(), "9144030071526726XG");
}

TEST(CreditCodeTest, ComputesTheCheckCharacter) {
  EXPECT_EQ(credit_code_check_character("91350100M000100Y4"), '3');
  EXPECT_EQ(credit_code_check_character("9144030071526726X"), 'G');
}

TEST(CreditCodeTest, RefusesWrongLengthLettersAndCheckCharacters) {
  for (const char* bad : {"", "91350100M000100Y4", "91350100M000100Y433",
                          "91350100M000100Y44",  // wrong check character
                          "91350100I000100Y43",  // I is not used
                          "91350100M0001 0Y43"}) {
    auto r = normalise_credit_code(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().field, "registration_code");
  }
  EXPECT_NE(normalise_credit_code("91350100M000100Y44").error().message.find("expected 3"),
            std::string::npos);
}

}  // namespace
}  // namespace laurel::crm
