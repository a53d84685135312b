#include "store/user_repository.hpp"

#include <gtest/gtest.h>

#include "store/test_database.hpp"

namespace laurel::store {
namespace {

UserRecord user(std::string username, std::string role = "sales") {
  UserRecord u;
  u.username = std::move(username);
  u.display_name = "Name of " + u.username;
  u.role = std::move(role);
  u.password_hash = "hash";
  u.created_at = u.updated_at = 1000;
  return u;
}

class UserRepositoryConformance : public ::testing::TestWithParam<std::string> {
 protected:
  testing::TestDatabase db_{GetParam()};
  PooledConnection c_ = db_.migrated();
  UserRepository users_{*c_};
};

TEST_P(UserRepositoryConformance, InsertsAndFindsByIdAndName) {
  auto id = users_.insert(user("wang.fang"));
  ASSERT_TRUE(id) << id.error().message;
  auto by_id = users_.find_by_id(*id);
  ASSERT_TRUE(by_id && *by_id);
  EXPECT_EQ((*by_id)->username, "wang.fang");
  EXPECT_EQ((*by_id)->role, "sales");
  EXPECT_TRUE((*by_id)->active);
  auto by_name = users_.find_by_username("wang.fang");
  ASSERT_TRUE(by_name && *by_name);
  EXPECT_EQ((*by_name)->id, *id);
  EXPECT_FALSE(*users_.find_by_username("nobody"));
}

TEST_P(UserRepositoryConformance, DuplicateUsernameIsAConflictOnTheField) {
  ASSERT_TRUE(users_.insert(user("li.lei")));
  auto again = users_.insert(user("li.lei"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, core::Errc::conflict);
  EXPECT_EQ(again.error().field, "username");
}

TEST_P(UserRepositoryConformance, UnknownRoleIsRefusedByTheSchema) {
  EXPECT_FALSE(users_.insert(user("x", "emperor")));
}

TEST_P(UserRepositoryConformance, UpdatesAndCountsAdmins) {
  auto id = users_.insert(user("boss", "admin")).value();
  EXPECT_EQ(users_.count_active_admins().value(), 1);
  auto u = users_.find_by_id(id).value().value();
  u.active = false;
  u.display_name = "Former boss";
  ASSERT_TRUE(users_.update(u));
  EXPECT_EQ(users_.count_active_admins().value(), 0);
  EXPECT_EQ(users_.find_by_id(id).value()->display_name, "Former boss");
  u.id = 9999;
  auto missing = users_.update(u);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, core::Errc::not_found);
}

TEST_P(UserRepositoryConformance, ListsWithFiltersAndCursor) {
  for (int i = 0; i < 5; ++i)
    ASSERT_TRUE(users_.insert(user("s" + std::to_string(i))));
  ASSERT_TRUE(users_.insert(user("m0", "manager")));
  UserFilter page;
  page.limit = 2;
  auto first = users_.list(page).value();
  ASSERT_EQ(first.size(), 3u) << "limit + 1 tells the caller more follow";
  page.after_id = first[1].id;
  auto second = users_.list(page).value();
  EXPECT_EQ(second.front().id, first[2].id);

  UserFilter managers;
  managers.role = "manager";
  auto m = users_.list(managers).value();
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].username, "m0");

  UserFilter search;
  search.search = "S3";
  auto found = users_.list(search).value();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].username, "s3");
}

INSTANTIATE_TEST_SUITE_P(Backends, UserRepositoryConformance,
                         ::testing::ValuesIn(testing::backends()));

}  // namespace
}  // namespace laurel::store
