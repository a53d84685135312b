#include "crm/staff_service.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/timestamp.hpp"
#include "crm/department_service.hpp"
#include "store/test_database.hpp"

namespace laurel::crm {
namespace {

class StaffServiceTest : public ::testing::Test {
 protected:
  StaffServiceTest() {
    (void)db_.migrated();
    north_ = departments_.create({"North", std::nullopt}, actor_).value().department.id;
    south_ = departments_.create({"South", std::nullopt}, actor_).value().department.id;
  }
  std::vector<store::EventRecord> events(std::string type) {
    auto c = db_.store().acquire().value();
    store::EventFilter filter;
    filter.type = std::move(type);
    return store::EventRepository(*c).list(filter).value();
  }
  core::LocalDate day(const char* text) { return core::parse_date(text).value(); }

  store::testing::TestDatabase db_{"sqlite"};
  // 2026-11-23T17:30Z: already the 24th in Shanghai.
  core::ManualClock clock_{core::parse_rfc3339("2026-11-23T17:30:00Z").value()};
  EventLog log_{clock_};
  DepartmentService departments_{db_.store(), clock_, log_};
  StaffService staff_{db_.store(), clock_, core::CompanyZone::locate("Asia/Shanghai").value(),
                      log_};
  auth::Actor actor_{std::nullopt, "cli:test", std::nullopt, std::nullopt};
  std::int64_t north_ = 0, south_ = 0;
};

TEST_F(StaffServiceTest, JoiningDefaultsToTodayInTheCompanysZone) {
  auto li = staff_.create({"李雷", "客户经理", std::nullopt, north_, std::nullopt}, actor_);
  ASSERT_TRUE(li) << li.error().message;
  ASSERT_EQ(li->assignments.size(), 1u);
  EXPECT_EQ(li->assignments[0].effective_from, "2026-11-24");
  EXPECT_EQ(li->department_id, north_);
  auto created = events("staff.created");
  ASSERT_EQ(created.size(), 1u);
  EXPECT_EQ(boost::json::parse(created[0].payload).at("after").at("name").as_string(), "李雷");
}

TEST_F(StaffServiceTest, TransfersAreEffectiveDatedAndLogged) {
  auto li = staff_.create({"李雷", std::nullopt, std::nullopt, north_, day("2026-01-01")}, actor_)
                .value();
  auto moved = staff_.transfer(li.staff.id, south_, day("2026-07-01"), actor_);
  ASSERT_TRUE(moved) << moved.error().message;
  EXPECT_EQ(moved->department_id, south_);
  ASSERT_EQ(moved->assignments.size(), 2u);
  auto in_june = staff_.list({north_, "2026-06-30", std::nullopt, std::nullopt, 0, 50}).value();
  ASSERT_EQ(in_june.staff.size(), 1u) << "in June he still counted for North";
  auto transferred = events("staff.transferred");
  ASSERT_EQ(transferred.size(), 1u);
  EXPECT_EQ(core::format_rfc3339(core::from_micros(transferred[0].occurred_at)),
            "2026-06-30T16:00:00.000000Z")
      << "a transfer happens at the start of its day, company time";
  // The same transfer again changes nothing and logs nothing.
  ASSERT_TRUE(staff_.transfer(li.staff.id, south_, day("2026-07-01"), actor_));
  EXPECT_EQ(events("staff.transferred").size(), 1u);
}

TEST_F(StaffServiceTest, RefusesWhatCannotBe) {
  EXPECT_EQ(
      staff_.create({"", std::nullopt, std::nullopt, north_, std::nullopt}, actor_).error().field,
      "name");
  EXPECT_EQ(
      staff_.create({"X", std::nullopt, std::nullopt, 999, std::nullopt}, actor_).error().field,
      "department_id");
  EXPECT_EQ(staff_.create({"X", std::nullopt, 999, north_, std::nullopt}, actor_).error().field,
            "user_id");
  DepartmentChanges off;
  off.active = false;
  ASSERT_TRUE(departments_.update(south_, off, actor_));
  auto li =
      staff_.create({"李雷", std::nullopt, std::nullopt, north_, std::nullopt}, actor_).value();
  EXPECT_EQ(staff_.transfer(li.staff.id, south_, day("2026-12-01"), actor_).error().field,
            "department_id");
  EXPECT_EQ(staff_.transfer(999, north_, day("2026-12-01"), actor_).error().code,
            core::Errc::not_found);
  EXPECT_EQ(events("staff.created").size(), 1u);
}

TEST_F(StaffServiceTest, UpdatesRecordBeforeAndAfter) {
  auto li =
      staff_.create({"李雷", std::nullopt, std::nullopt, north_, std::nullopt}, actor_).value();
  StaffChanges changes;
  changes.title = std::optional<std::string>("高级客户经理");
  changes.active = false;
  auto updated = staff_.update(li.staff.id, changes, actor_).value();
  EXPECT_EQ(updated.staff.title, "高级客户经理");
  EXPECT_FALSE(updated.staff.active);
  auto logged = events("staff.updated");
  ASSERT_EQ(logged.size(), 1u);
  auto payload = boost::json::parse(logged[0].payload);
  EXPECT_TRUE(payload.at("before").at("title").is_null());
  EXPECT_EQ(payload.at("after").at("title").as_string(), "高级客户经理");
  ASSERT_TRUE(staff_.update(li.staff.id, changes, actor_));
  EXPECT_EQ(events("staff.updated").size(), 1u) << "no change, no event";
}

}  // namespace
}  // namespace laurel::crm
