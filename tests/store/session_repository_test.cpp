#include "store/session_repository.hpp"

#include <gtest/gtest.h>

#include "store/test_database.hpp"

namespace laurel::store {
namespace {

class SessionRepositoryConformance : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    UserRecord u;
    u.username = "zhang.wei";
    u.display_name = "张伟";
    u.role = "sales";
    u.created_at = u.updated_at = 1;
    user_id_ = UserRepository(*c_).insert(u).value();
  }
  SessionRecord session(std::string hash) {
    return SessionRecord{0,
                         std::move(hash),
                         "csrf",
                         user_id_,
                         10,
                         1000,
                         10,
                         std::nullopt,
                         std::string("127.0.0.1"),
                         std::string("curl")};
  }

  testing::TestDatabase db_{GetParam()};
  PooledConnection c_ = db_.migrated();
  std::int64_t user_id_ = 0;
};

TEST_P(SessionRepositoryConformance, FindsSessionWithItsUser) {
  SessionRepository sessions(*c_);
  auto id = sessions.insert(session("h1")).value();
  auto found = sessions.find_by_token_hash("h1").value();
  ASSERT_TRUE(found);
  EXPECT_EQ(found->session.id, id);
  EXPECT_EQ(found->session.csrf_token, "csrf");
  EXPECT_EQ(found->user.display_name, "张伟");
  EXPECT_FALSE(sessions.find_by_token_hash("other").value());
}

TEST_P(SessionRepositoryConformance, TouchOnlyMovesForward) {
  SessionRepository sessions(*c_);
  auto id = sessions.insert(session("h")).value();
  ASSERT_TRUE(sessions.touch(id, 50));
  ASSERT_TRUE(sessions.touch(id, 20));
  EXPECT_EQ(sessions.find_by_token_hash("h").value()->session.last_seen_at, 50);
}

TEST_P(SessionRepositoryConformance, RevokesOneOrAllOnce) {
  SessionRepository sessions(*c_);
  auto a = sessions.insert(session("a")).value();
  sessions.insert(session("b")).value();
  sessions.insert(session("c")).value();
  EXPECT_EQ(sessions.revoke(a, 100).value(), std::vector<std::int64_t>{a});
  EXPECT_TRUE(sessions.revoke(a, 200).value().empty()) << "already revoked";
  EXPECT_EQ(sessions.find_by_token_hash("a").value()->session.revoked_at, 100);
  EXPECT_EQ(sessions.revoke_all_of_user(user_id_, 300).value().size(), 2u);
}

TEST_P(SessionRepositoryConformance, ApiTokensListRevokeAndTouch) {
  ApiTokenRepository tokens(*c_);
  ApiTokenRecord t{0, "warehouse",  user_id_,     "lat_abcd",  "th1", std::nullopt,
                   5, std::nullopt, std::nullopt, std::nullopt};
  auto id = tokens.insert(t).value();
  t.token_hash = "th2";
  t.name = "trading";
  tokens.insert(t).value();
  auto found = tokens.find_by_token_hash("th1").value();
  ASSERT_TRUE(found);
  EXPECT_EQ(found->token.name, "warehouse");
  EXPECT_EQ(found->user.username, "zhang.wei");
  EXPECT_EQ(tokens.list(user_id_, 0, 10).value().size(), 2u);
  EXPECT_EQ(tokens.list(user_id_ + 1, 0, 10).value().size(), 0u);
  ASSERT_TRUE(tokens.revoke(id, 77));
  ASSERT_TRUE(tokens.touch(id, 80));
  auto revoked = tokens.find_by_id(id).value();
  ASSERT_TRUE(revoked);
  EXPECT_EQ(revoked->revoked_at, 77);
  EXPECT_EQ(revoked->last_used_at, 80);
  auto duplicate = tokens.insert(t);
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code, core::Errc::conflict);
}

INSTANTIATE_TEST_SUITE_P(Backends, SessionRepositoryConformance,
                         ::testing::ValuesIn(testing::backends()));

}  // namespace
}  // namespace laurel::store
