#include "crm/department_service.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/timestamp.hpp"
#include "store/test_database.hpp"

namespace laurel::crm {
namespace {

class DepartmentServiceTest : public ::testing::Test {
 protected:
  DepartmentServiceTest() { (void)db_.migrated(); }

  std::int64_t add(std::string name, std::optional<std::int64_t> parent = std::nullopt) {
    auto created = departments_.create({std::move(name), parent}, actor_);
    EXPECT_TRUE(created) << created.error().message;
    return created->department.id;
  }
  std::vector<store::EventRecord> events() {
    auto c = db_.store().acquire().value();
    return store::EventRepository(*c).list({}).value();
  }

  store::testing::TestDatabase db_{"sqlite"};
  core::ManualClock clock_{core::from_micros(1'800'000'000'000'000)};
  EventLog log_{clock_};
  DepartmentService departments_{db_.store(), clock_, log_};
  auth::Actor actor_{std::nullopt, "cli:test", std::nullopt, std::nullopt};
};

TEST_F(DepartmentServiceTest, CreatesATreeAndLogsEachCreation) {
  const auto sales = add("机构销售部");
  const auto north = add("华北组", sales);
  auto view = departments_.get(north).value();
  EXPECT_EQ(view.path, (std::vector<std::string>{"机构销售部", "华北组"}));
  auto logged = events();
  ASSERT_EQ(logged.size(), 2u);
  EXPECT_EQ(logged[1].type, "department.created");
  EXPECT_EQ(logged[1].entity_id, std::to_string(north));
  auto payload = boost::json::parse(logged[1].payload);
  EXPECT_TRUE(payload.at("before").is_null());
  EXPECT_EQ(payload.at("after").at("name").as_string(), "华北组");
}

TEST_F(DepartmentServiceTest, ListsInTreeOrder) {
  const auto b = add("B");
  const auto a = add("A");
  add("b2", b);
  add("a1", a);
  add("b1", b);
  std::vector<std::string> order;
  for (const auto& view : departments_.list(std::nullopt).value()) {
    std::string joined;
    for (const auto& part : view.path)
      joined += "/" + part;
    order.push_back(joined);
  }
  EXPECT_EQ(order, (std::vector<std::string>{"/A", "/A/a1", "/B", "/B/b1", "/B/b2"}));
}

TEST_F(DepartmentServiceTest, RefusesBadNamesAndParents) {
  const auto a = add("A");
  for (const char* bad : {"", "  ", " lead", "a/b", "tab\t"}) {
    auto r = departments_.create({bad, std::nullopt}, actor_);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().field, "name");
  }
  EXPECT_EQ(departments_.create({"X", 999}, actor_).error().field, "parent_id");
  EXPECT_EQ(departments_.create({"A", std::nullopt}, actor_).error().code, core::Errc::conflict);
  DepartmentChanges off;
  off.active = false;
  ASSERT_TRUE(departments_.update(a, off, actor_));
  EXPECT_EQ(departments_.create({"Under inactive", a}, actor_).error().field, "parent_id");
  EXPECT_EQ(events().size(), 2u) << "refusals write no events";
}

TEST_F(DepartmentServiceTest, MovingKeepsTheTreeFreeOfCycles) {
  const auto top = add("Top");
  const auto mid = add("Mid", top);
  const auto leaf = add("Leaf", mid);
  DepartmentChanges under_leaf;
  under_leaf.parent_id = std::optional<std::int64_t>(leaf);
  auto cycle = departments_.update(top, under_leaf, actor_);
  ASSERT_FALSE(cycle);
  EXPECT_EQ(cycle.error().field, "parent_id");
  DepartmentChanges under_self;
  under_self.parent_id = std::optional<std::int64_t>(top);
  EXPECT_FALSE(departments_.update(top, under_self, actor_));

  DepartmentChanges to_top;
  to_top.parent_id = std::optional<std::int64_t>();
  auto moved = departments_.update(mid, to_top, actor_).value();
  EXPECT_EQ(moved.path, (std::vector<std::string>{"Mid"}));
  EXPECT_EQ(departments_.get(leaf).value().path, (std::vector<std::string>{"Mid", "Leaf"}))
      << "a moved department takes its sub-departments with it";
  auto last = events().back();
  EXPECT_EQ(last.type, "department.updated");
  auto payload = boost::json::parse(last.payload);
  EXPECT_EQ(payload.at("before").at("parent_id").as_int64(), top);
  EXPECT_TRUE(payload.at("after").at("parent_id").is_null());
}

TEST_F(DepartmentServiceTest, DeactivationNeedsNoActiveChildren) {
  const auto parent = add("Parent");
  const auto child = add("Child", parent);
  DepartmentChanges off;
  off.active = false;
  auto refused = departments_.update(parent, off, actor_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "active");
  ASSERT_TRUE(departments_.update(child, off, actor_));
  ASSERT_TRUE(departments_.update(parent, off, actor_));
  EXPECT_EQ(departments_.list(true).value().size(), 0u);
  EXPECT_EQ(departments_.list(false).value().size(), 2u);
  DepartmentChanges on;
  on.active = true;
  EXPECT_EQ(departments_.update(child, on, actor_).error().field, "parent_id")
      << "not under an inactive parent";
}

TEST_F(DepartmentServiceTest, AChangeThatChangesNothingLogsNothing) {
  const auto id = add("Same");
  DepartmentChanges same;
  same.name = "Same";
  ASSERT_TRUE(departments_.update(id, same, actor_));
  EXPECT_EQ(events().size(), 1u);
  EXPECT_EQ(departments_.update(999, same, actor_).error().code, core::Errc::not_found);
}

}  // namespace
}  // namespace laurel::crm
