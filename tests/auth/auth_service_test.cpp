#include "auth/auth_service.hpp"

#include "auth/auth_fixture.hpp"
#include "auth/secret_token.hpp"

namespace laurel::auth {
namespace {

using namespace std::chrono_literals;

class AuthServiceTest : public testing::AuthFixture {};

TEST_F(AuthServiceTest, LoginGivesASessionThatAuthenticates) {
  add_user("wang.fang", Role::sales);
  auto login = auth_.login("Wang.Fang", "correct horse battery", client());
  ASSERT_TRUE(login) << login.error().message;
  EXPECT_TRUE(login->token.starts_with("lss_"));
  EXPECT_EQ(login->principal.username, "wang.fang");
  EXPECT_EQ(login->principal.role, Role::sales);
  EXPECT_FALSE(login->principal.csrf_token.empty());
  EXPECT_EQ(login->expires_at, clock_.now() + 60min);

  auto principal = auth_.authenticate(login->token);
  ASSERT_TRUE(principal);
  EXPECT_EQ(principal->user_id, login->principal.user_id);
  EXPECT_EQ(principal->csrf_token, login->principal.csrf_token);
  EXPECT_EQ(audit_entries("auth.login").size(), 1u);
}

TEST_F(AuthServiceTest, WrongPasswordUnknownUserAndDisabledUserAllLookTheSame) {
  auto user = add_user("li.lei", Role::sales);
  auto wrong = auth_.login("li.lei", "wrong password!", client());
  auto unknown = auth_.login("nobody", "correct horse battery", client());
  UserChanges disable;
  disable.active = false;
  ASSERT_TRUE(users_.update(user.id, disable, Actor::command_line("t")));
  auto disabled = auth_.login("li.lei", "correct horse battery", client());
  for (const auto* r : {&wrong, &unknown, &disabled}) {
    ASSERT_FALSE(*r);
    EXPECT_EQ(r->error().code, core::Errc::unauthenticated);
    EXPECT_EQ(r->error().message, wrong.error().message);
  }
  EXPECT_EQ(audit_entries("auth.login_failed").size(), 3u);
}

TEST_F(AuthServiceTest, RepeatedFailuresAreThrottledWithRetryAfter) {
  add_user("zhao", Role::sales);
  for (int i = 0; i < 3; ++i)
    ASSERT_FALSE(auth_.login("zhao", "wrong password!", client()));
  auto throttled = auth_.login("zhao", "correct horse battery", client());
  ASSERT_FALSE(throttled);
  EXPECT_EQ(throttled.error().code, core::Errc::too_many_requests);
  EXPECT_GT(throttled.error().retry_after_seconds, 0);
  clock_.advance(601s);
  EXPECT_TRUE(auth_.login("zhao", "correct horse battery", client()));
}

TEST_F(AuthServiceTest, SessionsExpireAbsolutelyAndWhenIdle) {
  add_user("qian", Role::manager);
  auto login = auth_.login("qian", "correct horse battery", client()).value();
  clock_.advance(14min);
  ASSERT_TRUE(auth_.authenticate(login.token)) << "within the idle window";
  clock_.advance(14min);
  ASSERT_TRUE(auth_.authenticate(login.token)) << "use keeps it alive";
  clock_.advance(16min);
  EXPECT_FALSE(auth_.authenticate(login.token)) << "idle for longer than 15 minutes";

  auto second = auth_.login("qian", "correct horse battery", client()).value();
  for (int i = 0; i < 6; ++i) {  // 54 minutes of steady use
    clock_.advance(9min);
    ASSERT_TRUE(auth_.authenticate(second.token)) << i;
  }
  clock_.advance(9min);
  EXPECT_FALSE(auth_.authenticate(second.token)) << "past the 60-minute lifetime";
}

TEST_F(AuthServiceTest, LogoutRevokesAtOnceDespiteTheCache) {
  add_user("sun", Role::sales);
  auto login = auth_.login("sun", "correct horse battery", client()).value();
  auto principal = auth_.authenticate(login.token).value();
  ASSERT_TRUE(auth_.logout(principal, client()));
  EXPECT_FALSE(auth_.authenticate(login.token));
  EXPECT_EQ(audit_entries("auth.logout").size(), 1u);
}

TEST_F(AuthServiceTest, DisablingAUserEndsTheirSessionsAtOnce) {
  auto user = add_user("zhou", Role::sales);
  auto login = auth_.login("zhou", "correct horse battery", client()).value();
  ASSERT_TRUE(auth_.authenticate(login.token));
  UserChanges disable;
  disable.active = false;
  ASSERT_TRUE(users_.update(user.id, disable, Actor::command_line("t")));
  EXPECT_FALSE(auth_.authenticate(login.token));
}

TEST_F(AuthServiceTest, RoleChangeEndsEveryCredentialAtOnce) {
  auto user = add_user("wu.ming", Role::sales);
  auto login = auth_.login("wu.ming", "correct horse battery", client()).value();
  ASSERT_EQ(auth_.authenticate(login.token)->role, Role::sales);
  UserChanges promote;
  promote.role = Role::manager;
  ASSERT_TRUE(users_.update(user.id, promote, Actor::command_line("t")));
  EXPECT_FALSE(auth_.authenticate(login.token));
  auto again = auth_.login("wu.ming", "correct horse battery", client()).value();
  EXPECT_EQ(again.principal.role, Role::manager);

  auto robot = add_user("dw.robot", Role::integration);
  auto token = tokens_.create({"load", robot.id, std::nullopt}, Actor::command_line("t")).value();
  ASSERT_TRUE(auth_.authenticate(token.token));
  promote.role = Role::admin;
  ASSERT_TRUE(users_.update(robot.id, promote, Actor::command_line("t")));
  EXPECT_FALSE(auth_.authenticate(token.token)) << "a promoted robot keeps no token";
}

TEST_F(AuthServiceTest, GarbageTokensAreRefused) {
  for (const std::string& token : {std::string(""), std::string("lss_nope"), std::string("x"),
                                   std::string(500, 'a'), generate_token(kApiTokenPrefix)}) {
    auto r = auth_.authenticate(token);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, core::Errc::unauthenticated);
  }
}

TEST_F(AuthServiceTest, ApiTokensAuthenticateUntilRevokedOrExpired) {
  auto robot = add_user("warehouse", Role::integration);
  auto created =
      tokens_.create({"nightly load", robot.id, clock_.now() + 48h}, Actor::command_line("t"));
  ASSERT_TRUE(created) << created.error().message;
  auto principal = auth_.authenticate(created->token);
  ASSERT_TRUE(principal);
  EXPECT_EQ(principal->via, Principal::Via::api_token);
  EXPECT_EQ(principal->role, Role::integration);
  EXPECT_TRUE(principal->csrf_token.empty());
  clock_.advance(49h);
  EXPECT_FALSE(auth_.authenticate(created->token)) << "expired";

  auto forever = tokens_.create({"trading", robot.id, std::nullopt}, Actor::command_line("t"));
  ASSERT_TRUE(auth_.authenticate(forever->token));
  ASSERT_TRUE(tokens_.revoke(forever->record.id, Actor::command_line("t")));
  EXPECT_FALSE(auth_.authenticate(forever->token)) << "revoked, despite the cache";
}

TEST_F(AuthServiceTest, IntegrationUsersCannotLogInWithAPassword) {
  add_user("dw.robot", Role::integration);
  EXPECT_FALSE(auth_.login("dw.robot", "", client()));
}

}  // namespace
}  // namespace laurel::auth
