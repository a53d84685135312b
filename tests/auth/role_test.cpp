#include "auth/role.hpp"

#include <gtest/gtest.h>

namespace laurel::auth {
namespace {

TEST(RoleTest, NamesRoundTrip) {
  EXPECT_EQ(all_roles().size(), 5u);
  for (Role role : all_roles()) {
    EXPECT_EQ(parse_role(to_string(role)), role);
    EXPECT_FALSE(describe(role).empty());
  }
  EXPECT_EQ(parse_role("Admin"), std::nullopt) << "role names are exact";
  EXPECT_EQ(parse_role(""), std::nullopt);
}

TEST(RoleTest, OnlyIntegrationsLackInteractiveLogin) {
  EXPECT_FALSE(logs_in_interactively(Role::integration));
  EXPECT_TRUE(logs_in_interactively(Role::sales));
  EXPECT_TRUE(logs_in_interactively(Role::admin));
}

}  // namespace
}  // namespace laurel::auth
