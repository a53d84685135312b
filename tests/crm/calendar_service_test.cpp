// The working-day calendar as admins keep it: rules naming the field, events with before and
// after, nothing recorded for a change that changes nothing, and imports all or nothing.

#include "crm/calendar_service.hpp"

#include <gtest/gtest.h>

#include "core/timestamp.hpp"
#include "store/test_database.hpp"

namespace laurel::crm {
namespace {

class CalendarServiceTest : public ::testing::Test {
 protected:
  CalendarServiceTest() { (void)db_.migrated(); }
  std::vector<store::EventRecord> events() {
    auto c = db_.store().acquire().value();
    store::EventFilter filter;
    filter.entity_type = "calendar_day";
    return store::EventRepository(*c).list(filter).value();
  }
  store::testing::TestDatabase db_{"sqlite"};
  core::ManualClock clock_{core::from_micros(1'800'000'000'000'000)};
  EventLog log_{clock_};
  CalendarService calendar_{db_.store(), clock_, log_};
  auth::Actor actor_{std::nullopt, "cli:test", std::nullopt, std::nullopt};
};

TEST_F(CalendarServiceTest, SetsHolidaysAndSwappedDaysAndCountsThem) {
  ASSERT_TRUE(calendar_.set({"2026-01-01", "holiday", "元旦"}, actor_));
  ASSERT_TRUE(calendar_.set({"2026-01-03", "holiday", "元旦"}, actor_)) << "a Saturday";
  auto swapped = calendar_.set({"2026-01-04", "working_day", "元旦调休"}, actor_);
  ASSERT_TRUE(swapped) << swapped.error().message;
  EXPECT_EQ(swapped->updated_at, 1'800'000'000'000'000);
  auto year = calendar_.year(2026).value();
  ASSERT_EQ(year.exceptions.size(), 3u);
  EXPECT_EQ(year.exceptions[0].day, "2026-01-01");
  auto json = calendar_year_to_json(year, "Asia/Shanghai");
  EXPECT_EQ(json.at("working_days").as_int64(), 261);  // -1 holiday, +1 swapped Sunday
  EXPECT_EQ(json.at("months").as_array()[0].at("working_days").as_int64(), 22);
  EXPECT_EQ(json.at("months").as_array()[0].at("month").as_string(), "2026-01");
  EXPECT_EQ(json.at("months").as_array().size(), 12u);
  const auto first = json.at("exceptions").as_array()[0].as_object();
  EXPECT_EQ(first.at("weekday").as_int64(), 4) << "a Thursday";
  EXPECT_TRUE(first.at("updated_by").is_null());
  EXPECT_TRUE(calendar_.year(2025).value().exceptions.empty());
}

TEST_F(CalendarServiceTest, RefusesBadInputNamingTheField) {
  struct Case {
    CalendarDayInput day;
    std::string field;
  };
  for (const auto& c : std::vector<Case>{
           {{"2026-02-30", "holiday", "x"}, "date"},
           {{"2026/01/01", "holiday", "x"}, "date"},
           {{"1999-12-31", "holiday", "x"}, "date"},
           {{"2101-01-01", "holiday", "x"}, "date"},
           {{"2026-01-01", "vacation", "x"}, "kind"},
           {{"2026-01-05", "working_day", "x"}, "kind"},
           {{"2026-01-01", "holiday", ""}, "name"},
           {{"2026-01-01", "holiday", "  "}, "name"},
           {{"2026-01-01", "holiday", std::string(51, 'x')}, "name"},
       }) {
    auto r = calendar_.set(c.day, actor_);
    ASSERT_FALSE(r) << c.field;
    EXPECT_EQ(r.error().code, core::Errc::invalid_input);
    EXPECT_EQ(r.error().field, c.field) << c.day.date << " " << c.day.kind;
  }
  EXPECT_NE(calendar_.set({"2026-01-05", "working_day", "x"}, actor_)
                .error()
                .message.find("already a working day"),
            std::string::npos);
  EXPECT_TRUE(calendar_.set({"2000-01-01", "holiday", "x"}, actor_));
  EXPECT_TRUE(calendar_.set({"2100-12-31", "holiday", "x"}, actor_));
  EXPECT_EQ(calendar_.year(1999).error().field, "year");
  EXPECT_EQ(calendar_.year(2101).error().field, "year");
  EXPECT_EQ(events().size(), 2u) << "only the two good days were recorded";
}

TEST_F(CalendarServiceTest, RecordsEachChangeOnceWithBeforeAndAfter) {
  calendar_.set({"2026-10-01", "holiday", "国庆"}, actor_).value();
  calendar_.set({"2026-10-01", "holiday", "国庆"}, actor_).value();  // the same: no event
  calendar_.set({"2026-10-01", "holiday", "国庆节"}, actor_).value();
  ASSERT_TRUE(calendar_.clear("2026-10-01", actor_));
  auto logged = events();
  ASSERT_EQ(logged.size(), 3u);
  EXPECT_EQ(logged[0].type, "calendar.day_set");
  EXPECT_EQ(logged[0].entity_id, "2026-10-01");
  EXPECT_NE(logged[0].payload.find("\"before\":null"), std::string::npos);
  EXPECT_NE(logged[1].payload.find("国庆节"), std::string::npos);
  EXPECT_EQ(logged[2].type, "calendar.day_cleared");
  EXPECT_NE(logged[2].payload.find("\"after\":null"), std::string::npos);
  EXPECT_EQ(calendar_.clear("2026-10-01", actor_).error().code, core::Errc::not_found);
  EXPECT_EQ(calendar_.clear("2026-10-32", actor_).error().field, "date");
}

TEST_F(CalendarServiceTest, ImportsAllOrNothingUnlessPartial) {
  calendar_.set({"2026-05-01", "holiday", "劳动节"}, actor_).value();
  std::vector<core::Result<CalendarDayInput>> rows = {
      CalendarDayInput{"2026-05-01", "holiday", "劳动节"},
      CalendarDayInput{"2026-05-02", "holiday", "劳动节"},
      CalendarDayInput{"2026-05-06", "working_day", "劳动节调休"},  // a Wednesday
      CalendarDayInput{"2026-05-02", "holiday", "劳动节"},
      core::Error::invalid("name", "is required"),
  };
  auto all = calendar_.import(rows, false, actor_).value();
  EXPECT_EQ(all.failed, 1u);
  EXPECT_EQ(all.rows.back().row, 2u);
  EXPECT_EQ(calendar_.year(2026).value().exceptions.size(), 1u) << "nothing written";

  auto partial = calendar_.import(rows, true, actor_).value();
  ASSERT_EQ(partial.rows.size(), 5u);
  EXPECT_EQ(partial.rows[0].outcome, ImportOutcome::unchanged);
  EXPECT_EQ(partial.rows[1].outcome, ImportOutcome::created);
  EXPECT_EQ(partial.rows[2].error->field, "kind");
  EXPECT_EQ(partial.rows[3].error->field, "date") << "repeats row 1";
  EXPECT_EQ(partial.rows[4].error->field, "name");
  EXPECT_FALSE(partial.rows[1].id) << "a day has no id";
  EXPECT_EQ(calendar_.year(2026).value().exceptions.size(), 2u);
}

}  // namespace
}  // namespace laurel::crm
