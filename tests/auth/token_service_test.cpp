#include "auth/token_service.hpp"

#include "auth/auth_fixture.hpp"
#include "auth/secret_token.hpp"

namespace laurel::auth {
namespace {

using namespace std::chrono_literals;

class TokenServiceTest : public testing::AuthFixture {};

TEST_F(TokenServiceTest, CreatesForIntegrationUsersAndStoresOnlyTheHash) {
  auto robot = add_user("warehouse", Role::integration);
  auto created = tokens_.create({"nightly", robot.id, std::nullopt}, Actor::command_line("t"));
  ASSERT_TRUE(created);
  EXPECT_TRUE(created->token.starts_with("lat_"));
  EXPECT_EQ(created->record.token_hash, hash_token(created->token));
  EXPECT_TRUE(created->token.starts_with(created->record.token_prefix));
  EXPECT_LT(created->record.token_prefix.size(), created->token.size() / 3);
  auto entries = audit_entries("token.create");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].after_json->find(created->token), std::string::npos);
}

TEST_F(TokenServiceTest, RefusesWhatMakesNoSense) {
  auto person = add_user("wang", Role::sales);
  auto robot = add_user("dw.robot", Role::integration);
  EXPECT_EQ(tokens_.create({"x", person.id, std::nullopt}, Actor::command_line("t")).error().field,
            "user_id");
  EXPECT_EQ(tokens_.create({"x", 999, std::nullopt}, Actor::command_line("t")).error().field,
            "user_id");
  EXPECT_EQ(tokens_.create({"", robot.id, std::nullopt}, Actor::command_line("t")).error().field,
            "name");
  EXPECT_EQ(
      tokens_.create({"x", robot.id, clock_.now() - 1s}, Actor::command_line("t")).error().field,
      "expires_at");
  EXPECT_TRUE(tokens_.list(std::nullopt, 0, 10).value().tokens.empty());
}

TEST_F(TokenServiceTest, RevokeIsIdempotentAndAuditedOnce) {
  auto robot = add_user("dw.robot", Role::integration);
  auto created = tokens_.create({"x", robot.id, std::nullopt}, Actor::command_line("t")).value();
  auto first = tokens_.revoke(created.record.id, Actor::command_line("t"));
  ASSERT_TRUE(first);
  ASSERT_TRUE(first->revoked_at);
  clock_.advance(1h);
  auto second = tokens_.revoke(created.record.id, Actor::command_line("t"));
  EXPECT_EQ(second->revoked_at, first->revoked_at);
  EXPECT_EQ(audit_entries("token.revoke").size(), 1u);
  EXPECT_EQ(tokens_.revoke(12345, Actor::command_line("t")).error().code, core::Errc::not_found);
}

TEST_F(TokenServiceTest, ListsPerUserWithCursor) {
  auto a = add_user("dw.a", Role::integration);
  auto b = add_user("dw.b", Role::integration);
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(
        tokens_.create({"a" + std::to_string(i), a.id, std::nullopt}, Actor::command_line("t")));
  }
  ASSERT_TRUE(tokens_.create({"b", b.id, std::nullopt}, Actor::command_line("t")));
  auto page = tokens_.list(a.id, 0, 2).value();
  EXPECT_EQ(page.tokens.size(), 2u);
  ASSERT_TRUE(page.next_after_id);
  EXPECT_EQ(tokens_.list(a.id, *page.next_after_id, 2).value().tokens.size(), 1u);
  EXPECT_EQ(tokens_.list(std::nullopt, 0, 10).value().tokens.size(), 4u);
}

}  // namespace
}  // namespace laurel::auth
