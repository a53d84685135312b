#include "auth/secret_token.hpp"

#include <gtest/gtest.h>

#include <set>

namespace laurel::auth {
namespace {

TEST(SecretTokenTest, TokensArePrefixedRandomAndUrlSafe) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const auto token = generate_token(kSessionPrefix);
    EXPECT_TRUE(token.starts_with("lss_"));
    EXPECT_EQ(token.size(), 4u + 43u) << "32 bytes in unpadded base64url";
    EXPECT_EQ(token.find_first_not_of(
                  "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", 4),
              std::string::npos);
    EXPECT_TRUE(seen.insert(token).second);
  }
}

TEST(SecretTokenTest, HashIsHexSha256) {
  // SHA-256("abc")
  EXPECT_EQ(hash_token("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(SecretTokenTest, ConstantTimeEqual) {
  EXPECT_TRUE(constant_time_equal("abc", "abc"));
  EXPECT_FALSE(constant_time_equal("abc", "abd"));
  EXPECT_FALSE(constant_time_equal("abc", "abcd"));
}

}  // namespace
}  // namespace laurel::auth
