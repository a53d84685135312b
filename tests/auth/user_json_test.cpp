#include "auth/user_json.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace laurel::auth {
namespace {

TEST(UserJsonTest, UserHasNoSecretsAndRfc3339Times) {
  store::UserRecord user{3,
                         "wang.fang",
                         "王芳",
                         std::nullopt,
                         "sales",
                         "$argon2id$secret",
                         true,
                         1'700'000'000'000'000,
                         1'700'000'000'000'000,
                         std::nullopt};
  const auto json = user_to_json(user);
  const auto text = boost::json::serialize(json);
  EXPECT_EQ(text.find("argon2"), std::string::npos);
  EXPECT_EQ(json.at("has_password").as_bool(), true);
  EXPECT_EQ(json.at("created_at").as_string(), "2023-11-14T22:13:20.000000Z");
  EXPECT_TRUE(json.at("email").is_null());
  EXPECT_TRUE(json.at("password_changed_at").is_null());
}

TEST(UserJsonTest, TokenShowsPrefixNotHash) {
  store::ApiTokenRecord token{5,
                              "dw",
                              2,
                              "lat_abcdef",
                              "deadbeef",
                              1,
                              0,
                              std::nullopt,
                              std::nullopt,
                              1'700'000'000'000'000};
  const auto text = boost::json::serialize(token_to_json(token));
  EXPECT_EQ(text.find("deadbeef"), std::string::npos);
  EXPECT_NE(text.find("lat_abcdef"), std::string::npos);
  EXPECT_NE(text.find("\"last_used_at\":\"2023-11-14T22:13:20.000000Z\""), std::string::npos);
}

}  // namespace
}  // namespace laurel::auth
