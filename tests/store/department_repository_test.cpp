#include "store/department_repository.hpp"

#include <gtest/gtest.h>

#include "store/test_database.hpp"

namespace laurel::store {
namespace {

class DepartmentRepositoryConformance : public ::testing::TestWithParam<std::string> {
 protected:
  std::int64_t add(std::string name, std::optional<std::int64_t> parent = std::nullopt) {
    return departments_.insert({0, std::move(name), parent, true, 1, 1}).value();
  }
  testing::TestDatabase db_{GetParam()};
  PooledConnection c_ = db_.migrated();
  DepartmentRepository departments_{*c_};
};

TEST_P(DepartmentRepositoryConformance, StoresATree) {
  const auto sales = add("机构销售部");
  const auto north = add("华北组", sales);
  auto found = departments_.find(north).value();
  ASSERT_TRUE(found);
  EXPECT_EQ(found->parent_id, sales);
  EXPECT_EQ(departments_.all().value().size(), 2u);
  EXPECT_EQ(departments_.count_active_children(sales).value(), 1);
  EXPECT_FALSE(departments_.find(999).value());
}

TEST_P(DepartmentRepositoryConformance, SiblingNamesAreUniqueAtEveryLevel) {
  const auto a = add("A");
  const auto b = add("B");
  add("Team", a);
  auto same_level = departments_.insert({0, "Team", a, true, 1, 1});
  ASSERT_FALSE(same_level);
  EXPECT_EQ(same_level.error().field, "name");
  EXPECT_TRUE(departments_.insert({0, "Team", b, true, 1, 1})) << "cousins may share a name";
  auto top = departments_.insert({0, "A", std::nullopt, true, 1, 1});
  ASSERT_FALSE(top) << "top-level departments are siblings too";
  EXPECT_EQ(top.error().code, core::Errc::conflict);
}

TEST_P(DepartmentRepositoryConformance, UpdatesAndReportsMissingOnes) {
  const auto id = add("Old");
  ASSERT_TRUE(departments_.update({id, "New", std::nullopt, false, 1, 2}));
  EXPECT_EQ(departments_.find(id).value()->name, "New");
  EXPECT_FALSE(departments_.find(id).value()->active);
  EXPECT_EQ(departments_.update({999, "X", std::nullopt, true, 1, 2}).error().code,
            core::Errc::not_found);
}

INSTANTIATE_TEST_SUITE_P(Backends, DepartmentRepositoryConformance,
                         ::testing::ValuesIn(testing::backends()));

}  // namespace
}  // namespace laurel::store
