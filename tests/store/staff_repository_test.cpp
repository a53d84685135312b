#include "store/staff_repository.hpp"

#include <gtest/gtest.h>

#include "store/department_repository.hpp"
#include "store/test_database.hpp"
#include "store/user_repository.hpp"

namespace laurel::store {
namespace {

class StaffRepositoryConformance : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    DepartmentRepository departments(*c_);
    north_ = departments.insert({0, "North", std::nullopt, true, 1, 1}).value();
    south_ = departments.insert({0, "South", std::nullopt, true, 1, 1}).value();
    UserRecord user;
    user.username = "li.lei";
    user.display_name = "李雷";
    user.role = "sales";
    user.created_at = user.updated_at = 1;
    user_ = UserRepository(*c_).insert(user).value();
  }
  std::int64_t add(std::string name, std::optional<std::int64_t> user = std::nullopt) {
    return staff_.insert({0, user, std::move(name), std::nullopt, true, 1, 1}).value();
  }

  testing::TestDatabase db_{GetParam()};
  PooledConnection c_ = db_.migrated();
  StaffRepository staff_{*c_};
  std::int64_t north_ = 0, south_ = 0, user_ = 0;
};

TEST_P(StaffRepositoryConformance, DepartmentFollowsTheEffectiveDates) {
  const auto li = add("李雷", user_);
  ASSERT_TRUE(staff_.assign(li, {north_, "2026-01-01"}));
  ASSERT_TRUE(staff_.assign(li, {south_, "2026-07-01"}));
  EXPECT_EQ(staff_.department_on(li, "2025-12-31").value(), std::nullopt) << "before joining";
  EXPECT_EQ(staff_.department_on(li, "2026-01-01").value(), north_);
  EXPECT_EQ(staff_.department_on(li, "2026-06-30").value(), north_);
  EXPECT_EQ(staff_.department_on(li, "2026-07-01").value(), south_);
  EXPECT_EQ(staff_.assignments(li).value().size(), 2u);
  ASSERT_TRUE(staff_.assign(li, {north_, "2026-07-01"})) << "same day: a correction";
  EXPECT_EQ(staff_.department_on(li, "2026-08-01").value(), north_);
  EXPECT_EQ(staff_.assignments(li).value().size(), 2u);
}

TEST_P(StaffRepositoryConformance, ListsByDepartmentOnADay) {
  const auto a = add("A");
  const auto b = add("B");
  ASSERT_TRUE(staff_.assign(a, {north_, "2026-01-01"}));
  ASSERT_TRUE(staff_.assign(b, {north_, "2026-01-01"}));
  ASSERT_TRUE(staff_.assign(b, {south_, "2026-03-01"}));
  StaffFilter north_in_feb{north_, "2026-02-15", std::nullopt, std::nullopt, 0, 50};
  EXPECT_EQ(staff_.list(north_in_feb).value().size(), 2u);
  StaffFilter north_in_april{north_, "2026-04-01", std::nullopt, std::nullopt, 0, 50};
  auto april = staff_.list(north_in_april).value();
  ASSERT_EQ(april.size(), 1u);
  EXPECT_EQ(april[0].id, a);
  StaffFilter by_name{std::nullopt, "2026-04-01", std::nullopt, std::string("b"), 0, 50};
  EXPECT_EQ(staff_.list(by_name).value().size(), 1u);
}

TEST_P(StaffRepositoryConformance, AUserIsAtMostOneStaffMember) {
  add("First", user_);
  auto again = staff_.insert({0, user_, "Second", std::nullopt, true, 1, 1});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().field, "user_id");
  EXPECT_EQ(staff_.update({999, std::nullopt, "X", std::nullopt, true, 1, 1}).error().code,
            core::Errc::not_found);
}

INSTANTIATE_TEST_SUITE_P(Backends, StaffRepositoryConformance,
                         ::testing::ValuesIn(testing::backends()));

}  // namespace
}  // namespace laurel::store
