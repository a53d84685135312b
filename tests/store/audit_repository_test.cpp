#include "store/audit_repository.hpp"

#include <gtest/gtest.h>

#include "store/test_database.hpp"

namespace laurel::store {
namespace {

class AuditRepositoryConformance : public ::testing::TestWithParam<std::string> {
 protected:
  AuditRecord entry(std::string action, std::string target_id, std::int64_t at) {
    AuditRecord r;
    r.at = at;
    r.actor = "admin";
    r.action = std::move(action);
    r.target_type = "user";
    r.target_id = std::move(target_id);
    r.after_json = R"({"role":"sales"})";
    return r;
  }
  testing::TestDatabase db_{GetParam()};
  PooledConnection c_ = db_.migrated();
  AuditRepository audit_{*c_};
};

TEST_P(AuditRepositoryConformance, ListsNewestFirstWithFilters) {
  ASSERT_TRUE(audit_.append(entry("user.create", "1", 10)));
  ASSERT_TRUE(audit_.append(entry("user.create", "2", 20)));
  ASSERT_TRUE(audit_.append(entry("user.update", "1", 30)));

  auto all = audit_.list({}).value();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].at, 30);
  EXPECT_EQ(all[2].at, 10);
  EXPECT_EQ(all[0].after_json, R"({"role":"sales"})");

  AuditFilter of_user_1;
  of_user_1.target_type = "user";
  of_user_1.target_id = "1";
  EXPECT_EQ(audit_.list(of_user_1).value().size(), 2u);

  AuditFilter creates;
  creates.action = "user.create";
  creates.since = 15;
  auto recent_creates = audit_.list(creates).value();
  ASSERT_EQ(recent_creates.size(), 1u);
  EXPECT_EQ(recent_creates[0].target_id, "2");
}

TEST_P(AuditRepositoryConformance, CursorPagesBackwards) {
  for (int i = 0; i < 5; ++i)
    ASSERT_TRUE(audit_.append(entry("a", std::to_string(i), i)));
  AuditFilter page;
  page.limit = 2;
  auto first = audit_.list(page).value();
  ASSERT_EQ(first.size(), 3u);
  page.before_id = first[1].id;
  auto second = audit_.list(page).value();
  EXPECT_EQ(second[0].id, first[2].id);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditRepositoryConformance,
                         ::testing::ValuesIn(testing::backends()));

}  // namespace
}  // namespace laurel::store
