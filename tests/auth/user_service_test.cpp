#include "auth/user_service.hpp"

#include "auth/auth_fixture.hpp"

namespace laurel::auth {
namespace {

class UserServiceTest : public testing::AuthFixture {};

TEST_F(UserServiceTest, CreateValidatesAndAuditsWithoutSecrets) {
  auto user = users_.create(
      {"wang.fang", "王芳", "wang@fund.example.cn", Role::sales, "correct horse battery"},
      Actor{std::nullopt, "cli:ops", "10.1.1.1", "r-9"});
  ASSERT_TRUE(user) << user.error().message;
  EXPECT_TRUE(user->password_hash);
  auto entries = audit_entries("user.create");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].actor, "cli:ops");
  EXPECT_EQ(entries[0].target_id, std::to_string(user->id));
  EXPECT_EQ(entries[0].client_ip, "10.1.1.1");
  ASSERT_TRUE(entries[0].after_json);
  EXPECT_NE(entries[0].after_json->find("\"username\":\"wang.fang\""), std::string::npos);
  EXPECT_EQ(entries[0].after_json->find("argon2"), std::string::npos) << "no hash in the audit";
}

TEST_F(UserServiceTest, InvalidInputWritesNothing) {
  struct Case {
    NewUser user;
    std::string field;
  };
  const std::vector<Case> cases = {
      {{"x", "X", std::nullopt, Role::sales, "correct horse battery"}, "username"},
      {{"valid.name", "", std::nullopt, Role::sales, "correct horse battery"}, "display_name"},
      {{"valid.name", "V", "not-an-email", Role::sales, "correct horse battery"}, "email"},
      {{"valid.name", "V", std::nullopt, Role::sales, "short"}, "password"},
      {{"valid.name", "V", std::nullopt, Role::sales, std::nullopt}, "password"},
      {{"valid.name", "V", std::nullopt, Role::integration, "correct horse battery"}, "password"},
  };
  for (const auto& c : cases) {
    auto r = users_.create(c.user, Actor::command_line("t"));
    ASSERT_FALSE(r) << c.field;
    EXPECT_EQ(r.error().code, core::Errc::invalid_input);
    EXPECT_EQ(r.error().field, c.field);
  }
  EXPECT_TRUE(audit_entries("user.create").empty());
  EXPECT_TRUE(users_.list({}).value().users.empty());
}

TEST_F(UserServiceTest, DuplicateUsernameIsAConflictAndAuditsNothing) {
  add_user("li.lei", Role::sales);
  auto again =
      users_.create({"li.lei", "Other", std::nullopt, Role::sales, "correct horse battery"},
                    Actor::command_line("t"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, core::Errc::conflict);
  EXPECT_EQ(audit_entries("user.create").size(), 1u);
}

TEST_F(UserServiceTest, UpdateRecordsBeforeAndAfter) {
  auto user = add_user("zhao", Role::sales);
  UserChanges changes;
  changes.role = Role::manager;
  changes.email = std::optional<std::string>("zhao@fund.example.cn");
  auto updated = users_.update(user.id, changes, Actor::command_line("t"));
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->role, "manager");
  auto entries = audit_entries("user.update");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_NE(entries[0].before_json->find("\"role\":\"sales\""), std::string::npos);
  EXPECT_NE(entries[0].after_json->find("\"role\":\"manager\""), std::string::npos);

  UserChanges clear;
  clear.email = std::optional<std::string>();
  EXPECT_FALSE(users_.update(user.id, clear, Actor::command_line("t"))->email);
  auto missing = users_.update(999, clear, Actor::command_line("t"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, core::Errc::not_found);
}

TEST_F(UserServiceTest, AChangeThatChangesNothingIsNotAudited) {
  auto user = add_user("zhou.yu", Role::sales);
  UserChanges same;
  same.role = Role::sales;
  same.display_name = user.display_name;
  auto unchanged = users_.update(user.id, same, Actor::command_line("t"));
  ASSERT_TRUE(unchanged);
  EXPECT_EQ(unchanged->updated_at, user.updated_at);
  EXPECT_TRUE(audit_entries("user.update").empty());
}

TEST_F(UserServiceTest, TheLastActiveAdminStays) {
  auto admin = add_user("root", Role::admin);
  UserChanges demote;
  demote.role = Role::sales;
  auto refused = users_.update(admin.id, demote, Actor::command_line("t"));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, core::Errc::conflict);
  EXPECT_EQ(refused.error().field, "role");
  UserChanges disable;
  disable.active = false;
  EXPECT_EQ(users_.update(admin.id, disable, Actor::command_line("t")).error().field, "active");

  add_user("second.admin", Role::admin);
  EXPECT_TRUE(users_.update(admin.id, demote, Actor::command_line("t")));
}

TEST_F(UserServiceTest, AdminPasswordResetSignsTheUserOut) {
  auto user = add_user("qian", Role::sales);
  auto login = auth_.login("qian", "correct horse battery", client()).value();
  ASSERT_TRUE(users_.set_password(user.id, "a brand new secret", Actor::command_line("t")));
  EXPECT_FALSE(auth_.authenticate(login.token));
  EXPECT_FALSE(auth_.login("qian", "correct horse battery", client()));
  EXPECT_TRUE(auth_.login("qian", "a brand new secret", client()));
  EXPECT_EQ(audit_entries("user.password_reset").size(), 1u);
}

TEST_F(UserServiceTest, OwnPasswordChangeKeepsTheCurrentSessionOnly) {
  add_user("sun", Role::sales);
  auto phone = auth_.login("sun", "correct horse battery", client()).value();
  auto laptop = auth_.login("sun", "correct horse battery", client()).value();
  auto me = auth_.authenticate(laptop.token).value();

  auto wrong =
      users_.change_own_password(me, "not my password", "a brand new secret", Actor::of(me));
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().field, "current_password");
  auto weak = users_.change_own_password(me, "correct horse battery", "short", Actor::of(me));
  EXPECT_EQ(weak.error().field, "new_password");

  ASSERT_TRUE(
      users_.change_own_password(me, "correct horse battery", "a brand new secret", Actor::of(me)));
  EXPECT_TRUE(auth_.authenticate(laptop.token)) << "the session that changed it goes on";
  EXPECT_FALSE(auth_.authenticate(phone.token)) << "other sessions end";
}

TEST_F(UserServiceTest, ListsPagesAndFilters) {
  for (int i = 0; i < 5; ++i)
    add_user("sales" + std::to_string(i), Role::sales);
  add_user("boss", Role::manager);
  store::UserFilter filter;
  filter.limit = 4;
  auto first = users_.list(filter).value();
  EXPECT_EQ(first.users.size(), 4u);
  ASSERT_TRUE(first.next_after_id);
  filter.after_id = *first.next_after_id;
  auto second = users_.list(filter).value();
  EXPECT_EQ(second.users.size(), 2u);
  EXPECT_FALSE(second.next_after_id);
  store::UserFilter managers;
  managers.role = "manager";
  EXPECT_EQ(users_.list(managers).value().users.size(), 1u);
}

TEST_F(UserServiceTest, RevokeSessionsCountsAndAudits) {
  auto user = add_user("zhou", Role::sales);
  ASSERT_TRUE(auth_.login("zhou", "correct horse battery", client()));
  ASSERT_TRUE(auth_.login("zhou", "correct horse battery", client()));
  EXPECT_EQ(users_.revoke_sessions(user.id, Actor::command_line("t")).value(), 2u);
  EXPECT_EQ(users_.revoke_sessions(user.id, Actor::command_line("t")).value(), 0u);
  EXPECT_EQ(audit_entries("user.sessions_revoke").size(), 2u);
}

}  // namespace
}  // namespace laurel::auth
