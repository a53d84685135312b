#include "auth/password_hasher.hpp"

#include <gtest/gtest.h>

namespace laurel::auth {
namespace {

TEST(PasswordHasherTest, HashesWithArgon2idAndVerifies) {
  PasswordHasher hasher({1, 8});
  auto hash = hasher.hash("correct horse battery");
  ASSERT_TRUE(hash);
  EXPECT_TRUE(hash->starts_with("$argon2id$")) << *hash;
  EXPECT_EQ(hash->find("correct horse"), std::string::npos);
  EXPECT_TRUE(hasher.verify(*hash, "correct horse battery"));
  EXPECT_FALSE(hasher.verify(*hash, "correct horse batterY"));
  EXPECT_FALSE(hasher.verify("not a hash", "correct horse battery"));
}

TEST(PasswordHasherTest, SaltsEveryHash) {
  PasswordHasher hasher({1, 8});
  EXPECT_NE(hasher.hash("same password").value(), hasher.hash("same password").value());
}

TEST(PasswordHasherTest, KnowsWhenACheaperHashNeedsUpgrading) {
  PasswordHasher cheap({1, 8});
  PasswordHasher dearer({2, 16});
  const auto hash = cheap.hash("correct horse battery").value();
  EXPECT_FALSE(cheap.needs_rehash(hash));
  EXPECT_TRUE(dearer.needs_rehash(hash));
  EXPECT_TRUE(dearer.verify(hash, "correct horse battery")) << "old hashes stay verifiable";
}

}  // namespace
}  // namespace laurel::auth
