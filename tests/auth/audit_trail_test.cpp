#include "auth/audit_trail.hpp"

#include <boost/json.hpp>

#include "auth/auth_fixture.hpp"

namespace laurel::auth {
namespace {

class AuditTrailTest : public testing::AuthFixture {};

TEST_F(AuditTrailTest, RecordsJsonBeforeAndAfter) {
  auto admin = add_user("root", Role::admin);
  ASSERT_TRUE(audit_.record(Actor{admin.id, "root", "10.0.0.9", "req-7"},
                            {"config.change", "config", "log.level", boost::json::value("info"),
                             boost::json::value("debug")}));
  auto entries = audit_entries("config.change");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].actor_user_id, admin.id);
  EXPECT_EQ(entries[0].before_json, "\"info\"");
  EXPECT_EQ(entries[0].after_json, "\"debug\"");
  EXPECT_EQ(entries[0].request_id, "req-7");
}

TEST_F(AuditTrailTest, AnActorThatIsNoUserIsRefused) {
  auto r = audit_.record(Actor{777, "ghost", std::nullopt, std::nullopt},
                         {"x", "y", std::nullopt, std::nullopt, std::nullopt});
  ASSERT_FALSE(r);
  EXPECT_TRUE(audit_entries("x").empty());
}

TEST_F(AuditTrailTest, RecordJoinsTheCallersTransaction) {
  auto user = add_user("x.y", Role::sales);
  auto connection = db_.store().acquire().value();
  {
    auto tx = store::Transaction::begin(*connection).value();
    ASSERT_TRUE(audit_.record(*connection, Actor{user.id, "x.y", std::nullopt, std::nullopt},
                              {"test.action", "thing", "1", std::nullopt, std::nullopt}));
    // no commit: the entry must vanish with the transaction
  }
  EXPECT_TRUE(audit_entries("test.action").empty());
  {
    auto tx = store::Transaction::begin(*connection).value();
    ASSERT_TRUE(
        audit_.record(*connection, Actor{user.id, "x.y", std::nullopt, std::nullopt},
                      {"test.action", "thing", "1", std::nullopt, boost::json::object{{"k", 1}}}));
    ASSERT_TRUE(tx.commit());
  }
  auto entries = audit_entries("test.action");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].actor_user_id, user.id);
  EXPECT_EQ(entries[0].after_json, R"({"k":1})");
  EXPECT_EQ(entries[0].at, core::to_micros(clock_.now()));
}

}  // namespace
}  // namespace laurel::auth
