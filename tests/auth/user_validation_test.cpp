#include "auth/user_validation.hpp"

#include <gtest/gtest.h>

namespace laurel::auth {
namespace {

TEST(UserValidationTest, Usernames) {
  EXPECT_TRUE(validate_username("wang.fang"));
  EXPECT_TRUE(validate_username("li_lei-2"));
  for (const char* bad : {"ab", "Wang", "wang fang", "王芳", ".hidden", "a@b",
                          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}) {
    auto s = validate_username(bad);
    ASSERT_FALSE(s) << bad;
    EXPECT_EQ(s.error().field, "username");
  }
}

TEST(UserValidationTest, PasswordsCountCharactersNotBytes) {
  EXPECT_TRUE(validate_password("correct horse"));
  EXPECT_FALSE(validate_password("short"));
  EXPECT_FALSE(validate_password("aaaaaaaaaaaaaaaa"));
  EXPECT_FALSE(validate_password(std::string(300, 'x') + "y"));
  EXPECT_TRUE(validate_password("一二三四五六七八九十")) << "ten characters, thirty bytes";
  EXPECT_FALSE(validate_password("一二三"));
  EXPECT_EQ(validate_password("short", "new_password").error().field, "new_password");
}

TEST(UserValidationTest, DisplayNamesAndEmails) {
  EXPECT_TRUE(validate_display_name("王芳"));
  EXPECT_FALSE(validate_display_name(""));
  EXPECT_FALSE(validate_display_name("   "));
  EXPECT_FALSE(validate_display_name("tab\there"));
  EXPECT_FALSE(validate_display_name(std::string(101, 'x')));
  EXPECT_TRUE(validate_email("wang.fang@fund.example.cn"));
  for (const char* bad : {"wang", "@fund.cn", "wang@", "wang@fund", "a b@c.cn", "a@b@c.cn"}) {
    EXPECT_FALSE(validate_email(bad)) << bad;
  }
  EXPECT_EQ(utf8_length("招商银行"), 4u);
}

}  // namespace
}  // namespace laurel::auth
